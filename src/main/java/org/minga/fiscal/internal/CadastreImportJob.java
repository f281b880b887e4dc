package org.minga.fiscal.internal;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.minga.platform.AuditLog;
import org.minga.platform.AuditLog.Change;
import org.minga.platform.JobHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports a cadastre CSV: streams the upload through {@link CadastreCsv}, COPYs the valid rows into
 * a new table, checks that parcel numbers are unique, then attaches that table as the cadastre's
 * partition of {@code fiscal_parcel} and marks it active in one transaction. Any invalid row and
 * nothing is loaded: the job fails naming the first rows by line and reason.
 */
@Component
public class CadastreImportJob implements JobHandler<CadastreImportJob.Request> {

    public static final String TYPE = "FISCAL_CADASTRE_IMPORT";

    public record Request(long cadastreId, UUID uploadId, String fileName) {
    }

    /** The import failed for the file's content; the message names the rows. */
    public static class RowsRejected extends RuntimeException {
        public RowsRejected(String message) {
            super(message);
        }
    }

    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final AuditLog audit;
    private final Uploads uploads;

    CadastreImportJob(DataSource dataSource, JdbcClient jdbc, TransactionTemplate tx, AuditLog audit, Uploads uploads) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.tx = tx;
        this.audit = audit;
        this.uploads = uploads;
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Class<Request> payloadType() {
        return Request.class;
    }

    @Override
    public Object run(Request request, Progress progress) throws Exception {
        long id = request.cadastreId();
        var c = jdbc.sql("select scheme_id, municipality, year from fiscal_cadastre where id = :id").param("id", id)
                .query((rs, n) -> new Object[] {rs.getLong(1), rs.getString(2), rs.getInt(3)}).single();
        long schemeId = (Long) c[0];
        String municipality = (String) c[1];
        int year = (Integer) c[2];
        String table = "fiscal_parcel_c" + id;
        long started = System.nanoTime();
        double[] copied = {0};
        try {
            int chunks = Math.max(1, uploads.chunks(request.uploadId()));
            progress.report(1, "Leyendo " + request.fileName());
            CadastreBlocks.Outcome csv;
            try (Connection con = dataSource.getConnection()) {
                con.setAutoCommit(true);
                try (Statement st = con.createStatement()) {
                    st.execute("drop table if exists " + table);
                    st.execute("create table " + table + " (like fiscal_parcel)");
                }
                int[] chunk = {0};
                // One reader per processor: on two cores, two parsers and two COPYs keep both busy.
                int readers = Math.clamp(Runtime.getRuntime().availableProcessors(), 1, 4);
                csv = CadastreBlocks.read(uploads.open(request.uploadId(), n -> chunk[0] = n), dataSource, table,
                        municipality, year, id, readers,
                        () -> progress.report(Math.min(80, 1 + 80 * chunk[0] / chunks), "Leyendo y copiando predios"));
                if (csv.invalid() > 0) {
                    throw new RowsRejected(report(csv.invalid(), csv.errors().stream()
                            .map(e -> "línea " + e.line() + ": " + e.reason()).toList()));
                }
                copied[0] = (System.nanoTime() - started) / 1e9;
                progress.report(85, csv.valid() + " predios copiados; comprobando números prediales únicos");
                try (Statement st = con.createStatement()) {
                    // Room to sort a city's parcel numbers in memory (the default spills to disk).
                    st.execute("set maintenance_work_mem = '256MB'");
                    st.execute("alter table " + table + " add primary key (parcel_number)");
                    st.execute("create index on " + table + " using brin (line)");
                } catch (SQLException e) {
                    if (!"23505".equals(e.getSQLState())) {
                        throw e;
                    }
                    List<String> dup = jdbc.sql("select parcel_number, string_agg(line::text, ', ' order by line) from "
                            + table + " group by parcel_number having count(*) > 1 order by min(line) limit 20")
                            .query((rs, n) -> "líneas " + rs.getString(2) + ": numero_predial " + rs.getString(1).strip()
                                    + " repetido")
                            .list();
                    throw new RowsRejected(report(dup.size(), dup));
                } finally {
                    try (Statement st = con.createStatement()) {
                        st.execute("reset maintenance_work_mem");
                    }
                }
            }
            double keyed = (System.nanoTime() - started) / 1e9;
            progress.report(95, "Activando el catastro");
            long valid = csv.valid();
            long lastLine = csv.lastLine();
            Map<String, Object> result = new LinkedHashMap<>();
            tx.executeWithoutResult(s -> {
                jdbc.sql("select id from fiscal_cadastre where scheme_id = :s and municipality = :m and year = :y for update")
                        .param("s", schemeId).param("m", municipality).param("y", year).query(Long.class).list();
                jdbc.sql("alter table fiscal_parcel attach partition " + table + " for values in (" + id + ")").update();
                jdbc.sql("""
                        update fiscal_cadastre set status = 'REPLACED'
                        where scheme_id = :s and municipality = :m and year = :y and status = 'ACTIVE'""")
                        .param("s", schemeId).param("m", municipality).param("y", year).update();
                jdbc.sql("update fiscal_cadastre set status = 'ACTIVE', parcels = :p, last_line = :ll, loaded_at = now() where id = :id")
                        .param("p", valid).param("ll", lastLine).param("id", id).update();
                result.put("cadastreId", id);
                result.put("municipality", municipality);
                result.put("year", year);
                result.put("parcels", valid);
                result.put("secondsToCopy", copied[0]);
                result.put("secondsToKey", keyed);
                result.put("seconds", (System.nanoTime() - started) / 1e9);
                audit.record(new Change("IMPORT", "fiscal_cadastre", id, schemeId, "Catastro " + municipality + " "
                        + year + " (" + request.fileName() + "): " + valid + " predios", null, result));
            });
            progress.report(100, "Catastro cargado: " + valid + " predios");
            return result;
        } catch (Exception e) {
            try (Connection con = dataSource.getConnection(); Statement st = con.createStatement()) {
                st.execute("drop table if exists " + table);
            }
            jdbc.sql("update fiscal_cadastre set status = 'FAILED' where id = :id and status = 'LOADING'").param("id", id)
                    .update();
            throw e;
        } finally {
            uploads.delete(request.uploadId());
        }
    }

    private static String report(long count, List<String> lines) {
        return "No se cargó nada: " + count + " filas inválidas. " + String.join("; ", lines);
    }
}
