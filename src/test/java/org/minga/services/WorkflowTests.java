package org.minga.services;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.minga.identity.Role;
import org.minga.platform.Checks;
import org.minga.services.CaseType.ItemDef;
import org.minga.services.CaseType.StateDef;
import org.minga.services.CaseType.TransitionDef;
import org.minga.services.Workflow.Decision;
import org.minga.services.Workflow.Facts;

/** The permit workflow's rules without a database: which step is allowed, to whom, and what blocks it. */
class WorkflowTests {

    static final List<String> TEAM = List.of("SCHEME_ADMIN", "SCHEME_STAFF");
    static final List<String> DIRECTOR = List.of("SCHEME_ADMIN");
    static final List<ItemDef> REQUIREMENTS = List.of(new ItemDef("APPLICATION", "Solicitud firmada"),
            new ItemDef("PLANS", "Planos del proyecto"));
    static final List<ItemDef> CHECKS = List.of(new ItemDef("TAX_SOLVENCY", "Solvencia"),
            new ItemDef("PLAN_CONSISTENCY", "Consistencia con el plan"));

    /** A small permit: new, visited, returned, to sign, delivered (which stops the clock). */
    static final CaseType PERMIT = new CaseType(1, 1, 1, "PERMISO", "Permiso", 30, "NEW",
            List.of(new StateDef("NEW", "Nuevo", false), new StateDef("VISITED", "Visitado", false),
                    new StateDef("RETURNED", "Devuelto", false), new StateDef("TO_SIGN", "Para firma", false),
                    new StateDef("DELIVERED", "Entregado", true)),
            List.of(new TransitionDef("NEW", "VISITED", TEAM, false, false, true),
                    new TransitionDef("VISITED", "RETURNED", TEAM, true, false, false),
                    new TransitionDef("VISITED", "TO_SIGN", TEAM, false, true, true),
                    new TransitionDef("TO_SIGN", "DELIVERED", DIRECTOR, false, true, true)),
            REQUIREMENTS, CHECKS);

    static final Set<String> ALL_MET = Set.of("APPLICATION", "PLANS");
    static final Map<String, Boolean> ALL_PASSED = Map.of("TAX_SOLVENCY", true, "PLAN_CONSISTENCY", true);

    final Workflow workflow = PERMIT.workflow();

    @Test
    void aStepThatDoesNotExistNamesTheStatesOneCanGoTo() {
        Decision d = workflow.decide("VISITED", "DELIVERED", Set.of(Role.SCHEME_ADMIN), new Facts(null, ALL_MET, ALL_PASSED));
        assertThat(d).isEqualTo(new Decision.NoSuchStep("VISITED", "DELIVERED", List.of("RETURNED", "TO_SIGN")));
    }

    @Test
    void onlyTheRolesTheStepNamesMayTakeItAndAPlatformAdministratorAlways() {
        Facts ready = new Facts(null, ALL_MET, ALL_PASSED);
        assertThat(workflow.decide("TO_SIGN", "DELIVERED", Set.of(Role.SCHEME_STAFF), ready))
                .isEqualTo(new Decision.RoleRefused("TO_SIGN", "DELIVERED", DIRECTOR));
        assertThat(workflow.decide("TO_SIGN", "DELIVERED", Set.of(Role.SCHEME_ADMIN), ready)).isInstanceOf(Decision.Allowed.class);
        assertThat(workflow.decide("TO_SIGN", "DELIVERED", Set.of(Role.PLATFORM_ADMIN), ready)).isInstanceOf(Decision.Allowed.class);
    }

    @Test
    void aStepIsBlockedByEveryRequirementMissingAndEveryCheckNotPassed() {
        Facts half = new Facts(null, Set.of("PLANS"), Map.of("TAX_SOLVENCY", false, "PLAN_CONSISTENCY", true));
        Decision d = workflow.decide("VISITED", "TO_SIGN", Set.of(Role.SCHEME_STAFF), half);
        assertThat(d).isEqualTo(new Decision.Blocked("TO_SIGN", false, List.of(REQUIREMENTS.getFirst()), List.of(CHECKS.getFirst())));
        // A check never recorded is as pending as a failed one.
        d = workflow.decide("VISITED", "TO_SIGN", Set.of(Role.SCHEME_STAFF), new Facts(null, ALL_MET, Map.of()));
        assertThat(((Decision.Blocked) d).pendingChecks()).isEqualTo(CHECKS);
    }

    @Test
    void returningNeedsAnObservationAndNothingElse() {
        assertThat(workflow.decide("VISITED", "RETURNED", Set.of(Role.SCHEME_STAFF), new Facts(" ", Set.of(), Map.of())))
                .isEqualTo(new Decision.Blocked("RETURNED", true, List.of(), List.of()));
        assertThat(workflow.decide("VISITED", "RETURNED", Set.of(Role.SCHEME_STAFF), new Facts("Falta plano", Set.of(), Map.of())))
                .isEqualTo(new Decision.Allowed(PERMIT.transitions().get(1), false));
    }

    @Test
    void deliveringStopsTheClock() {
        Decision d = workflow.decide("TO_SIGN", "DELIVERED", Set.of(Role.SCHEME_ADMIN), new Facts(null, ALL_MET, ALL_PASSED));
        assertThat(d).isEqualTo(new Decision.Allowed(PERMIT.transitions().get(3), true));
    }

    @Test
    void aDefinitionNeedsKnownDistinctStatesAndSchemeRoles() {
        Checks ok = new Checks();
        Workflow.check(PERMIT.states(), "NEW", PERMIT.transitions(), REQUIREMENTS, CHECKS, ok);
        assertThat(ok.violations()).isEmpty();

        Checks bad = new Checks();
        Workflow.check(List.of(new StateDef("NEW", "Nuevo", false), new StateDef("NEW", "Otra vez", false)), "DONE",
                List.of(new TransitionDef("NEW", "HIRED", List.of("SCHEME_STAFF"), false, false, false),
                        new TransitionDef("NEW", "NEW", List.of("PLATFORM_ADMIN"), false, false, false)),
                List.of(new ItemDef("a", "minúscula")), List.of(new ItemDef("X", " ")), bad);
        assertThat(bad.violations()).extracting(v -> v.field() + ":" + v.rule()).containsExactly("states:Valid",
                "initialState:OneOfStates", "transitions:Valid", "requirements:Valid", "checks:Valid");
    }
}
