package org.minga.planning.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.minga.identity.Scopes;
import org.minga.planning.Plans;
import org.minga.platform.AuditLog;
import org.minga.platform.AuditLog.Change;
import org.minga.platform.Checks;
import org.minga.platform.Inputs;
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

    public record Recorded(long id, LocalDate on, BigDecimal value, String note) {
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
        LocalDate on = in.measuredOn();
        new Checks()
                .rule(on != null && !on.isBefore(g.startsOn()) && !on.isAfter(zones.today()), "measuredOn", "Range",
                        "planning.measurement.date", g.startsOn())
                .valid(in).orThrow();
        String note = Inputs.text(in.note());
        long id = jdbc.sql("""
                insert into goal_measurement (goal_id, measured_on, value, note, recorded_by) values (:g, :o, :v, :n, :by)
                returning id""").param("g", goalId).param("o", on).param("v", in.value()).param("n", note)
                .param("by", SystemActor.current()).query(Long.class).single();
        audit.record(Change.created("goal_measurement", id, schemeId, "Medición de " + g.name(),
                Map.of("goalId", goalId, "measuredOn", on.toString(), "value", in.value().toPlainString())));
        return new Recorded(id, on, in.value(), note);
    }

    @Transactional(readOnly = true)
    public List<Recorded> measurements(long goalId) {
        return jdbc.sql("""
                select id, measured_on, value, note from goal_measurement where goal_id = :g order by measured_on, id""")
                .param("g", goalId).query((rs, n) -> new Recorded(rs.getLong("id"),
                        rs.getObject("measured_on", LocalDate.class), Plans.plain(rs.getBigDecimal("value")),
                        rs.getString("note"))).list();
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
