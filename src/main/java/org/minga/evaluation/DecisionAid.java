package org.minga.evaluation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.minga.identity.Scopes;
import org.minga.planning.Plans;
import org.minga.platform.AuditLog;
import org.minga.platform.AuditLog.Change;
import org.minga.platform.Checks;
import org.minga.platform.Inputs;
import org.minga.platform.SystemActor;
import org.minga.platform.Zones;
import org.minga.registry.SchemeFacts;
import org.minga.registry.Schemes;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * RINDE's decision aid (rinde L51–91): a scheme "vigente y para continuar" reconvenes, adjusts, is
 * put in each member's development plan and works by a plan with goals and follow-up; one that "ya
 * no es vigente" prepares its dissolution and liquidation and foresees future alliances. A guided
 * checklist: each step is marked done with its evidence; some steps show evidence from live data.
 */
@Service
public class DecisionAid {

    public enum Route { CONTINUE, DISSOLVE }

    public enum Item {
        RECONVENE(Route.CONTINUE), ADJUST(Route.CONTINUE), DEVELOPMENT_PLANS(Route.CONTINUE), WORK_PLAN(Route.CONTINUE),
        DISSOLUTION_ROUTE(Route.DISSOLVE), FUTURE_ALLIANCES(Route.DISSOLVE), JOINT_NEEDS(Route.DISSOLVE);

        private final Route route;

        Item(Route route) {
            this.route = route;
        }

        public Route route() {
            return route;
        }
    }

    /** A step with what was recorded and, where the data say something, the live evidence (message key and arguments). */
    public record Step(Item item, boolean done, String evidence,
            @org.minga.platform.web.MessageText(args = "liveArgs", text = "liveText") String liveKey, List<Object> liveArgs) {
    }

    /**
     * The checklist and the route the health index suggests (continue from 40 up); no route while
     * fewer than {@link #MIN_COMPONENTS} components have data ({@code enoughData} false), so a
     * scheme just registered is never told to dissolve for what it has not yet had time to record.
     */
    public record Checklist(Route suggested, Double index, boolean enoughData, int componentsWithData,
            int componentsNeeded, List<Step> steps) {
    }

    /** How many components of the health index need data before the aid suggests a route. */
    public static final int MIN_COMPONENTS = 3;

    /** A step as recorded: done or not, and its evidence. */
    private record Saved(String item, boolean done, String evidence) {
    }

    private final JdbcClient jdbc;
    private final Scopes scopes;
    private final AuditLog audit;
    private final Schemes schemes;
    private final Plans plans;
    private final SchemeFacts facts;
    private final Zones zones;

    DecisionAid(JdbcClient jdbc, Scopes scopes, AuditLog audit, Schemes schemes, Plans plans, SchemeFacts facts,
            Zones zones) {
        this.jdbc = jdbc;
        this.scopes = scopes;
        this.audit = audit;
        this.schemes = schemes;
        this.plans = plans;
        this.facts = facts;
        this.zones = zones;
    }

    @Transactional(readOnly = true)
    public Checklist checklist(long schemeId, HealthIndex.Result health) {
        schemes.get(schemeId);
        Map<String, Saved> saved = new LinkedHashMap<>();
        jdbc.sql("select item, done, evidence from evaluation_checklist where scheme_id = :s").param("s", schemeId)
                .query(Saved.class).list().forEach(s -> saved.put(s.item(), s));
        int members = facts.members(schemeId, zones.today()).size();
        int inPlans = plans.membersWithDevelopmentPlanLinks(schemeId).size();
        Plans.Counts counts = plans.counts(schemeId);
        List<Step> steps = new ArrayList<>();
        for (Item i : Item.values()) {
            Saved s = saved.getOrDefault(i.name(), new Saved(i.name(), false, null));
            String key = null;
            List<Object> args = List.of();
            if (i == Item.DEVELOPMENT_PLANS) {
                key = "evaluation.live.developmentPlans";
                args = List.of(inPlans, members);
            } else if (i == Item.WORK_PLAN) {
                key = "evaluation.live.workPlan";
                args = List.of(counts.workPlans(), counts.goals());
            }
            steps.add(new Step(i, s.done(), s.evidence(), key, args));
        }
        int withData = (int) health.components().stream().filter(c -> c.score() != null).count();
        boolean enough = health.index() != null && withData >= MIN_COMPONENTS;
        Route suggested = !enough ? null : health.index() >= 40 ? Route.CONTINUE : Route.DISSOLVE;
        return new Checklist(suggested, health.index(), enough, withData, MIN_COMPONENTS, steps);
    }

    @Transactional
    public void mark(long schemeId, String item, boolean done, String evidence) {
        scopes.requireSchemeWrite(schemeId);
        schemes.get(schemeId);
        Item i = Inputs.enumValue(Item.class, item);
        Checks checks = new Checks().rule(i != null, "item", "OneOf", "evaluation.checklist.item");
        String ev = checks.optionalText("evidence", evidence, 4000);
        checks.rule(!done || ev != null, "evidence", "NotBlank", "evaluation.checklist.evidence").orThrow();
        var before = jdbc.sql("select item, done, evidence from evaluation_checklist where scheme_id = :s and item = :i")
                .param("s", schemeId).param("i", i.name()).query(Saved.class).optional()
                .map(s -> Map.<String, Object>of("done", s.done(), "evidence", s.evidence() == null ? "" : s.evidence()));
        jdbc.sql("""
                insert into evaluation_checklist (scheme_id, item, done, evidence, updated_by) values (:s, :i, :d, :e, :by)
                on conflict (scheme_id, item) do update set done = excluded.done, evidence = excluded.evidence,
                  updated_by = excluded.updated_by, updated_at = now()""").param("s", schemeId).param("i", i.name())
                .param("d", done).param("e", ev).param("by", SystemActor.current()).update();
        Map<String, Object> after = Map.of("done", done, "evidence", ev == null ? "" : ev);
        audit.record(before.isPresent()
                ? Change.updated("evaluation_checklist", schemeId + "/" + i.name(), schemeId, "Paso RINDE " + i.name(), before.get(), after)
                : Change.created("evaluation_checklist", schemeId + "/" + i.name(), schemeId, "Paso RINDE " + i.name(), after));
    }
}
