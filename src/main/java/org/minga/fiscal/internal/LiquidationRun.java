package org.minga.fiscal.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;

import javax.sql.DataSource;

import org.minga.fiscal.internal.TaxEngine.Assessment;
import org.minga.fiscal.internal.TaxEngine.Parcel;
import org.minga.fiscal.internal.TaxEngine.Zone;
import org.postgresql.PGStatement;

/**
 * One pass over a cadastre, in parallel chunks of file lines: each chunk reads its parcels with a
 * forward-only cursor, assesses them with the {@link TaxEngine} and streams the results to its own
 * COPY (from a second thread, so reading, computing and writing overlap), adding up its totals;
 * the chunks' totals are merged at the end. Memory is bounded by the fetch size and the few
 * buffers in flight per chunk, not by the parcel count.
 */
public final class LiquidationRun {

    static final int FETCH = 10_000;

    /** Totals of one key: parcels, base, tax before limits, final tax, last year's tax, lost to limits. */
    public static final class Total {
        public long parcels, base, before, finalTax, previous, lost;

        void add(long base, Assessment a, long previousTax) {
            parcels++;
            this.base += base;
            before += a.taxBeforeLimit();
            finalTax += a.finalTax();
            previous += Math.max(0, previousTax);
            lost += a.lost();
        }

        void add(Total t) {
            parcels += t.parcels;
            base += t.base;
            before += t.before;
            finalTax += t.finalTax;
            previous += t.previous;
            lost += t.lost;
        }
    }

    /** What changes in a simulation: rates and values by zone in percent of the real ones (100 = unchanged). */
    public record Scenario(int ratePercent, int urbanValuePercent, int ruralValuePercent) {
        public static final Scenario NONE = new Scenario(100, 100, 100);
    }

    public record Outcome(long parcels, Map<String, Map<String, Total>> totals, List<String> unrated, long unratedCount,
            long millis) {
    }

    private final DataSource dataSource;
    private final int chunks;

    public LiquidationRun(DataSource dataSource) {
        // One chunk per processor: on two cores, two readers and two COPYs keep both busy.
        this(dataSource, Math.clamp(Runtime.getRuntime().availableProcessors(), 1, 4));
    }

    LiquidationRun(DataSource dataSource, int chunks) {
        this.dataSource = dataSource;
        this.chunks = chunks;
    }

    /** Housing increase bands for the distribution per household. */
    static String increaseBand(long previous, long now) {
        if (previous < 0) {
            return "NEW";
        }
        if (now <= previous) {
            return "0_NONE";
        }
        if (previous == 0) {
            return "6_OVER_100";
        }
        double pct = (now - previous) * 100.0 / previous;
        return pct <= 10 ? "1_UP_TO_10" : pct <= 25 ? "2_UP_TO_25" : pct <= 50 ? "3_UP_TO_50"
                : pct <= 100 ? "4_UP_TO_100" : "6_OVER_100";
    }

    static Map<String, Map<String, Total>> emptyTotals() {
        Map<String, Map<String, Total>> totals = new LinkedHashMap<>();
        for (String d : List.of("DESTINATION", "STRATUM", "ZONE", "LIMIT", "INCREASE")) {
            totals.put(d, new TreeMap<>());
        }
        return totals;
    }

    private record Part(long parcels, Map<String, Map<String, Total>> totals, List<String> unrated, long unratedCount) {
    }

    /** Runs over lines 1 to {@code lastLine} of the cadastre and writes the results into {@code table}. */
    public Outcome run(long liquidationId, long cadastreId, int lastLine, TaxEngine engine, Scenario scenario,
            String table, LongConsumer progress) throws Exception {
        long started = System.nanoTime();
        try (Connection con = dataSource.getConnection(); Statement st = con.createStatement()) {
            st.execute("drop table if exists " + table);
            st.execute("create table " + table + " (like fiscal_liquidation_parcel)");
        }
        // Chunks of at least 10,000 lines: below that, another connection costs more than it saves.
        int n = Math.clamp(lastLine / 10_000, 1, chunks);
        int span = lastLine / n + 1;
        AtomicLong done = new AtomicLong();
        List<Future<Part>> parts = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(n, Thread.ofPlatform().name("fiscal-liquidation-", 0).factory())) {
            for (int k = 0; k < n; k++) {
                int from = k * span;
                int to = (k + 1) * span;
                parts.add(pool.submit(() -> part(liquidationId, cadastreId, from, to, engine, scenario, table, done,
                        progress)));
            }
            long parcels = 0;
            long unratedCount = 0;
            Map<String, Map<String, Total>> totals = emptyTotals();
            List<String> unrated = new ArrayList<>();
            for (Future<Part> f : parts) {
                Part p = f.get();
                parcels += p.parcels();
                unratedCount += p.unratedCount();
                unrated.addAll(p.unrated());
                p.totals().forEach((dim, byKey) -> byKey.forEach((key, t) ->
                        totals.get(dim).computeIfAbsent(key, x -> new Total()).add(t)));
            }
            return new Outcome(parcels, totals, unrated.stream().limit(10).toList(), unratedCount,
                    (System.nanoTime() - started) / 1_000_000);
        }
    }

    private Part part(long liquidationId, long cadastreId, int fromLine, int toLine, TaxEngine engine,
            Scenario scenario, String table, AtomicLong done, LongConsumer progress) throws Exception {
        Map<String, Map<String, Total>> totals = emptyTotals();
        List<String> unrated = new ArrayList<>();
        long unratedCount = 0;
        long parcels = 0;
        try (Connection read = dataSource.getConnection(); Connection write = dataSource.getConnection();
                CopyPipe pipe = new CopyPipe(write, "copy " + table + " from stdin")) {
            read.setAutoCommit(false);
            try (PreparedStatement ps = read.prepareStatement("""
                    select parcel_number, zone, destination, stratum, land_area_dm2, built_area_dm2,
                           cadastral_value, updated, self_assessed, coalesce(previous_tax, -1), coalesce(previous_destination, ''),
                           coalesce(previous_land_area_dm2, -1), coalesce(previous_built_area_dm2, -1), line
                    from fiscal_parcel where cadastre_id = ? and line >= ? and line < ?""",
                    ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
                // Binary results from the first execution: numbers arrive without text conversion.
                ps.unwrap(PGStatement.class).setPrepareThreshold(-1);
                ps.setFetchSize(FETCH);
                ps.setLong(1, cadastreId);
                ps.setInt(2, fromLine);
                ps.setInt(3, toLine);
                String prefix = liquidationId + "\t";
                Map<String, Total> byDest = totals.get("DESTINATION");
                Map<String, Total> byStratum = totals.get("STRATUM");
                Map<String, Total> byZone = totals.get("ZONE");
                Map<String, Total> byLimit = totals.get("LIMIT");
                Map<String, Total> byIncrease = totals.get("INCREASE");
                StringBuilder sb = pipe.buffer();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        String number = rs.getString(1);
                        Zone zone = rs.getString(2).charAt(0) == 'U' ? Zone.U : Zone.R;
                        String dest = rs.getString(3);
                        int stratum = rs.getInt(4);
                        long value = rs.getLong(7);
                        boolean updated = rs.getBoolean(8);
                        int valuePct = zone == Zone.U ? scenario.urbanValuePercent() : scenario.ruralValuePercent();
                        if (valuePct != 100) {
                            // A value change in a simulation stands for a cadastral update of that zone.
                            value = (value * valuePct + 50) / 100;
                            updated = true;
                        }
                        String prevDest = rs.getString(11);
                        long previousTax = rs.getLong(10);
                        Parcel p = new Parcel(number, zone, dest.charAt(0), stratum, rs.getLong(5), rs.getLong(6), value,
                                updated, rs.getBoolean(9), previousTax, prevDest.isEmpty() ? 0 : prevDest.charAt(0),
                                rs.getLong(12), rs.getLong(13));
                        Assessment a;
                        try {
                            a = engine.assess(p);
                        } catch (IllegalArgumentException noRate) {
                            if (unrated.size() < 10) {
                                unrated.add(number);
                            }
                            unratedCount++;
                            continue;
                        }
                        parcels++;
                        byDest.computeIfAbsent(dest, k -> new Total()).add(value, a, previousTax);
                        byStratum.computeIfAbsent(Integer.toString(stratum), k -> new Total()).add(value, a, previousTax);
                        byZone.computeIfAbsent(zone.name(), k -> new Total()).add(value, a, previousTax);
                        String limitKey = a.exception() != null ? "EXCEPTION_" + a.exception().name()
                                : a.limit() == null ? "NONE" : a.limited() ? a.limit().code() : "WITHIN_" + a.limit().code();
                        byLimit.computeIfAbsent(limitKey, k -> new Total()).add(value, a, previousTax);
                        if (p.destination() == 'A') {
                            byIncrease.computeIfAbsent(increaseBand(previousTax, a.finalTax()), k -> new Total())
                                    .add(value, a, previousTax);
                        }
                        sb.append(prefix).append(rs.getInt(14)).append('\t').append(value).append('\t')
                                .append(a.rateHundredths()).append('\t').append(a.taxBeforeLimit()).append('\t');
                        if (a.limit() == null) {
                            sb.append("\\N\t\\N\t");
                        } else {
                            sb.append(a.limit().code()).append('\t').append(a.limitCap()).append('\t');
                        }
                        sb.append(a.limited() ? 't' : 'f').append('\t')
                                .append(a.exception() == null ? "\\N" : a.exception().name()).append('\t')
                                .append(a.finalTax()).append('\n');
                        pipe.rowDone();
                        if (parcels % 100_000 == 0) {
                            progress.accept(done.addAndGet(100_000));
                        }
                    }
                }
                read.commit();
            }
            pipe.finish();
        }
        return new Part(parcels, totals, unrated, unratedCount);
    }
}
