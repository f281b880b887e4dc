package org.minga.fiscal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.minga.fiscal.internal.LawData;
import org.minga.fiscal.internal.Places;
import org.minga.identity.Scopes;
import org.minga.platform.AuditLog;
import org.minga.platform.AuditLog.Change;
import org.minga.platform.InvalidInputException;
import org.minga.platform.InvalidInputException.Violation;
import org.minga.platform.NotFoundException;
import org.minga.platform.SystemActor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A municipality's rates for a year, in per mil by zone, economic destination, stratum and value
 * range, checked against the national bounds; and the yearly CPI and minimum wage, which platform
 * administrators maintain.
 */
@Service
public class TaxRates {

    public record BandInput(String zone, String destination, Integer stratum, Long valueFrom, Long valueTo,
            BigDecimal ratePerMil) {
    }

    public record Band(long id, String zone, String destination, Integer stratum, Long valueFrom, Long valueTo,
            BigDecimal ratePerMil) {
    }

    private final JdbcClient jdbc;
    private final Scopes scopes;
    private final AuditLog audit;
    private final Places places;
    private final LawData law;

    TaxRates(JdbcClient jdbc, Scopes scopes, AuditLog audit, Places places, LawData law) {
        this.jdbc = jdbc;
        this.scopes = scopes;
        this.audit = audit;
        this.places = places;
        this.law = law;
    }

    @Transactional
    public Band addBand(long schemeId, String municipality, Integer year, BandInput in) {
        scopes.requireUnitWrite(schemeId, municipality == null ? "" : municipality.strip());
        List<Violation> errors = new ArrayList<>();
        places.scheme(schemeId, errors);
        String code = places.municipality(schemeId, municipality, year, errors);
        if (!places.validYear(year)) {
            errors.add(new Violation("year", "Range", "fiscal.year"));
        }
        validate(in, year, "", errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        long id = jdbc.sql("""
                insert into fiscal_rate_band (scheme_id, municipality, year, zone, destination, stratum, value_from, value_to, rate_per_mil)
                values (:s, :m, :y, :z, :d, :st, :f, :t, :r) returning id""").param("s", schemeId).param("m", code)
                .param("y", year).param("z", blank(in.zone())).param("d", blank(in.destination()))
                .param("st", in.stratum()).param("f", in.valueFrom()).param("t", in.valueTo()).param("r", in.ratePerMil())
                .query(Long.class).single();
        Band band = band(id);
        audit.record(Change.created("fiscal_rate_band", id, schemeId,
                "Tarifa predial " + code + " " + year + ": " + in.ratePerMil().toPlainString() + " por mil", state(band)));
        return band;
    }

    @Transactional
    public void deleteBand(long schemeId, long bandId) {
        var row = jdbc.sql("select municipality, year from fiscal_rate_band where id = :id and scheme_id = :s")
                .param("id", bandId).param("s", schemeId).query((rs, n) -> new Object[] {rs.getString(1), rs.getInt(2)})
                .optional().orElseThrow(() -> new NotFoundException("tarifa", bandId));
        scopes.requireUnitWrite(schemeId, (String) row[0]);
        Band band = band(bandId);
        jdbc.sql("delete from fiscal_rate_band where id = :id").param("id", bandId).update();
        audit.record(Change.deleted("fiscal_rate_band", bandId, schemeId,
                "Tarifa predial " + row[0] + " " + row[1] + " eliminada", state(band)));
    }

    @Transactional(readOnly = true)
    public List<Band> bands(long schemeId, String municipality, int year) {
        return jdbc.sql("""
                select id, zone, destination, stratum, value_from, value_to, rate_per_mil from fiscal_rate_band
                where scheme_id = :s and municipality = :m and year = :y order by id""").param("s", schemeId)
                .param("m", municipality).param("y", year).query(Band.class).list();
    }

    Band band(long id) {
        return jdbc.sql("select id, zone, destination, stratum, value_from, value_to, rate_per_mil from fiscal_rate_band where id = :id")
                .param("id", id).query(Band.class).single();
    }

    /** Checks one band; {@code prefix} names it inside a list ("bands[2].") or is empty. */
    public void validate(BandInput in, Integer year, String prefix, List<Violation> errors) {
        String zone = blank(in.zone());
        String dest = blank(in.destination());
        if (zone != null && !zone.matches("[UR]")) {
            errors.add(new Violation(prefix + "zone", "OneOf", "fiscal.band.zone"));
        }
        if (dest != null && !dest.matches("[A-T]")) {
            errors.add(new Violation(prefix + "destination", "OneOf", "fiscal.band.destination"));
        }
        if (in.stratum() != null && (in.stratum() < 0 || in.stratum() > 6)) {
            errors.add(new Violation(prefix + "stratum", "Range", "fiscal.band.stratum"));
        }
        if (in.valueFrom() != null && in.valueFrom() < 0 || in.valueTo() != null && in.valueTo() <= 0
                || in.valueFrom() != null && in.valueTo() != null && in.valueFrom() >= in.valueTo()) {
            errors.add(new Violation(prefix + "valueTo", "Range", "fiscal.band.values"));
        }
        BigDecimal rate = in.ratePerMil();
        if (rate == null || rate.signum() <= 0 || rate.stripTrailingZeros().scale() > 2) {
            errors.add(new Violation(prefix + "ratePerMil", "Decimal", "fiscal.band.rate"));
        } else if (places.validYear(year)) {
            var bound = law.bound(year, dest == null ? null : dest.charAt(0));
            if (bound.isPresent() && (rate.compareTo(bound.get().min()) < 0 || rate.compareTo(bound.get().max()) > 0)) {
                errors.add(new Violation(prefix + "ratePerMil", "NationalRange", "fiscal.band.bounds",
                        bound.get().min().stripTrailingZeros().toPlainString(),
                        bound.get().max().stripTrailingZeros().toPlainString(), bound.get().article()));
            }
        }
    }

    // ---- economic facts ------------------------------------------------------------------------

    @Transactional(readOnly = true)
    public List<LawData.EconomicYear> economicYears() {
        return law.economicYears();
    }

    /** Sets a year's CPI (percent) and minimum wage (pesos); platform administrators only. */
    @Transactional
    public LawData.EconomicYear setEconomicYear(Integer year, BigDecimal cpiPercent, Long minimumWage) {
        scopes.requirePlatformAdmin();
        List<Violation> errors = new ArrayList<>();
        if (!places.validYear(year)) {
            errors.add(new Violation("year", "Range", "fiscal.year"));
        }
        if (cpiPercent != null && (cpiPercent.abs().compareTo(BigDecimal.valueOf(1000)) >= 0
                || cpiPercent.stripTrailingZeros().scale() > 2)) {
            errors.add(new Violation("cpiPercent", "Decimal", "fiscal.economy.cpi"));
        }
        if (minimumWage != null && minimumWage <= 0) {
            errors.add(new Violation("minimumWage", "Positive", "fiscal.economy.wage"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        var before = law.economicYear(year);
        jdbc.sql("""
                insert into fiscal_economic_year (year, cpi_percent, minimum_wage, updated_by, updated_at)
                values (:y, :c, :w, :by, now())
                on conflict (year) do update set cpi_percent = excluded.cpi_percent, minimum_wage = excluded.minimum_wage,
                updated_by = excluded.updated_by, updated_at = now()""").param("y", year).param("c", cpiPercent)
                .param("w", minimumWage).param("by", SystemActor.current()).update();
        var after = law.economicYear(year).orElseThrow();
        audit.record(new Change(before.isPresent() ? "UPDATE" : "CREATE", "fiscal_economic_year", year, null,
                "IPC y salario mínimo " + year, before.map(TaxRates::state).orElse(null), state(after)));
        return after;
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip().toUpperCase();
    }

    private static Map<String, Object> state(LawData.EconomicYear e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("year", e.year());
        m.put("cpiPercent", e.cpiPercent() == null ? null : e.cpiPercent().toPlainString());
        m.put("minimumWage", e.minimumWage());
        return m;
    }

    private static Map<String, Object> state(Band b) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("zone", b.zone());
        m.put("destination", b.destination());
        m.put("stratum", b.stratum());
        m.put("valueFrom", b.valueFrom());
        m.put("valueTo", b.valueTo());
        m.put("ratePerMil", b.ratePerMil().toPlainString());
        return m;
    }
}
