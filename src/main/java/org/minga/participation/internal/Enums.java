package org.minga.participation.internal;

import java.util.List;
import java.util.Locale;

import org.minga.platform.InvalidInputException.Violation;

/** Reads an enum constant from a form or a request, naming the field when it is missing or unknown. */
final class Enums {

    private Enums() {
    }

    static <E extends Enum<E>> E parse(Class<E> type, String value, String field, String messageKey,
            List<Violation> problems) {
        if (value == null || value.isBlank()) {
            problems.add(new Violation(field, "Required", messageKey));
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            problems.add(new Violation(field, "OneOf", messageKey));
            return null;
        }
    }
}
