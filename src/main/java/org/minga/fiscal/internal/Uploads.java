package org.minga.fiscal.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Large uploads kept in the database in chunks, so any node's job can read them and neither the
 * request nor the job holds a whole file (a city's cadastre is hundreds of megabytes).
 */
@Component
public record Uploads(JdbcClient jdbc) {

    static final int CHUNK = 8 << 20;

    /** Stores the stream; returns its id and how many bytes it had. */
    public Stored store(InputStream in, long maxBytes) throws IOException {
        UUID id = UUID.randomUUID();
        byte[] buffer = new byte[CHUNK];
        long total = 0;
        int seq = 0;
        try {
            while (true) {
                int n = in.readNBytes(buffer, 0, CHUNK);
                if (n == 0) {
                    break;
                }
                total += n;
                if (total > maxBytes) {
                    delete(id);
                    return new Stored(id, total, true);
                }
                byte[] chunk = n == CHUNK ? buffer : java.util.Arrays.copyOf(buffer, n);
                jdbc.sql("insert into fiscal_upload_chunk (upload_id, seq, content) values (:id, :seq, :c)")
                        .param("id", id).param("seq", seq++).param("c", chunk).update();
                if (n < CHUNK) {
                    break;
                }
            }
        } catch (IOException | RuntimeException e) {
            delete(id);
            throw e;
        }
        return new Stored(id, total, false);
    }

    public record Stored(UUID id, long bytes, boolean tooLarge) {
    }

    public int chunks(UUID id) {
        return jdbc.sql("select count(*) from fiscal_upload_chunk where upload_id = :id").param("id", id)
                .query(Integer.class).single();
    }

    /** Reads the upload back one chunk at a time; {@code onChunk} hears each chunk's number. */
    public InputStream open(UUID id, java.util.function.IntConsumer onChunk) {
        return new InputStream() {
            private byte[] current = new byte[0];
            private int pos;
            private int next;
            private boolean done;

            private boolean fill() {
                while (!done && pos >= current.length) {
                    var c = jdbc.sql("select content from fiscal_upload_chunk where upload_id = :id and seq = :s")
                            .param("id", id).param("s", next).query(byte[].class).optional();
                    if (c.isEmpty()) {
                        done = true;
                        return false;
                    }
                    onChunk.accept(next++);
                    current = c.get();
                    pos = 0;
                }
                return !done || pos < current.length;
            }

            @Override
            public int read() {
                return fill() && pos < current.length ? current[pos++] & 0xff : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (len == 0) {
                    return 0;
                }
                if (!fill() || pos >= current.length) {
                    return -1;
                }
                int n = Math.min(len, current.length - pos);
                System.arraycopy(current, pos, b, off, n);
                pos += n;
                return n;
            }
        };
    }

    public void delete(UUID id) {
        jdbc.sql("delete from fiscal_upload_chunk where upload_id = :id").param("id", id).update();
    }
}
