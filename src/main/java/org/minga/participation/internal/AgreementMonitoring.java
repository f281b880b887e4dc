package org.minga.participation.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.minga.identity.Citizens;
import org.minga.participation.internal.Agreements.Action;
import org.minga.participation.internal.Agreements.Observation;
import org.minga.participation.internal.TerritorialIssues.Stage;
import org.minga.platform.AuditLog;
import org.minga.platform.AuditLog.Change;
import org.minga.platform.Checks;
import org.minga.platform.FileTypes;
import org.minga.platform.InvalidInputException.Violation;
import org.minga.platform.NotFoundException;
import org.minga.platform.SystemActor;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The participatory monitoring of an agreement's actions: dated progress updates with their
 * evidence (a PDF or a photo), and citizens' observations, which wait for the team's moderation
 * before the public sees them. {@link Agreements} is its door.
 */
@Service
class AgreementMonitoring {

    private final Desk desk;
    private final TerritorialIssues issues;

    AgreementMonitoring(Desk desk, TerritorialIssues issues) {
        this.desk = desk;
        this.issues = issues;
    }

    /** A dated progress report on an action; an action at 100 % resolves the issue it answers. */
    @Transactional
    long recordUpdate(Action action, long schemeId, LocalDate reportedOn, BigDecimal progress, String note,
            String evidenceName, byte[] evidence) {
        long actionId = action.id();
        desk.scopes().requireSchemeWrite(schemeId);
        Checks checks = new Checks();
        pastOrToday(checks, "reportedOn", reportedOn, desk.zones().today());
        checks.rule(progress != null && progress.signum() >= 0 && progress.compareTo(BigDecimal.valueOf(100)) <= 0,
                "progress", "Range", "participation.update.progress.range");
        String text = checks.text("note", note, 2000);
        boolean hasEvidence = evidence != null && evidence.length > 0;
        if (hasEvidence && evidence.length > Agreements.MAX_DOCUMENT_BYTES) {
            checks.add(new Violation("evidence", "Size", "participation.document.size", Agreements.MAX_DOCUMENT_BYTES / (1024 * 1024)));
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
            file = desk.files().put(filename, type, evidence);
        }
        BigDecimal value = progress.setScale(2, RoundingMode.HALF_UP);
        long id = desk.jdbc().sql("""
                insert into action_update (action_id, reported_on, progress, note, evidence_id, evidence_name, recorded_by)
                values (:a, :d, :p, :n, :f, :fn, :by) returning id""").param("a", actionId).param("d", reportedOn)
                .param("p", value).param("n", text).param("f", file).param("fn", filename)
                .param("by", SystemActor.current()).query(Long.class).single();
        if (action.issueId() != null && value.compareTo(BigDecimal.valueOf(100)) == 0) {
            issues.advance(action.issueId(), Stage.RESOLVED);
        }
        desk.audit().record(Change.created("action_update", id, schemeId,
                "Avance de " + action.title() + ": " + value + " %",
                Map.of("progress", value, "reportedOn", reportedOn.toString())));
        return id;
    }

    /** A signed-in citizen's observation on an action; it waits for moderation. */
    @Transactional
    long observe(Action action, long schemeId, String text) {
        long actionId = action.id();
        Citizens.Citizen citizen = desk.citizens().current().orElseThrow(
                () -> new AccessDeniedException("Solo un ciudadano registrado puede dejar observaciones."));
        Checks checks = new Checks();
        String t = checks.text("text", text, 2000);
        checks.orThrow();
        long id = desk.jdbc().sql("insert into action_observation (action_id, author_id, text) values (:a, :c, :t) returning id")
                .param("a", actionId).param("c", citizen.id()).param("t", t).query(Long.class).single();
        desk.audit().record(Change.created("action_observation", id, schemeId, "Observación ciudadana", Map.of("actionId", actionId)));
        return id;
    }

    @Transactional
    void moderateObservation(long observationId, boolean publish, String reason) {
        long schemeId = desk.jdbc().sql("""
                select c.scheme_id from action_observation o join agreement_action a on a.id = o.action_id
                join ctt_agreement c on c.id = a.agreement_id where o.id = :id""").param("id", observationId)
                .query(Long.class).optional().orElseThrow(() -> new NotFoundException("Observación", observationId));
        desk.scopes().requireSchemeWrite(schemeId);
        Checks checks = new Checks();
        String why = publish ? null : checks.text("reason", reason, 1000);
        checks.orThrow();
        desk.jdbc().sql("""
                update action_observation set moderation = :m, rejection_reason = :r, moderated_by = :by where id = :id""")
                .param("m", publish ? "PUBLISHED" : "REJECTED").param("r", why)
                .param("by", SystemActor.current()).param("id", observationId).update();
        desk.audit().record(Change.updated("action_observation", observationId, schemeId, "Moderación de observación",
                null, Map.of("moderation", publish ? "PUBLISHED" : "REJECTED")));
    }

    /** Observations of an agreement's actions in one moderation state, for staff. */
    List<Observation> observations(long agreementId, TerritorialIssues.Moderation moderation) {
        return desk.jdbc().sql("""
                select o.id, o.action_id, o.text, o.moderation, o.rejection_reason, o.created_at from action_observation o
                join agreement_action a on a.id = o.action_id where a.agreement_id = :a and o.moderation = :m
                order by o.id""").param("a", agreementId).param("m", moderation.name())
                .query(AgreementMonitoring::observation).list();
    }

    /** The published observations on one action: all the public may see. */
    List<Observation> publishedObservations(long actionId) {
        return desk.jdbc().sql("""
                select id, action_id, text, moderation, rejection_reason, created_at from action_observation
                where action_id = :a and moderation = 'PUBLISHED' order by id""").param("a", actionId)
                .query(AgreementMonitoring::observation).list();
    }

    /** A date that has happened: required, and not after today. */
    static void pastOrToday(Checks checks, String field, LocalDate date, LocalDate today) {
        if (checks.required(field, date) != null) {
            checks.rule(!date.isAfter(today), field, "PastOrPresent", "participation.date.future");
        }
    }

    private static Observation observation(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Observation(rs.getLong("id"), rs.getLong("action_id"), rs.getString("text"),
                TerritorialIssues.Moderation.valueOf(rs.getString("moderation")), rs.getString("rejection_reason"),
                rs.getTimestamp("created_at").toInstant());
    }
}
