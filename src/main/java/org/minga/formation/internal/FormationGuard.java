package org.minga.formation.internal;

import java.util.List;

import org.minga.platform.InvalidInputException;
import org.minga.platform.InvalidInputException.Violation;
import org.minga.registry.Scheme;

/** The route and the assessment are written while a scheme is being formed; afterwards they are its record. */
public final class FormationGuard {

    private FormationGuard() {
    }

    public static void requireInFormation(Scheme scheme, List<Violation> problems) {
        if (scheme.getStatus() != Scheme.Status.IN_FORMATION) {
            problems.add(new Violation("scheme", "InFormation", "formation.notInFormation", scheme.getName()));
        }
    }

    public static void throwIfAny(List<Violation> problems) {
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }

    /** The enum constant named by the text, or null when it names none. */
    public static <E extends Enum<E>> E parse(Class<E> type, String text) {
        if (text == null) {
            return null;
        }
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equalsIgnoreCase(text.strip())) {
                return constant;
            }
        }
        return null;
    }

    public static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    public static void checkSize(String field, String value, int max, List<Violation> problems) {
        if (value != null && value.strip().length() > max) {
            problems.add(new Violation(field, "Size", "formation.size", max));
        }
    }
}
