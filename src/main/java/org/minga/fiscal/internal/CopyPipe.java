package org.minga.fiscal.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.postgresql.copy.CopyManager;
import org.postgresql.core.BaseConnection;

/**
 * COPY text rows to PostgreSQL from a second thread: the caller appends rows to a buffer, full
 * buffers go through a short queue to the thread that writes them, so producing rows and sending
 * them overlap. At most a few megabytes are in flight.
 */
final class CopyPipe implements AutoCloseable {

    private static final int BUFFER = 1 << 20;
    private static final byte[] END = new byte[0];
    private final BlockingQueue<byte[]> queue = new ArrayBlockingQueue<>(4);
    private final ExecutorService thread = Executors.newSingleThreadExecutor(Thread.ofPlatform().name("fiscal-copy").factory());
    private final Future<Long> writer;
    private final StringBuilder sb = new StringBuilder(BUFFER + 1024);
    private boolean ended;

    CopyPipe(Connection connection, String copySql) throws Exception {
        CopyManager copy = new CopyManager(connection.unwrap(BaseConnection.class));
        writer = thread.submit(() -> copy.copyIn(copySql, new QueueStream()));
    }

    void append(CharSequence row) throws Exception {
        sb.append(row);
        if (sb.length() >= BUFFER) {
            flush();
        }
    }

    /** The buffer to write a row into directly; call {@link #rowDone()} after. */
    StringBuilder buffer() {
        return sb;
    }

    void rowDone() throws Exception {
        if (sb.length() >= BUFFER) {
            flush();
        }
    }

    private void flush() throws Exception {
        byte[] bytes = sb.toString().getBytes(StandardCharsets.UTF_8);
        sb.setLength(0);
        offer(bytes);
    }

    private void offer(byte[] bytes) throws Exception {
        while (!queue.offer(bytes, 1, TimeUnit.SECONDS)) {
            if (writer.isDone()) {
                writer.get(); // the COPY failed: raise its error here
                throw new IllegalStateException("COPY ended early");
            }
        }
    }

    /** Sends what is left and waits for COPY to finish; returns the rows PostgreSQL counted. */
    long finish() throws Exception {
        if (!sb.isEmpty()) {
            flush();
        }
        ended = true;
        offer(END);
        return writer.get();
    }

    @Override
    public void close() throws Exception {
        if (!ended) {
            // Ends the COPY early (what was sent is committed to a table the caller drops).
            ended = true;
            while (!writer.isDone() && !queue.offer(END, 1, TimeUnit.SECONDS)) {
                // the writer is still draining
            }
        }
        thread.shutdownNow();
    }

    private final class QueueStream extends InputStream {
        private byte[] current = new byte[0];
        private int pos;
        private boolean done;

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
                done = current == END;
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
