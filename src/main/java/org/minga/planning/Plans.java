package org.minga.planning;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.minga.identity.Scopes;
import org.minga.planning.Indicators.Assessment;
import org.minga.planning.Indicators.Measurement;
import org.minga.planning.Indicators.Periodicity;
import org.minga.planning.Indicators.Status;
import org.minga.platform.AuditLog;
import org.minga.platform.AuditLog.Change;
import org.minga.platform.Checks;
import org.minga.platform.Inputs;
import org.minga.platform.NotFoundException;
import org.minga.platform.SystemActor;
import org.minga.registry.Schemes;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.SqlArrayValue;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A scheme's goals, one indicator each, and the dashboard of their statuses: what other modules
 * read of the plan. The vision, pillars and work plans are {@code internal.Strategy}; measurements
 * and links, {@code internal.GoalTracking}; the status itself is the pure {@link Indicators}.
 * Every write checks the scheme scope first and is audited in its transaction.
 */
@Service
public class Plans {

    /** A goal as it is entered: every text with its length, both figures within numeric(18, 4). */
    public record GoalInput(Long workPlanId, Long pillarId, @NotBlank @Size(max = 300) String name,
            @NotBlank @Size(max = 300) String indicator, @NotBlank @Size(max = 100) String unit,
            @Digits(integer = 14, fraction = 4) BigDecimal baseline, @Digits(integer = 14, fraction = 4) BigDecimal target,
            String periodicity, @NotNull LocalDate startsOn, LocalDate dueOn, @NotBlank @Size(max = 500) String source,
            @NotBlank @Size(max = 300) String responsible) {
    }

    public record Goal(long id, long schemeId, Long workPlanId, Long pillarId, String name, String indicator,
            String unit, BigDecimal baseline, BigDecimal target, Periodicity periodicity, LocalDate startsOn,
            LocalDate dueOn, String source, String responsible) {
    }

    public record GoalStatus(Goal goal, Assessment assessment, int measurements) {
    }

    /** Goal statuses on a date: one page of goals, and the counts over all of them. */
    public record Dashboard(long schemeId, LocalDate at, List<GoalStatus> goals, Map<Status, Integer> counts,
            int page, int size, int total) {

        public int pages() {
            return Math.max(1, (total + size - 1) / size);
        }
    }

    /** How many work plans and goals a scheme has. */
    public record Counts(int workPlans, int goals) {
    }

    private final JdbcClient jdbc;
    private final Scopes scopes;
    private final AuditLog audit;
    private final Schemes schemes;

    Plans(JdbcClient jdbc, Scopes scopes, AuditLog audit, Schemes schemes) {
        this.jdbc = jdbc;
        this.scopes = scopes;
        this.audit = audit;
        this.schemes = schemes;
    }

    @Transactional
    public Goal createGoal(long schemeId, GoalInput in) {
        scopes.requireSchemeWrite(schemeId);
        schemes.get(schemeId);
        Periodicity periodicity = Inputs.enumValue(Periodicity.class, in.periodicity());
        new Checks().valid(in)
                .rule(in.baseline() != null, "baseline", "NotNull", "planning.goal.baseline")
                .rule(in.target() != null && (in.baseline() == null || in.target().compareTo(in.baseline()) != 0),
                        "target", "DiffersFromBaseline", "planning.goal.target")
                .rule(periodicity != null, "periodicity", "OneOf", "planning.goal.periodicity")
                .rule(in.dueOn() != null && (in.startsOn() == null || in.dueOn().isAfter(in.startsOn())), "dueOn",
                        "AfterStart", "planning.goal.due")
                .rule(in.workPlanId() == null || exists("work_plan", schemeId, in.workPlanId()), "workPlanId", "Exists",
                        "planning.goal.workPlan")
                .rule(in.pillarId() == null || exists("plan_pillar", schemeId, in.pillarId()), "pillarId", "Exists",
                        "planning.goal.pillar")
                .orThrow();
        long id = jdbc.sql("""
                insert into plan_goal (scheme_id, work_plan_id, pillar_id, name, indicator, unit, baseline, target,
                  periodicity, starts_on, due_on, source, responsible, created_by)
                values (:s, :w, :p, :n, :i, :u, :b, :t, :per, :a, :d, :src, :r, :by) returning id""")
                .param("s", schemeId).param("w", in.workPlanId()).param("p", in.pillarId()).param("n", in.name().strip())
                .param("i", in.indicator().strip()).param("u", in.unit().strip()).param("b", in.baseline())
                .param("t", in.target()).param("per", periodicity.name()).param("a", in.startsOn()).param("d", in.dueOn())
                .param("src", in.source().strip()).param("r", in.responsible().strip()).param("by", SystemActor.current())
                .query(Long.class).single();
        Goal g = goal(schemeId, id);
        audit.record(Change.created("plan_goal", id, schemeId, "Meta " + g.name(), state(g)));
        return g;
    }

    private boolean exists(String table, long schemeId, long id) {
        return jdbc.sql("select exists (select 1 from " + table + " where id = :id and scheme_id = :s)")
                .param("id", id).param("s", schemeId).query(Boolean.class).single();
    }

    @Transactional(readOnly = true)
    public Goal goal(long schemeId, long goalId) {
        return goals(schemeId, List.of(goalId)).stream().findFirst()
                .orElseThrow(() -> new NotFoundException("meta", goalId));
    }

    private List<Goal> goals(long schemeId, List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                select id, scheme_id, work_plan_id, pillar_id, name, indicator, unit, baseline, target, periodicity,
                       starts_on, due_on, source, responsible
                from plan_goal where scheme_id = :s and id in (:ids) order by id""").param("s", schemeId)
                .param("ids", ids).query((rs, n) -> goal(rs)).list();
    }

    private static Goal goal(ResultSet rs) throws SQLException {
        return new Goal(rs.getLong("id"), rs.getLong("scheme_id"), rs.getObject("work_plan_id", Long.class),
                rs.getObject("pillar_id", Long.class), rs.getString("name"), rs.getString("indicator"),
                rs.getString("unit"), plain(rs.getBigDecimal("baseline")), plain(rs.getBigDecimal("target")),
                Periodicity.valueOf(rs.getString("periodicity")), rs.getObject("starts_on", LocalDate.class),
                rs.getObject("due_on", LocalDate.class), rs.getString("source"), rs.getString("responsible"));
    }

    /** The members whose development plan includes a goal of the scheme (RINDE: put the scheme in each member's plan). */
    @Transactional(readOnly = true)
    public List<String> membersWithDevelopmentPlanLinks(long schemeId) {
        return jdbc.sql("""
                select distinct l.unit_code from goal_link l join plan_goal g on g.id = l.goal_id
                where g.scheme_id = :s and l.kind = 'MEMBER_DEVELOPMENT_PLAN' and l.unit_code is not null
                order by l.unit_code""").param("s", schemeId).query(String.class).list();
    }

    /** How many work plans and goals the scheme has. */
    @Transactional(readOnly = true)
    public Counts counts(long schemeId) {
        return jdbc.sql("""
                select (select count(*) from work_plan where scheme_id = :s) as work_plans,
                       (select count(*) from plan_goal where scheme_id = :s) as goals""")
                .param("s", schemeId).query(Counts.class).single();
    }

    /** Every goal's status on a date (for the counts), with one page of goals in full. */
    @Transactional(readOnly = true)
    public Dashboard dashboard(long schemeId, LocalDate at, int page, int size) {
        schemes.get(schemeId);
        int pageSize = Math.max(1, Math.min(size, 100));
        List<GoalStatus> all = statuses(schemeId, at);
        Map<Status, Integer> counts = new EnumMap<>(Status.class);
        for (Status s : Status.values()) {
            counts.put(s, 0);
        }
        all.forEach(g -> counts.merge(g.assessment().status(), 1, Integer::sum));
        int from = Math.min(Math.max(0, page) * pageSize, all.size());
        return new Dashboard(schemeId, at, all.subList(from, Math.min(from + pageSize, all.size())), counts,
                Math.max(0, page), pageSize, all.size());
    }

    /**
     * All goals of the scheme with their status on a date, from the measurements in force (voided and
     * corrected ones left out); two queries whatever the number of goals.
     */
    @Transactional(readOnly = true)
    public List<GoalStatus> statuses(long schemeId, LocalDate at) {
        List<Goal> goals = jdbc.sql("""
                select id, scheme_id, work_plan_id, pillar_id, name, indicator, unit, baseline, target, periodicity,
                       starts_on, due_on, source, responsible
                from plan_goal where scheme_id = :s order by id""").param("s", schemeId).query((rs, n) -> goal(rs))
                .list();
        Map<Long, List<Measurement>> byGoal = new LinkedHashMap<>();
        if (!goals.isEmpty()) {
            jdbc.sql("""
                    select goal_id, measured_on, value from goal_measurement where goal_id in (:ids)
                      and voided_at is null order by measured_on, id""").param("ids", goals.stream().map(Goal::id).toList())
                    .query((rs, n) -> byGoal.computeIfAbsent(rs.getLong("goal_id"), k -> new ArrayList<>())
                            .add(new Measurement(rs.getObject("measured_on", LocalDate.class),
                                    plain(rs.getBigDecimal("value")))))
                    .list();
        }
        return goals.stream().map(g -> {
            List<Measurement> ms = byGoal.getOrDefault(g.id(), List.of());
            return new GoalStatus(g, Indicators.assess(g.baseline(), g.target(), g.startsOn(), g.dueOn(),
                    g.periodicity(), ms, at), ms.size());
        }).toList();
    }

    /**
     * The goals that concern one member, with their status on a date: those linked to the member's
     * own plans and those linked to one of the given projects (the projects that benefit it).
     */
    @Transactional(readOnly = true)
    public List<GoalStatus> statusesConcerning(long schemeId, LocalDate at, String unitCode, List<Long> projectIds) {
        List<Long> ids = jdbc.sql("""
                select distinct l.goal_id from goal_link l join plan_goal g on g.id = l.goal_id
                where g.scheme_id = :s and (l.unit_code = :u or l.project_id = any(:p))""").param("s", schemeId)
                .param("u", unitCode).param("p", new SqlArrayValue("bigint", projectIds.toArray())).query(Long.class).list();
        return statuses(schemeId, at).stream().filter(g -> ids.contains(g.goal().id())).toList();
    }

    /** Without trailing zeros, and never in exponent notation (30, not 3E+1). */
    public static BigDecimal plain(BigDecimal v) {
        BigDecimal s = v.stripTrailingZeros();
        return s.scale() < 0 ? s.setScale(0) : s;
    }

    private static Map<String, Object> state(Goal g) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", g.name());
        m.put("indicator", g.indicator());
        m.put("unit", g.unit());
        m.put("baseline", g.baseline().toPlainString());
        m.put("target", g.target().toPlainString());
        m.put("periodicity", g.periodicity().name());
        m.put("startsOn", g.startsOn().toString());
        m.put("dueOn", g.dueOn().toString());
        m.put("source", g.source());
        m.put("responsible", g.responsible());
        return m;
    }
}
