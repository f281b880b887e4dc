package org.minga.fiscal.internal;

import java.sql.Connection;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.minga.fiscal.internal.LiquidationRun.Dimension;
import org.minga.fiscal.internal.LiquidationRun.Scenario;
import org.minga.fiscal.internal.TaxEngine.RateBand;
import org.minga.fiscal.internal.TaxEngine.Zone;
import org.minga.platform.AuditLog;
import org.minga.platform.AuditLog.Change;
import org.minga.platform.JobHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.ObjectMapper;

/**
 * Runs a liquidation or a simulation: the engine over every parcel of the cadastre, the results
 * COPYed into a new table attached as the liquidation's partition, the totals stored, in one
 * final transaction. A parcel no rate band covers fails the whole run.
 */
@Component
public class LiquidationJob extends JobHandler.Of<LiquidationJob.Request> {

    public static final String TYPE = "FISCAL_LIQUIDATION";

    public record Request(long liquidationId) {
    }

    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final AuditLog audit;
    private final LawData law;
    private final ObjectMapper json;

    LiquidationJob(DataSource dataSource, JdbcClient jdbc, TransactionTemplate tx, AuditLog audit, LawData law,
            ObjectMapper json) {
        super(TYPE, Request.class);
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.tx = tx;
        this.audit = audit;
        this.law = law;
        this.json = json;
    }

    @Override
    public String resultLink(Request request, tools.jackson.databind.JsonNode result) {
        return "/fiscal/liquidations/" + request.liquidationId();
    }

    /** The municipality and year's page, where the rates are corrected and the liquidation run again. */
    @Override
    public String retryLink(Request request) {
        return jdbc.sql("select scheme_id, municipality, year from fiscal_liquidation where id = :id")
                .param("id", request.liquidationId())
                .query((rs, n) -> "/fiscal/schemes/" + rs.getLong("scheme_id") + "/municipalities/"
                        + rs.getString("municipality") + "/years/" + rs.getInt("year"))
                .optional().orElse(null);
    }

    record Row(long id, long schemeId, String municipality, int year, long cadastreId, String kind, String parameters,
            String regime, Integer parcels, int lastLine) {
    }

    /** Loads the engine for a liquidation: its municipality's bands for the year, its regime and economy. */
    public TaxEngine engine(long schemeId, String municipality, int year, String regimeCode) {
        List<RateBand> bands = bands(schemeId, municipality, year);
        var regime = law.regime(regimeCode);
        return new TaxEngine(bands, regime, law.economy(year, regime, new java.util.ArrayList<>()));
    }

    static List<RateBand> scaled(List<RateBand> bands, int percent) {
        return bands.stream().map(b -> new RateBand(b.zone(), b.destination(), b.stratum(), b.valueFrom(), b.valueTo(),
                (int) ((b.rateHundredths() * (long) percent + 50) / 100))).toList();
    }

    @Override
    public Object run(Request request, Progress progress) throws Exception {
        Row l = jdbc.sql("""
                select f.id, f.scheme_id, f.municipality, f.year, f.cadastre_id, f.kind, f.parameters::text, f.regime, c.parcels,
                       c.last_line
                from fiscal_liquidation f join fiscal_cadastre c on c.id = f.cadastre_id where f.id = :id""")
                .param("id", request.liquidationId()).query(Row.class).single();
        String table = "fiscal_liquidation_parcel_l" + l.id();
        try {
            Scenario scenario = scenario(l.parameters());
            TaxEngine base = engine(l.schemeId(), l.municipality(), l.year(), l.regime());
            TaxEngine engine = scenario.ratePercent() == 100 ? base
                    : new TaxEngine(scaled(bandsOf(l), scenario.ratePercent()), base.regime(), base.economy());
            recordLaw(l.id(), engine);
            long total = l.parcels() == null ? 1 : Math.max(1, l.parcels());
            progress.report(1, "Liquidando " + total + " predios");
            var outcome = new LiquidationRun(dataSource).run(l.id(), l.cadastreId(), l.lastLine(), engine, scenario, table,
                    n -> progress.report((int) Math.min(90, 1 + 89 * n / total), n + " predios liquidados"));
            if (outcome.unratedCount() > 0) {
                throw new IllegalStateException(outcome.unratedCount() + " predios sin tarifa que les corresponda, p. ej. "
                        + String.join(", ", outcome.unrated().stream().map(String::strip).toList()));
            }
            progress.report(92, "Indexando resultados");
            long indexStart = System.nanoTime();
            try (Connection con = dataSource.getConnection(); Statement st = con.createStatement()) {
                st.execute("create index on " + table + " using brin (line)");
            }
            long indexMillis = (System.nanoTime() - indexStart) / 1_000_000;
            Map<String, Object> result = store(l, table, outcome, indexMillis);
            progress.report(100, "Liquidación terminada: " + outcome.parcels() + " predios");
            return result;
        } catch (Exception e) {
            Partitions.drop(dataSource, table);
            jdbc.sql("update fiscal_liquidation set status = 'FAILED', error = :e where id = :id and status = 'RUNNING'")
                    .param("e", String.valueOf(e.getMessage())).param("id", l.id()).update();
            throw e;
        }
    }

    /**
     * In one transaction: the results' table becomes the liquidation's partition, its totals by
     * dimension are stored and it is done; returns (and audits) what the job reports.
     */
    private Map<String, Object> store(Row l, String table, LiquidationRun.Outcome outcome, long indexMillis) {
        Map<String, Object> result = new LinkedHashMap<>();
        tx.executeWithoutResult(s -> {
            jdbc.sql("alter table fiscal_liquidation_parcel attach partition " + table + " for values in (" + l.id() + ")")
                    .update();
            for (Dimension dimension : Dimension.values()) {
                outcome.totals().of(dimension).forEach((key, t) -> jdbc.sql("""
                        insert into fiscal_liquidation_total (liquidation_id, dimension, key, parcels, base, tax_before,
                        final_tax, previous_tax, lost) values (:l, :d, :k, :p, :b, :tb, :f, :pr, :lo)""")
                        .param("l", l.id()).param("d", dimension.name()).param("k", key).param("p", t.parcels)
                        .param("b", t.base).param("tb", t.before).param("f", t.finalTax).param("pr", t.previous)
                        .param("lo", t.lost).update());
            }
            // Every parcel is in exactly one zone: the zones add up to the whole.
            var zones = outcome.totals().of(Dimension.ZONE).values();
            long before = zones.stream().mapToLong(t -> t.before).sum();
            long fin = zones.stream().mapToLong(t -> t.finalTax).sum();
            long prev = zones.stream().mapToLong(t -> t.previous).sum();
            jdbc.sql("""
                    update fiscal_liquidation set status = 'DONE', parcels = :p, total_before = :b, total_final = :f,
                    total_previous = :pr, millis = :ms where id = :id""").param("p", outcome.parcels()).param("b", before)
                    .param("f", fin).param("pr", prev).param("ms", outcome.millis()).param("id", l.id()).update();
            result.put("liquidationId", l.id());
            result.put("kind", l.kind());
            result.put("parcels", outcome.parcels());
            result.put("totalBeforeLimits", before);
            result.put("totalFinal", fin);
            result.put("computeMillis", outcome.millis());
            result.put("indexMillis", indexMillis);
            audit.record(new Change(l.kind().equals("OFFICIAL") ? "LIQUIDATE" : "SIMULATE", "fiscal_liquidation",
                    l.id(), l.schemeId(), (l.kind().equals("OFFICIAL") ? "Liquidación predial " : "Simulación predial ")
                            + l.municipality() + " " + l.year() + ": " + outcome.parcels() + " predios, $" + fin,
                    null, result));
        });
        return result;
    }

    /**
     * Keeps with the liquidation the parameters it is computed with (the CPI and minimum wage, the
     * rates, the regime's limits and exceptions, the national bounds), so a parcel's tax can be
     * explained later even after an administrator changes a year's figures or a council its rates.
     */
    private void recordLaw(long liquidationId, TaxEngine engine) {
        var economy = engine.economy();
        Map<String, Object> used = new LinkedHashMap<>();
        used.put("regime", engine.regime().code());
        used.put("cpiYear", economy.year() - 1);
        // The figures on record (null when a year has none: then no limit of the regime needed it).
        used.put("cpiPercent", law.economicYear(economy.year() - 1).map(LawData.EconomicYear::cpiPercent).orElse(null));
        used.put("minimumWageYear", economy.year());
        used.put("minimumWage", law.economicYear(economy.year()).map(LawData.EconomicYear::minimumWage).orElse(null));
        used.put("limits", engine.regime().limits());
        used.put("exceptions", engine.regime().exceptions());
        used.put("rates", engine.bands());
        used.put("bounds", java.util.stream.Stream.of('A', 'Q').map(d -> law.bound(economy.year(), d))
                .flatMap(java.util.Optional::stream).toList());
        jdbc.sql("update fiscal_liquidation set law = cast(:j as jsonb) where id = :id")
                .param("j", json.writeValueAsString(used)).param("id", liquidationId).update();
    }

    private List<RateBand> bandsOf(Row l) {
        return bands(l.schemeId(), l.municipality(), l.year());
    }

    List<RateBand> bands(long schemeId, String municipality, int year) {
        return jdbc.sql("""
                select zone, destination, stratum, value_from, value_to, (rate_per_mil * 100)::int as rate_hundredths from fiscal_rate_band
                where scheme_id = :s and municipality = :m and year = :y order by id""").param("s", schemeId)
                .param("m", municipality).param("y", year)
                .query((rs, n) -> new RateBand(rs.getString("zone") == null ? null : Zone.valueOf(rs.getString("zone")),
                        rs.getString("destination") == null ? null : rs.getString("destination").charAt(0),
                        rs.getObject("stratum", Integer.class), rs.getObject("value_from", Long.class),
                        rs.getObject("value_to", Long.class), rs.getInt("rate_hundredths")))
                .list();
    }

    Scenario scenario(String parameters) {
        if (parameters == null || parameters.isBlank() || parameters.equals("{}")) {
            return Scenario.NONE;
        }
        Map<?, ?> m = json.readValue(parameters, Map.class);
        return new Scenario(intOf(m.get("ratePercent")), intOf(m.get("urbanValuePercent")),
                intOf(m.get("ruralValuePercent")));
    }

    private static int intOf(Object o) {
        return o == null ? 100 : ((Number) o).intValue();
    }
}
