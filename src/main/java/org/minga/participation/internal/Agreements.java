package org.minga.participation.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.minga.identity.Citizens;
import org.minga.identity.Scopes;
import org.minga.participation.internal.TerritorialIssues.Issue;
import org.minga.participation.internal.TerritorialIssues.Stage;
import org.minga.platform.AuditLog;
import org.minga.platform.AuditLog.Change;
import org.minga.platform.Checks;
import org.minga.platform.Inputs;
import org.minga.platform.Money;
import org.minga.platform.Zones;
import org.minga.platform.FileStore;
import org.minga.platform.FileTypes;
import org.minga.platform.InvalidInputException.Violation;
import org.minga.platform.NotFoundException;
import org.minga.platform.SystemActor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * CTT agreements (Cooperación Técnica Territorial): parties, lines of action, actions with who is
 * responsible at which level of government, what they invest and how progress is measured, the
 * issues they answer; letters of intent and agreements of will as signed PDFs; and the
 * participatory monitoring of each action (progress updates, moderated citizen observations).
 */
@Service
public class Agreements {

    public static final int MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;
    private static final String ENTITY = "ctt_agreement";

    public enum Level { NATIONAL, DEPARTMENTAL, MUNICIPAL, SCHEME, COMMUNITY, PRIVATE, ACADEMIA, COOPERATION }

    public enum DocumentKind { LETTER_OF_INTENT, AGREEMENT_OF_WILL }

    /** An action of a line; its investment (optional) is an amount in pesos, never negative. */
    public record NewAction(Long lineId, @NotBlank @Size(max = 200) String title,
            @NotBlank @Size(max = 200) String responsible, String level, BigDecimal investment,
            @NotBlank @Size(max = 300) String indicator, @NotBlank @Size(max = 300) String target,
            @NotNull LocalDate startsOn, @NotNull LocalDate endsOn, Long issueId) {
    }

    public record Party(long id, String name, Level level) {
    }

    public record Update(long id, LocalDate reportedOn, BigDecimal progress, String note, String evidenceName,
            String recordedBy) {
    }

    public record Observation(long id, long actionId, String text, TerritorialIssues.Moderation moderation,
            String rejectionReason, Instant createdAt) {
    }

    public record Action(long id, long lineId, String title, String responsible, Level level, BigDecimal investment,
            String currency, String indicator, String target, LocalDate startsOn, LocalDate endsOn, Long issueId,
            Instant createdAt, List<Update> updates) {

        /** The latest update's progress (by report date): an action without updates is at 0 %. */
        public BigDecimal progress() {
            return updates.isEmpty() ? BigDecimal.ZERO : updates.getFirst().progress();
        }
    }

    public record Line(long id, String name, List<Action> actions) {

        /** Every action weighs the same: investments are in different hands and often unknown. */
        public BigDecimal progress() {
            return mean(actions.stream().map(Action::progress).toList());
        }
    }

    public record Document(long id, DocumentKind kind, LocalDate signedOn, String signatories, String name) {
    }

    public record Agreement(long id, long schemeId, String title, String objective, Instant createdAt,
            List<Party> parties, List<Line> lines, List<Document> documents, List<Long> issueIds) {

        public BigDecimal progress() {
            return mean(lines.stream().flatMap(l -> l.actions().stream()).map(Action::progress).toList());
        }

        public BigDecimal investment() {
            return lines.stream().flatMap(l -> l.actions().stream()).map(Action::investment)
                    .filter(java.util.Objects::nonNull).reduce(BigDecimal.ZERO, BigDecimal::add);
        }
    }

    private final JdbcClient jdbc;
    private final Scopes scopes;
    private final Citizens citizens;
    private final TerritorialIssues issues;
    private final FileStore files;
    private final AuditLog audit;
    private final Zones zones;

    Agreements(JdbcClient jdbc, Scopes scopes, Citizens citizens, TerritorialIssues issues, FileStore files,
            AuditLog audit, Zones zones) {
        this.zones = zones;
        this.jdbc = jdbc;
        this.scopes = scopes;
        this.citizens = citizens;
        this.issues = issues;
        this.files = files;
        this.audit = audit;
    }

    @Transactional
    public long create(long schemeId, String title, String objective) {
        scopes.requireSchemeWrite(schemeId);
        Checks checks = new Checks();
        String t = checks.text("title", title, 200);
        String o = checks.text("objective", objective, 4000);
        checks.orThrow();
        long id = jdbc.sql("insert into ctt_agreement (scheme_id, title, objective, created_by) values (:s, :t, :o, :by) "
                + "returning id").param("s", schemeId).param("t", t).param("o", o)
                .param("by", SystemActor.current()).query(Long.class).single();
        audit.record(Change.created(ENTITY, id, schemeId, "Acuerdo CTT: " + t, Map.of("title", t)));
        return id;
    }

    @Transactional
    public void addParty(long agreementId, String name, String level) {
        Agreement agreement = get(agreementId);
        scopes.requireSchemeWrite(agreement.schemeId());
        Checks checks = new Checks();
        String n = checks.text("name", name, 200);
        Level l = checks.oneOf("level", Level.class, level);
        checks.rule(n == null || agreement.parties().stream().noneMatch(p -> p.name().equalsIgnoreCase(n)), "name",
                "Unique", "participation.agreement.party.duplicate", n).orThrow();
        long id = jdbc.sql("insert into agreement_party (agreement_id, name, level) values (:a, :n, :l) returning id")
                .param("a", agreementId).param("n", n).param("l", l.name()).query(Long.class).single();
        audit.record(Change.created("agreement_party", id, agreement.schemeId(), "Parte de " + agreement.title() + ": " + n,
                Map.of("name", n, "level", l.name())));
    }

    @Transactional
    public long addLine(long agreementId, String name) {
        Agreement agreement = get(agreementId);
        scopes.requireSchemeWrite(agreement.schemeId());
        Checks checks = new Checks();
        String n = checks.text("name", name, 200);
        checks.rule(n == null || agreement.lines().stream().noneMatch(l -> l.name().equalsIgnoreCase(n)), "name",
                "Unique", "participation.agreement.line.duplicate", n).orThrow();
        long id = jdbc.sql("insert into agreement_line (agreement_id, name) values (:a, :n) returning id")
                .param("a", agreementId).param("n", n).query(Long.class).single();
        audit.record(Change.created("agreement_line", id, agreement.schemeId(), "Línea de " + agreement.title() + ": " + n,
                Map.of("name", n)));
        return id;
    }

    /** An action of a line; naming a published issue of the scheme links it and moves it into the agreement. */
    @Transactional
    public long addAction(long agreementId, NewAction input) {
        Agreement agreement = get(agreementId);
        scopes.requireSchemeWrite(agreement.schemeId());
        Checks checks = new Checks().valid(input);
        checks.rule(input.lineId() != null && agreement.lines().stream().anyMatch(l -> l.id() == input.lineId()),
                "lineId", "Exists", "participation.action.line.required");
        Level level = checks.oneOf("level", Level.class, input.level());
        BigDecimal investment = input.investment();
        checks.rule(investment == null || investment.signum() >= 0, "investment", "Min",
                "participation.action.investment.negative");
        checks.rule(investment == null || investment.signum() < 0 || Money.fits(investment), "investment", "Money",
                "Money", "investment", Money.SCALE, Money.INTEGER_DIGITS);
        checks.rule(input.startsOn() == null || input.endsOn() == null || !input.endsOn().isBefore(input.startsOn()),
                "endsOn", "After", "participation.action.dates");
        Issue issue = input.issueId() == null ? null : issues.published(input.issueId())
                .filter(i -> i.schemeId() == agreement.schemeId()).orElse(null);
        checks.rule(input.issueId() == null || issue != null, "issueId", "Published",
                "participation.exercise.option.unpublished", input.issueId()).orThrow();
        String title = Inputs.text(input.title());
        String responsible = Inputs.text(input.responsible());
        String indicator = Inputs.text(input.indicator());
        String target = Inputs.text(input.target());
        long id = jdbc.sql("""
                insert into agreement_action (agreement_id, line_id, title, responsible, level, investment, indicator,
                                              target, starts_on, ends_on, issue_id, created_by)
                values (:a, :line, :title, :resp, :level, :inv, :ind, :target, :start, :end, :issue, :by) returning id""")
                .param("a", agreementId).param("line", input.lineId()).param("title", title).param("resp", responsible)
                .param("level", level.name()).param("inv", input.investment()).param("ind", indicator)
                .param("target", target).param("start", input.startsOn()).param("end", input.endsOn())
                .param("issue", input.issueId()).param("by", SystemActor.current()).query(Long.class).single();
        if (issue != null) {
            jdbc.sql("insert into agreement_issue (agreement_id, issue_id) values (:a, :i) on conflict do nothing")
                    .param("a", agreementId).param("i", issue.id()).update();
            issues.advance(issue.id(), Stage.IN_AGREEMENT);
        }
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("title", title);
        after.put("responsible", responsible);
        after.put("level", level.name());
        after.put("investment", input.investment());
        after.put("issueId", input.issueId());
        audit.record(Change.created("agreement_action", id, agreement.schemeId(), "Acción de " + agreement.title() + ": "
                + title, after));
        return id;
    }

    /** A signed letter of intent or agreement of will, as its PDF. */
    @Transactional
    public long addDocument(long agreementId, String kind, LocalDate signedOn, String signatories, String name,
            byte[] content) {
        Agreement agreement = get(agreementId);
        scopes.requireSchemeWrite(agreement.schemeId());
        Checks checks = new Checks();
        DocumentKind k = checks.oneOf("kind", DocumentKind.class, kind);
        pastOrToday(checks, "signedOn", signedOn);
        String who = checks.text("signatories", signatories, 1000);
        if (content == null || content.length == 0) {
            checks.add(new Violation("document", "Required", "participation.document.required"));
        } else if (content.length > MAX_DOCUMENT_BYTES) {
            checks.add(new Violation("document", "Size", "participation.document.size", MAX_DOCUMENT_BYTES / (1024 * 1024)));
        } else {
            checks.rule(FileTypes.isPdf(content), "document", "Type", "participation.document.type");
        }
        checks.orThrow();
        String filename = name == null || name.isBlank() ? "documento.pdf" : name.strip();
        UUID file = files.put(filename, "application/pdf", content);
        long id = jdbc.sql("""
                insert into agreement_document (agreement_id, kind, signed_on, signatories, file_id, name, size_bytes,
                                                recorded_by)
                values (:a, :k, :d, :s, :f, :n, :size, :by) returning id""").param("a", agreementId).param("k", k.name())
                .param("d", signedOn).param("s", who).param("f", file).param("n", filename).param("size", content.length)
                .param("by", SystemActor.current()).query(Long.class).single();
        audit.record(Change.created("agreement_document", id, agreement.schemeId(), "Documento firmado de "
                + agreement.title(), Map.of("kind", k.name(), "signedOn", signedOn.toString(), "name", filename)));
        return id;
    }

    public FileTypes.Content document(long agreementId, long documentId) {
        get(agreementId);
        UUID file = jdbc.sql("select file_id from agreement_document where id = :d and agreement_id = :a")
                .param("d", documentId).param("a", agreementId).query(UUID.class).optional()
                .orElseThrow(() -> new NotFoundException("Documento", documentId));
        return new FileTypes.Content("application/pdf", files.content(file));
    }

    /** A dated progress report on an action; an action at 100 % resolves the issue it answers. */
    @Transactional
    public long recordUpdate(long actionId, LocalDate reportedOn, BigDecimal progress, String note, String evidenceName,
            byte[] evidence) {
        Action action = action(actionId);
        long schemeId = schemeOfAction(actionId);
        scopes.requireSchemeWrite(schemeId);
        Checks checks = new Checks();
        pastOrToday(checks, "reportedOn", reportedOn);
        checks.rule(progress != null && progress.signum() >= 0 && progress.compareTo(BigDecimal.valueOf(100)) <= 0,
                "progress", "Range", "participation.update.progress.range");
        String text = checks.text("note", note, 2000);
        boolean hasEvidence = evidence != null && evidence.length > 0;
        if (hasEvidence && evidence.length > MAX_DOCUMENT_BYTES) {
            checks.add(new Violation("evidence", "Size", "participation.document.size", MAX_DOCUMENT_BYTES / (1024 * 1024)));
        } else {
            checks.rule(!hasEvidence || FileTypes.isPdf(evidence) || FileTypes.imageType(evidence) != null, "evidence",
                    "Type", "participation.update.evidence.type");
        }
        checks.orThrow();
        UUID file = null;
        String filename = null;
        if (hasEvidence) {
            filename = evidenceName == null || evidenceName.isBlank() ? "evidencia" : evidenceName.strip();
            String type = FileTypes.isPdf(evidence) ? "application/pdf" : FileTypes.imageType(evidence);
            file = files.put(filename, type, evidence);
        }
        BigDecimal value = progress.setScale(2, RoundingMode.HALF_UP);
        long id = jdbc.sql("""
                insert into action_update (action_id, reported_on, progress, note, evidence_id, evidence_name, recorded_by)
                values (:a, :d, :p, :n, :f, :fn, :by) returning id""").param("a", actionId).param("d", reportedOn)
                .param("p", value).param("n", text).param("f", file).param("fn", filename)
                .param("by", SystemActor.current()).query(Long.class).single();
        if (action.issueId() != null && value.compareTo(BigDecimal.valueOf(100)) == 0) {
            issues.advance(action.issueId(), Stage.RESOLVED);
        }
        audit.record(Change.created("action_update", id, schemeId, "Avance de " + action.title() + ": " + value + " %",
                Map.of("progress", value, "reportedOn", reportedOn.toString())));
        return id;
    }

    /** A signed-in citizen's observation on an action; it waits for moderation. */
    @Transactional
    public long observe(long actionId, String text) {
        action(actionId);
        long schemeId = schemeOfAction(actionId);
        Citizens.Citizen citizen = citizens.current().orElseThrow(
                () -> new AccessDeniedException("Solo un ciudadano registrado puede dejar observaciones."));
        Checks checks = new Checks();
        String t = checks.text("text", text, 2000);
        checks.orThrow();
        long id = jdbc.sql("insert into action_observation (action_id, author_id, text) values (:a, :c, :t) returning id")
                .param("a", actionId).param("c", citizen.id()).param("t", t).query(Long.class).single();
        audit.record(Change.created("action_observation", id, schemeId, "Observación ciudadana", Map.of("actionId", actionId)));
        return id;
    }

    @Transactional
    public void moderateObservation(long observationId, boolean publish, String reason) {
        Long actionId = jdbc.sql("select action_id from action_observation where id = :id").param("id", observationId)
                .query(Long.class).optional().orElseThrow(() -> new NotFoundException("Observación", observationId));
        long schemeId = schemeOfAction(actionId);
        scopes.requireSchemeWrite(schemeId);
        Checks checks = new Checks();
        String why = publish ? null : checks.text("reason", reason, 1000);
        checks.orThrow();
        jdbc.sql("""
                update action_observation set moderation = :m, rejection_reason = :r, moderated_by = :by where id = :id""")
                .param("m", publish ? "PUBLISHED" : "REJECTED").param("r", why)
                .param("by", SystemActor.current()).param("id", observationId).update();
        audit.record(Change.updated("action_observation", observationId, schemeId, "Moderación de observación",
                null, Map.of("moderation", publish ? "PUBLISHED" : "REJECTED")));
    }

    /** Observations of an agreement's actions in one moderation state, for staff. */
    public List<Observation> observations(long agreementId, TerritorialIssues.Moderation moderation) {
        return jdbc.sql("""
                select o.id, o.action_id, o.text, o.moderation, o.rejection_reason, o.created_at from action_observation o
                join agreement_action a on a.id = o.action_id where a.agreement_id = :a and o.moderation = :m
                order by o.id""").param("a", agreementId).param("m", moderation.name())
                .query(Agreements::observation).list();
    }

    /** The published observations on one action: all the public may see. */
    public List<Observation> publishedObservations(long actionId) {
        return jdbc.sql("""
                select id, action_id, text, moderation, rejection_reason, created_at from action_observation
                where action_id = :a and moderation = 'PUBLISHED' order by id""").param("a", actionId)
                .query(Agreements::observation).list();
    }

    /** One line of a scheme's list of agreements: progress as {@link Agreement#progress()} computes it. */
    public record Summary(long id, String title, BigDecimal progress) {
    }

    /** The scheme's latest agreements with their progress, in one query. */
    public List<Summary> ofScheme(long schemeId) {
        return jdbc.sql("""
                select c.id, c.title, coalesce(round(avg(coalesce(u.progress, 0)), 1), 0) as progress
                from ctt_agreement c
                left join agreement_action a on a.agreement_id = c.id
                left join lateral (select progress from action_update where action_id = a.id
                                   order by reported_on desc, id desc limit 1) u on true
                where c.scheme_id = :s group by c.id, c.title order by c.id desc limit 100""").param("s", schemeId)
                .query((rs, n) -> new Summary(rs.getLong("id"), rs.getString("title"), rs.getBigDecimal("progress")))
                .list();
    }

    public Agreement get(long id) {
        Agreement agreement = jdbc.sql("select id, scheme_id, title, objective, created_at from ctt_agreement where id = :id")
                .param("id", id).query((rs, n) -> new Agreement(rs.getLong("id"), rs.getLong("scheme_id"),
                        rs.getString("title"), rs.getString("objective"), rs.getTimestamp("created_at").toInstant(),
                        new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>()))
                .optional().orElseThrow(() -> new NotFoundException("Acuerdo", id));
        jdbc.sql("select id, name, level from agreement_party where agreement_id = :a order by id").param("a", id)
                .query((rs, n) -> agreement.parties().add(new Party(rs.getLong("id"), rs.getString("name"),
                        Level.valueOf(rs.getString("level"))))).list();
        Map<Long, Line> lines = new LinkedHashMap<>();
        jdbc.sql("select id, name from agreement_line where agreement_id = :a order by id").param("a", id)
                .query((rs, n) -> lines.put(rs.getLong("id"), new Line(rs.getLong("id"), rs.getString("name"),
                        new ArrayList<>())))
                .list();
        Map<Long, Action> actions = new LinkedHashMap<>();
        jdbc.sql(ACTION_SELECT + " where agreement_id = :a order by line_id, id").param("a", id)
                .query(Agreements::actionRow).list().forEach(a -> {
                    actions.put(a.id(), a);
                    lines.get(a.lineId()).actions().add(a);
                });
        loadUpdates(actions);
        agreement.lines().addAll(lines.values());
        jdbc.sql("select id, kind, signed_on, signatories, name from agreement_document where agreement_id = :a order by signed_on, id")
                .param("a", id).query((rs, n) -> agreement.documents().add(new Document(rs.getLong("id"),
                        DocumentKind.valueOf(rs.getString("kind")), rs.getObject("signed_on", LocalDate.class),
                        rs.getString("signatories"), rs.getString("name")))).list();
        agreement.issueIds().addAll(jdbc.sql("select issue_id from agreement_issue where agreement_id = :a order by 1")
                .param("a", id).query(Long.class).list());
        return agreement;
    }

    /** The actions that answer an issue, with their updates, for its public timeline. */
    public record LinkedAction(long agreementId, String agreementTitle, String lineName, Action action) {
    }

    /** Where an action that answers an issue stands: its agreement and line. */
    private record ActionPlace(long actionId, long agreementId, String agreementTitle, String lineName) {
    }

    public List<LinkedAction> actionsForIssue(long issueId) {
        List<ActionPlace> places = jdbc.sql("""
                select a.id as action_id, c.id as agreement_id, c.title as agreement_title, l.name as line_name
                from agreement_action a join ctt_agreement c on c.id = a.agreement_id
                join agreement_line l on l.id = a.line_id where a.issue_id = :i order by a.id""").param("i", issueId)
                .query(ActionPlace.class).list();
        Map<Long, Action> actions = new LinkedHashMap<>();
        if (!places.isEmpty()) {
            jdbc.sql(ACTION_SELECT + " where id in (:ids) order by id")
                    .param("ids", places.stream().map(ActionPlace::actionId).toList()).query(Agreements::actionRow)
                    .list().forEach(a -> actions.put(a.id(), a));
        }
        loadUpdates(actions);
        return places.stream().map(p -> new LinkedAction(p.agreementId(), p.agreementTitle(), p.lineName(),
                actions.get(p.actionId()))).toList();
    }

    private static final String ACTION_SELECT = """
            select id, line_id, title, responsible, level, investment, currency, indicator, target, starts_on, ends_on,
                   issue_id, created_at from agreement_action""";

    private Action action(long id) {
        return jdbc.sql(ACTION_SELECT + " where id = :id").param("id", id).query(Agreements::actionRow).optional()
                .orElseThrow(() -> new NotFoundException("Acción", id));
    }

    private long schemeOfAction(long actionId) {
        return jdbc.sql("select c.scheme_id from agreement_action a join ctt_agreement c on c.id = a.agreement_id where a.id = :id")
                .param("id", actionId).query(Long.class).single();
    }

    private void loadUpdates(Map<Long, Action> actions) {
        if (actions.isEmpty()) {
            return;
        }
        jdbc.sql("""
                select action_id, id, reported_on, progress, note, evidence_name, recorded_by from action_update
                where action_id in (:ids) order by action_id, reported_on desc, id desc""")
                .param("ids", List.copyOf(actions.keySet()))
                .query((rs, n) -> actions.get(rs.getLong("action_id")).updates().add(new Update(rs.getLong("id"),
                        rs.getObject("reported_on", LocalDate.class), rs.getBigDecimal("progress"), rs.getString("note"),
                        rs.getString("evidence_name"), rs.getString("recorded_by")))).list();
    }

    private static Action actionRow(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Action(rs.getLong("id"), rs.getLong("line_id"), rs.getString("title"), rs.getString("responsible"),
                Level.valueOf(rs.getString("level")), rs.getBigDecimal("investment"), rs.getString("currency"),
                rs.getString("indicator"), rs.getString("target"), rs.getObject("starts_on", LocalDate.class),
                rs.getObject("ends_on", LocalDate.class), rs.getObject("issue_id", Long.class),
                rs.getTimestamp("created_at").toInstant(), new ArrayList<>());
    }

    private static Observation observation(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Observation(rs.getLong("id"), rs.getLong("action_id"), rs.getString("text"),
                TerritorialIssues.Moderation.valueOf(rs.getString("moderation")), rs.getString("rejection_reason"),
                rs.getTimestamp("created_at").toInstant());
    }

    static BigDecimal mean(List<BigDecimal> values) {
        if (values.isEmpty()) {
            return BigDecimal.ZERO;
        }
        return values.stream().reduce(BigDecimal.ZERO, BigDecimal::add)
                .divide(BigDecimal.valueOf(values.size()), 1, RoundingMode.HALF_UP);
    }

    /** A date that has happened: required, and not after today. */
    private void pastOrToday(Checks checks, String field, LocalDate date) {
        if (checks.required(field, date) != null) {
            checks.rule(!date.isAfter(zones.today()), field, "PastOrPresent", "participation.date.future");
        }
    }
}
