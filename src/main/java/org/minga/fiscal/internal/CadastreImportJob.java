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
public class CadastreImportJob extends JobHandler.Of<CadastreImportJob.Request> {

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
        super(TYPE, Request.class);
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.tx = tx;
        this.audit = audit;
        this.uploads = uploads;
    }

    /** The municipality and year's page: where the cadastre is seen, and where it is uploaded again. */
    @Override
    public String resultLink(Request request, tools.jackson.databind.JsonNode result) {
        return retryLink(request);
    }

    @Override
    public String retryLink(Request request) {
        return jdbc.sql("select scheme_id, municipality, year from fiscal_cadastre where id = :id")
                .param("id", request.cadastreId())
                .query((rs, n) -> "/fiscal/schemes/" + rs.getLong("scheme_id") + "/municipalities/"
                        + rs.getString("municipality") + "/years/" + rs.getInt("year"))
                .optional().orElse(null);
    }

    /** The cadastre being loaded: whose and for which municipality and year. */
    record Target(long id, long schemeId, String municipality, int year) {
    }

    @Override
    public Object run(Request request, Progress progress) throws Exception {
        Target c = jdbc.sql("select id, scheme_id, municipality, year from fiscal_cadastre where id = :id")
                .param("id", request.cadastreId()).query(Target.class).single();
        String table = "fiscal_parcel_c" + c.id();
        long started = System.nanoTime();
        try {
            CadastreBlocks.Outcome csv;
            double copied;
            try (Connection con = dataSource.getConnection()) {
                con.setAutoCommit(true);
                csv = copy(request, c, table, con, progress);
                copied = (System.nanoTime() - started) / 1e9;
                progress.report(85, csv.valid() + " predios copiados; comprobando números prediales únicos");
                key(table, con);
            }
            double keyed = (System.nanoTime() - started) / 1e9;
            progress.report(95, "Activando el catastro");
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("cadastreId", c.id());
            result.put("municipality", c.municipality());
            result.put("year", c.year());
            result.put("parcels", csv.valid());
            result.put("secondsToCopy", copied);
            result.put("secondsToKey", keyed);
            activate(c, table, csv, () -> {
                result.put("seconds", (System.nanoTime() - started) / 1e9);
                audit.record(new Change("IMPORT", "fiscal_cadastre", c.id(), c.schemeId(), "Catastro " + c.municipality()
                        + " " + c.year() + " (" + request.fileName() + "): " + csv.valid() + " predios", null, result));
            });
            progress.report(100, "Catastro cargado: " + csv.valid() + " predios");
            return result;
        } catch (Exception e) {
            Partitions.drop(dataSource, table);
            jdbc.sql("update fiscal_cadastre set status = 'FAILED' where id = :id and status = 'LOADING'")
                    .param("id", c.id()).update();
            throw e;
        } finally {
            uploads.delete(request.uploadId());
        }
    }

    /** Reads the upload into a new table, checking every row in parallel readers; any invalid row and it stops. */
    private CadastreBlocks.Outcome copy(Request request, Target c, String table, Connection con, Progress progress)
            throws Exception {
        int chunks = Math.max(1, uploads.chunks(request.uploadId()));
        progress.report(1, "Leyendo " + request.fileName());
        Partitions.create(con, table, "fiscal_parcel");
        int[] chunk = {0};
        // One reader per processor: on two cores, two parsers and two COPYs keep both busy.
        int readers = Math.clamp(Runtime.getRuntime().availableProcessors(), 1, 4);
        CadastreBlocks.Outcome csv = CadastreBlocks.read(uploads.open(request.uploadId(), n -> chunk[0] = n), dataSource,
                table, c.municipality(), c.year(), c.id(), readers,
                () -> progress.report(Math.min(80, 1 + 80 * chunk[0] / chunks), "Leyendo y copiando predios"));
        if (csv.invalid() > 0) {
            throw new RowsRejected(report(csv.invalid(), csv.errors().stream()
                    .map(e -> "línea " + e.line() + ": " + e.reason()).toList()));
        }
        return csv;
    }

    /** Keys the table by parcel number (a repeated number refuses the file, naming its lines) and indexes lines. */
    private void key(String table, Connection con) throws SQLException {
        try (Statement st = con.createStatement()) {
            // Room to sort a city's parcel numbers in memory (the default spills to disk).
            st.execute("set maintenance_work_mem = '256MB'");
            st.execute("alter table " + table + " add primary key (parcel_number)");
            st.execute("create index on " + table + " using brin (line)");
        } catch (SQLException e) {
            if (!"23505".equals(e.getSQLState())) {
                throw e;
            }
            List<String> dup = jdbc.sql("select parcel_number, string_agg(line::text, ', ' order by line) as lines"
                    + " from " + table + " group by parcel_number having count(*) > 1 order by min(line) limit 20")
                    .query((rs, n) -> "líneas " + rs.getString("lines") + ": numero_predial "
                            + rs.getString("parcel_number").strip() + " repetido")
                    .list();
            throw new RowsRejected(report(dup.size(), dup));
        } finally {
            try (Statement st = con.createStatement()) {
                st.execute("reset maintenance_work_mem");
            }
        }
    }

    /** In one transaction: the table becomes the cadastre's partition, the cadastre active, the one it replaces not. */
    private void activate(Target c, String table, CadastreBlocks.Outcome csv, Runnable audited) {
        tx.executeWithoutResult(s -> {
            jdbc.sql("select id from fiscal_cadastre where scheme_id = :s and municipality = :m and year = :y for update")
                    .param("s", c.schemeId()).param("m", c.municipality()).param("y", c.year()).query(Long.class).list();
            jdbc.sql("alter table fiscal_parcel attach partition " + table + " for values in (" + c.id() + ")").update();
            jdbc.sql("""
                    update fiscal_cadastre set status = 'REPLACED'
                    where scheme_id = :s and municipality = :m and year = :y and status = 'ACTIVE'""")
                    .param("s", c.schemeId()).param("m", c.municipality()).param("y", c.year()).update();
            jdbc.sql("update fiscal_cadastre set status = 'ACTIVE', parcels = :p, last_line = :ll, loaded_at = now() where id = :id")
                    .param("p", csv.valid()).param("ll", csv.lastLine()).param("id", c.id()).update();
            audited.run();
        });
    }

    private static String report(long count, List<String> lines) {
        return "No se cargó nada: " + count + " filas inválidas. " + String.join("; ", lines);
    }
}
