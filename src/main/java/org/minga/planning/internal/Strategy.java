package org.minga.planning.internal;

import java.time.LocalDate;
import java.util.Map;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.minga.identity.Scopes;
import org.minga.platform.AuditLog;
import org.minga.platform.AuditLog.Change;
import org.minga.platform.Checks;
import org.minga.platform.InvalidInputException;
import org.minga.platform.Inputs;
import org.minga.platform.SystemActor;
import org.minga.registry.Schemes;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The frame of a scheme's plan: the shared vision with its horizon, the strategic pillars and their
 * bets, and the work plans with their period. Goals hang from them (see {@code Plans}).
 */
@Service
public class Strategy {

    public record Vision(String name, String statement, int horizonYear) {
    }

    public record Pillar(long id, String name, String bets) {
    }

    public record WorkPlan(long id, String name, LocalDate startsOn, LocalDate endsOn, String objectives) {
    }

    /** The vision as it is entered; the horizon is a year from 2000 to 2100. */
    public record VisionInput(@NotBlank @Size(max = 300) String name, @NotBlank @Size(max = 4000) String statement,
            Integer horizonYear) {
    }

    public record PillarInput(@NotBlank @Size(max = 300) String name, @Size(max = 4000) String bets) {
    }

    public record WorkPlanInput(@NotBlank @Size(max = 300) String name, @NotNull LocalDate startsOn, LocalDate endsOn,
            @Size(max = 4000) String objectives) {
    }

    private final JdbcClient jdbc;
    private final Scopes scopes;
    private final AuditLog audit;
    private final Schemes schemes;

    Strategy(JdbcClient jdbc, Scopes scopes, AuditLog audit, Schemes schemes) {
        this.jdbc = jdbc;
        this.scopes = scopes;
        this.audit = audit;
        this.schemes = schemes;
    }

    @Transactional
    public Vision setVision(long schemeId, VisionInput in) {
        scopes.requireSchemeWrite(schemeId);
        schemes.get(schemeId);
        Integer year = in.horizonYear();
        new Checks().valid(in)
                .rule(year != null && year >= 2000 && year <= 2100, "horizonYear", "Range", "planning.vision.horizon")
                .orThrow();
        Vision before = vision(schemeId);
        Vision v = new Vision(in.name().strip(), in.statement().strip(), year);
        jdbc.sql("""
                insert into plan_vision (scheme_id, name, statement, horizon_year, updated_by) values (:s, :n, :t, :h, :by)
                on conflict (scheme_id) do update set name = excluded.name, statement = excluded.statement,
                  horizon_year = excluded.horizon_year, updated_by = excluded.updated_by, updated_at = now()""")
                .param("s", schemeId).param("n", v.name()).param("t", v.statement()).param("h", year)
                .param("by", SystemActor.current()).update();
        audit.record(before == null
                ? Change.created("plan_vision", schemeId, schemeId, "Visión " + v.name(), state(v))
                : Change.updated("plan_vision", schemeId, schemeId, "Visión " + v.name(), state(before), state(v)));
        return v;
    }

    @Transactional(readOnly = true)
    public Vision vision(long schemeId) {
        return jdbc.sql("select name, statement, horizon_year from plan_vision where scheme_id = :s").param("s", schemeId)
                .query(Vision.class).optional().orElse(null);
    }

    @Transactional
    public Pillar addPillar(long schemeId, PillarInput in) {
        scopes.requireSchemeWrite(schemeId);
        schemes.get(schemeId);
        Checks.require(in);
        String name = in.name().strip();
        if (pillars(schemeId).stream().anyMatch(p -> p.name().equalsIgnoreCase(name))) {
            throw new InvalidInputException("name", "Unique", "planning.pillar.duplicate", name);
        }
        String bets = Inputs.text(in.bets());
        long id = jdbc.sql("insert into plan_pillar (scheme_id, name, bets) values (:s, :n, :b) returning id")
                .param("s", schemeId).param("n", name).param("b", bets).query(Long.class).single();
        audit.record(Change.created("plan_pillar", id, schemeId, "Pilar " + name,
                Map.of("name", name, "bets", bets == null ? "" : bets)));
        return new Pillar(id, name, bets);
    }

    @Transactional(readOnly = true)
    public java.util.List<Pillar> pillars(long schemeId) {
        return jdbc.sql("select id, name, bets from plan_pillar where scheme_id = :s order by id").param("s", schemeId)
                .query(Pillar.class).list();
    }

    @Transactional
    public WorkPlan addWorkPlan(long schemeId, WorkPlanInput in) {
        scopes.requireSchemeWrite(schemeId);
        schemes.get(schemeId);
        LocalDate starts = in.startsOn();
        LocalDate ends = in.endsOn();
        new Checks().valid(in)
                .rule(ends != null && (starts == null || !ends.isBefore(starts)), "endsOn", "AfterStart",
                        "planning.workPlan.ends")
                .orThrow();
        String name = in.name().strip();
        if (workPlans(schemeId).stream().anyMatch(w -> w.name().equalsIgnoreCase(name))) {
            throw new InvalidInputException("name", "Unique", "planning.workPlan.duplicate", name);
        }
        String objectives = Inputs.text(in.objectives());
        long id = jdbc.sql("""
                insert into work_plan (scheme_id, name, starts_on, ends_on, objectives) values (:s, :n, :a, :b, :o)
                returning id""").param("s", schemeId).param("n", name).param("a", starts).param("b", ends)
                .param("o", objectives).query(Long.class).single();
        audit.record(Change.created("work_plan", id, schemeId, "Plan de trabajo " + name,
                Map.of("name", name, "startsOn", starts.toString(), "endsOn", ends.toString())));
        return new WorkPlan(id, name, starts, ends, objectives);
    }

    @Transactional(readOnly = true)
    public java.util.List<WorkPlan> workPlans(long schemeId) {
        return jdbc.sql("""
                select id, name, starts_on, ends_on, objectives from work_plan where scheme_id = :s
                order by starts_on desc, id""").param("s", schemeId).query(WorkPlan.class).list();
    }

    private static Map<String, Object> state(Vision v) {
        return Map.of("name", v.name(), "statement", v.statement(), "horizonYear", v.horizonYear());
    }
}
