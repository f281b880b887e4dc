package org.minga.fiscal;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.minga.fiscal.internal.CadastreImportJob;
import org.minga.fiscal.internal.Places;
import org.minga.fiscal.internal.Uploads;
import org.minga.platform.AuditLog;
import org.minga.platform.AuditLog.Change;
import org.minga.platform.InvalidInputException;
import org.minga.platform.Checks;
import org.minga.platform.Jobs;
import org.minga.platform.NotFoundException;
import org.minga.platform.SystemActor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A municipality's cadastre per year: the upload of its CSV, imported by a job (all or nothing),
 * and the list of cadastres a scheme manages.
 */
@Service
public class Cadastres {

    /** Larger than a city of millions of parcels (2,600,000 rows are about 330 MB). */
    public static final long MAX_BYTES = 2L << 30;

    public record Cadastre(long id, long schemeId, String municipality, int year, String status, String fileName,
            Integer parcels, UUID jobId, String createdBy, Instant createdAt, Instant loadedAt) {
    }

    public record Submitted(long cadastreId, UUID jobId) {
    }

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final Places places;
    private final Uploads uploads;
    private final Jobs jobs;
    private final TransactionTemplate tx;

    Cadastres(JdbcClient jdbc, AuditLog audit, Places places, Uploads uploads, Jobs jobs,
            TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.places = places;
        this.uploads = uploads;
        this.jobs = jobs;
        this.tx = tx;
    }

    /**
     * Checks the request, keeps the file in chunks and queues its import. Nothing is written when
     * the scope or the parameters are refused.
     */
    public Submitted upload(long schemeId, String municipality, Integer year, String fileName, InputStream content)
            throws IOException {
        Checks checks = new Checks();
        String code = places.writable(schemeId, municipality, year, true, checks);
        checks.rule(content != null, "file", "NotEmpty", "fiscal.cadastre.file").orThrow();
        Uploads.Stored stored = uploads.store(content, MAX_BYTES);
        if (stored.tooLarge()) {
            throw new InvalidInputException("file", "Size", "fiscal.cadastre.size");
        }
        if (stored.bytes() == 0) {
            uploads.delete(stored.id());
            throw new InvalidInputException("file", "NotEmpty", "fiscal.cadastre.file");
        }
        String name = fileName == null || fileName.isBlank() ? "catastro.csv" : fileName.strip();
        return tx.execute(s -> {
            long id = jdbc.sql("""
                    insert into fiscal_cadastre (scheme_id, municipality, year, status, file_name, created_by)
                    values (:s, :m, :y, 'LOADING', :f, :by) returning id""").param("s", schemeId).param("m", code)
                    .param("y", year).param("f", name).param("by", SystemActor.current()).query(Long.class).single();
            UUID job = jobs.submit(CadastreImportJob.TYPE, new CadastreImportJob.Request(id, stored.id(), name), schemeId);
            jdbc.sql("update fiscal_cadastre set job_id = :j where id = :id").param("j", job).param("id", id).update();
            audit.record(Change.created("fiscal_cadastre", id, schemeId, "Carga de catastro " + code + " " + year
                    + " (" + name + ", " + stored.bytes() + " bytes)", Map.of("municipality", code, "year", year,
                            "file", name, "bytes", stored.bytes())));
            return new Submitted(id, job);
        });
    }

    public List<Cadastre> list(long schemeId, String municipality, int page, int size) {
        return jdbc.sql("""
                select id, scheme_id, municipality, year, status, file_name, parcels, job_id, created_by, created_at, loaded_at
                from fiscal_cadastre where scheme_id = :s and (:m = '' or municipality = :m)
                order by municipality, year desc, id desc limit :size offset :off""").param("s", schemeId)
                .param("m", municipality == null ? "" : municipality).param("size", size).param("off", page * size)
                .query(Cadastre.class).list();
    }

    public Cadastre get(long id) {
        return find(id).orElseThrow(() -> new NotFoundException("catastro", id));
    }

    public Optional<Cadastre> find(long id) {
        return jdbc.sql("""
                select id, scheme_id, municipality, year, status, file_name, parcels, job_id, created_by, created_at, loaded_at
                from fiscal_cadastre where id = :id""").param("id", id).query(Cadastre.class).optional();
    }

    public Optional<Cadastre> active(long schemeId, String municipality, int year) {
        return jdbc.sql("""
                select id, scheme_id, municipality, year, status, file_name, parcels, job_id, created_by, created_at, loaded_at
                from fiscal_cadastre where scheme_id = :s and municipality = :m and year = :y and status = 'ACTIVE'""")
                .param("s", schemeId).param("m", municipality).param("y", year).query(Cadastre.class).optional();
    }

    /** The municipalities of a scheme with an active cadastre, and their latest year. */
    public List<Map.Entry<String, Integer>> municipalities(long schemeId) {
        return jdbc.sql("""
                select municipality, max(year) as year from fiscal_cadastre where scheme_id = :s and status = 'ACTIVE'
                group by municipality order by municipality""").param("s", schemeId)
                .query((rs, n) -> Map.entry(rs.getString("municipality"), rs.getInt("year"))).list();
    }
}
