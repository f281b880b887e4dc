package org.minga.services;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.minga.identity.Role;
import org.minga.identity.Scopes;
import org.minga.platform.AuditLog;
import org.minga.platform.AuditLog.Change;
import org.minga.platform.FileStore;
import org.minga.platform.InvalidInputException;
import org.minga.platform.InvalidInputException.Violation;
import org.minga.platform.NotFoundException;
import org.minga.platform.SystemActor;
import org.minga.services.internal.Rules;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Cases (trámites) and the workflows their types define: states, the transitions allowed between
 * them, which roles may make each, a requirements checklist, recorded checks that gate
 * transitions, and a target time that gives each case its due date and SLA.
 */
@Service
public class Cases {

    /** Roles a transition may name: those granted within one scheme. */
    static final Set<Role> SCHEME_ROLES = Set.of(Role.SCHEME_ADMIN, Role.SCHEME_STAFF, Role.MEMBER_OFFICIAL, Role.BOARD_MEMBER);
    /** Days before the due date when an open case is flagged. */
    public static final int ALERT_DAYS = 3;
    static final ZoneId ZONE = ZoneId.of("America/Bogota");

    public record StateDef(String code, String name, Boolean stopsClock) {
        public StateDef {
            stopsClock = Boolean.TRUE.equals(stopsClock);
        }
    }

    /** A step allowed from one state to another, by the roles named; the flags left out are false. */
    public record TransitionDef(String from, String to, List<String> roles, Boolean needsObservation, Boolean needsChecks,
            Boolean needsRequirements) {
        public TransitionDef {
            needsObservation = Boolean.TRUE.equals(needsObservation);
            needsChecks = Boolean.TRUE.equals(needsChecks);
            needsRequirements = Boolean.TRUE.equals(needsRequirements);
        }
    }

    public record ItemDef(String code, String label) {
    }

    public record TypeInput(Long serviceLineId, String code, String name, Integer targetDays, String initialState,
            List<StateDef> states, List<TransitionDef> transitions, List<ItemDef> requirements, List<ItemDef> checks) {
    }

    public record CaseType(long id, long schemeId, long serviceLineId, String code, String name, int targetDays,
            String initialState, List<StateDef> states, List<TransitionDef> transitions, List<ItemDef> requirements,
            List<ItemDef> checks) {

        public String stateName(String code) {
            return states.stream().filter(s -> s.code().equals(code)).map(StateDef::name).findFirst().orElse(code);
        }

        public List<TransitionDef> from(String state) {
            return transitions.stream().filter(t -> t.from().equals(state)).toList();
        }
    }

    public record CaseInput(Long caseTypeId, String applicantName, String applicantDocument, String applicantContact,
            String unitCode, String subject) {
    }

    public record Event(String fromState, String toState, Instant at, String actor, String observation) {
    }

    public record Comment(Instant at, String actor, String text) {
    }

    public record Document(long id, UUID fileId, String name, Instant at, String actor) {
    }

    public record CheckResult(String code, boolean passed, String note, Instant at, String actor) {
    }

    public record Case(long id, String number, long schemeId, long caseTypeId, String applicantName,
            String applicantDocument, String applicantContact, String unitCode, String subject, String state,
            Instant openedAt, LocalDate dueOn, Instant completedAt) {

        public String alert(LocalDate today) {
            if (completedAt != null) {
                return null;
            }
            return dueOn.isBefore(today) ? "OVERDUE" : !dueOn.isAfter(today.plusDays(ALERT_DAYS)) ? "DUE_SOON" : null;
        }

        /** The same case without the applicant's name, identity document and contact (personal data). */
        public Case withoutApplicant() {
            return new Case(id, number, schemeId, caseTypeId, null, null, null, unitCode, subject, state, openedAt, dueOn,
                    completedAt);
        }

        /** Done by the due date; null while open. */
        public Boolean slaMet() {
            return completedAt == null ? null : !LocalDate.ofInstant(completedAt, ZONE).isAfter(dueOn);
        }
    }

    public record Detail(Case c, CaseType type, List<Event> events, List<Comment> comments, List<Document> documents,
            Set<String> metRequirements, Map<String, CheckResult> checks) {
    }

    /** What the public page shows: the state and the dates, nothing about the applicant. */
    public record PublicView(String number, String typeName, String stateName, LocalDate openedOn, LocalDate dueOn,
            LocalDate completedOn, List<PublicStep> steps) {
    }

    public record PublicStep(String stateName, LocalDate on) {
    }

    public record Page(List<Case> items, int page, boolean hasNext) {
    }

    private final JdbcClient jdbc;
    private final Scopes scopes;
    private final AuditLog audit;
    private final ServiceLines lines;
    private final FileStore files;

    Cases(JdbcClient jdbc, Scopes scopes, AuditLog audit, ServiceLines lines, FileStore files) {
        this.jdbc = jdbc;
        this.scopes = scopes;
        this.audit = audit;
        this.lines = lines;
        this.files = files;
    }

    // ---- case types --------------------------------------------------------------------------

    @Transactional
    public CaseType createType(long schemeId, TypeInput in) {
        scopes.requireSchemeWrite(schemeId);
        List<Violation> errors = new ArrayList<>();
        if (in.serviceLineId() == null) {
            errors.add(new Violation("serviceLineId", "NotNull", "services.required"));
        } else {
            lines.line(schemeId, in.serviceLineId());
        }
        if (in.code() == null || !in.code().matches("[A-Z][A-Z0-9]{1,9}")) {
            errors.add(new Violation("code", "Pattern", "services.caseType.code"));
        } else if (jdbc.sql("select count(*) from case_type where scheme_id = :s and code = :c").param("s", schemeId)
                .param("c", in.code()).query(Integer.class).single() > 0) {
            errors.add(new Violation("code", "Unique", "services.caseType.duplicate", in.code()));
        }
        String name = Rules.text(in.name(), "name", errors);
        if (in.targetDays() == null || in.targetDays() < 1 || in.targetDays() > 365) {
            errors.add(new Violation("targetDays", "Range", "services.caseType.targetDays"));
        }
        List<StateDef> states = in.states() == null ? List.of() : in.states();
        Set<String> codes = new HashSet<>();
        for (StateDef s : states) {
            if (s == null || s.code() == null || !s.code().matches("[A-Z][A-Z_]{1,29}") || s.name() == null || s.name().isBlank()
                    || !codes.add(s.code())) {
                errors.add(new Violation("states", "Valid", "services.caseType.states"));
                break;
            }
        }
        if (states.isEmpty()) {
            errors.add(new Violation("states", "NotEmpty", "services.caseType.states"));
        }
        if (in.initialState() == null || !codes.contains(in.initialState())) {
            errors.add(new Violation("initialState", "OneOfStates", "services.caseType.initialState"));
        }
        List<TransitionDef> transitions = in.transitions() == null ? List.of() : in.transitions();
        Set<String> pairs = new HashSet<>();
        for (TransitionDef t : transitions) {
            boolean ok = t != null && codes.contains(t.from()) && codes.contains(t.to()) && !t.from().equals(t.to())
                    && pairs.add(t.from() + ">" + t.to()) && t.roles() != null && !t.roles().isEmpty()
                    && t.roles().stream().allMatch(r -> SCHEME_ROLES.stream().anyMatch(x -> x.name().equals(r)));
            if (!ok) {
                errors.add(new Violation("transitions", "Valid", "services.caseType.transitions"));
                break;
            }
        }
        List<ItemDef> requirements = items(in.requirements(), "requirements", errors);
        List<ItemDef> checks = items(in.checks(), "checks", errors);
        Rules.throwIfAny(errors);
        long id = jdbc.sql("""
                insert into case_type (scheme_id, service_line_id, code, name, target_days, initial_state)
                values (:s, :l, :c, :n, :d, :i) returning id""").param("s", schemeId).param("l", in.serviceLineId())
                .param("c", in.code()).param("n", name).param("d", in.targetDays()).param("i", in.initialState())
                .query(Long.class).single();
        int pos = 0;
        for (StateDef s : states) {
            jdbc.sql("insert into case_type_state (case_type_id, code, name, stops_clock, position) values (:t, :c, :n, :s, :p)")
                    .param("t", id).param("c", s.code()).param("n", s.name().strip()).param("s", s.stopsClock()).param("p", pos++)
                    .update();
        }
        for (TransitionDef t : transitions) {
            jdbc.sql("""
                    insert into case_type_transition (case_type_id, from_state, to_state, roles, needs_observation, needs_checks,
                        needs_requirements) values (:t, :f, :to, :r, :o, :c, :q)""").param("t", id).param("f", t.from())
                    .param("to", t.to()).param("r", t.roles().toArray(String[]::new)).param("o", t.needsObservation())
                    .param("c", t.needsChecks()).param("q", t.needsRequirements()).update();
        }
        pos = 0;
        for (ItemDef r : requirements) {
            jdbc.sql("insert into case_type_requirement (case_type_id, code, label, position) values (:t, :c, :l, :p)")
                    .param("t", id).param("c", r.code()).param("l", r.label().strip()).param("p", pos++).update();
        }
        pos = 0;
        for (ItemDef r : checks) {
            jdbc.sql("insert into case_type_check (case_type_id, code, label, position) values (:t, :c, :l, :p)")
                    .param("t", id).param("c", r.code()).param("l", r.label().strip()).param("p", pos++).update();
        }
        CaseType type = type(id);
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("code", type.code());
        state.put("name", type.name());
        state.put("targetDays", type.targetDays());
        state.put("states", type.states().stream().map(StateDef::code).toList());
        state.put("transitions", type.transitions().stream().map(t -> t.from() + ">" + t.to() + " " + t.roles()).toList());
        state.put("checks", type.checks().stream().map(ItemDef::code).toList());
        audit.record(Change.created("case_type", id, schemeId, "Tipo de trámite " + type.name(), state));
        return type;
    }

    /**
     * The land-use and construction permit of an OPLAGEST: visit, technical review, signature by the
     * director, delivery; returned with observations and resubmitted; the applicant's municipal tax
     * solvency and the consistency with the territorial plan are checks that block signing.
     */
    @Transactional
    public CaseType createPermitType(long schemeId, long serviceLineId, String code) {
        List<String> team = List.of("SCHEME_ADMIN", "SCHEME_STAFF");
        List<String> director = List.of("SCHEME_ADMIN");
        return createType(schemeId, new TypeInput(serviceLineId, code == null || code.isBlank() ? "PERMISO" : code.strip(),
                "Permiso de uso de suelo y construcción", 30, "NEW",
                List.of(new StateDef("NEW", "Nuevo", false), new StateDef("SCHEDULED", "Visita programada", false),
                        new StateDef("VISITED", "Visitado", false), new StateDef("RETURNED", "Devuelto con observaciones", false),
                        new StateDef("TO_SIGN", "Para firma", false), new StateDef("DELIVERED", "Entregado", true),
                        new StateDef("CLOSED", "Cerrado", true)),
                List.of(new TransitionDef("NEW", "SCHEDULED", team, false, false, true),
                        new TransitionDef("SCHEDULED", "VISITED", team, false, false, false),
                        new TransitionDef("VISITED", "RETURNED", team, true, false, false),
                        new TransitionDef("RETURNED", "VISITED", team, false, false, false),
                        new TransitionDef("VISITED", "TO_SIGN", team, false, true, true),
                        new TransitionDef("TO_SIGN", "RETURNED", director, true, false, false),
                        new TransitionDef("TO_SIGN", "DELIVERED", director, false, true, true),
                        new TransitionDef("DELIVERED", "CLOSED", team, false, false, false)),
                List.of(new ItemDef("APPLICATION", "Solicitud firmada"), new ItemDef("DEED", "Escritura o título del inmueble"),
                        new ItemDef("PLANS", "Planos del proyecto"), new ItemDef("ID", "Documento de identidad del solicitante")),
                List.of(new ItemDef("TAX_SOLVENCY", "Solvencia de impuestos municipales del solicitante"),
                        new ItemDef("PLAN_CONSISTENCY", "Consistencia con el plan de ordenamiento territorial"))));
    }

    @Transactional(readOnly = true)
    public CaseType type(long id) {
        var row = jdbc.sql("select scheme_id, service_line_id, code, name, target_days, initial_state from case_type where id = :id")
                .param("id", id).query((rs, n) -> new Object[] {rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                        rs.getInt(5), rs.getString(6)}).optional().orElseThrow(() -> new NotFoundException("tipo de trámite", id));
        var states = jdbc.sql("select code, name, stops_clock from case_type_state where case_type_id = :t order by position")
                .param("t", id).query((rs, n) -> new StateDef(rs.getString(1), rs.getString(2), rs.getBoolean(3))).list();
        var transitions = jdbc.sql("""
                select from_state, to_state, roles, needs_observation, needs_checks, needs_requirements
                from case_type_transition t join case_type_state s on s.case_type_id = t.case_type_id and s.code = t.to_state
                where t.case_type_id = :t order by t.from_state, s.position""").param("t", id)
                .query((rs, n) -> new TransitionDef(rs.getString(1), rs.getString(2),
                        Arrays.asList((String[]) rs.getArray(3).getArray()), rs.getBoolean(4), rs.getBoolean(5), rs.getBoolean(6)))
                .list();
        var requirements = jdbc.sql("select code, label from case_type_requirement where case_type_id = :t order by position")
                .param("t", id).query((rs, n) -> new ItemDef(rs.getString(1), rs.getString(2))).list();
        var checks = jdbc.sql("select code, label from case_type_check where case_type_id = :t order by position")
                .param("t", id).query((rs, n) -> new ItemDef(rs.getString(1), rs.getString(2))).list();
        return new CaseType(id, (Long) row[0], (Long) row[1], (String) row[2], (String) row[3], (Integer) row[4],
                (String) row[5], states, transitions, requirements, checks);
    }

    @Transactional(readOnly = true)
    public List<CaseType> types(long schemeId) {
        return jdbc.sql("select id from case_type where scheme_id = :s order by id").param("s", schemeId).query(Long.class)
                .list().stream().map(this::type).toList();
    }

    // ---- cases -------------------------------------------------------------------------------

    @Transactional
    public Case open(long schemeId, CaseInput in) {
        scopes.requireSchemeWrite(schemeId);
        List<Violation> errors = new ArrayList<>();
        CaseType type = null;
        if (in.caseTypeId() == null) {
            errors.add(new Violation("caseTypeId", "NotNull", "services.required"));
        } else {
            type = type(in.caseTypeId());
            if (type.schemeId() != schemeId) {
                throw new NotFoundException("tipo de trámite", in.caseTypeId());
            }
        }
        String applicant = Rules.text(in.applicantName(), "applicantName", errors);
        String unit = Rules.text(in.unitCode(), "unitCode", errors);
        String subject = Rules.text(in.subject(), "subject", errors);
        Rules.throwIfAny(errors);
        Instant now = Instant.now();
        LocalDate today = LocalDate.ofInstant(now, ZONE);
        int seq = jdbc.sql("""
                insert into case_counter (case_type_id, year, last) values (:t, :y, 1)
                on conflict (case_type_id, year) do update set last = case_counter.last + 1 returning last""")
                .param("t", type.id()).param("y", today.getYear()).query(Integer.class).single();
        String number = "%d-%s-%d-%05d".formatted(schemeId, type.code(), today.getYear(), seq);
        long id = jdbc.sql("""
                insert into service_case (number, scheme_id, case_type_id, applicant_name, applicant_document, applicant_contact,
                    unit_code, subject, state, opened_at, due_on, updated_at, created_by)
                values (:no, :s, :t, :a, :d, :c, :u, :sub, :st, :at, :due, :at, :by) returning id""")
                .param("no", number).param("s", schemeId).param("t", type.id()).param("a", applicant)
                .param("d", Rules.optional(in.applicantDocument())).param("c", Rules.optional(in.applicantContact()))
                .param("u", unit).param("sub", subject).param("st", type.initialState()).param("at", Timestamp.from(now))
                .param("due", today.plusDays(type.targetDays())).param("by", SystemActor.current()).query(Long.class).single();
        event(id, null, type.initialState(), now, null);
        Case c = get(id);
        audit.record(Change.created("service_case", id, schemeId, "Trámite " + number, state(c)));
        return c;
    }

    /** Moves a case along its workflow; every rule of the transition is checked and nothing changes on refusal. */
    @Transactional
    public Case transition(long schemeId, long caseId, String toState, String observation) {
        scopes.requireSchemeWrite(schemeId);
        Case c = get(schemeId, caseId);
        CaseType type = type(c.caseTypeId());
        String to = toState == null ? "" : toState.strip();
        Optional<TransitionDef> t = type.from(c.state()).stream().filter(x -> x.to().equals(to)).findFirst();
        if (t.isEmpty()) {
            String allowed = String.join(", ", type.from(c.state()).stream().map(x -> type.stateName(x.to())).toList());
            throw new InvalidInputException("state", "Transition", "services.case.transition", type.stateName(c.state()),
                    type.stateName(to), allowed.isEmpty() ? "—" : allowed);
        }
        Set<Role> roles = scopes.rolesIn(schemeId);
        if (!roles.contains(Role.PLATFORM_ADMIN) && roles.stream().noneMatch(r -> t.get().roles().contains(r.name()))) {
            throw new AccessDeniedException("Su función no permite pasar un trámite de «" + type.stateName(c.state())
                    + "» a «" + type.stateName(to) + "»; pueden hacerlo: " + t.get().roles() + ".");
        }
        List<Violation> errors = new ArrayList<>();
        String note = Rules.optional(observation);
        if (t.get().needsObservation() && note == null) {
            errors.add(new Violation("observation", "NotBlank", "services.case.observation.required"));
        }
        if (t.get().needsRequirements()) {
            Set<String> met = met(caseId);
            List<String> missing = type.requirements().stream().filter(r -> !met.contains(r.code())).map(ItemDef::label).toList();
            if (!missing.isEmpty()) {
                errors.add(new Violation("state", "RequirementsMissing", "services.case.requirementsMissing",
                        type.stateName(to), String.join("; ", missing)));
            }
        }
        if (t.get().needsChecks()) {
            Map<String, CheckResult> done = checks(caseId);
            List<String> pending = type.checks().stream()
                    .filter(k -> !done.containsKey(k.code()) || !done.get(k.code()).passed()).map(ItemDef::label).toList();
            if (!pending.isEmpty()) {
                errors.add(new Violation("state", "ChecksPending", "services.case.checksPending", type.stateName(to),
                        String.join("; ", pending)));
            }
        }
        Rules.throwIfAny(errors);
        Instant now = Instant.now();
        boolean stops = type.states().stream().anyMatch(s -> s.code().equals(to) && s.stopsClock());
        jdbc.sql("""
                update service_case set state = :to, updated_at = :now,
                    completed_at = case when :stops and completed_at is null then :now else completed_at end
                where id = :id""").param("to", to).param("now", Timestamp.from(now)).param("stops", stops).param("id", caseId)
                .update();
        event(caseId, c.state(), to, now, note);
        Case after = get(caseId);
        audit.record(new Change("TRANSITION", "service_case", caseId, schemeId,
                "Trámite " + c.number() + ": " + type.stateName(c.state()) + " → " + type.stateName(to)
                        + (note == null ? "" : " (" + note + ")"), state(c), state(after)));
        return after;
    }

    @Transactional
    public void meetRequirement(long schemeId, long caseId, String code, boolean met) {
        scopes.requireSchemeWrite(schemeId);
        Case c = get(schemeId, caseId);
        CaseType type = type(c.caseTypeId());
        if (code == null || type.requirements().stream().noneMatch(r -> r.code().equals(code))) {
            throw new InvalidInputException("code", "OneOf", "services.case.requirement");
        }
        boolean before = met(caseId).contains(code);
        if (met) {
            jdbc.sql("insert into case_requirement (case_id, code, met_at, actor) values (:c, :k, now(), :a) on conflict do nothing")
                    .param("c", caseId).param("k", code).param("a", SystemActor.current()).update();
        } else {
            jdbc.sql("delete from case_requirement where case_id = :c and code = :k").param("c", caseId).param("k", code).update();
        }
        audit.record(Change.updated("case_requirement", caseId + "/" + code, schemeId, "Requisito " + code + " de " + c.number(),
                Map.of("met", before), Map.of("met", met)));
    }

    /** Records a check (such as tax solvency) as passed or not; a failed or missing check blocks the gated transitions. */
    @Transactional
    public CheckResult recordCheck(long schemeId, long caseId, String code, Boolean passed, String note) {
        scopes.requireSchemeWrite(schemeId);
        Case c = get(schemeId, caseId);
        CaseType type = type(c.caseTypeId());
        List<Violation> errors = new ArrayList<>();
        if (code == null || type.checks().stream().noneMatch(k -> k.code().equals(code))) {
            errors.add(new Violation("code", "OneOf", "services.case.check"));
        }
        Rules.required(passed, "passed", errors);
        if (Boolean.FALSE.equals(passed) && Rules.optional(note) == null) {
            errors.add(new Violation("note", "NotBlank", "services.case.checkNote"));
        }
        Rules.throwIfAny(errors);
        CheckResult before = checks(caseId).get(code);
        Instant now = Instant.now();
        jdbc.sql("""
                insert into case_check (case_id, code, passed, note, checked_at, actor) values (:c, :k, :p, :n, :at, :a)
                on conflict (case_id, code) do update set passed = excluded.passed, note = excluded.note,
                    checked_at = excluded.checked_at, actor = excluded.actor""").param("c", caseId).param("k", code)
                .param("p", passed).param("n", Rules.optional(note)).param("at", Timestamp.from(now)).param("a", SystemActor.current()).update();
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("passed", passed);
        after.put("note", Rules.optional(note));
        Map<String, Object> prior = before == null ? null : Map.of("passed", before.passed());
        audit.record(new Change(before == null ? "CREATE" : "UPDATE", "case_check", caseId + "/" + code, schemeId,
                "Verificación " + code + " de " + c.number(), prior, after));
        return new CheckResult(code, passed, Rules.optional(note), now, SystemActor.current());
    }

    @Transactional
    public Comment comment(long schemeId, long caseId, String text) {
        scopes.requireSchemeWrite(schemeId);
        Case c = get(schemeId, caseId);
        List<Violation> errors = new ArrayList<>();
        String t = Rules.text(text, "text", errors);
        Rules.throwIfAny(errors);
        Instant now = Instant.now();
        long id = jdbc.sql("insert into case_comment (case_id, at, actor, text) values (:c, :at, :a, :t) returning id")
                .param("c", caseId).param("at", Timestamp.from(now)).param("a", SystemActor.current()).param("t", t).query(Long.class).single();
        audit.record(Change.created("case_comment", id, schemeId, "Comentario en " + c.number(), Map.of("text", t)));
        return new Comment(now, SystemActor.current(), t);
    }

    public static final int MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;

    @Transactional
    public Document attach(long schemeId, long caseId, String name, String contentType, byte[] content) {
        scopes.requireSchemeWrite(schemeId);
        Case c = get(schemeId, caseId);
        if (content == null || content.length == 0) {
            throw new InvalidInputException("file", "NotEmpty", "services.case.fileMissing");
        }
        if (content.length > MAX_DOCUMENT_BYTES) {
            throw new InvalidInputException("file", "Size", "services.case.fileSize");
        }
        String n = name == null || name.isBlank() ? "documento" : name.strip();
        UUID file = files.put(n, contentType, content);
        Instant now = Instant.now();
        long id = jdbc.sql("insert into case_document (case_id, file_id, name, at, actor) values (:c, :f, :n, :at, :a) returning id")
                .param("c", caseId).param("f", file).param("n", n).param("at", Timestamp.from(now)).param("a", SystemActor.current())
                .query(Long.class).single();
        audit.record(Change.created("case_document", id, schemeId, "Documento " + n + " en " + c.number(),
                Map.of("name", n, "bytes", content.length)));
        return new Document(id, file, n, now, SystemActor.current());
    }

    @Transactional(readOnly = true)
    public byte[] documentContent(long schemeId, long caseId, long documentId) {
        get(schemeId, caseId);
        UUID file = jdbc.sql("select file_id from case_document where id = :d and case_id = :c").param("d", documentId)
                .param("c", caseId).query(UUID.class).optional().orElseThrow(() -> new NotFoundException("documento", documentId));
        return files.content(file);
    }

    @Transactional(readOnly = true)
    public Case get(long id) {
        return jdbc.sql(SELECT + " where id = :id").param("id", id).query((rs, n) -> row(rs)).optional()
                .orElseThrow(() -> new NotFoundException("trámite", id));
    }

    @Transactional(readOnly = true)
    public Case get(long schemeId, long id) {
        Case c = get(id);
        if (c.schemeId() != schemeId) {
            throw new NotFoundException("trámite", id);
        }
        return c;
    }

    /**
     * The applicant is personal data: shown to the scheme's administrators and staff and to the member
     * official of the case's unit; every other reader gets the case without it (docs/SECURITY.md).
     */
    private Case asSeenByReader(Case c) {
        return scopes.canSeeUnitPersonalData(c.schemeId(), c.unitCode()) ? c : c.withoutApplicant();
    }

    @Transactional(readOnly = true)
    public Detail detail(long schemeId, long id) {
        Case c = asSeenByReader(get(schemeId, id));
        var events = jdbc.sql("select from_state, to_state, at, actor, observation from case_event where case_id = :c order by id")
                .param("c", id).query((rs, n) -> new Event(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant(),
                        rs.getString(4), rs.getString(5))).list();
        var comments = jdbc.sql("select at, actor, text from case_comment where case_id = :c order by id").param("c", id)
                .query((rs, n) -> new Comment(rs.getTimestamp(1).toInstant(), rs.getString(2), rs.getString(3))).list();
        var documents = jdbc.sql("select id, file_id, name, at, actor from case_document where case_id = :c order by id")
                .param("c", id).query((rs, n) -> new Document(rs.getLong(1), rs.getObject(2, UUID.class), rs.getString(3),
                        rs.getTimestamp(4).toInstant(), rs.getString(5))).list();
        return new Detail(c, type(c.caseTypeId()), events, comments, documents, met(id), checks(id));
    }

    /** A page of a scheme's cases, newest first, optionally of one state; alerts first when {@code alertsOnly}. */
    @Transactional(readOnly = true)
    public Page list(long schemeId, String state, boolean alertsOnly, int page, int size) {
        int p = Math.max(0, page);
        int s = Math.min(Math.max(1, size), 100);
        String where = " where scheme_id = :s" + (state == null || state.isBlank() ? "" : " and state = :st")
                + (alertsOnly ? " and completed_at is null and due_on <= :soon" : "");
        var q = jdbc.sql(SELECT + where + (alertsOnly ? " order by due_on, id" : " order by id desc") + " limit :lim offset :off")
                .param("s", schemeId).param("lim", s + 1).param("off", p * s);
        if (state != null && !state.isBlank()) {
            q = q.param("st", state);
        }
        if (alertsOnly) {
            q = q.param("soon", LocalDate.now(ZONE).plusDays(ALERT_DAYS));
        }
        List<Case> rows = q.query((rs, n) -> asSeenByReader(row(rs))).list();
        return new Page(rows.size() > s ? rows.subList(0, s) : rows, p, rows.size() > s);
    }

    /** The public view of a case by its number: only its state and dates. */
    @Transactional(readOnly = true)
    public Optional<PublicView> byNumber(String number) {
        return jdbc.sql(SELECT + " where number = :n").param("n", number == null ? "" : number.strip()).query((rs, n) -> row(rs))
                .optional().map(c -> {
                    CaseType type = type(c.caseTypeId());
                    var steps = jdbc.sql("select to_state, at from case_event where case_id = :c order by id").param("c", c.id())
                            .query((rs, n) -> new PublicStep(type.stateName(rs.getString(1)),
                                    LocalDate.ofInstant(rs.getTimestamp(2).toInstant(), ZONE))).list();
                    return new PublicView(c.number(), type.name(), type.stateName(c.state()),
                            LocalDate.ofInstant(c.openedAt(), ZONE), c.dueOn(),
                            c.completedAt() == null ? null : LocalDate.ofInstant(c.completedAt(), ZONE), steps);
                });
    }

    private Set<String> met(long caseId) {
        return new HashSet<>(jdbc.sql("select code from case_requirement where case_id = :c").param("c", caseId)
                .query(String.class).list());
    }

    private Map<String, CheckResult> checks(long caseId) {
        Map<String, CheckResult> m = new LinkedHashMap<>();
        jdbc.sql("select code, passed, note, checked_at, actor from case_check where case_id = :c").param("c", caseId)
                .query((rs, n) -> new CheckResult(rs.getString(1), rs.getBoolean(2), rs.getString(3),
                        rs.getTimestamp(4).toInstant(), rs.getString(5))).list().forEach(r -> m.put(r.code(), r));
        return m;
    }

    private void event(long caseId, String from, String to, Instant at, String observation) {
        jdbc.sql("insert into case_event (case_id, from_state, to_state, at, actor, observation) values (:c, :f, :t, :at, :a, :o)")
                .param("c", caseId).param("f", from).param("t", to).param("at", Timestamp.from(at)).param("a", SystemActor.current())
                .param("o", observation).update();
    }

    private static final String SELECT = """
            select id, number, scheme_id, case_type_id, applicant_name, applicant_document, applicant_contact, unit_code, subject,
                state, opened_at, due_on, completed_at from service_case""";

    private static Case row(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Case(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getLong(4), rs.getString(5), rs.getString(6),
                rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10), rs.getTimestamp(11).toInstant(),
                rs.getObject(12, LocalDate.class), rs.getTimestamp(13) == null ? null : rs.getTimestamp(13).toInstant());
    }

    private static List<ItemDef> items(List<ItemDef> in, String field, List<Violation> errors) {
        List<ItemDef> out = in == null ? List.of() : in;
        Set<String> codes = new HashSet<>();
        for (ItemDef i : out) {
            if (i == null || i.code() == null || !i.code().matches("[A-Z][A-Z0-9_]{0,29}") || i.label() == null
                    || i.label().isBlank() || !codes.add(i.code())) {
                errors.add(new Violation(field, "Valid", "services.caseType.items"));
                break;
            }
        }
        return out;
    }

    private static Map<String, Object> state(Case c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("number", c.number());
        m.put("state", c.state());
        m.put("applicantName", c.applicantName());
        m.put("unitCode", c.unitCode());
        m.put("subject", c.subject());
        m.put("dueOn", c.dueOn().toString());
        m.put("completedAt", c.completedAt() == null ? null : c.completedAt().toString());
        return m;
    }
}
