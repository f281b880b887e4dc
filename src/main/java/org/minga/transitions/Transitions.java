package org.minga.transitions;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.minga.identity.Scopes;
import org.minga.platform.AuditLog;
import org.minga.platform.AuditLog.Change;
import org.minga.platform.Checks;
import org.minga.platform.Inputs;
import org.minga.platform.NotFoundException;
import org.minga.platform.SystemActor;
import org.minga.platform.Zones;
import org.minga.transitions.internal.DossierBuilder;
import org.minga.transitions.Elections.Candidate;
import org.minga.transitions.Elections.Election;
import org.minga.transitions.internal.DossierPdf;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Handover and neutrality: mayors per member and government period, elections and candidates, the
 * handover and candidate dossiers generated from live data, the distribution log of which version
 * each recipient received and when, and the neutrality report of an election.
 *
 * <p>A dossier's version is the SHA-256 of its canonical content ({@link Dossier#canonical()}), not
 * of the PDF's bytes: the same data gives the same version whenever it is generated. The PDF of a
 * version is stored when the version first appears, and that file is what every later download of
 * the version returns.
 */
@Service
public class Transitions {

    public record Version(long id, Dossier.Kind kind, String unitCode, String hash, Instant createdAt) {
    }

    /** A delivery; {@code differs} when the version is not the one the election's earlier recipients got. */
    public record Delivery(long id, Version version, String recipient, Instant deliveredAt, boolean newVersion,
            boolean differs) {
    }

    public record LogEntry(long id, String recipient, String electionName, String kind, String unitCode, String hash,
            long versionId, Instant deliveredAt, String deliveredBy) {
    }

    public enum Verdict { SAME, DIFFERENT, INCOMPLETE }

    public record CandidateRow(Candidate candidate, String hash, Long versionId, Instant deliveredAt, int deliveries,
            boolean current) {
    }

    /**
     * Whether every candidate of the election received the same version, and how many hold a version
     * that is no longer what the records give as of the election's cut-off date (a correction or a
     * late entry dated before it changed them).
     */
    public record Neutrality(Election election, String currentHash, List<CandidateRow> candidates, Verdict verdict,
            int outdated) {
    }

    private final JdbcClient jdbc;
    private final Scopes scopes;
    private final AuditLog audit;
    private final DossierBuilder builder;
    private final Elections elections;
    private final Zones zones;

    Transitions(JdbcClient jdbc, Scopes scopes, AuditLog audit, DossierBuilder builder, Elections elections,
            Zones zones) {
        this.jdbc = jdbc;
        this.scopes = scopes;
        this.audit = audit;
        this.builder = builder;
        this.elections = elections;
        this.zones = zones;
    }

    // ---- dossiers and deliveries -------------------------------------------------------------

    /** The dossier as live data make it today, without storing anything. */
    @Transactional(readOnly = true)
    public Dossier dossier(long schemeId, Dossier.Kind kind, String unitCode) {
        return builder.build(schemeId, kind, unitCode, today(schemeId));
    }

    /**
     * Generates the candidate dossier of the election's scope as of the election's cut-off date and
     * records its delivery: every candidate gets the same version whatever the day they are served.
     */
    @Transactional
    public Delivery deliverToCandidate(long schemeId, long electionId, long candidateId) {
        scopes.requireSchemeWrite(schemeId);
        Election e = elections.election(schemeId, electionId);
        Candidate c = elections.candidates(electionId).stream().filter(x -> x.id() == candidateId).findFirst()
                .orElseThrow(() -> new NotFoundException("candidato", candidateId));
        List<String> earlier = jdbc.sql("""
                select distinct v.content_hash from dossier_delivery d join dossier_version v on v.id = d.version_id
                where d.election_id = :e""").param("e", electionId).query(String.class).list();
        return deliver(schemeId, Dossier.Kind.CANDIDATE, e.unitCode(), e.cutOffOn(), c.name() + " (candidato)",
                electionId, candidateId, null, earlier);
    }

    /** Generates the handover dossier of a member for a recipient (the incoming mayor, usually) and logs it. */
    @Transactional
    public Delivery handover(long schemeId, String unitCode, String recipient) {
        scopes.requireSchemeWrite(schemeId);
        Checks checks = new Checks();
        String unit = unitCode == null ? "" : unitCode.strip();
        elections.member(schemeId, unit, today(schemeId), checks);
        String to = Inputs.text(recipient);
        checks.rule(to != null, "recipient", "NotBlank", "transitions.recipient.required");
        checks.rule(to == null || to.length() <= 300, "recipient", "Size", "Size", "recipient", 300, 0).orThrow();
        List<String> earlier = jdbc.sql("""
                select distinct v.content_hash from dossier_delivery d join dossier_version v on v.id = d.version_id
                where d.scheme_id = :s and v.kind = 'HANDOVER' and v.unit_code = :u""").param("s", schemeId)
                .param("u", unit).query(String.class).list();
        return deliver(schemeId, Dossier.Kind.HANDOVER, unit, today(schemeId), to, null, null, null, earlier);
    }

    /** Builds the dossier as of {@code at}, stores its version the first time it appears, and logs the delivery. */
    private Delivery deliver(long schemeId, Dossier.Kind kind, String unit, LocalDate at, String recipient,
            Long electionId, Long candidateId, Long mayorId, List<String> earlierHashes) {
        Dossier d = builder.build(schemeId, kind, unit, at);
        String hash = d.hash();
        Long existing = versionId(schemeId, kind, unit, hash);
        boolean created = existing == null;
        long versionId;
        if (created) {
            byte[] pdf = DossierPdf.render(d, hash);
            versionId = jdbc.sql("""
                    insert into dossier_version (scheme_id, kind, unit_code, content_hash, content, pdf, created_by)
                    values (:s, :k, :u, :h, :c, :p, :by)
                    on conflict (scheme_id, kind, coalesce(unit_code, ''), content_hash) do nothing returning id""")
                    .param("s", schemeId).param("k", kind.name()).param("u", unit).param("h", hash)
                    .param("c", d.canonical()).param("p", pdf).param("by", SystemActor.current()).query(Long.class).optional()
                    .orElseGet(() -> versionId(schemeId, kind, unit, hash));
            audit.record(Change.created("dossier_version", versionId, schemeId, d.title(),
                    Map.of("kind", kind.name(), "unitCode", unit == null ? "" : unit, "hash", hash)));
        } else {
            versionId = existing;
        }
        long id = jdbc.sql("""
                insert into dossier_delivery (version_id, scheme_id, election_id, candidate_id, mayor_id, recipient, delivered_by)
                values (:v, :s, :e, :c, :m, :r, :by) returning id""").param("v", versionId).param("s", schemeId)
                .param("e", electionId).param("c", candidateId).param("m", mayorId).param("r", recipient)
                .param("by", SystemActor.current()).query(Long.class).single();
        audit.record(Change.created("dossier_delivery", id, schemeId, "Entrega de expediente a " + recipient,
                Map.of("versionId", versionId, "hash", hash, "recipient", recipient)));
        Version v = version(schemeId, versionId);
        boolean differs = !earlierHashes.isEmpty() && (earlierHashes.size() > 1 || !earlierHashes.contains(hash));
        return new Delivery(id, v, recipient, zones.now(), created, differs);
    }

    private Long versionId(long schemeId, Dossier.Kind kind, String unit, String hash) {
        return jdbc.sql("""
                select id from dossier_version where scheme_id = :s and kind = :k and coalesce(unit_code, '') = :u
                and content_hash = :h""").param("s", schemeId).param("k", kind.name()).param("u", unit == null ? "" : unit)
                .param("h", hash).query(Long.class).optional().orElse(null);
    }

    @Transactional(readOnly = true)
    public Version version(long schemeId, long versionId) {
        return jdbc.sql("""
                select id, kind, unit_code, content_hash, created_at from dossier_version where id = :v and scheme_id = :s""")
                .param("v", versionId).param("s", schemeId)
                .query((rs, n) -> new Version(rs.getLong("id"), Dossier.Kind.valueOf(rs.getString("kind")),
                        rs.getString("unit_code"), rs.getString("content_hash"), rs.getTimestamp("created_at").toInstant()))
                .optional()
                .orElseThrow(() -> new NotFoundException("versión de expediente", versionId));
    }

    /** The stored PDF of a version: every download of a version returns the same file. */
    @Transactional(readOnly = true)
    public byte[] pdf(long schemeId, long versionId) {
        return jdbc.sql("select pdf from dossier_version where id = :v and scheme_id = :s").param("v", versionId)
                .param("s", schemeId).query(byte[].class).optional()
                .orElseThrow(() -> new NotFoundException("versión de expediente", versionId));
    }

    /** The distribution log of the scheme, newest first, one page (keyset on id). */
    @Transactional(readOnly = true)
    public List<LogEntry> log(long schemeId, Long before, int size) {
        return jdbc.sql("""
                select d.id, d.recipient, e.name as election_name, v.kind, v.unit_code, v.content_hash, v.id as version_id,
                       d.delivered_at, d.delivered_by
                from dossier_delivery d join dossier_version v on v.id = d.version_id
                left join election e on e.id = d.election_id
                where d.scheme_id = :s and (cast(:b as bigint) is null or d.id < :b)
                order by d.id desc limit :n""").param("s", schemeId).param("b", before)
                .param("n", Math.max(1, Math.min(size, 100)))
                .query((rs, n) -> new LogEntry(rs.getLong("id"), rs.getString("recipient"), rs.getString("election_name"),
                        rs.getString("kind"), rs.getString("unit_code"), rs.getString("content_hash"),
                        rs.getLong("version_id"), rs.getTimestamp("delivered_at").toInstant(), rs.getString("delivered_by")))
                .list();
    }

    /**
     * For each candidate the version last delivered; the election is neutral ({@code SAME}) when every
     * candidate's last version is one and the same; {@code INCOMPLETE} while someone received nothing.
     * {@code current} says whether the version is what the records give as of the election's cut-off date.
     */
    @Transactional(readOnly = true)
    public Neutrality neutrality(long schemeId, long electionId) {
        Election e = elections.election(schemeId, electionId);
        String current = builder.build(schemeId, Dossier.Kind.CANDIDATE, e.unitCode(), e.cutOffOn()).hash();
        Map<Long, CandidateRow> rows = new LinkedHashMap<>();
        for (Candidate c : elections.candidates(electionId)) {
            rows.put(c.id(), jdbc.sql("""
                    select v.content_hash, v.id, d.delivered_at, count(*) over () as deliveries
                    from dossier_delivery d join dossier_version v on v.id = d.version_id
                    where d.election_id = :e and d.candidate_id = :c order by d.id desc limit 1""")
                    .param("e", electionId).param("c", c.id())
                    .query((rs, n) -> new CandidateRow(c, rs.getString("content_hash"), rs.getLong("id"),
                            rs.getTimestamp("delivered_at").toInstant(), rs.getInt("deliveries"),
                            rs.getString("content_hash").equals(current))).optional()
                    .orElse(new CandidateRow(c, null, null, null, 0, false)));
        }
        List<CandidateRow> list = List.copyOf(rows.values());
        Verdict verdict = list.isEmpty() || list.stream().anyMatch(r -> r.hash() == null) ? Verdict.INCOMPLETE
                : list.stream().map(CandidateRow::hash).distinct().count() == 1 ? Verdict.SAME : Verdict.DIFFERENT;
        int outdated = (int) list.stream().filter(r -> r.hash() != null && !r.current()).count();
        return new Neutrality(e, current, list, verdict, outdated);
    }

    private LocalDate today(long schemeId) {
        return elections.today(schemeId);
    }
}
