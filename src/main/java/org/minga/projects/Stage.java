package org.minga.projects;

import java.util.ArrayList;
import java.util.List;

/**
 * The stages of a project in the bank (catatumbo L579–667: from the idea to the closing of the
 * contract). The main line goes one step at a time; any stage that is not final may be suspended
 * or discarded; a suspended project resumes at the stage it was suspended from.
 */
public enum Stage {
    IDEA("Idea"), PROFILE("Perfil"), PRE_INVESTMENT("Preinversión"), FORMULATED("Formulado"), VIABLE("Viable"),
    APPROVED("Aprobado"), CONTRACTED("Contratado"), IN_EXECUTION("En ejecución"), FINISHED("Terminado"),
    CLOSED("Cerrado"), SUSPENDED("Suspendido"), DISCARDED("Descartado");

    private final String label;

    Stage(String label) {
        this.label = label;
    }

    /** The Spanish name, as the rules of the bank use it. */
    public String label() {
        return label;
    }

    public boolean isFinal() {
        return this == CLOSED || this == DISCARDED;
    }

    /** The stages of the main line, in order. */
    public static List<Stage> mainLine() {
        return List.of(IDEA, PROFILE, PRE_INVESTMENT, FORMULATED, VIABLE, APPROVED, CONTRACTED, IN_EXECUTION,
                FINISHED, CLOSED);
    }

    /**
     * The stages this one may move to; {@code suspendedFrom} is the stage a suspended project left
     * (ignored for other stages).
     */
    public List<Stage> next(Stage suspendedFrom) {
        List<Stage> next = new ArrayList<>();
        if (isFinal()) {
            return next;
        }
        if (this == SUSPENDED) {
            if (suspendedFrom != null && suspendedFrom != SUSPENDED) {
                next.add(suspendedFrom);
            }
            next.add(DISCARDED);
            return next;
        }
        List<Stage> line = mainLine();
        next.add(line.get(line.indexOf(this) + 1));
        next.add(SUSPENDED);
        next.add(DISCARDED);
        return next;
    }

    public static Stage parse(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        for (Stage s : values()) {
            if (s.name().equalsIgnoreCase(v) || s.label.equalsIgnoreCase(v)) {
                return s;
            }
        }
        return null;
    }
}
