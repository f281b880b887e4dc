package org.minga.services;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.minga.identity.Role;
import org.minga.platform.Checks;
import org.minga.services.CaseType.ItemDef;
import org.minga.services.CaseType.StateDef;
import org.minga.services.CaseType.TransitionDef;

/**
 * A case type's rules, without a database: whether a case may move from one state to another,
 * given who asks and what the case file holds. Nothing here reads or writes; {@link Cases}
 * loads the facts, asks, and stores or refuses what this decides.
 */
public final class Workflow {

    /** Roles a transition may name: those granted within one scheme. */
    public static final Set<Role> SCHEME_ROLES = Set.of(Role.SCHEME_ADMIN, Role.SCHEME_STAFF, Role.MEMBER_OFFICIAL,
            Role.BOARD_MEMBER);

    /** What the case file holds that a step may need: the observation given, requirements met, checks recorded. */
    public record Facts(String observation, Set<String> metRequirements, Map<String, Boolean> checks) {

        boolean passed(String check) {
            return Boolean.TRUE.equals(checks.get(check));
        }
    }

    /** The answer to "may this case go there?". State codes, not names: the caller words the refusal. */
    public sealed interface Decision {

        /** The step is allowed; {@code stopsClock} when the new state completes the case. */
        record Allowed(TransitionDef step, boolean stopsClock) implements Decision {
        }

        /** There is no step from {@code from} to {@code to}; {@code allowed} are the states one can go to. */
        record NoSuchStep(String from, String to, List<String> allowed) implements Decision {
        }

        /** The step exists, but none of the asker's roles is among those it names. */
        record RoleRefused(String from, String to, List<String> roles) implements Decision {
        }

        /** The step needs what the case file lacks: an observation, requirements, passed checks. */
        record Blocked(String to, boolean observationMissing, List<ItemDef> missingRequirements, List<ItemDef> pendingChecks)
                implements Decision {
        }
    }

    private final CaseType type;

    public Workflow(CaseType type) {
        this.type = type;
    }

    /**
     * Decides a step in this order: the step must exist, one of the roles must be named by it (a
     * platform administrator may always), and then every need of the step must be met.
     */
    public Decision decide(String from, String to, Set<Role> roles, Facts facts) {
        Optional<TransitionDef> step = type.from(from).stream().filter(t -> t.to().equals(to)).findFirst();
        if (step.isEmpty()) {
            return new Decision.NoSuchStep(from, to, type.from(from).stream().map(TransitionDef::to).toList());
        }
        TransitionDef t = step.get();
        if (!roles.contains(Role.PLATFORM_ADMIN) && roles.stream().noneMatch(r -> t.roles().contains(r.name()))) {
            return new Decision.RoleRefused(from, to, t.roles());
        }
        boolean observationMissing = t.needsObservation() && (facts.observation() == null || facts.observation().isBlank());
        List<ItemDef> missing = t.needsRequirements()
                ? type.requirements().stream().filter(r -> !facts.metRequirements().contains(r.code())).toList()
                : List.of();
        List<ItemDef> pending = t.needsChecks() ? type.checks().stream().filter(k -> !facts.passed(k.code())).toList() : List.of();
        if (observationMissing || !missing.isEmpty() || !pending.isEmpty()) {
            return new Decision.Blocked(to, observationMissing, missing, pending);
        }
        return new Decision.Allowed(t, type.stopsClock(to));
    }

    /**
     * The rules of a well-formed definition: codes in capitals, states unique, an initial state among
     * them, each transition between two distinct known states once and naming scheme roles, and
     * requirement and check codes unique. Adds what is broken to {@code checks}.
     */
    public static void check(List<StateDef> states, String initialState, List<TransitionDef> transitions,
            List<ItemDef> requirements, List<ItemDef> checksToRecord, Checks checks) {
        Set<String> codes = new HashSet<>();
        boolean statesOk = states.stream().allMatch(s -> s != null && s.code() != null && s.code().matches("[A-Z][A-Z_]{1,29}")
                && s.name() != null && !s.name().isBlank() && codes.add(s.code()));
        checks.rule(statesOk, "states", "Valid", "services.caseType.states");
        checks.rule(!states.isEmpty(), "states", "NotEmpty", "services.caseType.states");
        checks.rule(initialState != null && codes.contains(initialState), "initialState", "OneOfStates",
                "services.caseType.initialState");
        Set<String> pairs = new HashSet<>();
        checks.rule(transitions.stream().allMatch(t -> t != null && codes.contains(t.from()) && codes.contains(t.to())
                && !t.from().equals(t.to()) && pairs.add(t.from() + ">" + t.to()) && t.roles() != null && !t.roles().isEmpty()
                && t.roles().stream().allMatch(r -> SCHEME_ROLES.stream().anyMatch(x -> x.name().equals(r)))), "transitions",
                "Valid", "services.caseType.transitions");
        checks.rule(items(requirements), "requirements", "Valid", "services.caseType.items");
        checks.rule(items(checksToRecord), "checks", "Valid", "services.caseType.items");
    }

    private static boolean items(List<ItemDef> items) {
        Set<String> codes = new HashSet<>();
        return items.stream().allMatch(i -> i != null && i.code() != null && i.code().matches("[A-Z][A-Z0-9_]{0,29}")
                && i.label() != null && !i.label().isBlank() && codes.add(i.code()));
    }
}
