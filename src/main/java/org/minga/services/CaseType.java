package org.minga.services;

import java.util.List;

/**
 * A kind of case (trámite) and the workflow it defines: its states (some stop the clock), the
 * steps allowed between them and by which roles, a requirements checklist and the checks that
 * gate steps, and the target days that give each case its due date. {@link #workflow()} answers
 * what a case of this type may do.
 */
public record CaseType(long id, long schemeId, long serviceLineId, String code, String name, int targetDays,
        String initialState, List<StateDef> states, List<TransitionDef> transitions, List<ItemDef> requirements,
        List<ItemDef> checks) {

    public record StateDef(String code, String name, Boolean stopsClock) {
        public StateDef {
            stopsClock = Boolean.TRUE.equals(stopsClock);
        }
    }

    /** A step allowed from one state to another, by the roles named; the flags left out are false. */
    public record TransitionDef(String from, String to, List<String> roles, Boolean needsObservation, Boolean needsChecks,
            Boolean needsRequirements) {
        public TransitionDef {
            needsObservation = Boolean.TRUE.equals(needsObservation);
            needsChecks = Boolean.TRUE.equals(needsChecks);
            needsRequirements = Boolean.TRUE.equals(needsRequirements);
        }
    }

    /** A requirement of the checklist or a check, by code, with the words people read. */
    public record ItemDef(String code, String label) {
    }

    public String stateName(String code) {
        return states.stream().filter(s -> s.code().equals(code)).map(StateDef::name).findFirst().orElse(code);
    }

    public List<TransitionDef> from(String state) {
        return transitions.stream().filter(t -> t.from().equals(state)).toList();
    }

    public boolean stopsClock(String state) {
        return states.stream().anyMatch(s -> s.code().equals(state) && s.stopsClock());
    }

    public boolean hasRequirement(String code) {
        return code != null && requirements.stream().anyMatch(r -> r.code().equals(code));
    }

    public boolean hasCheck(String code) {
        return code != null && checks.stream().anyMatch(k -> k.code().equals(code));
    }

    public Workflow workflow() {
        return new Workflow(this);
    }
}
