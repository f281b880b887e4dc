package org.minga.planning;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.minga.identity.Scopes;
import org.minga.planning.Indicators.Assessment;
import org.minga.planning.Indicators.Measurement;
import org.minga.planning.Indicators.Periodicity;
import org.minga.planning.Indicators.Status;
import org.minga.platform.AuditLog;
import org.minga.platform.AuditLog.Change;
import org.minga.platform.InvalidInputException;
import org.minga.platform.InvalidInputException.Violation;
import org.minga.platform.NotFoundException;
import org.minga.platform.SystemActor;
import org.minga.projects.ProjectDigest;
import org.minga.registry.Schemes;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A scheme's plan: the shared vision with its horizon, strategic pillars and bets, work plans, and
 * goals with one indicator each, their measurements and links; the dashboard of goal statuses.
 * Every write checks the scheme scope first and is audited in its transaction.
 */
@Service
public class Plans {

    public enum LinkKind { NATIONAL_DEVELOPMENT_PLAN, MEMBER_DEVELOPMENT_PLAN, LAND_USE_PLAN, PATR, PDT, PROJECT }

    public record Vision(String name, String statement, int horizonYear) {
    }

    public record Pillar(long id, String name, String bets) {
    }

    public record WorkPlan(long id, String name, LocalDate startsOn, LocalDate endsOn, String objectives) {
    }

    public record GoalInput(Long workPlanId, Long pillarId, String name, String indicator, String unit,
            BigDecimal baseline, BigDecimal target, String periodicity, LocalDate startsOn, LocalDate dueOn,
            String source, String responsible) {
    }

    public record Goal(long id, long schemeId, Long workPlanId, Long pillarId, String name, String indicator,
            String unit, BigDecimal baseline, BigDecimal target, Periodicity periodicity, LocalDate startsOn,
            LocalDate dueOn, String source, String responsible) {
    }

    public record Recorded(long id, LocalDate on, BigDecimal value, String note) {
    }

    public record Link(long id, LinkKind kind, String reference, String unitCode, Long projectId) {
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

    private final JdbcClient jdbc;
    private final Scopes scopes;
    private final AuditLog audit;
    private final Schemes schemes;
    private final ProjectDigest projects;

    Plans(JdbcClient jdbc, Scopes scopes, AuditLog audit, Schemes schemes, ProjectDigest projects) {
        this.jdbc = jdbc;
        this.scopes = scopes;
        this.audit = audit;
        this.schemes = schemes;
        this.projects = projects;
    }

    // ---- vision, pillars, work plans ---------------------------------------------------------

    @Transactional
    public Vision setVision(long schemeId, String name, String statement, Integer horizonYear) {
        scopes.requireSchemeWrite(schemeId);
        schemes.get(schemeId);
        List<Violation> errors = new ArrayList<>();
        required(name, "name", errors);
        required(statement, "statement", errors);
        if (horizonYear == null || horizonYear < 2000 || horizonYear > 2100) {
            errors.add(new Violation("horizonYear", "Range", "planning.vision.horizon"));
        }
        fail(errors);
        Vision before = vision(schemeId);
        jdbc.sql("""
                insert into plan_vision (scheme_id, name, statement, horizon_year, updated_by) values (:s, :n, :t, :h, :by)
                on conflict (scheme_id) do update set name = excluded.name, statement = excluded.statement,
                  horizon_year = excluded.horizon_year, updated_by = excluded.updated_by, updated_at = now()""")
                .param("s", schemeId).param("n", name.strip()).param("t", statement.strip()).param("h", horizonYear)
                .param("by", SystemActor.current()).update();
        Vision v = new Vision(name.strip(), statement.strip(), horizonYear);
        audit.record(before == null
                ? Change.created("plan_vision", schemeId, schemeId, "Visión " + v.name(), state(v))
                : Change.updated("plan_vision", schemeId, schemeId, "Visión " + v.name(), state(before), state(v)));
        return v;
    }

    @Transactional(readOnly = true)
    public Vision vision(long schemeId) {
        return jdbc.sql("select name, statement, horizon_year from plan_vision where scheme_id = :s").param("s", schemeId)
                .query((rs, n) -> new Vision(rs.getString(1), rs.getString(2), rs.getInt(3))).optional().orElse(null);
    }

    @Transactional
    public Pillar addPillar(long schemeId, String name, String bets) {
        scopes.requireSchemeWrite(schemeId);
        schemes.get(schemeId);
        List<Violation> errors = new ArrayList<>();
        required(name, "name", errors);
        fail(errors);
        if (pillars(schemeId).stream().anyMatch(p -> p.name().equalsIgnoreCase(name.strip()))) {
            throw new InvalidInputException("name", "Unique", "planning.pillar.duplicate", name.strip());
        }
        long id = jdbc.sql("insert into plan_pillar (scheme_id, name, bets) values (:s, :n, :b) returning id")
                .param("s", schemeId).param("n", name.strip()).param("b", blankToNull(bets)).query(Long.class).single();
        Pillar p = new Pillar(id, name.strip(), blankToNull(bets));
        audit.record(Change.created("plan_pillar", id, schemeId, "Pilar " + p.name(),
                Map.of("name", p.name(), "bets", p.bets() == null ? "" : p.bets())));
        return p;
    }

    @Transactional(readOnly = true)
    public List<Pillar> pillars(long schemeId) {
        return jdbc.sql("select id, name, bets from plan_pillar where scheme_id = :s order by id").param("s", schemeId)
                .query((rs, n) -> new Pillar(rs.getLong(1), rs.getString(2), rs.getString(3))).list();
    }

    @Transactional
    public WorkPlan addWorkPlan(long schemeId, String name, LocalDate startsOn, LocalDate endsOn, String objectives) {
        scopes.requireSchemeWrite(schemeId);
        schemes.get(schemeId);
        List<Violation> errors = new ArrayList<>();
        required(name, "name", errors);
        if (startsOn == null) {
            errors.add(new Violation("startsOn", "NotNull", "planning.date.required"));
        }
        if (endsOn == null || startsOn != null && endsOn.isBefore(startsOn)) {
            errors.add(new Violation("endsOn", "AfterStart", "planning.workPlan.ends"));
        }
        fail(errors);
        if (workPlans(schemeId).stream().anyMatch(w -> w.name().equalsIgnoreCase(name.strip()))) {
            throw new InvalidInputException("name", "Unique", "planning.workPlan.duplicate", name.strip());
        }
        long id = jdbc.sql("""
                insert into work_plan (scheme_id, name, starts_on, ends_on, objectives) values (:s, :n, :a, :b, :o)
                returning id""").param("s", schemeId).param("n", name.strip()).param("a", startsOn).param("b", endsOn)
                .param("o", blankToNull(objectives)).query(Long.class).single();
        WorkPlan w = new WorkPlan(id, name.strip(), startsOn, endsOn, blankToNull(objectives));
        audit.record(Change.created("work_plan", id, schemeId, "Plan de trabajo " + w.name(),
                Map.of("name", w.name(), "startsOn", startsOn.toString(), "endsOn", endsOn.toString())));
        return w;
    }

    @Transactional(readOnly = true)
    public List<WorkPlan> workPlans(long schemeId) {
        return jdbc.sql("select id, name, starts_on, ends_on, objectives from work_plan where scheme_id = :s order by starts_on desc, id")
                .param("s", schemeId).query((rs, n) -> new WorkPlan(rs.getLong(1), rs.getString(2),
                        rs.getDate(3).toLocalDate(), rs.getDate(4).toLocalDate(), rs.getString(5))).list();
    }

    // ---- goals, measurements, links ----------------------------------------------------------

    @Transactional
    public Goal createGoal(long schemeId, GoalInput in) {
        scopes.requireSchemeWrite(schemeId);
        schemes.get(schemeId);
        List<Violation> errors = new ArrayList<>();
        required(in.name(), "name", errors);
        required(in.indicator(), "indicator", errors);
        required(in.unit(), "unit", errors);
        required(in.source(), "source", errors);
        required(in.responsible(), "responsible", errors);
        if (in.baseline() == null) {
            errors.add(new Violation("baseline", "NotNull", "planning.goal.baseline"));
        }
        if (in.target() == null || in.baseline() != null && in.target().compareTo(in.baseline()) == 0) {
            errors.add(new Violation("target", "DiffersFromBaseline", "planning.goal.target"));
        }
        Periodicity periodicity = null;
        try {
            periodicity = Periodicity.valueOf(in.periodicity() == null ? "" : in.periodicity().strip());
        } catch (IllegalArgumentException e) {
            errors.add(new Violation("periodicity", "OneOf", "planning.goal.periodicity"));
        }
        if (in.startsOn() == null) {
            errors.add(new Violation("startsOn", "NotNull", "planning.date.required"));
        }
        if (in.dueOn() == null || in.startsOn() != null && !in.dueOn().isAfter(in.startsOn())) {
            errors.add(new Violation("dueOn", "AfterStart", "planning.goal.due"));
        }
        if (in.workPlanId() != null && workPlans(schemeId).stream().noneMatch(w -> w.id() == in.workPlanId())) {
            errors.add(new Violation("workPlanId", "Exists", "planning.goal.workPlan"));
        }
        if (in.pillarId() != null && pillars(schemeId).stream().noneMatch(p -> p.id() == in.pillarId())) {
            errors.add(new Violation("pillarId", "Exists", "planning.goal.pillar"));
        }
        fail(errors);
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
                .param("ids", ids)
                .query((rs, n) -> new Goal(rs.getLong(1), rs.getLong(2), rs.getObject(3, Long.class),
                        rs.getObject(4, Long.class), rs.getString(5), rs.getString(6), rs.getString(7),
                        plain(rs.getBigDecimal(8)), plain(rs.getBigDecimal(9)),
                        Periodicity.valueOf(rs.getString(10)), rs.getDate(11).toLocalDate(), rs.getDate(12).toLocalDate(),
                        rs.getString(13), rs.getString(14))).list();
    }

    @Transactional
    public Recorded measure(long schemeId, long goalId, LocalDate on, BigDecimal value, String note) {
        scopes.requireSchemeWrite(schemeId);
        Goal g = goal(schemeId, goalId);
        List<Violation> errors = new ArrayList<>();
        if (on == null || on.isBefore(g.startsOn()) || on.isAfter(LocalDate.now())) {
            errors.add(new Violation("measuredOn", "Range", "planning.measurement.date", g.startsOn()));
        }
        if (value == null) {
            errors.add(new Violation("value", "NotNull", "planning.measurement.value"));
        }
        fail(errors);
        long id = jdbc.sql("""
                insert into goal_measurement (goal_id, measured_on, value, note, recorded_by) values (:g, :o, :v, :n, :by)
                returning id""").param("g", goalId).param("o", on).param("v", value).param("n", blankToNull(note))
                .param("by", SystemActor.current()).query(Long.class).single();
        audit.record(Change.created("goal_measurement", id, schemeId, "Medición de " + g.name(),
                Map.of("goalId", goalId, "measuredOn", on.toString(), "value", value.toPlainString())));
        return new Recorded(id, on, value, blankToNull(note));
    }

    @Transactional(readOnly = true)
    public List<Recorded> measurements(long goalId) {
        return jdbc.sql("select id, measured_on, value, note from goal_measurement where goal_id = :g order by measured_on, id")
                .param("g", goalId).query((rs, n) -> new Recorded(rs.getLong(1), rs.getDate(2).toLocalDate(),
                        plain(rs.getBigDecimal(3)), rs.getString(4))).list();
    }

    @Transactional
    public Link link(long schemeId, long goalId, String kind, String reference, String unitCode, Long projectId) {
        scopes.requireSchemeWrite(schemeId);
        goal(schemeId, goalId);
        List<Violation> errors = new ArrayList<>();
        LinkKind k = null;
        try {
            k = LinkKind.valueOf(kind == null ? "" : kind.strip());
        } catch (IllegalArgumentException e) {
            errors.add(new Violation("kind", "OneOf", "planning.link.kind"));
        }
        if (k == LinkKind.PROJECT) {
            if (projectId == null || !projects.exists(schemeId, projectId)) {
                errors.add(new Violation("projectId", "Exists", "planning.link.project"));
            }
        } else {
            required(reference, "reference", errors);
            if ((k == LinkKind.MEMBER_DEVELOPMENT_PLAN || k == LinkKind.LAND_USE_PLAN)
                    && (unitCode == null || unitCode.isBlank())) {
                errors.add(new Violation("unitCode", "NotBlank", "planning.link.unit"));
            }
        }
        fail(errors);
        String ref = k == LinkKind.PROJECT && (reference == null || reference.isBlank()) ? "#" + projectId : reference.strip();
        long id = jdbc.sql("""
                insert into goal_link (goal_id, kind, reference, unit_code, project_id) values (:g, :k, :r, :u, :p)
                returning id""").param("g", goalId).param("k", k.name()).param("r", ref)
                .param("u", blankToNull(unitCode)).param("p", k == LinkKind.PROJECT ? projectId : null)
                .query(Long.class).single();
        audit.record(Change.created("goal_link", id, schemeId, "Vínculo de meta " + goalId,
                Map.of("kind", k.name(), "reference", ref)));
        return new Link(id, k, ref, blankToNull(unitCode), k == LinkKind.PROJECT ? projectId : null);
    }

    @Transactional(readOnly = true)
    public List<Link> links(long goalId) {
        return jdbc.sql("select id, kind, reference, unit_code, project_id from goal_link where goal_id = :g order by id")
                .param("g", goalId).query((rs, n) -> new Link(rs.getLong(1), LinkKind.valueOf(rs.getString(2)),
                        rs.getString(3), rs.getString(4), rs.getObject(5, Long.class))).list();
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
    public int[] workPlansAndGoals(long schemeId) {
        return jdbc.sql("select (select count(*) from work_plan where scheme_id = :s), (select count(*) from plan_goal where scheme_id = :s)")
                .param("s", schemeId).query((rs, n) -> new int[] {rs.getInt(1), rs.getInt(2)}).single();
    }

    // ---- dashboard ---------------------------------------------------------------------------

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

    /** All goals of the scheme with their status on a date; two queries whatever the number of goals. */
    @Transactional(readOnly = true)
    public List<GoalStatus> statuses(long schemeId, LocalDate at) {
        List<Long> ids = jdbc.sql("select id from plan_goal where scheme_id = :s order by id").param("s", schemeId)
                .query(Long.class).list();
        List<Goal> goals = goals(schemeId, ids);
        Map<Long, List<Measurement>> byGoal = new LinkedHashMap<>();
        if (!ids.isEmpty()) {
            jdbc.sql("select goal_id, measured_on, value from goal_measurement where goal_id in (:ids) order by measured_on, id")
                    .param("ids", ids).query((rs, n) -> {
                        byGoal.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                                .add(new Measurement(rs.getDate(2).toLocalDate(), plain(rs.getBigDecimal(3))));
                        return null;
                    }).list();
        }
        return goals.stream().map(g -> {
            List<Measurement> ms = byGoal.getOrDefault(g.id(), List.of());
            return new GoalStatus(g, Indicators.assess(g.baseline(), g.target(), g.startsOn(), g.dueOn(),
                    g.periodicity(), ms, at), ms.size());
        }).toList();
    }

    // ---- helpers -----------------------------------------------------------------------------

    /** Without trailing zeros, and never in exponent notation (30, not 3E+1). */
    private static BigDecimal plain(BigDecimal v) {
        BigDecimal s = v.stripTrailingZeros();
        return s.scale() < 0 ? s.setScale(0) : s;
    }

    private static void required(String value, String field, List<Violation> errors) {
        if (value == null || value.isBlank()) {
            errors.add(new Violation(field, "NotBlank", "planning." + field + ".required"));
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

    private static Map<String, Object> state(Vision v) {
        return Map.of("name", v.name(), "statement", v.statement(), "horizonYear", v.horizonYear());
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
