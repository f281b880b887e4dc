package org.minga.projects.internal.calls;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.minga.platform.InvalidInputException.Violation;

/** Small checks shared by the calls and cooperants services. */
final class Validation {

    private Validation() {
    }

    static String text(String field, String value, boolean required, int max, String prefix, List<Violation> problems) {
        if (value == null || value.isBlank()) {
            if (required) {
                problems.add(new Violation(field, "Required", prefix + "." + field + ".required"));
            }
            return null;
        }
        if (value.strip().length() > max) {
            problems.add(new Violation(field, "Size", prefix + "." + field + ".size", max));
            return null;
        }
        return value.strip();
    }

    /** Theme codes, upper-cased and without repeats; unknown codes are a violation. */
    static List<String> themes(String field, List<String> values, boolean required, String prefix,
            List<Violation> problems) {
        Set<String> out = new LinkedHashSet<>();
        for (String v : values == null ? List.<String>of() : values) {
            if (v == null || v.isBlank()) {
                continue;
            }
            var t = Themes.of(v);
            if (t.isEmpty()) {
                problems.add(new Violation(field, "OneOf", prefix + "." + field + ".oneOf", v.strip()));
                return List.of();
            }
            out.add(t.get().name());
        }
        if (required && out.isEmpty()) {
            problems.add(new Violation(field, "Required", prefix + "." + field + ".required"));
        }
        return new ArrayList<>(out);
    }

    /** Unit codes: DIVIPOLA (2 or 5 digits) or Salvadoran (D + 3 digits, M + 2). */
    static List<String> units(String field, List<String> values, String prefix, List<Violation> problems) {
        Set<String> out = new LinkedHashSet<>();
        for (String v : values == null ? List.<String>of() : values) {
            if (v == null || v.isBlank()) {
                continue;
            }
            String c = v.strip().toUpperCase();
            if (!c.matches("\\d{2}|\\d{5}|D\\d{3}|M\\d{2}")) {
                problems.add(new Violation(field, "Pattern", prefix + "." + field + ".pattern", v.strip()));
                return List.of();
            }
            out.add(c);
        }
        return new ArrayList<>(out);
    }

    static String currency(String field, String value, boolean required, String prefix, List<Violation> problems) {
        if (value == null || value.isBlank()) {
            if (required) {
                problems.add(new Violation(field, "Required", prefix + "." + field + ".required"));
            }
            return null;
        }
        String c = value.strip().toUpperCase();
        if (!c.equals("COP") && !c.equals("USD")) {
            problems.add(new Violation(field, "OneOf", prefix + "." + field + ".oneOf"));
            return null;
        }
        return c;
    }
}
