package org.minga.services.internal;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.GZIPInputStream;

import javax.sql.DataSource;

import org.minga.platform.AuditLog;
import org.minga.platform.AuditLog.Change;
import org.minga.platform.FileStore;
import org.minga.platform.JobHandler;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;
import org.postgresql.copy.CopyOut;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports a weighbridge CSV export. The file is streamed with PostgreSQL's COPY into a typed
 * staging table and checked there in one pass; then the tickets whose number the line does not
 * have yet are streamed by COPY into {@code weighing_ticket} inside one transaction, under a lock
 * per line: a bad file changes nothing, and a file imported twice adds nothing the second time.
 */
@Component
public record TicketImportJob(FileStore files, JdbcClient jdbc, DataSource dataSource, TransactionTemplate tx,
        AuditLog audit) implements JobHandler<TicketImportJob.Request> {

    public static final String TYPE = "services.weighing-import";
    static final String COLUMNS = "ticket, client, plate, gross_kg, tare_kg, waste_type, weighed_at, operator, refusal_reason";
    /** The columns the transfer writes, in the order of its select. */
    static final String TICKET_COLUMNS = "service_line_id, ticket_number, client_id, plate, gross_kg, tare_kg, net_kg, waste_type, "
            + "weighed_at, operator, refusal_reason";

    /** The upload is stored gzipped (a CSV shrinks about five times); {@code bytes} is its size unpacked. */
    public record Request(UUID fileId, long lineId, long schemeId, String submittedBy, String fileName, long bytes) {
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Class<Request> payloadType() {
        return Request.class;
    }

    /** The line's page shows the tickets and is where a file is uploaded again. */
    @Override
    public String resultLink(Request request, tools.jackson.databind.JsonNode result) {
        return retryLink(request);
    }

    @Override
    public String retryLink(Request request) {
        return "/services/schemes/" + request.schemeId() + "/lines/" + request.lineId();
    }

    @Override
    public Object run(Request request, Progress reporter) throws Exception {
        Progress progress = outside(reporter);
        progress.report(1, "Leyendo " + request.fileName());
        byte[] content = files.content(request.fileId());
        // The staging table lives on its own connection (autocommitted scratch space) so that its rows
        // can be streamed by COPY into the import's transaction on the other connection.
        String stage = "services_ticket_stage_" + UUID.randomUUID().toString().replace("-", "");
        try (Connection scratch = dataSource.getConnection()) {
            scratch.setAutoCommit(true);
            try {
                return tx.execute(status -> {
                    try {
                        return load(request, content, progress, scratch, stage);
                    } catch (IOException | java.sql.SQLException e) {
                        throw new IllegalStateException(e.getMessage(), e);
                    }
                });
            } finally {
                try (var st = scratch.createStatement()) {
                    st.execute("drop table if exists " + stage);
                }
            }
        } finally {
            files.delete(request.fileId());
        }
    }

    private Map<String, Object> load(Request request, byte[] content, Progress progress, Connection scratch, String stage)
            throws IOException, java.sql.SQLException {
        Map<String, Object> seconds = new LinkedHashMap<>();
        // One import per line at a time: the check for existing ticket numbers below then holds until commit.
        lockLine(jdbc, request.lineId());
        long t0 = System.nanoTime();
        long rows = stage(request, content, progress, scratch, stage);
        seconds.put("copy", since(t0));
        progress.report(50, rows + " boletas leídas; revisando");
        long t1 = System.nanoTime();
        List<String> problems = problems(scratch, stage, request.lineId());
        if (!problems.isEmpty()) {
            throw new IllegalStateException("No se importó nada: " + String.join("; ", problems));
        }
        long refused = refused(scratch, stage, request.lineId());
        seconds.put("check", since(t1));
        progress.report(60, "Guardando " + rows + " boletas");
        long t2 = System.nanoTime();
        long inserted = transfer(scratch, stage, request.lineId());
        seconds.put("insert", since(t2));
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("rows", rows);
        result.put("inserted", inserted);
        result.put("skippedExisting", rows - inserted);
        result.put("refusedInFile", refused);
        result.put("seconds", seconds);
        audit.record(new Change("IMPORT", "weighing_ticket", request.lineId(), request.schemeId(),
                "Importación de báscula " + request.fileName() + " por " + request.submittedBy() + ": " + inserted
                        + " boletas nuevas de " + rows, null, result));
        progress.report(100, inserted + " boletas nuevas; " + (rows - inserted) + " ya estaban");
        return result;
    }

    /**
     * Streams the file by COPY into a staging table typed like {@code weighing_ticket}, so COPY itself
     * refuses a bad number or date naming the line and the column; the file's header must name the
     * columns ({@value #COLUMNS}), in this order. The number of rows read.
     */
    private static long stage(Request request, byte[] content, Progress progress, Connection scratch, String stage)
            throws IOException, java.sql.SQLException {
        try (var st = scratch.createStatement()) {
            st.execute("create unlogged table " + stage + " (ticket text, client text, plate text, gross_kg integer, "
                    + "tare_kg integer, waste_type text, weighed_at timestamp, operator text, refusal_reason text)");
        }
        long rows;
        try (InputStream in = new Progressing(new GZIPInputStream(new ByteArrayInputStream(content), 1 << 16), request.bytes(),
                progress)) {
            rows = copy(scratch).copyIn("copy " + stage + " (" + COLUMNS + ") from stdin (format csv, header match)", in);
        } catch (org.postgresql.util.PSQLException e) {
            var m = e.getServerErrorMessage();
            throw new IllegalStateException("No se importó nada: el archivo no se pudo leer como CSV con el encabezado "
                    + COLUMNS.replace(" ", "") + ": " + (m == null ? e.getMessage()
                            : m.getMessage() + (m.getWhere() == null ? "" : " (" + m.getWhere() + ")")), e);
        }
        try (var st = scratch.createStatement()) {
            // Statistics for the planner: the checks and the transfer join the staging table to the clients.
            st.execute("analyze " + stage);
        }
        return rows;
    }

    /** Rows the line will keep as refused loads: a refusal given in the file, or a waste type it does not accept. */
    private static long refused(Connection scratch, String stage, long lineId) throws java.sql.SQLException {
        try (var st = scratch.createStatement(); var rs = st.executeQuery("select count(*) as refused from " + stage + " s left join "
                + "service_waste_type w on w.service_line_id = " + lineId + " and w.code = s.waste_type "
                + "where coalesce(s.refusal_reason, '') <> '' or not coalesce(w.accepted, false)")) {
            rs.next();
            return rs.getLong("refused");
        }
    }

    /**
     * New tickets only, each number once (the first row of the file wins), streamed in PostgreSQL's
     * binary COPY format from the staging table into weighing_ticket, in the import's transaction:
     * COPY writes the rows in batches, where INSERT ... SELECT writes them one by one (about twice as
     * slow here). The number of tickets added.
     */
    private long transfer(Connection scratch, String stage, long lineId) throws java.sql.SQLException {
        String select = """
                select distinct on (s.ticket) cast(%d as bigint), s.ticket, c.id, s.plate, s.gross_kg, s.tare_kg,
                    s.gross_kg - s.tare_kg, s.waste_type, s.weighed_at, s.operator,
                    coalesce(nullif(s.refusal_reason, ''), case when w.accepted then null else 'Tipo de residuo no aceptado: ' || s.waste_type end)
                from %s s join service_client c on c.service_line_id = %d and c.code = s.client
                left join service_waste_type w on w.service_line_id = %d and w.code = s.waste_type
                where not exists (select 1 from weighing_ticket t where t.service_line_id = %d and t.ticket_number = s.ticket)
                order by s.ticket, s.ctid""".formatted(lineId, stage, lineId, lineId, lineId);
        CopyOut out = copy(scratch).copyOut("copy (" + select + ") to stdout (format binary)");
        CopyIn in = copy(DataSourceUtils.getConnection(dataSource)).copyIn("copy weighing_ticket (" + TICKET_COLUMNS
                + ") from stdin (format binary)");
        try {
            byte[] chunk;
            while ((chunk = out.readFromCopy()) != null) {
                in.writeToCopy(chunk, 0, chunk.length);
            }
            return in.endCopy();
        } finally {
            if (out.isActive()) {
                out.cancelCopy();
            }
            if (in.isActive()) {
                in.cancelCopy();
            }
        }
    }

    private static CopyManager copy(Connection connection) throws java.sql.SQLException {
        return connection.unwrap(PGConnection.class).getCopyAPI();
    }

    /**
     * Serialises the writes of a line's tickets until the transaction ends: an import checks which
     * ticket numbers exist, then copies the rest, and nothing may add one of them in between.
     */
    public static void lockLine(JdbcClient jdbc, long lineId) {
        jdbc.sql("select 1 from pg_advisory_xact_lock(:k)").param("k", 0x5e71ce0000000000L + lineId).query(Integer.class).single();
    }

    private static double since(long start) {
        return Math.round((System.nanoTime() - start) / 1e7) / 100.0;
    }

    /** Every rule a row can break, counted in one pass; up to three example tickets per rule. */
    private static List<String> problems(Connection scratch, String stage, long lineId) throws java.sql.SQLException {
        String[][] rules = {
                {"número de boleta vacío", "coalesce(s.ticket, '') = ''"},
                {"cliente desconocido", "c.id is null"},
                {"placa vacía", "coalesce(s.plate, '') = ''"},
                {"operador vacío", "coalesce(s.operator, '') = ''"},
                {"tipo de residuo vacío", "coalesce(s.waste_type, '') = ''"},
                {"peso o fecha vacíos", "s.gross_kg is null or s.tare_kg is null or s.weighed_at is null"},
                {"peso negativo", "s.gross_kg < 0 or s.tare_kg < 0"},
                {"tara mayor que el peso bruto", "s.tare_kg > s.gross_kg"}};
        StringBuilder select = new StringBuilder("select ");
        for (int i = 0; i < rules.length; i++) {
            select.append(i == 0 ? "" : ", ").append("count(*) filter (where ").append(rules[i][1]).append(") as n").append(i)
                    .append(", (array_agg(coalesce(s.ticket, '?')) filter (where ").append(rules[i][1]).append("))[1:3] as e")
                    .append(i);
        }
        select.append(" from ").append(stage).append(" s left join service_client c on c.service_line_id = ").append(lineId)
                .append(" and c.code = s.client");
        List<String> problems = new ArrayList<>();
        try (var st = scratch.createStatement(); var rs = st.executeQuery(select.toString())) {
            rs.next();
            for (int i = 0; i < rules.length; i++) {
                long n = rs.getLong("n" + i);
                if (n > 0) {
                    String[] examples = (String[]) rs.getArray("e" + i).getArray();
                    problems.add(rules[i][0] + ": " + n + " filas (boletas " + String.join(", ", examples) + ")");
                }
            }
        }
        return problems;
    }

    /**
     * Progress written from another thread: the import's transaction holds this thread's connection
     * (in the middle of a COPY, even), and a report written in it would only be seen at commit.
     */
    private static Progress outside(Progress progress) {
        return (percent, message) -> {
            Thread t = Thread.ofVirtual().start(() -> progress.report(percent, message));
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
    }

    /** Reports progress as COPY reads the file, at most every 5 %. */
    private static final class Progressing extends FilterInputStream {
        private final long total;
        private final Progress progress;
        private long read;
        private int last;

        Progressing(InputStream in, long total, Progress progress) {
            super(in);
            this.total = Math.max(1, total);
            this.progress = progress;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                read += n;
                int percent = (int) (read * 45 / total);
                if (percent >= last + 2) {
                    last = percent;
                    progress.report(2 + percent, "Leyendo boletas: " + (read * 100 / total) + " %");
                }
            }
            return n;
        }
    }
}
