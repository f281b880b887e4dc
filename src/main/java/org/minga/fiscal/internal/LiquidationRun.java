package org.minga.fiscal.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.sql.SQLException;
import java.util.EnumMap;
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

    /** The ways a liquidation's totals are broken down, as stored in {@code fiscal_liquidation_total.dimension}. */
    public enum Dimension { DESTINATION, STRATUM, ZONE, LIMIT, INCREASE }

    /** Totals by dimension, then by key (a destination letter, a stratum, a limit code…), keys in order. */
    public static final class Totals {
        private final EnumMap<Dimension, Map<String, Total>> byDimension = new EnumMap<>(Dimension.class);

        Totals() {
            for (Dimension d : Dimension.values()) {
                byDimension.put(d, new TreeMap<>());
            }
        }

        void add(Dimension dimension, String key, long base, Assessment a, long previousTax) {
            byDimension.get(dimension).computeIfAbsent(key, k -> new Total()).add(base, a, previousTax);
        }

        void add(Totals other) {
            other.byDimension.forEach((d, byKey) -> byKey.forEach((key, t) ->
                    byDimension.get(d).computeIfAbsent(key, k -> new Total()).add(t)));
        }

        public Map<String, Total> of(Dimension dimension) {
            return byDimension.get(dimension);
        }
    }

    public record Outcome(long parcels, Totals totals, List<String> unrated, long unratedCount, long millis) {
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

    /** What one chunk of lines gave. */
    private record Part(long parcels, Totals totals, List<String> unrated, long unratedCount) {
    }

    /** One chunk of lines, {@code from} included, {@code to} not. */
    private record Lines(int from, int to) {
    }

    /** Runs over lines 1 to {@code lastLine} of the cadastre and writes the results into {@code table}. */
    public Outcome run(long liquidationId, long cadastreId, int lastLine, TaxEngine engine, Scenario scenario,
            String table, LongConsumer progress) throws Exception {
        long started = System.nanoTime();
        try (Connection con = dataSource.getConnection()) {
            Partitions.create(con, table, "fiscal_liquidation_parcel");
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
                parts.add(pool.submit(() -> part(liquidationId, cadastreId, new Lines(from, to), engine, scenario, table,
                        () -> progress.accept(done.addAndGet(PROGRESS_EVERY)))));
            }
            long parcels = 0;
            long unratedCount = 0;
            Totals totals = new Totals();
            List<String> unrated = new ArrayList<>();
            for (Future<Part> f : parts) {
                Part p = f.get();
                parcels += p.parcels();
                unratedCount += p.unratedCount();
                unrated.addAll(p.unrated());
                totals.add(p.totals());
            }
            return new Outcome(parcels, totals, unrated.stream().limit(10).toList(), unratedCount,
                    (System.nanoTime() - started) / 1_000_000);
        }
    }

    /**
     * Assesses one chunk: each parcel read from the cursor is assessed, added to the totals and
     * written to the chunk's COPY. A parcel no rate band covers is counted, not written.
     */
    private Part part(long liquidationId, long cadastreId, Lines lines, TaxEngine engine, Scenario scenario,
            String table, Runnable everyProgressStep) throws Exception {
        Totals totals = new Totals();
        List<String> unrated = new ArrayList<>();
        long unratedCount = 0;
        long parcels = 0;
        try (Connection read = dataSource.getConnection(); Connection write = dataSource.getConnection();
                CopyPipe pipe = new CopyPipe(write, AssessmentCopy.sql(table));
                ParcelCursor cursor = ParcelCursor.open(read, cadastreId, lines.from(), lines.to(), scenario)) {
            AssessmentCopy copy = new AssessmentCopy(liquidationId, pipe);
            while (cursor.next()) {
                Parcel p = cursor.parcel();
                Assessment a;
                try {
                    a = engine.assess(p);
                } catch (IllegalArgumentException noRate) {
                    if (unrated.size() < 10) {
                        unrated.add(p.number());
                    }
                    unratedCount++;
                    continue;
                }
                parcels++;
                add(totals, p, a);
                copy.row(cursor.line(), p.value(), a);
                if (parcels % PROGRESS_EVERY == 0) {
                    everyProgressStep.run();
                }
            }
            cursor.finish();
            pipe.finish();
        }
        return new Part(parcels, totals, unrated, unratedCount);
    }

    static final int PROGRESS_EVERY = 100_000;

    /** Adds one assessed parcel to the totals of each dimension (the increase only for housing). */
    static void add(Totals totals, Parcel p, Assessment a) {
        long value = p.value();
        long previousTax = p.previousTax();
        totals.add(Dimension.DESTINATION, String.valueOf(p.destination()), value, a, previousTax);
        totals.add(Dimension.STRATUM, Integer.toString(p.stratum()), value, a, previousTax);
        totals.add(Dimension.ZONE, p.zone().name(), value, a, previousTax);
        totals.add(Dimension.LIMIT, limitKey(a), value, a, previousTax);
        if (p.destination() == 'A') {
            totals.add(Dimension.INCREASE, increaseBand(previousTax, a.finalTax()), value, a, previousTax);
        }
    }

    /** How the limits treated a parcel: an exception, no limit, limited by a rule, or within it. */
    static String limitKey(Assessment a) {
        return a.exception() != null ? "EXCEPTION_" + a.exception().name()
                : a.limit() == null ? "NONE" : a.limited() ? a.limit().code() : "WITHIN_" + a.limit().code();
    }

    /**
     * A chunk's parcels from {@code fiscal_parcel} with a forward-only cursor, columns resolved by
     * name once; in a simulation a zone's values are scaled (standing for a cadastral update).
     */
    static final class ParcelCursor implements AutoCloseable {
        private final Connection connection;
        private final PreparedStatement statement;
        private final ResultSet rs;
        private final Scenario scenario;
        private final int number, zone, destination, stratum, land, built, value, updated, selfAssessed, previousTax,
                previousDestination, previousLand, previousBuilt, line;
        private Parcel parcel;
        private int currentLine;

        private ParcelCursor(Connection connection, PreparedStatement statement, ResultSet rs, Scenario scenario)
                throws SQLException {
            this.connection = connection;
            this.statement = statement;
            this.rs = rs;
            this.scenario = scenario;
            number = rs.findColumn("parcel_number");
            zone = rs.findColumn("zone");
            destination = rs.findColumn("destination");
            stratum = rs.findColumn("stratum");
            land = rs.findColumn("land_area_dm2");
            built = rs.findColumn("built_area_dm2");
            value = rs.findColumn("cadastral_value");
            updated = rs.findColumn("updated");
            selfAssessed = rs.findColumn("self_assessed");
            previousTax = rs.findColumn("previous_tax");
            previousDestination = rs.findColumn("previous_destination");
            previousLand = rs.findColumn("previous_land_area_dm2");
            previousBuilt = rs.findColumn("previous_built_area_dm2");
            line = rs.findColumn("line");
        }

        static ParcelCursor open(Connection read, long cadastreId, int fromLine, int toLine, Scenario scenario)
                throws SQLException {
            read.setAutoCommit(false);
            PreparedStatement ps = read.prepareStatement("""
                    select parcel_number, zone, destination, stratum, land_area_dm2, built_area_dm2, cadastral_value,
                           updated, self_assessed, coalesce(previous_tax, -1) as previous_tax,
                           coalesce(previous_destination, '') as previous_destination,
                           coalesce(previous_land_area_dm2, -1) as previous_land_area_dm2,
                           coalesce(previous_built_area_dm2, -1) as previous_built_area_dm2, line
                    from fiscal_parcel where cadastre_id = ? and line >= ? and line < ?""",
                    ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
            // Binary results from the first execution: numbers arrive without text conversion.
            ps.unwrap(PGStatement.class).setPrepareThreshold(-1);
            ps.setFetchSize(FETCH);
            ps.setLong(1, cadastreId);
            ps.setInt(2, fromLine);
            ps.setInt(3, toLine);
            return new ParcelCursor(read, ps, ps.executeQuery(), scenario);
        }

        /** Moves to the next parcel; false at the end of the chunk. */
        boolean next() throws SQLException {
            if (!rs.next()) {
                return false;
            }
            Zone z = rs.getString(zone).charAt(0) == 'U' ? Zone.U : Zone.R;
            long v = rs.getLong(value);
            boolean up = rs.getBoolean(updated);
            int valuePct = z == Zone.U ? scenario.urbanValuePercent() : scenario.ruralValuePercent();
            if (valuePct != 100) {
                // A value change in a simulation stands for a cadastral update of that zone.
                v = (v * valuePct + 50) / 100;
                up = true;
            }
            String prevDest = rs.getString(previousDestination);
            parcel = new Parcel(rs.getString(number), z, rs.getString(destination).charAt(0), rs.getInt(stratum),
                    rs.getLong(land), rs.getLong(built), v, up, rs.getBoolean(selfAssessed), rs.getLong(previousTax),
                    prevDest.isEmpty() ? 0 : prevDest.charAt(0), rs.getLong(previousLand), rs.getLong(previousBuilt));
            currentLine = rs.getInt(line);
            return true;
        }

        Parcel parcel() {
            return parcel;
        }

        /** The current parcel's line in the cadastre file. */
        int line() {
            return currentLine;
        }

        /** Ends the read transaction once every row was read. */
        void finish() throws SQLException {
            connection.commit();
        }

        @Override
        public void close() throws SQLException {
            try (statement; rs) {
                // closes both
            }
        }
    }

    /** The results of one chunk as COPY text rows of {@code fiscal_liquidation_parcel}, columns named. */
    static final class AssessmentCopy {
        static final String COLUMNS = "liquidation_id, line, base, rate_hundredths, tax_before, limit_code, limit_cap_exact,"
                + " limited, exception, final_tax";
        private final String prefix;
        private final CopyPipe pipe;
        private final StringBuilder sb;

        AssessmentCopy(long liquidationId, CopyPipe pipe) {
            this.prefix = liquidationId + "\t";
            this.pipe = pipe;
            this.sb = pipe.buffer();
        }

        static String sql(String table) {
            return "copy " + table + " (" + COLUMNS + ") from stdin";
        }

        void row(int line, long base, Assessment a) throws Exception {
            sb.append(prefix).append(line).append('\t').append(base).append('\t').append(a.rateHundredths()).append('\t')
                    .append(a.taxBeforeLimit()).append('\t');
            if (a.limit() == null) {
                sb.append("\\N\t\\N\t");
            } else {
                sb.append(a.limit().code()).append('\t').append(a.limitCap()).append('\t');
            }
            sb.append(a.limited() ? 't' : 'f').append('\t').append(a.exception() == null ? "\\N" : a.exception().name())
                    .append('\t').append(a.finalTax()).append('\n');
            pipe.rowDone();
        }
    }
}
