package org.minga.fiscal.internal;

import java.time.LocalDate;
import java.util.List;

import org.minga.identity.Scopes;
import org.minga.platform.Checks;
import org.minga.platform.InvalidInputException.Violation;
import org.minga.platform.Zones;
import org.minga.registry.MemberUnits;
import org.minga.registry.Scheme;
import org.minga.registry.Schemes;
import org.minga.territory.Level;
import org.minga.territory.TerritorialUnit;
import org.minga.territory.Territory;
import org.springframework.stereotype.Component;

/** Checks that a scheme is Colombian and a municipality exists in the year asked about. */
@Component
public record Places(Schemes schemes, Territory territory, MemberUnits memberUnits, Scopes scopes, Zones zones) {

    /**
     * The opening of every fiscal write: the caller may write for the municipality (403 otherwise),
     * the scheme is Colombian, the municipality is one of its members and, when {@code yearly}, the
     * year is valid. Violations go into {@code checks}; returns the municipality code, stripped.
     */
    public String writable(long schemeId, String municipality, Integer year, boolean yearly, Checks checks) {
        String code = municipality == null ? "" : municipality.strip();
        scopes.requireUnitWrite(schemeId, code);
        List<Violation> errors = new java.util.ArrayList<>();
        scheme(schemeId, errors);
        municipality(schemeId, code, year, errors);
        checks.addAll(errors);
        if (yearly) {
            year(year, checks);
        }
        return code;
    }

    /** A year of the property tax: 1991 (the constitution) to 2100; {@code Range} on {@code year} otherwise. */
    public void year(Integer year, Checks checks) {
        checks.rule(validYear(year), "year", "Range", "fiscal.year");
    }

    /** The scheme (404 if absent); a violation when it is not Colombian: the property tax is Colombian law. */
    public Scheme scheme(long schemeId, List<Violation> errors) {
        Scheme scheme = schemes.get(schemeId);
        if (scheme.getCountry() != Scheme.Country.CO) {
            errors.add(new Violation("schemeId", "Country", "fiscal.scheme.country"));
        }
        return scheme;
    }

    public boolean validYear(Integer year) {
        return year != null && year >= 1991 && year <= 2100;
    }

    /**
     * The municipality code stripped, adding a violation when it is no DIVIPOLA municipality that
     * year or no member of the scheme in that year (on its first day, or on its last day up to
     * today): a scheme sets rates, loads cadastres and liquidates only for its own members.
     */
    public String municipality(long schemeId, String code, Integer year, List<Violation> errors) {
        String c = code == null ? "" : code.strip();
        if (!c.matches("\\d{5}")) {
            errors.add(new Violation("municipality", "Pattern", "fiscal.municipality.pattern"));
            return c;
        }
        LocalDate today = zones.today("CO");
        LocalDate at = validYear(year) ? LocalDate.of(year, 12, 31) : today;
        if (territory.find("CO", c, at).isEmpty() && territory.find("CO", c, at.withDayOfYear(1)).isEmpty()) {
            errors.add(new Violation("municipality", "Exists", "fiscal.municipality.unknown", c));
            return c;
        }
        LocalDate first = at.withDayOfYear(1);
        LocalDate last = at.isAfter(today) && today.isAfter(first) ? today : at;
        if (!memberUnits.covers(schemeId, c, first)) {
            memberUnits.check(schemeId, "municipality", c, last).ifPresent(errors::add);
        }
        return c;
    }

    /** The scheme's member municipalities today, by name: the ones its page offers to open. */
    public List<TerritorialUnit> memberMunicipalities(long schemeId) {
        LocalDate today = zones.today("CO");
        List<String> codes = schemes.memberUnits(schemeId, today).stream().filter(java.util.Objects::nonNull).toList();
        return territory.findAll("CO", codes, today).values().stream().filter(u -> u.level() == Level.MUNICIPALITY)
                .sorted(java.util.Comparator.comparing(TerritorialUnit::name)).toList();
    }

    public String name(String code) {
        return territory.find("CO", code, zones.today("CO")).map(u -> u.name()).orElse(code);
    }
}
