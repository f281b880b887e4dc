package org.minga.transitions;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.minga.identity.Scopes;
import org.minga.platform.AuditLog;
import org.minga.platform.AuditLog.Change;
import org.minga.platform.InvalidInputException;
import org.minga.platform.InvalidInputException.Violation;
import org.minga.platform.NotFoundException;
import org.minga.platform.SystemActor;
import org.minga.registry.Scheme;
import org.minga.registry.SchemeFacts;
import org.minga.registry.Schemes;
import org.minga.transitions.internal.DossierBuilder;
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

    public record Mayor(long id, String unitCode, String name, String party, LocalDate periodStartsOn,
            LocalDate periodEndsOn) {
    }

    public record Election(long id, long schemeId, String name, String unitCode, LocalDate heldOn,
            LocalDate periodStartsOn, LocalDate periodEndsOn) {
    }

    public record Candidate(long id, long electionId, String name, String party) {
    }

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

    /** Whether every candidate of the election received the same version, and whether it is the current one. */
    public record Neutrality(Election election, String currentHash, List<CandidateRow> candidates, Verdict verdict) {
    }

    private final JdbcClient jdbc;
    private final Scopes scopes;
    private final AuditLog audit;
    private final Schemes schemes;
    private final SchemeFacts facts;
    private final DossierBuilder builder;

    Transitions(JdbcClient jdbc, Scopes scopes, AuditLog audit, Schemes schemes, SchemeFacts facts, DossierBuilder builder) {
        this.jdbc = jdbc;
        this.scopes = scopes;
        this.audit = audit;
        this.schemes = schemes;
        this.facts = facts;
        this.builder = builder;
    }

    // ---- mayors, elections, candidates -------------------------------------------------------

    /** Records the mayor of a member for the government period in course on {@code on}. */
    @Transactional
    public Mayor addMayor(long schemeId, String unitCode, String name, String party, LocalDate on) {
        scopes.requireSchemeWrite(schemeId);
        Scheme scheme = schemes.get(schemeId);
        List<Violation> errors = new ArrayList<>();
        LocalDate date = on == null ? LocalDate.now() : on;
        String unit = unitCode == null ? "" : unitCode.strip();
        if (facts.members(schemeId, date).stream().noneMatch(m -> unit.equals(m.code()))) {
            errors.add(new Violation("unitCode", "Member", "transitions.unit.member", unit));
        }
        required(name, "name", errors);
        fail(errors);
        var period = GovernmentPeriods.at(scheme.getCountry().name(), date);
        if (jdbc.sql("select exists (select 1 from mayor where scheme_id = :s and unit_code = :u and period_starts_on = :p)")
                .param("s", schemeId).param("u", unit).param("p", period.startsOn()).query(Boolean.class).single()) {
            throw new InvalidInputException("unitCode", "Unique", "transitions.mayor.duplicate", unit, period.startsOn());
        }
        long id = jdbc.sql("""
                insert into mayor (scheme_id, unit_code, name, party, period_starts_on, period_ends_on, created_by)
                values (:s, :u, :n, :p, :a, :b, :by) returning id""").param("s", schemeId).param("u", unit)
                .param("n", name.strip()).param("p", blankToNull(party)).param("a", period.startsOn())
                .param("b", period.endsOn()).param("by", SystemActor.current()).query(Long.class).single();
        Mayor m = new Mayor(id, unit, name.strip(), blankToNull(party), period.startsOn(), period.endsOn());
        audit.record(Change.created("mayor", id, schemeId, "Alcalde " + m.name() + " de " + unit,
                Map.of("unitCode", unit, "name", m.name(), "periodStartsOn", period.startsOn().toString())));
        return m;
    }

    @Transactional(readOnly = true)
    public List<Mayor> mayors(long schemeId) {
        return jdbc.sql("""
                select id, unit_code, name, party, period_starts_on, period_ends_on from mayor where scheme_id = :s
                order by period_starts_on desc, unit_code""").param("s", schemeId)
                .query((rs, n) -> new Mayor(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getDate(5).toLocalDate(), rs.getDate(6).toLocalDate())).list();
    }

    /** An election of one member's mayor ({@code unitCode}) or of the region (null); it elects the next period. */
    @Transactional
    public Election createElection(long schemeId, String name, String unitCode, LocalDate heldOn) {
        scopes.requireSchemeWrite(schemeId);
        Scheme scheme = schemes.get(schemeId);
        List<Violation> errors = new ArrayList<>();
        required(name, "name", errors);
        if (heldOn == null) {
            errors.add(new Violation("heldOn", "NotNull", "transitions.election.heldOn"));
        }
        String unit = blankToNull(unitCode);
        if (unit != null && facts.members(schemeId, heldOn == null ? LocalDate.now() : heldOn).stream()
                .noneMatch(m -> unit.equals(m.code()))) {
            errors.add(new Violation("unitCode", "Member", "transitions.unit.member", unit));
        }
        fail(errors);
        if (elections(schemeId).stream().anyMatch(e -> e.name().equalsIgnoreCase(name.strip()))) {
            throw new InvalidInputException("name", "Unique", "transitions.election.duplicate", name.strip());
        }
        var period = GovernmentPeriods.electedBy(scheme.getCountry().name(), heldOn);
        long id = jdbc.sql("""
                insert into election (scheme_id, name, unit_code, held_on, period_starts_on, period_ends_on, created_by)
                values (:s, :n, :u, :h, :a, :b, :by) returning id""").param("s", schemeId).param("n", name.strip())
                .param("u", unit).param("h", heldOn).param("a", period.startsOn()).param("b", period.endsOn())
                .param("by", SystemActor.current()).query(Long.class).single();
        audit.record(Change.created("election", id, schemeId, "Elección " + name.strip(), Map.of("name", name.strip(),
                "heldOn", heldOn.toString(), "unitCode", unit == null ? "" : unit)));
        return election(schemeId, id);
    }

    @Transactional(readOnly = true)
    public List<Election> elections(long schemeId) {
        return jdbc.sql("""
                select id, scheme_id, name, unit_code, held_on, period_starts_on, period_ends_on from election
                where scheme_id = :s order by held_on desc, id desc""").param("s", schemeId)
                .query((rs, n) -> new Election(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                        rs.getDate(5).toLocalDate(), rs.getDate(6).toLocalDate(), rs.getDate(7).toLocalDate())).list();
    }

    @Transactional(readOnly = true)
    public Election election(long schemeId, long electionId) {
        return elections(schemeId).stream().filter(e -> e.id() == electionId).findFirst()
                .orElseThrow(() -> new NotFoundException("elección", electionId));
    }

    @Transactional
    public Candidate addCandidate(long schemeId, long electionId, String name, String party) {
        scopes.requireSchemeWrite(schemeId);
        election(schemeId, electionId);
        List<Violation> errors = new ArrayList<>();
        required(name, "name", errors);
        fail(errors);
        if (candidates(electionId).stream().anyMatch(c -> c.name().equalsIgnoreCase(name.strip()))) {
            throw new InvalidInputException("name", "Unique", "transitions.candidate.duplicate", name.strip());
        }
        long id = jdbc.sql("insert into candidate (election_id, name, party) values (:e, :n, :p) returning id")
                .param("e", electionId).param("n", name.strip()).param("p", blankToNull(party)).query(Long.class).single();
        audit.record(Change.created("candidate", id, schemeId, "Candidato " + name.strip(),
                Map.of("electionId", electionId, "name", name.strip())));
        return new Candidate(id, electionId, name.strip(), blankToNull(party));
    }

    @Transactional(readOnly = true)
    public List<Candidate> candidates(long electionId) {
        return jdbc.sql("select id, election_id, name, party from candidate where election_id = :e order by name, id")
                .param("e", electionId).query((rs, n) -> new Candidate(rs.getLong(1), rs.getLong(2), rs.getString(3),
                        rs.getString(4))).list();
    }

    // ---- dossiers and deliveries -------------------------------------------------------------

    /** The dossier as live data make it today, without storing anything. */
    @Transactional(readOnly = true)
    public Dossier dossier(long schemeId, Dossier.Kind kind, String unitCode) {
        return builder.build(schemeId, kind, unitCode, LocalDate.now());
    }

    /** Generates the candidate dossier of the election's scope from live data and records its delivery. */
    @Transactional
    public Delivery deliverToCandidate(long schemeId, long electionId, long candidateId) {
        scopes.requireSchemeWrite(schemeId);
        Election e = election(schemeId, electionId);
        Candidate c = candidates(electionId).stream().filter(x -> x.id() == candidateId).findFirst()
                .orElseThrow(() -> new NotFoundException("candidato", candidateId));
        List<String> earlier = jdbc.sql("""
                select distinct v.content_hash from dossier_delivery d join dossier_version v on v.id = d.version_id
                where d.election_id = :e""").param("e", electionId).query(String.class).list();
        return deliver(schemeId, Dossier.Kind.CANDIDATE, e.unitCode(), c.name() + " (candidato)", electionId,
                candidateId, null, earlier);
    }

    /** Generates the handover dossier of a member for a recipient (the incoming mayor, usually) and logs it. */
    @Transactional
    public Delivery handover(long schemeId, String unitCode, String recipient) {
        scopes.requireSchemeWrite(schemeId);
        List<Violation> errors = new ArrayList<>();
        String unit = unitCode == null ? "" : unitCode.strip();
        if (facts.members(schemeId, LocalDate.now()).stream().noneMatch(m -> unit.equals(m.code()))) {
            errors.add(new Violation("unitCode", "Member", "transitions.unit.member", unit));
        }
        required(recipient, "recipient", errors);
        fail(errors);
        List<String> earlier = jdbc.sql("""
                select distinct v.content_hash from dossier_delivery d join dossier_version v on v.id = d.version_id
                where d.scheme_id = :s and v.kind = 'HANDOVER' and v.unit_code = :u""").param("s", schemeId)
                .param("u", unit).query(String.class).list();
        return deliver(schemeId, Dossier.Kind.HANDOVER, unit, recipient.strip(), null, null, null, earlier);
    }

    private Delivery deliver(long schemeId, Dossier.Kind kind, String unit, String recipient, Long electionId,
            Long candidateId, Long mayorId, List<String> earlierHashes) {
        Dossier d = builder.build(schemeId, kind, unit, LocalDate.now());
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
        return new Delivery(id, v, recipient, Instant.now(), created, differs);
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
                .query((rs, n) -> new Version(rs.getLong(1), Dossier.Kind.valueOf(rs.getString(2)), rs.getString(3),
                        rs.getString(4), rs.getTimestamp(5).toInstant())).optional()
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
                select d.id, d.recipient, e.name, v.kind, v.unit_code, v.content_hash, v.id, d.delivered_at, d.delivered_by
                from dossier_delivery d join dossier_version v on v.id = d.version_id
                left join election e on e.id = d.election_id
                where d.scheme_id = :s and (cast(:b as bigint) is null or d.id < :b)
                order by d.id desc limit :n""").param("s", schemeId).param("b", before)
                .param("n", Math.max(1, Math.min(size, 100)))
                .query((rs, n) -> new LogEntry(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getLong(7), rs.getTimestamp(8).toInstant(), rs.getString(9)))
                .list();
    }

    /**
     * For each candidate the version last delivered; the election is neutral ({@code SAME}) when every
     * candidate's last version is one and the same; {@code INCOMPLETE} while someone received nothing.
     * {@code current} says whether the version is what the live data give today.
     */
    @Transactional(readOnly = true)
    public Neutrality neutrality(long schemeId, long electionId) {
        Election e = election(schemeId, electionId);
        String current = builder.build(schemeId, Dossier.Kind.CANDIDATE, e.unitCode(), LocalDate.now()).hash();
        Map<Long, CandidateRow> rows = new LinkedHashMap<>();
        for (Candidate c : candidates(electionId)) {
            rows.put(c.id(), jdbc.sql("""
                    select v.content_hash, v.id, d.delivered_at, count(*) over ()
                    from dossier_delivery d join dossier_version v on v.id = d.version_id
                    where d.election_id = :e and d.candidate_id = :c order by d.id desc limit 1""")
                    .param("e", electionId).param("c", c.id())
                    .query((rs, n) -> new CandidateRow(c, rs.getString(1), rs.getLong(2), rs.getTimestamp(3).toInstant(),
                            rs.getInt(4), rs.getString(1).equals(current))).optional()
                    .orElse(new CandidateRow(c, null, null, null, 0, false)));
        }
        List<CandidateRow> list = List.copyOf(rows.values());
        Verdict verdict = list.isEmpty() || list.stream().anyMatch(r -> r.hash() == null) ? Verdict.INCOMPLETE
                : list.stream().map(CandidateRow::hash).distinct().count() == 1 ? Verdict.SAME : Verdict.DIFFERENT;
        return new Neutrality(e, current, list, verdict);
    }

    // ---- helpers -----------------------------------------------------------------------------

    private static void required(String value, String field, List<Violation> errors) {
        if (value == null || value.isBlank()) {
            errors.add(new Violation(field, "NotBlank", "transitions." + field + ".required"));
        }
    }

    private static void fail(List<Violation> errors) {
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
