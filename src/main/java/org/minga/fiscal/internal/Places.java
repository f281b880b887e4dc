package org.minga.fiscal.internal;

import java.time.LocalDate;
import java.util.List;

import org.minga.platform.InvalidInputException.Violation;
import org.minga.registry.MemberUnits;
import org.minga.registry.Scheme;
import org.minga.registry.Schemes;
import org.minga.territory.Territory;
import org.springframework.stereotype.Component;

/** Checks that a scheme is Colombian and a municipality exists in the year asked about. */
@Component
public class Places {

    private final Schemes schemes;
    private final Territory territory;
    private final MemberUnits memberUnits;

    Places(Schemes schemes, Territory territory, MemberUnits memberUnits) {
        this.schemes = schemes;
        this.territory = territory;
        this.memberUnits = memberUnits;
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
        LocalDate at = validYear(year) ? LocalDate.of(year, 12, 31) : LocalDate.now();
        if (territory.find("CO", c, at).isEmpty() && territory.find("CO", c, at.withDayOfYear(1)).isEmpty()) {
            errors.add(new Violation("municipality", "Exists", "fiscal.municipality.unknown", c));
            return c;
        }
        LocalDate first = at.withDayOfYear(1);
        LocalDate last = at.isAfter(LocalDate.now()) && LocalDate.now().isAfter(first) ? LocalDate.now() : at;
        if (!memberUnits.covers(schemeId, c, first)) {
            memberUnits.check(schemeId, "municipality", c, last).ifPresent(errors::add);
        }
        return c;
    }

    public String name(String code) {
        return territory.find("CO", code, LocalDate.now()).map(u -> u.name()).orElse(code);
    }
}
