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
import org.minga.participation.internal.TerritorialIssues.Issue;
import org.minga.participation.internal.TerritorialIssues.Stage;
import org.minga.platform.AuditLog;
import org.minga.platform.AuditLog.Change;
import org.minga.platform.Checks;
import org.minga.platform.Inputs;
import org.minga.platform.Money;
import org.minga.platform.FileTypes;
import org.minga.platform.InvalidInputException.Violation;
import org.minga.platform.NotFoundException;
import org.minga.platform.SystemActor;
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

    private final Desk desk;
    private final TerritorialIssues issues;
    private final AgreementMonitoring monitoring;
    private final AgreementReads reads;

    Agreements(Desk desk, TerritorialIssues issues, AgreementMonitoring monitoring, AgreementReads reads) {
        this.desk = desk;
        this.issues = issues;
        this.monitoring = monitoring;
        this.reads = reads;
    }

    @Transactional
    public long create(long schemeId, String title, String objective) {
        desk.scopes().requireSchemeWrite(schemeId);
        Checks checks = new Checks();
        String t = checks.text("title", title, 200);
        String o = checks.text("objective", objective, 4000);
        checks.orThrow();
        long id = desk.jdbc().sql("insert into ctt_agreement (scheme_id, title, objective, created_by) values (:s, :t, :o, :by) "
                + "returning id").param("s", schemeId).param("t", t).param("o", o)
                .param("by", SystemActor.current()).query(Long.class).single();
        desk.audit().record(Change.created(ENTITY, id, schemeId, "Acuerdo CTT: " + t, Map.of("title", t)));
        return id;
    }

    @Transactional
    public void addParty(long agreementId, String name, String level) {
        Agreement agreement = writable(agreementId);
        Checks checks = new Checks();
        String n = checks.text("name", name, 200);
        Level l = checks.oneOf("level", Level.class, level);
        checks.rule(n == null || agreement.parties().stream().noneMatch(p -> p.name().equalsIgnoreCase(n)), "name",
                "Unique", "participation.agreement.party.duplicate", n).orThrow();
        long id = desk.jdbc().sql("insert into agreement_party (agreement_id, name, level) values (:a, :n, :l) returning id")
                .param("a", agreementId).param("n", n).param("l", l.name()).query(Long.class).single();
        desk.audit().record(Change.created("agreement_party", id, agreement.schemeId(), "Parte de " + agreement.title() + ": " + n,
                Map.of("name", n, "level", l.name())));
    }

    @Transactional
    public long addLine(long agreementId, String name) {
        Agreement agreement = writable(agreementId);
        Checks checks = new Checks();
        String n = checks.text("name", name, 200);
        checks.rule(n == null || agreement.lines().stream().noneMatch(l -> l.name().equalsIgnoreCase(n)), "name",
                "Unique", "participation.agreement.line.duplicate", n).orThrow();
        long id = desk.jdbc().sql("insert into agreement_line (agreement_id, name) values (:a, :n) returning id")
                .param("a", agreementId).param("n", n).query(Long.class).single();
        desk.audit().record(Change.created("agreement_line", id, agreement.schemeId(), "Línea de " + agreement.title() + ": " + n,
                Map.of("name", n)));
        return id;
    }

    /** An action of a line; naming a published issue of the scheme links it and moves it into the agreement. */
    @Transactional
    public long addAction(long agreementId, NewAction input) {
        Agreement agreement = writable(agreementId);
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
        long id = desk.jdbc().sql("""
                insert into agreement_action (agreement_id, line_id, title, responsible, level, investment, indicator,
                                              target, starts_on, ends_on, issue_id, created_by)
                values (:a, :line, :title, :resp, :level, :inv, :ind, :target, :start, :end, :issue, :by) returning id""")
                .param("a", agreementId).param("line", input.lineId()).param("title", title).param("resp", responsible)
                .param("level", level.name()).param("inv", input.investment()).param("ind", indicator)
                .param("target", target).param("start", input.startsOn()).param("end", input.endsOn())
                .param("issue", input.issueId()).param("by", SystemActor.current()).query(Long.class).single();
        if (issue != null) {
            desk.jdbc().sql("insert into agreement_issue (agreement_id, issue_id) values (:a, :i) on conflict do nothing")
                    .param("a", agreementId).param("i", issue.id()).update();
            issues.advance(issue.id(), Stage.IN_AGREEMENT);
        }
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("title", title);
        after.put("responsible", responsible);
        after.put("level", level.name());
        after.put("investment", input.investment());
        after.put("issueId", input.issueId());
        desk.audit().record(Change.created("agreement_action", id, agreement.schemeId(), "Acción de " + agreement.title() + ": "
                + title, after));
        return id;
    }

    /** A signed letter of intent or agreement of will, as its PDF. */
    @Transactional
    public long addDocument(long agreementId, String kind, LocalDate signedOn, String signatories, String name,
            byte[] content) {
        Agreement agreement = writable(agreementId);
        Checks checks = new Checks();
        DocumentKind k = checks.oneOf("kind", DocumentKind.class, kind);
        AgreementMonitoring.pastOrToday(checks, "signedOn", signedOn, desk.zones().today());
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
        UUID file = desk.files().put(filename, "application/pdf", content);
        long id = desk.jdbc().sql("""
                insert into agreement_document (agreement_id, kind, signed_on, signatories, file_id, name, size_bytes,
                                                recorded_by)
                values (:a, :k, :d, :s, :f, :n, :size, :by) returning id""").param("a", agreementId).param("k", k.name())
                .param("d", signedOn).param("s", who).param("f", file).param("n", filename).param("size", content.length)
                .param("by", SystemActor.current()).query(Long.class).single();
        desk.audit().record(Change.created("agreement_document", id, agreement.schemeId(), "Documento firmado de "
                + agreement.title(), Map.of("kind", k.name(), "signedOn", signedOn.toString(), "name", filename)));
        return id;
    }

    public FileTypes.Content document(long agreementId, long documentId) {
        get(agreementId);
        UUID file = desk.jdbc().sql("select file_id from agreement_document where id = :d and agreement_id = :a")
                .param("d", documentId).param("a", agreementId).query(UUID.class).optional()
                .orElseThrow(() -> new NotFoundException("Documento", documentId));
        return new FileTypes.Content("application/pdf", desk.files().content(file));
    }

    /** A dated progress report on an action; an action at 100 % resolves the issue it answers. */
    public long recordUpdate(long actionId, LocalDate reportedOn, BigDecimal progress, String note, String evidenceName,
            byte[] evidence) {
        return monitoring.recordUpdate(reads.action(actionId), reads.schemeOfAction(actionId), reportedOn, progress, note,
                evidenceName, evidence);
    }

    /** A signed-in citizen's observation on an action; it waits for moderation. */
    public long observe(long actionId, String text) {
        return monitoring.observe(reads.action(actionId), reads.schemeOfAction(actionId), text);
    }

    public void moderateObservation(long observationId, boolean publish, String reason) {
        monitoring.moderateObservation(observationId, publish, reason);
    }

    /** Observations of an agreement's actions in one moderation state, for staff. */
    public List<Observation> observations(long agreementId, TerritorialIssues.Moderation moderation) {
        return monitoring.observations(agreementId, moderation);
    }

    /** The published observations on one action: all the public may see. */
    public List<Observation> publishedObservations(long actionId) {
        return monitoring.publishedObservations(actionId);
    }

    /** One line of a scheme's list of agreements: progress as {@link Agreement#progress()} computes it. */
    public record Summary(long id, String title, BigDecimal progress) {
    }

    /** The scheme's latest agreements with their progress, in one query. */
    public List<Summary> ofScheme(long schemeId) {
        return reads.ofScheme(schemeId);
    }

    public Agreement get(long id) {
        return reads.get(id);
    }

    /** The agreement, when the current user may write its scheme's records; refused otherwise. */
    private Agreement writable(long id) {
        Agreement agreement = get(id);
        desk.scopes().requireSchemeWrite(agreement.schemeId());
        return agreement;
    }

    /** The actions that answer an issue, with their updates, for its public timeline. */
    public record LinkedAction(long agreementId, String agreementTitle, String lineName, Action action) {
    }

    public List<LinkedAction> actionsForIssue(long issueId) {
        return reads.actionsForIssue(issueId);
    }

    static BigDecimal mean(List<BigDecimal> values) {
        if (values.isEmpty()) {
            return BigDecimal.ZERO;
        }
        return values.stream().reduce(BigDecimal.ZERO, BigDecimal::add)
                .divide(BigDecimal.valueOf(values.size()), 1, RoundingMode.HALF_UP);
    }


}
