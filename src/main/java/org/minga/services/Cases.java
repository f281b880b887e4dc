package org.minga.services;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.minga.identity.SchemePeople;
import org.minga.identity.Scopes;
import org.minga.notifications.Notices;
import org.minga.platform.AuditLog;
import org.minga.platform.AuditLog.Change;
import org.minga.platform.Checks;
import org.minga.platform.FileStore;
import org.minga.platform.InvalidInputException;
import org.minga.platform.Inputs;
import org.minga.platform.NotFoundException;
import org.minga.platform.SystemActor;
import org.minga.platform.Zones;
import org.minga.registry.Schemes;
import org.minga.services.CaseType.ItemDef;
import org.minga.services.CaseType.StateDef;
import org.minga.services.CaseType.TransitionDef;
import org.minga.services.Workflow.Decision;
import org.springframework.core.io.ClassPathResource;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.databind.ObjectMapper;

/**
 * Cases (trámites): each write checks the scope, loads the case and its type, lets the type's
 * {@link Workflow} decide, stores through {@link CaseFiles} and records the audit. Dates of a case
 * (its due date, "today" for its alerts) are in its scheme's country.
 */
@Service
public class Cases {

    /** Days before the due date when an open case is flagged. */
    public static final int ALERT_DAYS = 3;
    public static final int MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;

    public record TypeInput(@NotNull Long serviceLineId, String code, @NotBlank @Size(max = 300) String name,
            Integer targetDays, String initialState, List<StateDef> states, List<TransitionDef> transitions,
            List<ItemDef> requirements, List<ItemDef> checks) {

        public TypeInput {
            states = states == null ? List.of() : states;
            transitions = transitions == null ? List.of() : transitions;
            requirements = requirements == null ? List.of() : requirements;
            checks = checks == null ? List.of() : checks;
        }
    }

    public record CaseInput(@NotNull Long caseTypeId, @NotBlank @Size(max = 300) String applicantName,
            @Size(max = 100) String applicantDocument, @Size(max = 300) String applicantContact,
            @NotBlank @Size(max = 20) String unitCode, @NotBlank @Size(max = 500) String subject) {

        CaseInput stripped() {
            return new CaseInput(caseTypeId, Inputs.text(applicantName), Inputs.text(applicantDocument),
                    Inputs.text(applicantContact), Inputs.text(unitCode), Inputs.text(subject));
        }
    }

    /** How near an open case is to its due date. */
    public enum Alert {
        NONE, DUE_SOON, OVERDUE;

        public boolean raised() {
            return this != NONE;
        }
    }

    /** Whether a case was done by its due date; {@code OPEN} while it is not done. */
    public enum Sla { OPEN, MET, MISSED }

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

        public Alert alert(LocalDate today) {
            if (completedAt != null) {
                return Alert.NONE;
            }
            return dueOn.isBefore(today) ? Alert.OVERDUE : !dueOn.isAfter(today.plusDays(ALERT_DAYS)) ? Alert.DUE_SOON : Alert.NONE;
        }

        /** The same case without the applicant's name, identity document and contact (personal data). */
        public Case withoutApplicant() {
            return new Case(id, number, schemeId, caseTypeId, null, null, null, unitCode, subject, state, openedAt, dueOn,
                    completedAt);
        }

        /** Done by the due date, the day of completion taken in {@code zone} (the scheme's). */
        public Sla sla(ZoneId zone) {
            return completedAt == null ? Sla.OPEN : LocalDate.ofInstant(completedAt, zone).isAfter(dueOn) ? Sla.MISSED : Sla.MET;
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

    /** Who handles a case (a person of its scheme's team) since when. */
    public record Assignee(long id, String fullName, Instant at) {
    }

    private final CaseTypes types;
    private final CaseFiles store;
    private final Scopes scopes;
    private final AuditLog audit;
    private final ServiceLines lines;
    private final FileStore files;
    private final Schemes schemes;
    private final Zones zones;
    private final ObjectMapper json;
    private final SchemePeople people;
    private final Notices notices;

    Cases(CaseTypes types, CaseFiles store, Scopes scopes, AuditLog audit, ServiceLines lines, FileStore files,
            Schemes schemes, Zones zones, ObjectMapper json, SchemePeople people, Notices notices) {
        this.types = types;
        this.store = store;
        this.scopes = scopes;
        this.audit = audit;
        this.lines = lines;
        this.files = files;
        this.schemes = schemes;
        this.zones = zones;
        this.json = json;
        this.people = people;
        this.notices = notices;
    }

    // ---- case types --------------------------------------------------------------------------

    @Transactional
    public CaseType createType(long schemeId, TypeInput in) {
        scopes.requireSchemeWrite(schemeId);
        Checks checks = new Checks().valid(in);
        if (in.serviceLineId() != null) {
            lines.line(schemeId, in.serviceLineId());
        }
        boolean codeOk = in.code() != null && in.code().matches("[A-Z][A-Z0-9]{1,9}");
        checks.rule(codeOk, "code", "Pattern", "services.caseType.code");
        checks.rule(!codeOk || !types.codeTaken(schemeId, in.code()), "code", "Unique", "services.caseType.duplicate", in.code());
        checks.rule(in.targetDays() != null && in.targetDays() >= 1 && in.targetDays() <= 365, "targetDays", "Range",
                "services.caseType.targetDays");
        Workflow.check(in.states(), in.initialState(), in.transitions(), in.requirements(), in.checks(), checks);
        checks.orThrow();
        CaseType type = types.get(types.insert(schemeId, in, in.name().strip()));
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("code", type.code());
        state.put("name", type.name());
        state.put("targetDays", type.targetDays());
        state.put("states", type.states().stream().map(StateDef::code).toList());
        state.put("transitions", type.transitions().stream().map(t -> t.from() + ">" + t.to() + " " + t.roles()).toList());
        state.put("checks", type.checks().stream().map(ItemDef::code).toList());
        audit.record(Change.created("case_type", type.id(), schemeId, "Tipo de trámite " + type.name(), state));
        return type;
    }

    /**
     * The land-use and construction permit of an OPLAGEST (services/permit-type.json): visit,
     * technical review, signature by the director, delivery; returned with observations and
     * resubmitted; the applicant's municipal tax solvency and the consistency with the territorial
     * plan are checks that block signing.
     */
    @Transactional
    public CaseType createPermitType(long schemeId, Long serviceLineId, String code) {
        TypeInput permit;
        try (InputStream in = new ClassPathResource("services/permit-type.json").getInputStream()) {
            permit = json.readValue(in, TypeInput.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String c = Inputs.text(code);
        return createType(schemeId, new TypeInput(serviceLineId, c == null ? "PERMISO" : c, permit.name(), permit.targetDays(),
                permit.initialState(), permit.states(), permit.transitions(), permit.requirements(), permit.checks()));
    }

    @Transactional(readOnly = true)
    public CaseType type(long id) {
        return types.get(id);
    }

    @Transactional(readOnly = true)
    public List<CaseType> types(long schemeId) {
        return types.ofScheme(schemeId);
    }

    // ---- cases -------------------------------------------------------------------------------

    @Transactional
    public Case open(long schemeId, CaseInput input) {
        scopes.requireSchemeWrite(schemeId);
        CaseInput in = input.stripped();
        CaseType type = in.caseTypeId() == null ? null : types.get(in.caseTypeId());
        if (type != null && type.schemeId() != schemeId) {
            throw new NotFoundException("tipo de trámite", in.caseTypeId());
        }
        new Checks().valid(in).orThrow();
        Instant now = zones.now();
        LocalDate today = LocalDate.ofInstant(now, zone(schemeId));
        String number = "%d-%s-%d-%05d".formatted(schemeId, type.code(), today.getYear(), store.next(type.id(), today.getYear()));
        // Offices count a permit's term in working days: weekends and the country's public holidays do not run.
        LocalDate due = WorkingDays.plus(schemes.get(schemeId).getCountry().name(), today, type.targetDays());
        long id = store.open(number, schemeId, type, in, now, due, SystemActor.current());
        Case c = get(id);
        audit.record(Change.created("service_case", id, schemeId, "Trámite " + number, state(c)));
        return c;
    }

    /** Moves a case along its workflow; every rule of the transition is checked and nothing changes on refusal. */
    @Transactional
    public Case transition(long schemeId, long caseId, String toState, String observation) {
        scopes.requireSchemeWrite(schemeId);
        Case c = get(schemeId, caseId);
        CaseType type = types.get(c.caseTypeId());
        String to = toState == null ? "" : toState.strip();
        Checks checks = new Checks();
        String note = checks.optionalText("observation", observation, 2000);
        checks.orThrow();
        Decision decision = type.workflow().decide(c.state(), to, scopes.rolesIn(schemeId),
                new Workflow.Facts(note, store.met(caseId), passed(store.checks(caseId))));
        if (!(decision instanceof Decision.Allowed step)) {
            throw refusal(type, decision);
        }
        store.apply(c, step, zones.now(), SystemActor.current(), note);
        Case after = get(caseId);
        audit.record(new Change("TRANSITION", "service_case", caseId, schemeId,
                "Trámite " + c.number() + ": " + type.stateName(c.state()) + " → " + type.stateName(to)
                        + (note == null ? "" : " (" + note + ")"), state(c), state(after)));
        return after;
    }

    /** A refused step in words: the steps possible, the roles that may, or what is still missing. */
    static RuntimeException refusal(CaseType type, Decision decision) {
        return switch (decision) {
            case Decision.NoSuchStep n -> {
                String allowed = String.join(", ", n.allowed().stream().map(type::stateName).toList());
                yield new InvalidInputException("state", "Transition", "services.case.transition", type.stateName(n.from()),
                        type.stateName(n.to()), allowed.isEmpty() ? "—" : allowed);
            }
            case Decision.RoleRefused r -> new AccessDeniedException("Su función no permite pasar un trámite de «"
                    + type.stateName(r.from()) + "» a «" + type.stateName(r.to()) + "»; pueden hacerlo: " + r.roles() + ".");
            case Decision.Blocked b -> {
                Checks checks = new Checks();
                checks.rule(!b.observationMissing(), "observation", "NotBlank", "services.case.observation.required");
                checks.rule(b.missingRequirements().isEmpty(), "state", "RequirementsMissing", "services.case.requirementsMissing",
                        type.stateName(b.to()), labels(b.missingRequirements()));
                checks.rule(b.pendingChecks().isEmpty(), "state", "ChecksPending", "services.case.checksPending",
                        type.stateName(b.to()), labels(b.pendingChecks()));
                yield new InvalidInputException(checks.violations());
            }
            case Decision.Allowed a -> throw new IllegalArgumentException("An allowed step is no refusal: " + a);
        };
    }

    private static String labels(List<ItemDef> items) {
        return String.join("; ", items.stream().map(ItemDef::label).toList());
    }

    private static Map<String, Boolean> passed(Map<String, CheckResult> checks) {
        Map<String, Boolean> m = new LinkedHashMap<>();
        checks.forEach((code, r) -> m.put(code, r.passed()));
        return m;
    }

    /**
     * Assigns a case to a person of its scheme's team (administrators and staff), who is told at once
     * (inbox, and e-mail when mail is on and wanted). Assigning it to whoever already has it changes
     * nothing and tells nobody again: a double click is one assignment.
     */
    @Transactional
    public Optional<Assignee> assign(long schemeId, long caseId, Long userId) {
        scopes.requireSchemeWrite(schemeId);
        Case c = get(schemeId, caseId);
        Optional<SchemePeople.Person> person = userId == null ? Optional.empty()
                : people.staff(schemeId).stream().filter(p -> p.id() == userId).findFirst();
        new Checks().rule(person.isPresent(), "assigneeId", "OneOf", "services.case.assignee.staff").orThrow();
        Optional<Assignee> before = store.assignee(caseId);
        Instant now = zones.now();
        // The update re-reads the row under its lock: of two equal clicks, the second finds it done.
        if (!store.assign(caseId, userId, now)) {
            return before;
        }
        String name = person.get().fullName();
        audit.record(Change.updated("service_case", caseId, schemeId, "Trámite " + c.number() + " asignado a " + name,
                before.<Map<String, Object>>map(b -> Map.of("assignee", b.fullName())).orElse(Map.of()),
                Map.of("assignee", name)));
        notices.notify(userId, "services.case.assigned", c.number() + " — " + c.subject(),
                "/services/schemes/" + schemeId + "/cases/" + caseId, schemeId,
                "services.case.assigned:" + caseId + ":" + userId + ":" + now.toEpochMilli());
        return store.assignee(caseId);
    }

    /** Who may be chosen to handle the scheme's cases: its administrators and staff, by name. */
    @Transactional(readOnly = true)
    public List<SchemePeople.Person> assignable(long schemeId) {
        scopes.requireSchemeWrite(schemeId);
        return people.staff(schemeId);
    }

    /** Who handles the case, if anyone. */
    @Transactional(readOnly = true)
    public Optional<Assignee> assignee(long schemeId, long caseId) {
        get(schemeId, caseId);
        return store.assignee(caseId);
    }

    @Transactional
    public void meetRequirement(long schemeId, long caseId, String code, boolean met) {
        scopes.requireSchemeWrite(schemeId);
        Case c = get(schemeId, caseId);
        new Checks().rule(types.get(c.caseTypeId()).hasRequirement(code), "code", "OneOf", "services.case.requirement").orThrow();
        boolean before = store.met(caseId).contains(code);
        store.meet(caseId, code, met, SystemActor.current());
        audit.record(Change.updated("case_requirement", caseId + "/" + code, schemeId, "Requisito " + code + " de " + c.number(),
                Map.of("met", before), Map.of("met", met)));
    }

    /** Records a check (such as tax solvency) as passed or not; a failed or missing check blocks the gated transitions. */
    @Transactional
    public CheckResult recordCheck(long schemeId, long caseId, String code, Boolean passed, String note) {
        scopes.requireSchemeWrite(schemeId);
        Case c = get(schemeId, caseId);
        Checks checks = new Checks().rule(types.get(c.caseTypeId()).hasCheck(code), "code", "OneOf", "services.case.check");
        checks.required("passed", passed);
        String n = checks.optionalText("note", note, 2000);
        checks.rule(!Boolean.FALSE.equals(passed) || n != null, "note", "NotBlank", "services.case.checkNote");
        checks.orThrow();
        CheckResult before = store.checks(caseId).get(code);
        CheckResult result = new CheckResult(code, passed, n, zones.now(), SystemActor.current());
        store.record(caseId, result);
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("passed", passed);
        after.put("note", n);
        audit.record(new Change(before == null ? "CREATE" : "UPDATE", "case_check", caseId + "/" + code, schemeId,
                "Verificación " + code + " de " + c.number(), before == null ? null : Map.of("passed", before.passed()), after));
        return result;
    }

    @Transactional
    public Comment comment(long schemeId, long caseId, String text) {
        scopes.requireSchemeWrite(schemeId);
        Case c = get(schemeId, caseId);
        Checks checks = new Checks();
        String t = checks.text("text", text, 2000);
        checks.orThrow();
        Comment comment = new Comment(zones.now(), SystemActor.current(), t);
        long id = store.comment(caseId, comment);
        audit.record(Change.created("case_comment", id, schemeId, "Comentario en " + c.number(), Map.of("text", t)));
        return comment;
    }

    @Transactional
    public Document attach(long schemeId, long caseId, String name, String contentType, byte[] content) {
        scopes.requireSchemeWrite(schemeId);
        Case c = get(schemeId, caseId);
        boolean present = content != null && content.length > 0;
        new Checks().rule(present, "file", "NotEmpty", "services.case.fileMissing")
                .rule(!present || content.length <= MAX_DOCUMENT_BYTES, "file", "Size", "services.case.fileSize").orThrow();
        String n = Optional.ofNullable(Inputs.text(name)).orElse("documento");
        UUID file = files.put(n, contentType, content);
        Document document = new Document(0, file, n, zones.now(), SystemActor.current());
        long id = store.document(caseId, file, n, document.at(), document.actor());
        audit.record(Change.created("case_document", id, schemeId, "Documento " + n + " en " + c.number(),
                Map.of("name", n, "bytes", content.length)));
        return new Document(id, file, n, document.at(), document.actor());
    }

    @Transactional(readOnly = true)
    public byte[] documentContent(long schemeId, long caseId, long documentId) {
        get(schemeId, caseId);
        return files.content(store.documentFile(caseId, documentId).orElseThrow(() -> new NotFoundException("documento", documentId)));
    }

    @Transactional(readOnly = true)
    public Case get(long id) {
        return store.find(id).orElseThrow(() -> new NotFoundException("trámite", id));
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
        return new Detail(c, types.get(c.caseTypeId()), store.events(id), store.comments(id), store.documents(id), store.met(id),
                store.checks(id));
    }

    /** A page of a scheme's cases, newest first, optionally of one state; alerts first when {@code alertsOnly}. */
    @Transactional(readOnly = true)
    public Page list(long schemeId, String state, boolean alertsOnly, int page, int size) {
        return list(schemeId, state, alertsOnly, null, page, size);
    }

    /** As {@link #list(long, String, boolean, int, int)}; only the open cases assigned to {@code assigneeId}, when given ("Mis casos"). */
    @Transactional(readOnly = true)
    public Page list(long schemeId, String state, boolean alertsOnly, Long assigneeId, int page, int size) {
        int p = Math.max(0, page);
        int s = Math.min(Math.max(1, size), 100);
        LocalDate dueBy = alertsOnly ? today(schemeId).plusDays(ALERT_DAYS) : null;
        List<Case> rows = store.page(schemeId, Inputs.text(state), dueBy, assigneeId, s + 1, p * s).stream()
                .map(this::asSeenByReader).toList();
        return new Page(rows.size() > s ? rows.subList(0, s) : rows, p, rows.size() > s);
    }

    /** The public view of a case by its number: only its state and dates. */
    @Transactional(readOnly = true)
    public Optional<PublicView> byNumber(String number) {
        return store.byNumber(number == null ? "" : number.strip()).map(c -> {
            CaseType type = types.get(c.caseTypeId());
            ZoneId zone = zone(c.schemeId());
            var steps = store.events(c.id()).stream()
                    .map(e -> new PublicStep(type.stateName(e.toState()), LocalDate.ofInstant(e.at(), zone))).toList();
            return new PublicView(c.number(), type.name(), type.stateName(c.state()), LocalDate.ofInstant(c.openedAt(), zone),
                    c.dueOn(), c.completedAt() == null ? null : LocalDate.ofInstant(c.completedAt(), zone), steps);
        });
    }

    /** The zone of a scheme's country, where its cases' days are counted. */
    @Transactional(readOnly = true)
    public ZoneId zone(long schemeId) {
        return zones.of(schemes.get(schemeId).getCountry().name());
    }

    /** Today in a scheme's country. */
    @Transactional(readOnly = true)
    public LocalDate today(long schemeId) {
        return LocalDate.ofInstant(zones.now(), zone(schemeId));
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
