package org.minga.planning.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.minga.identity.Scopes;
import org.minga.planning.Plans;
import org.minga.platform.AuditLog;
import org.minga.platform.AuditLog.Change;
import org.minga.platform.Checks;
import org.minga.platform.Inputs;
import org.minga.platform.NotFoundException;
import org.minga.platform.SystemActor;
import org.minga.platform.Zones;
import org.minga.projects.ProjectDigest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What happens to a goal after it is set: its dated measurements and its links to plans and projects. */
@Service
public class GoalTracking {

    public enum LinkKind { NATIONAL_DEVELOPMENT_PLAN, MEMBER_DEVELOPMENT_PLAN, LAND_USE_PLAN, PATR, PDT, PROJECT }

    /**
     * A measurement as recorded, in force or not: a voided one keeps who voided it, when and why,
     * and a correction names the measurement it corrects.
     */
    public record Recorded(long id, LocalDate on, BigDecimal value, String note, Instant voidedAt, String voidedBy,
            String voidReason, Long correctsId) {

        public boolean inForce() {
            return voidedAt == null;
        }
    }

    /** A correction: the right date, value and note, and why the original was wrong. */
    public record MeasurementCorrection(LocalDate measuredOn, @NotNull @Digits(integer = 14, fraction = 4) BigDecimal value,
            @Size(max = 4000) String note, @NotBlank @Size(max = 1000) String reason) {
    }

    /** Why a measurement is voided. */
    public record MeasurementVoid(@NotBlank @Size(max = 1000) String reason) {
    }

    public record Link(long id, LinkKind kind, String reference, String unitCode, Long projectId) {
    }

    /** A measurement as it is entered: on a day from the goal's start to today. */
    public record MeasurementInput(LocalDate measuredOn, @NotNull @Digits(integer = 14, fraction = 4) BigDecimal value,
            @Size(max = 4000) String note) {
    }

    /** A link: to a project of the scheme, or to an external plan by reference (and member, for theirs). */
    public record LinkInput(String kind, @Size(max = 500) String reference, @Size(max = 10) String unitCode,
            Long projectId) {
    }

    private static final String SELECT = """
            select id, measured_on, value, note, voided_at, voided_by, void_reason, corrects_id from goal_measurement""";

    private final JdbcClient jdbc;
    private final Scopes scopes;
    private final AuditLog audit;
    private final Plans plans;
    private final ProjectDigest projects;
    private final Zones zones;

    GoalTracking(JdbcClient jdbc, Scopes scopes, AuditLog audit, Plans plans, ProjectDigest projects, Zones zones) {
        this.jdbc = jdbc;
        this.scopes = scopes;
        this.audit = audit;
        this.plans = plans;
        this.projects = projects;
        this.zones = zones;
    }

    @Transactional
    public Recorded measure(long schemeId, long goalId, MeasurementInput in) {
        scopes.requireSchemeWrite(schemeId);
        Plans.Goal g = plans.goal(schemeId, goalId);
        Checks checks = new Checks();
        dated(g, goalId, in.measuredOn(), null, checks);
        checks.valid(in).orThrow();
        long id = insert(goalId, in.measuredOn(), in.value(), in.note(), null);
        audit.record(Change.created("goal_measurement", id, schemeId, "Medición de " + g.name(),
                Map.of("goalId", goalId, "measuredOn", in.measuredOn().toString(), "value", in.value().toPlainString())));
        return recorded(goalId, id);
    }

    /**
     * Corrects a measurement in force: the original is voided with the reason and stays in the
     * history; the correction is a new measurement pointing at it. Statuses follow at once.
     */
    @Transactional
    public Recorded correct(long schemeId, long goalId, long measurementId, MeasurementCorrection in) {
        scopes.requireSchemeWrite(schemeId);
        Plans.Goal g = plans.goal(schemeId, goalId);
        Recorded original = inForce(goalId, measurementId);
        Checks checks = new Checks();
        dated(g, goalId, in.measuredOn(), measurementId, checks);
        checks.valid(in).orThrow();
        String reason = in.reason().strip();
        voidRow(measurementId, reason);
        long id = insert(goalId, in.measuredOn(), in.value(), in.note(), measurementId);
        audit.record(Change.updated("goal_measurement", measurementId, schemeId, "Corrección de medición de " + g.name(),
                state(original), Map.of("voidReason", reason, "correctedBy", id)));
        audit.record(Change.created("goal_measurement", id, schemeId, "Medición corregida de " + g.name(),
                Map.of("goalId", goalId, "measuredOn", in.measuredOn().toString(), "value", in.value().toPlainString(),
                        "corrects", measurementId, "reason", reason)));
        return recorded(goalId, id);
    }

    /** Voids a measurement in force with a reason; it stays in the history, out of every status. */
    @Transactional
    public Recorded voidMeasurement(long schemeId, long goalId, long measurementId, MeasurementVoid in) {
        scopes.requireSchemeWrite(schemeId);
        Plans.Goal g = plans.goal(schemeId, goalId);
        Recorded original = inForce(goalId, measurementId);
        Checks.require(in);
        String reason = in.reason().strip();
        voidRow(measurementId, reason);
        audit.record(Change.updated("goal_measurement", measurementId, schemeId, "Anulación de medición de " + g.name(),
                state(original), Map.of("voidReason", reason)));
        return recorded(goalId, measurementId);
    }

    /** A date from the goal's start to today, and no other measurement in force on that day (correct it instead). */
    private void dated(Plans.Goal g, long goalId, LocalDate on, Long replacing, Checks checks) {
        checks.rule(on != null && !on.isBefore(g.startsOn()) && !on.isAfter(zones.today()), "measuredOn", "Range",
                "planning.measurement.date", g.startsOn());
        checks.rule(on == null || !jdbc.sql("""
                select exists (select 1 from goal_measurement where goal_id = :g and measured_on = :o
                  and voided_at is null and (cast(:r as bigint) is null or id <> :r))""").param("g", goalId)
                .param("o", on).param("r", replacing).query(Boolean.class).single(), "measuredOn", "Unique",
                "planning.measurement.sameDay", on);
    }

    private long insert(long goalId, LocalDate on, BigDecimal value, String note, Long corrects) {
        return jdbc.sql("""
                insert into goal_measurement (goal_id, measured_on, value, note, recorded_by, corrects_id)
                values (:g, :o, :v, :n, :by, :c) returning id""").param("g", goalId).param("o", on).param("v", value)
                .param("n", Inputs.text(note)).param("by", SystemActor.current()).param("c", corrects)
                .query(Long.class).single();
    }

    /** Voids the row if still in force; a concurrent void or correction that got there first wins. */
    private void voidRow(long id, String reason) {
        int voided = jdbc.sql("""
                update goal_measurement set voided_at = now(), voided_by = :by, void_reason = :r
                where id = :id and voided_at is null""").param("by", SystemActor.current()).param("r", reason)
                .param("id", id).update();
        new Checks().rule(voided == 1, "measurementId", "InForce", "planning.measurement.voided").orThrow();
    }

    /** The measurement of the goal, in force; a voided one cannot be voided or corrected again. */
    private Recorded inForce(long goalId, long measurementId) {
        Recorded r = recorded(goalId, measurementId);
        new Checks().rule(r.inForce(), "measurementId", "InForce", "planning.measurement.voided").orThrow();
        return r;
    }

    private Recorded recorded(long goalId, long id) {
        return jdbc.sql(SELECT + " where goal_id = :g and id = :id").param("g", goalId).param("id", id)
                .query((rs, n) -> row(rs)).optional().orElseThrow(() -> new NotFoundException("medición", id));
    }

    private static Recorded row(ResultSet rs) throws SQLException {
        OffsetDateTime voided = rs.getObject("voided_at", OffsetDateTime.class);
        return new Recorded(rs.getLong("id"), rs.getObject("measured_on", LocalDate.class),
                Plans.plain(rs.getBigDecimal("value")), rs.getString("note"), voided == null ? null : voided.toInstant(),
                rs.getString("voided_by"), rs.getString("void_reason"), rs.getObject("corrects_id", Long.class));
    }

    private static Map<String, Object> state(Recorded r) {
        return Map.of("measuredOn", r.on().toString(), "value", r.value().toPlainString(),
                "note", r.note() == null ? "" : r.note());
    }

    /** The goal's history: every measurement, in force or voided, by date. */
    @Transactional(readOnly = true)
    public List<Recorded> measurements(long goalId) {
        return jdbc.sql(SELECT + " where goal_id = :g order by measured_on, id").param("g", goalId)
                .query((rs, n) -> row(rs)).list();
    }

    @Transactional
    public Link link(long schemeId, long goalId, LinkInput in) {
        scopes.requireSchemeWrite(schemeId);
        plans.goal(schemeId, goalId);
        Checks checks = new Checks().valid(in);
        LinkKind kind = Inputs.enumValue(LinkKind.class, in.kind());
        checks.rule(kind != null, "kind", "OneOf", "planning.link.kind");
        String reference = Inputs.text(in.reference());
        String unit = Inputs.text(in.unitCode());
        Long projectId = kind == LinkKind.PROJECT ? in.projectId() : null;
        if (kind == LinkKind.PROJECT) {
            checks.rule(projectId != null && projects.exists(schemeId, projectId), "projectId", "Exists",
                    "planning.link.project");
        } else {
            checks.rule(reference != null, "reference", "NotBlank", "planning.reference.required");
            checks.rule(unit != null || (kind != LinkKind.MEMBER_DEVELOPMENT_PLAN && kind != LinkKind.LAND_USE_PLAN),
                    "unitCode", "NotBlank", "planning.link.unit");
        }
        checks.orThrow();
        String ref = kind == LinkKind.PROJECT && reference == null ? "#" + projectId : reference;
        long id = jdbc.sql("""
                insert into goal_link (goal_id, kind, reference, unit_code, project_id) values (:g, :k, :r, :u, :p)
                returning id""").param("g", goalId).param("k", kind.name()).param("r", ref).param("u", unit)
                .param("p", projectId).query(Long.class).single();
        audit.record(Change.created("goal_link", id, schemeId, "Vínculo de meta " + goalId,
                Map.of("kind", kind.name(), "reference", ref)));
        return new Link(id, kind, ref, unit, projectId);
    }

    @Transactional(readOnly = true)
    public List<Link> links(long goalId) {
        return jdbc.sql("select id, kind, reference, unit_code, project_id from goal_link where goal_id = :g order by id")
                .param("g", goalId).query((rs, n) -> new Link(rs.getLong("id"), LinkKind.valueOf(rs.getString("kind")),
                        rs.getString("reference"), rs.getString("unit_code"), rs.getObject("project_id", Long.class)))
                .list();
    }
}
