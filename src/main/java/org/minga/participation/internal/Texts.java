package org.minga.participation.internal;

import java.util.List;

import org.minga.platform.InvalidInputException.Violation;

/** The checks every free-text field of this module shares. */
final class Texts {

    private Texts() {
    }

    /** The stripped text, or null after recording why it is refused. */
    static String required(String value, String field, int max, List<Violation> problems) {
        if (value == null || value.isBlank()) {
            problems.add(new Violation(field, "NotBlank", "participation.field.required"));
            return null;
        }
        String text = value.strip();
        if (text.length() > max) {
            problems.add(new Violation(field, "Size", "participation.field.size", max));
            return null;
        }
        return text;
    }

    static String optional(String value, String field, int max, List<Violation> problems) {
        return value == null || value.isBlank() ? null : required(value, field, max, problems);
    }
}
