package org.minga.fiscal;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.minga.fiscal.internal.LawData;
import org.minga.fiscal.internal.Places;
import org.minga.identity.Scopes;
import org.minga.platform.AuditLog;
import org.minga.platform.AuditLog.Change;
import org.minga.platform.Checks;
import org.minga.platform.Inputs;
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

    /** A rate band as entered: values in whole pesos (the page reads "150.000.000"), the rate per mil with two decimals. */
    public record BandInput(String zone, String destination, Integer stratum, BigDecimal valueFrom, BigDecimal valueTo,
            BigDecimal ratePerMil) {

        public static final BandInput EMPTY = new BandInput(null, null, null, null, null, null);
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
        Checks checks = new Checks();
        String code = places.writable(schemeId, municipality, year, true, checks);
        validate(in, year, "", checks);
        checks.orThrow();
        long id = jdbc.sql("""
                insert into fiscal_rate_band (scheme_id, municipality, year, zone, destination, stratum, value_from, value_to, rate_per_mil)
                values (:s, :m, :y, :z, :d, :st, :f, :t, :r) returning id""").param("s", schemeId).param("m", code)
                .param("y", year).param("z", letter(in.zone())).param("d", letter(in.destination()))
                .param("st", in.stratum()).param("f", pesos(in.valueFrom())).param("t", pesos(in.valueTo()))
                .param("r", in.ratePerMil()).query(Long.class).single();
        Band band = band(id);
        audit.record(Change.created("fiscal_rate_band", id, schemeId,
                "Tarifa predial " + code + " " + year + ": " + in.ratePerMil().toPlainString() + " por mil", state(band)));
        return band;
    }

    @Transactional
    public void deleteBand(long schemeId, long bandId) {
        record Place(String municipality, int year) {
        }
        Place place = jdbc.sql("select municipality, year from fiscal_rate_band where id = :id and scheme_id = :s")
                .param("id", bandId).param("s", schemeId).query(Place.class).optional()
                .orElseThrow(() -> new NotFoundException("tarifa", bandId));
        scopes.requireUnitWrite(schemeId, place.municipality());
        Band band = band(bandId);
        jdbc.sql("delete from fiscal_rate_band where id = :id").param("id", bandId).update();
        audit.record(Change.deleted("fiscal_rate_band", bandId, schemeId,
                "Tarifa predial " + place.municipality() + " " + place.year() + " eliminada", state(band)));
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
    public void validate(BandInput in, Integer year, String prefix, Checks checks) {
        String zone = letter(in.zone());
        String dest = letter(in.destination());
        checks.rule(zone == null || zone.matches("[UR]"), prefix + "zone", "OneOf", "fiscal.band.zone");
        checks.rule(dest == null || dest.matches("[A-T]"), prefix + "destination", "OneOf", "fiscal.band.destination");
        checks.rule(in.stratum() == null || in.stratum() >= 0 && in.stratum() <= 6, prefix + "stratum", "Range",
                "fiscal.band.stratum");
        BigDecimal from = in.valueFrom();
        BigDecimal to = in.valueTo();
        checks.rule(whole(from) && whole(to) && (from == null || from.signum() >= 0) && (to == null || to.signum() > 0)
                && (from == null || to == null || from.compareTo(to) < 0), prefix + "valueTo", "Range", "fiscal.band.values");
        BigDecimal rate = in.ratePerMil();
        if (rate == null || rate.signum() <= 0 || rate.stripTrailingZeros().scale() > 2) {
            checks.rule(false, prefix + "ratePerMil", "Decimal", "fiscal.band.rate");
        } else if (places.validYear(year)) {
            law.bound(year, dest == null ? null : dest.charAt(0)).ifPresent(bound -> checks.rule(
                    rate.compareTo(bound.min()) >= 0 && rate.compareTo(bound.max()) <= 0, prefix + "ratePerMil",
                    "NationalRange", "fiscal.band.bounds", bound.min().stripTrailingZeros().toPlainString(),
                    bound.max().stripTrailingZeros().toPlainString(), bound.article()));
        }
    }

    /** Whole pesos below 10^14 (more than any parcel is worth), or nothing. */
    private static boolean whole(BigDecimal pesos) {
        return pesos == null || pesos.stripTrailingZeros().scale() <= 0 && pesos.abs().compareTo(MAX_PESOS) < 0;
    }

    private static Long pesos(BigDecimal value) {
        return value == null ? null : value.longValueExact();
    }

    private static final BigDecimal MAX_PESOS = BigDecimal.TEN.pow(14);

    // ---- economic facts ------------------------------------------------------------------------

    @Transactional(readOnly = true)
    public List<LawData.EconomicYear> economicYears() {
        return law.economicYears();
    }

    /**
     * Replaces a year's CPI (percent) and minimum wage (whole pesos); both are required, so a PUT
     * that names one value never erases the other by omission. Platform administrators only.
     */
    @Transactional
    public LawData.EconomicYear replaceEconomicYear(Integer year, BigDecimal cpiPercent, BigDecimal minimumWage) {
        scopes.requirePlatformAdmin();
        new Checks().rule(cpiPercent != null, "cpiPercent", "NotNull", "fiscal.economy.required")
                .rule(minimumWage != null, "minimumWage", "NotNull", "fiscal.economy.required").orThrow();
        return updateEconomicYear(year, cpiPercent, minimumWage);
    }

    /**
     * Updates a year's CPI (percent) and minimum wage (whole pesos), each only when given: a value
     * left out keeps what the year had (PATCH semantics, and the page's form). Platform administrators only.
     */
    @Transactional
    public LawData.EconomicYear updateEconomicYear(Integer year, BigDecimal cpiPercent, BigDecimal minimumWage) {
        scopes.requirePlatformAdmin();
        Checks checks = new Checks();
        places.year(year, checks);
        checks.rule(cpiPercent == null || cpiPercent.abs().compareTo(BigDecimal.valueOf(1000)) < 0
                && cpiPercent.stripTrailingZeros().scale() <= 2, "cpiPercent", "Decimal", "fiscal.economy.cpi");
        checks.rule(minimumWage == null || minimumWage.signum() > 0 && whole(minimumWage), "minimumWage", "Positive",
                "fiscal.economy.wage");
        checks.rule(cpiPercent != null || minimumWage != null, "cpiPercent", "NotNull", "fiscal.economy.nothing");
        checks.orThrow();
        var before = law.economicYear(year);
        jdbc.sql("""
                insert into fiscal_economic_year (year, cpi_percent, minimum_wage, updated_by, updated_at)
                values (:y, :c, :w, :by, now())
                on conflict (year) do update set cpi_percent = coalesce(excluded.cpi_percent, fiscal_economic_year.cpi_percent),
                minimum_wage = coalesce(excluded.minimum_wage, fiscal_economic_year.minimum_wage),
                updated_by = excluded.updated_by, updated_at = now()""").param("y", year).param("c", cpiPercent)
                .param("w", pesos(minimumWage)).param("by", SystemActor.current()).update();
        var after = law.economicYear(year).orElseThrow();
        audit.record(new Change(before.isPresent() ? "UPDATE" : "CREATE", "fiscal_economic_year", year, null,
                "IPC y salario mínimo " + year, before.map(TaxRates::state).orElse(null), state(after)));
        return after;
    }

    /** A zone or destination letter as entered, upper case; null when blank. */
    private static String letter(String s) {
        String text = Inputs.text(s);
        return text == null ? null : text.toUpperCase(java.util.Locale.ROOT);
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
