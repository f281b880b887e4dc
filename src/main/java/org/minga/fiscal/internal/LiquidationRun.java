package org.minga.fiscal.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Future;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;

import javax.sql.DataSource;

import org.minga.fiscal.internal.TaxEngine.Assessment;
import org.minga.fiscal.internal.TaxEngine.Parcel;
import org.minga.fiscal.internal.TaxEngine.Zone;
import org.postgresql.copy.CopyManager;
import org.postgresql.core.BaseConnection;

/**
 * One pass over a cadastre: parcels are read with a forward-only cursor, assessed by the
 * {@link TaxEngine} and their results streamed to PostgreSQL COPY by a second thread (so reading,
 * computing and writing overlap on two cores), while the totals are added up in memory.
 * Memory is bounded by the fetch size and the few buffers in flight, not by the parcel count.
 */
public final class LiquidationRun {

    static final int FETCH = 10_000;
    static final int BUFFER = 1 << 20;

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
    }

    /** What changes in a simulation: rates and values by zone in percent of the real ones (100 = unchanged). */
    public record Scenario(int ratePercent, int urbanValuePercent, int ruralValuePercent) {
        public static final Scenario NONE = new Scenario(100, 100, 100);
    }

    public record Outcome(long parcels, Map<String, Map<String, Total>> totals, List<String> unrated, long unratedCount,
            long millis) {
    }

    private final DataSource dataSource;

    public LiquidationRun(DataSource dataSource) {
        this.dataSource = dataSource;
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

    public Outcome run(long liquidationId, long cadastreId, TaxEngine engine, Scenario scenario, String table,
            java.util.function.LongConsumer progress) throws Exception {
        long started = System.nanoTime();
        Map<String, Map<String, Total>> totals = new LinkedHashMap<>();
        for (String d : List.of("DESTINATION", "STRATUM", "ZONE", "LIMIT", "INCREASE")) {
            totals.put(d, new TreeMap<>());
        }
        List<String> unrated = new ArrayList<>();
        long unratedCount = 0;
        long parcels = 0;
        BlockingQueue<byte[]> queue = new ArrayBlockingQueue<>(4);
        byte[] end = new byte[0];
        ExecutorService writerThread = Executors.newSingleThreadExecutor(Thread.ofPlatform().name("fiscal-copy").factory());
        try (Connection read = dataSource.getConnection(); Connection write = dataSource.getConnection()) {
            write.setAutoCommit(true);
            try (Statement st = write.createStatement()) {
                st.execute("drop table if exists " + table);
                st.execute("create table " + table + " (like fiscal_liquidation_parcel)");
            }
            CopyManager copy = new CopyManager(write.unwrap(BaseConnection.class));
            Future<Long> writer = writerThread.submit(() -> copy.copyIn("copy " + table + " from stdin",
                    new QueueStream(queue, end)));
            read.setAutoCommit(false);
            try (PreparedStatement ps = read.prepareStatement("""
                    select parcel_number, zone, destination, stratum, land_area_dm2, built_area_dm2,
                           cadastral_value, updated, self_assessed, coalesce(previous_tax, -1), coalesce(previous_destination, ''),
                           coalesce(previous_land_area_dm2, -1), coalesce(previous_built_area_dm2, -1), line
                    from fiscal_parcel where cadastre_id = ?""", ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
                ps.setFetchSize(FETCH);
                ps.setLong(1, cadastreId);
                StringBuilder sb = new StringBuilder(BUFFER + 512);
                String prefix = liquidationId + "\t";
                Map<String, Total> byDest = totals.get("DESTINATION");
                Map<String, Total> byStratum = totals.get("STRATUM");
                Map<String, Total> byZone = totals.get("ZONE");
                Map<String, Total> byLimit = totals.get("LIMIT");
                Map<String, Total> byIncrease = totals.get("INCREASE");
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
                        if (sb.length() >= BUFFER) {
                            put(queue, sb, writer);
                            sb.setLength(0);
                        }
                        if (parcels % 200_000 == 0) {
                            progress.accept(parcels);
                        }
                    }
                }
                if (!sb.isEmpty()) {
                    put(queue, sb, writer);
                }
                read.commit();
            } finally {
                while (!writer.isDone() && !queue.offer(end, 1, java.util.concurrent.TimeUnit.SECONDS)) {
                    // the writer is still draining; try again
                }
            }
            writer.get();
        } finally {
            writerThread.shutdownNow();
        }
        return new Outcome(parcels, totals, unrated, unratedCount, (System.nanoTime() - started) / 1_000_000);
    }

    private static void put(BlockingQueue<byte[]> queue, StringBuilder sb, Future<Long> writer) throws Exception {
        byte[] bytes = sb.toString().getBytes(StandardCharsets.US_ASCII);
        while (!queue.offer(bytes, 1, java.util.concurrent.TimeUnit.SECONDS)) {
            if (writer.isDone()) {
                writer.get(); // the COPY failed: raise its error here
                throw new IllegalStateException("COPY ended early");
            }
        }
    }

    /** Feeds COPY from the queue until the end marker. */
    private static final class QueueStream extends InputStream {
        private final BlockingQueue<byte[]> queue;
        private final byte[] end;
        private byte[] current = new byte[0];
        private int pos;
        private boolean done;

        QueueStream(BlockingQueue<byte[]> queue, byte[] end) {
            this.queue = queue;
            this.end = end;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            while (!done && pos >= current.length) {
                try {
                    current = queue.take();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException(e);
                }
                pos = 0;
                done = current == end;
            }
            if (done) {
                return -1;
            }
            int n = Math.min(len, current.length - pos);
            System.arraycopy(current, pos, b, off, n);
            pos += n;
            return n;
        }
    }
}
