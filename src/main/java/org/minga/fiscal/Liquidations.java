package org.minga.fiscal;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.minga.fiscal.internal.LawData;
import org.minga.fiscal.internal.LiquidationJob;
import org.minga.fiscal.internal.Places;
import org.minga.identity.Scopes;
import org.minga.platform.AuditLog;
import org.minga.platform.AuditLog.Change;
import org.minga.platform.InvalidInputException;
import org.minga.platform.Checks;
import org.minga.platform.Jobs;
import org.minga.platform.NotFoundException;
import org.minga.platform.SystemActor;
import org.minga.platform.TableWriter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.ObjectMapper;

/**
 * Liquidations of a municipality's cadastre for a year (OFFICIAL) and what-if runs (SIMULATION)
 * that change rates or values without touching the official one: submitted as jobs, then read as
 * totals, per-parcel results and explanations.
 */
@Service
public class Liquidations {

    public enum Kind { OFFICIAL, SIMULATION }

    /** A simulation's changes in percent of the real rates and values (100 = unchanged). */
    public record ScenarioInput(String name, Integer ratePercent, Integer urbanValuePercent, Integer ruralValuePercent) {
    }

    public record Liquidation(long id, long schemeId, String municipality, int year, long cadastreId, String kind,
            String name, String parameters, String regime, String status, Integer parcels, Long totalBefore,
            Long totalFinal, Long totalPrevious, Integer millis, UUID jobId, String error, Instant createdAt, String law) {

        public long lost() {
            return totalBefore == null || totalFinal == null ? 0 : totalBefore - totalFinal;
        }
    }

    public record Total(String dimension, String key, int parcels, long base, long taxBefore, long finalTax,
            long previousTax, long lost) {
    }

    public record Submitted(long liquidationId, UUID jobId) {
    }

    /** Why one parcel pays what it pays. Amounts in pesos; the cap exactly, before rounding. */
    public record Explanation(long liquidationId, String kind, int year, String regime, String parcelNumber,
            String zone, String destination, int stratum, long cadastralValue, long base, BigDecimal ratePerMil,
            long taxBeforeLimit, Long previousTax, String limitCode, String limitArticle, BigDecimal limitCap,
            boolean limited, String exception, String exceptionArticle, long finalTax, long lostToLimit,
            BigDecimal increasePercent, Economy economy) {
    }

    /**
     * The CPI (of the year before) and minimum wage (of the year) the liquidation recorded when it
     * ran; null figures when the year had none, or the liquidation predates this record.
     */
    public record Economy(int cpiYear, BigDecimal cpiPercent, int minimumWageYear, Long minimumWage) {
    }

    public record ParcelResult(int line, String parcelNumber, long base, BigDecimal ratePerMil, long taxBefore, String limitCode,
            boolean limited, String exception, long finalTax, Long previousTax) {
    }

    private final JdbcClient jdbc;
    private final Scopes scopes;
    private final AuditLog audit;
    private final Places places;
    private final LawData law;
    private final Jobs jobs;
    private final Cadastres cadastres;
    private final TransactionTemplate tx;
    private final ObjectMapper json;

    Liquidations(JdbcClient jdbc, Scopes scopes, AuditLog audit, Places places, LawData law, Jobs jobs,
            Cadastres cadastres, TransactionTemplate tx, ObjectMapper json) {
        this.jdbc = jdbc;
        this.scopes = scopes;
        this.audit = audit;
        this.places = places;
        this.law = law;
        this.jobs = jobs;
        this.cadastres = cadastres;
        this.tx = tx;
        this.json = json;
    }

    public Submitted liquidate(long schemeId, String municipality, Integer year) {
        return submit(schemeId, municipality, year, Kind.OFFICIAL, null);
    }

    public Submitted simulate(long schemeId, String municipality, Integer year, ScenarioInput scenario) {
        return submit(schemeId, municipality, year, Kind.SIMULATION, scenario == null
                ? new ScenarioInput(null, null, null, null) : scenario);
    }

    private Submitted submit(long schemeId, String municipality, Integer year, Kind kind, ScenarioInput scenario) {
        Checks checks = new Checks();
        String code = places.writable(schemeId, municipality, year, true, checks);
        if (!places.validYear(year)) {
            checks.orThrow();
        }
        Map<String, Object> parameters = new LinkedHashMap<>();
        if (scenario != null) {
            percent(scenario.ratePercent(), "ratePercent", parameters, checks);
            percent(scenario.urbanValuePercent(), "urbanValuePercent", parameters, checks);
            percent(scenario.ruralValuePercent(), "ruralValuePercent", parameters, checks);
        }
        var cadastre = cadastres.active(schemeId, code, year);
        checks.rule(cadastre.isPresent(), "year", "Cadastre", "fiscal.liquidation.noCadastre", code, String.valueOf(year));
        checks.rule(jdbc.sql("select count(*) from fiscal_rate_band where scheme_id = :s and municipality = :m and year = :y")
                .param("s", schemeId).param("m", code).param("y", year).query(Integer.class).single() > 0, "rates",
                "NotEmpty", "fiscal.liquidation.noRates", code, String.valueOf(year));
        String regime = law.regimeCode(year);
        List<String> missing = new ArrayList<>();
        law.economy(year, law.regime(regime), missing);
        checks.rule(missing.isEmpty(), "year", "EconomicData", "fiscal.liquidation.economy", String.join(", ", missing))
                .orThrow();
        String name = scenario == null ? null
                : scenario.name() == null || scenario.name().isBlank() ? "Simulación" : scenario.name().strip();
        return tx.execute(s -> {
            long id = jdbc.sql("""
                    insert into fiscal_liquidation (scheme_id, municipality, year, cadastre_id, kind, name, parameters, regime,
                    status, created_by) values (:s, :m, :y, :c, :k, :n, cast(:p as jsonb), :r, 'RUNNING', :by) returning id""")
                    .param("s", schemeId).param("m", code).param("y", year).param("c", cadastre.get().id())
                    .param("k", kind.name()).param("n", name).param("p", json.writeValueAsString(parameters))
                    .param("r", regime).param("by", SystemActor.current()).query(Long.class).single();
            UUID job = jobs.submit(LiquidationJob.TYPE, new LiquidationJob.Request(id), schemeId);
            jdbc.sql("update fiscal_liquidation set job_id = :j where id = :id").param("j", job).param("id", id).update();
            Map<String, Object> state = new LinkedHashMap<>(parameters);
            state.put("municipality", code);
            state.put("year", year);
            state.put("kind", kind.name());
            audit.record(Change.created("fiscal_liquidation", id, schemeId, (kind == Kind.OFFICIAL ? "Liquidación "
                    : "Simulación ") + code + " " + year + " solicitada", state));
            return new Submitted(id, job);
        });
    }

    private static void percent(Integer value, String field, Map<String, Object> parameters, Checks checks) {
        if (value == null) {
            return;
        }
        checks.rule(value >= 1 && value <= 1000, field, "Range", "fiscal.simulation.percent");
        if (value >= 1 && value <= 1000) {
            parameters.put(field, value);
        }
    }

    private static final java.util.regex.Pattern PARCEL_NUMBER = java.util.regex.Pattern.compile("\\d{30}");

    private static final String COLUMNS = """
            id, scheme_id, municipality, year, cadastre_id, kind, name, parameters::text, regime, status, parcels,
            total_before, total_final, total_previous, millis, job_id, error, created_at, law::text""";

    /**
     * The liquidation, when the current user may read its municipality's records in its scheme
     * (otherwise 404, as if it did not exist).
     */
    public Liquidation readable(long id) {
        Liquidation l = get(id);
        if (!scopes.canReadUnit(l.schemeId(), l.municipality())) {
            throw new NotFoundException("liquidación", id);
        }
        return l;
    }

    /**
     * Parcel-level results (a parcel's value, tax and limit) are the owner's tax data: only the scheme's
     * administrators and staff and the municipality's member official see them; others get 403.
     */
    public Liquidation requireParcelLevel(long id) {
        Liquidation l = readable(id);
        if (!scopes.canSeeUnitPersonalData(l.schemeId(), l.municipality())) {
            throw new org.springframework.security.access.AccessDeniedException(
                    "Los resultados por predio son datos de sus propietarios: solo los ven el equipo del esquema y el"
                            + " municipio.");
        }
        return l;
    }

    /** {@link #totals} as the current reader may see them: small strata and zones suppressed unless parcel-level is allowed. */
    public List<Total> readableTotals(long id) {
        Liquidation l = readable(id);
        List<Total> all = totals(id);
        return scopes.canSeeUnitPersonalData(l.schemeId(), l.municipality()) ? all
                : org.minga.fiscal.internal.SmallCells.suppress(all, Total::dimension, Total::parcels);
    }

    public Liquidation get(long id) {
        return jdbc.sql("select " + COLUMNS + " from fiscal_liquidation where id = :id").param("id", id)
                .query(Liquidation.class).optional().orElseThrow(() -> new NotFoundException("liquidación", id));
    }

    public List<Liquidation> list(long schemeId, String municipality, int year, int page, int size) {
        return jdbc.sql("select " + COLUMNS + """
                 from fiscal_liquidation where scheme_id = :s and municipality = :m and year = :y
                order by id desc limit :size offset :off""").param("s", schemeId).param("m", municipality)
                .param("y", year).param("size", size).param("off", page * size).query(Liquidation.class).list();
    }

    /** The latest finished official liquidation of a municipality and year. */
    public Optional<Liquidation> official(long schemeId, String municipality, int year) {
        return jdbc.sql("select " + COLUMNS + """
                 from fiscal_liquidation where scheme_id = :s and municipality = :m and year = :y
                and kind = 'OFFICIAL' and status = 'DONE' order by id desc limit 1""").param("s", schemeId)
                .param("m", municipality).param("y", year).query(Liquidation.class).optional();
    }

    public List<Total> totals(long id) {
        return jdbc.sql("""
                select dimension, key, parcels, base, tax_before, final_tax, previous_tax, lost from fiscal_liquidation_total
                where liquidation_id = :id order by dimension, key""").param("id", id).query(Total.class).list();
    }

    public Explanation explain(long id, String parcelNumber) {
        String number = parcelNumber == null ? "" : parcelNumber.strip();
        if (!PARCEL_NUMBER.matcher(number).matches()) {
            throw new InvalidInputException("parcelNumber", "Pattern", "fiscal.parcel.pattern");
        }
        return findExplanation(id, number).orElseThrow(() -> new NotFoundException("predio", number));
    }

    /** {@link #explain}, empty when the number is no parcel number or no parcel of the liquidation's cadastre. */
    public Optional<Explanation> findExplanation(long id, String parcelNumber) {
        Liquidation l = get(id);
        String number = parcelNumber == null ? "" : parcelNumber.strip();
        if (!PARCEL_NUMBER.matcher(number).matches()) {
            return Optional.empty();
        }
        return jdbc.sql("""
                select p.parcel_number, p.zone, p.destination, p.stratum, p.cadastral_value, r.base, r.rate_hundredths,
                       r.tax_before, p.previous_tax, r.limit_code, r.limit_cap_exact, r.limited, r.exception, r.final_tax
                from fiscal_parcel p
                join fiscal_liquidation_parcel r on r.liquidation_id = :id and r.line = p.line
                where p.cadastre_id = :c and p.parcel_number = :n""").param("id", id).param("c", l.cadastreId())
                .param("n", number).query((rs, n) -> {
                    String limit = rs.getString("limit_code");
                    String exception = rs.getString("exception");
                    Long previous = rs.getObject("previous_tax", Long.class);
                    long before = rs.getLong("tax_before");
                    long fin = rs.getLong("final_tax");
                    BigDecimal increase = previous == null || previous == 0 ? null
                            : BigDecimal.valueOf(fin - previous).multiply(BigDecimal.valueOf(100))
                                    .divide(BigDecimal.valueOf(previous), 2, RoundingMode.HALF_UP);
                    return new Explanation(id, l.kind(), l.year(), l.regime(), rs.getString("parcel_number").strip(),
                            rs.getString("zone"), rs.getString("destination"), rs.getInt("stratum"),
                            rs.getLong("cadastral_value"), rs.getLong("base"),
                            BigDecimal.valueOf(rs.getInt("rate_hundredths"), 2), before, previous, limit,
                            limit == null ? null : law.limitArticle(l.regime(), limit),
                            limit == null ? null : plain(BigDecimal.valueOf(rs.getLong("limit_cap_exact"), 5)),
                            rs.getBoolean("limited"), exception,
                            exception == null ? null : law.exceptionArticle(l.regime(), exception), fin, before - fin,
                            increase, economy(l));
                }).optional();
    }

    /** What the liquidation recorded of the year's CPI and minimum wage. */
    private Economy economy(Liquidation l) {
        Map<?, ?> used = l.law() == null ? Map.of() : json.readValue(l.law(), Map.class);
        Object cpi = used.get("cpiPercent");
        Object wage = used.get("minimumWage");
        return new Economy(l.year() - 1, cpi == null ? null : new BigDecimal(cpi.toString()), l.year(),
                wage == null ? null : ((Number) wage).longValue());
    }

    /** A number as JSON, CSV and XLSX write it: no exponent ("1290080", never "1.29008E+6"), no trailing zeros. */
    static BigDecimal plain(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    /** Results a page at a time in the cadastre's order (keyset: after the last line seen). */
    public List<ParcelResult> parcels(long id, Integer afterLine, boolean limitedOnly, int size) {
        Liquidation l = get(id);
        return jdbc.sql("""
                select r.line, p.parcel_number, r.base, r.rate_hundredths, r.tax_before, r.limit_code, r.limited, r.exception,
                       r.final_tax, p.previous_tax
                from fiscal_liquidation_parcel r join fiscal_parcel p on p.cadastre_id = :c and p.line = r.line
                where r.liquidation_id = :id and r.line > :after and (:lim = false or r.limited)
                order by r.line limit :size""").param("id", id).param("c", l.cadastreId())
                .param("after", afterLine == null ? 0 : afterLine).param("lim", limitedOnly).param("size", size)
                .query((rs, n) -> new ParcelResult(rs.getInt("line"), rs.getString("parcel_number").strip(),
                        rs.getLong("base"), BigDecimal.valueOf(rs.getInt("rate_hundredths"), 2), rs.getLong("tax_before"),
                        rs.getString("limit_code"), rs.getBoolean("limited"), rs.getString("exception"),
                        rs.getLong("final_tax"), rs.getObject("previous_tax", Long.class)))
                .list();
    }

    /** Writes every parcel's result, streamed (a cursor, no list in memory). */
    public void export(long id, TableWriter out) throws IOException {
        Liquidation l = get(id);
        IOException[] failure = new IOException[1];
        tx.executeWithoutResult(s -> jdbc.sql("""
                select p.parcel_number, r.base, r.rate_hundredths, r.tax_before, r.limit_code, r.limited, r.exception,
                       r.final_tax, p.previous_tax
                from fiscal_liquidation_parcel r join fiscal_parcel p on p.cadastre_id = :c and p.line = r.line
                where r.liquidation_id = :id order by r.line""").param("id", id).param("c", l.cadastreId())
                .withFetchSize(5_000).query(rs -> {
                    if (failure[0] != null) {
                        return;
                    }
                    try {
                        out.row(java.util.Arrays.asList(rs.getString("parcel_number").strip(), rs.getLong("base"),
                                BigDecimal.valueOf(rs.getInt("rate_hundredths"), 2), rs.getLong("tax_before"),
                                rs.getString("limit_code"), rs.getBoolean("limited") ? "S" : "N",
                                rs.getString("exception"), rs.getLong("final_tax"), rs.getObject("previous_tax")));
                    } catch (IOException e) {
                        failure[0] = e;
                    }
                }));
        if (failure[0] != null) {
            throw failure[0];
        }
    }
}
