package org.minga.fiscal.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.sql.DataSource;

/**
 * Reads a cadastre CSV in blocks of whole lines (about a megabyte each) and hands them to parallel
 * readers, each checking its rows with its own {@link CadastreCsv} and sending them through its
 * own COPY into the same table: checking and copying use every core. Line numbers stay exact
 * (each block knows its first line) and errors are merged in file order.
 */
final class CadastreBlocks {

    record Block(String text, long firstLine) {
    }

    record Outcome(long valid, long invalid, List<CadastreCsv.RowError> errors, long lastLine) {
    }

    private static final Block END = new Block("", -1);
    private static final int BLOCK = 1 << 20;

    private CadastreBlocks() {
    }

    static Outcome read(InputStream in, DataSource dataSource, String table, String municipality, int year,
            long cadastreId, int readers, Runnable everyBlock) throws Exception {
        BlockingQueue<Block> queue = new ArrayBlockingQueue<>(readers * 2);
        AtomicBoolean anyInvalid = new AtomicBoolean();
        List<CadastreCsv> csvs = new ArrayList<>();
        List<Future<?>> futures = new ArrayList<>();
        long lastLine = 1;
        try (ExecutorService pool = Executors.newFixedThreadPool(readers, Thread.ofPlatform().name("fiscal-import-", 0).factory())) {
            for (int i = 0; i < readers; i++) {
                CadastreCsv csv = new CadastreCsv(municipality, year, cadastreId);
                csvs.add(csv);
                futures.add(pool.submit(() -> {
                    try (Connection con = dataSource.getConnection();
                            CopyPipe pipe = new CopyPipe(con, "copy " + table + " (" + CadastreCsv.COPY_COLUMNS + ") from stdin")) {
                        while (true) {
                            Block b = queue.take();
                            if (b == END) {
                                break;
                            }
                            csv.block(b.text(), b.firstLine(), row -> {
                                try {
                                    pipe.append(row);
                                } catch (Exception e) {
                                    throw new IOException(e);
                                }
                            }, anyInvalid);
                        }
                        pipe.finish();
                    }
                    return null;
                }));
            }
            try {
                lastLine = split(in, csvs, queue, futures, everyBlock);
            } finally {
                for (int i = 0; i < readers; i++) {
                    put(queue, END, futures);
                }
            }
            for (Future<?> f : futures) {
                f.get();
            }
        }
        long valid = 0;
        long invalid = 0;
        List<CadastreCsv.RowError> errors = new ArrayList<>();
        for (CadastreCsv csv : csvs) {
            valid += csv.valid();
            invalid += csv.invalid();
            errors.addAll(csv.errors());
        }
        errors.sort(Comparator.comparingLong(CadastreCsv.RowError::line));
        if (valid == 0 && invalid == 0) {
            errors.add(new CadastreCsv.RowError(2, "el archivo no tiene predios"));
            invalid = 1;
        }
        return new Outcome(valid, invalid, errors.stream().limit(100).toList(), lastLine);
    }

    /** Splits the stream at line ends into blocks; returns a bound: no line has a greater number. */
    private static long split(InputStream in, List<CadastreCsv> csvs, BlockingQueue<Block> queue,
            List<Future<?>> futures, Runnable everyBlock) throws Exception {
        byte[] buf = new byte[BLOCK * 2];
        int filled = 0;
        long line = 1;
        boolean header = true;
        while (true) {
            int n = in.readNBytes(buf, filled, buf.length - filled);
            filled += n;
            boolean eof = filled < buf.length;
            int cut = eof ? filled : lastNewline(buf, filled) + 1;
            if (cut <= 0) {
                // A line longer than the buffer cannot be a cadastre row: let its reader reject it.
                cut = filled;
            }
            int from = 0;
            if (header) {
                header = false;
                int nl = indexOf(buf, 0, cut, (byte) '\n');
                int end = nl < 0 ? cut : nl;
                String h = new String(buf, 0, end > 0 && buf[end - 1] == '\r' ? end - 1 : end, StandardCharsets.UTF_8);
                CadastreCsv first = csvs.getFirst();
                if (!first.header(h)) {
                    return 1;
                }
                // The readers learn where the columns are before any block reaches them (the queue orders it).
                csvs.forEach(csv -> csv.columnsOf(first));
                from = nl < 0 ? cut : nl + 1;
                line = 2;
            }
            if (cut > from) {
                String text = new String(buf, from, cut - from, StandardCharsets.UTF_8);
                put(queue, new Block(text, line), futures);
                line += count(buf, from, cut);
                everyBlock.run();
            }
            System.arraycopy(buf, cut, buf, 0, filled - cut);
            filled -= cut;
            if (eof && filled == 0) {
                // At least the last line's number (one more when the file ends with a line end).
                return line;
            }
        }
    }

    private static void put(BlockingQueue<Block> queue, Block b, List<Future<?>> futures) throws Exception {
        while (!queue.offer(b, 1, TimeUnit.SECONDS)) {
            for (Future<?> f : futures) {
                if (f.isDone()) {
                    f.get(); // a reader failed: raise its error
                }
            }
        }
    }

    private static int lastNewline(byte[] buf, int length) {
        for (int i = length - 1; i >= 0; i--) {
            if (buf[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    private static int indexOf(byte[] buf, int from, int to, byte b) {
        for (int i = from; i < to; i++) {
            if (buf[i] == b) {
                return i;
            }
        }
        return -1;
    }

    private static long count(byte[] buf, int from, int to) {
        long c = 0;
        for (int i = from; i < to; i++) {
            if (buf[i] == '\n') {
                c++;
            }
        }
        return c;
    }
}
