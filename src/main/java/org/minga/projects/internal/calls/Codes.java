package org.minga.projects.internal.calls;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.minga.platform.Checks;

/**
 * The codes the catalogue of calls and cooperants is written in: themes ({@link Themes}) and
 * territorial units (DIVIPOLA, 2 or 5 digits, or Salvadoran, D + 3 digits or M + 2). Each list is
 * upper-cased and without repeats; an unknown code is a {@code OneOf} or {@code Pattern} violation.
 */
final class Codes {

    private Codes() {
    }

    /** Theme codes; {@code requiredKey} names the violation when none is given (null: none is fine). */
    static List<String> themes(Checks checks, String field, List<String> values, String requiredKey) {
        Set<String> out = new LinkedHashSet<>();
        for (String v : values == null ? List.<String>of() : values) {
            if (v == null || v.isBlank()) {
                continue;
            }
            var theme = Themes.of(v);
            if (theme.isEmpty()) {
                checks.rule(false, field, "OneOf", "OneOf", field,
                        String.join(", ", Arrays.stream(Themes.values()).map(Enum::name).toList()));
                return List.of();
            }
            out.add(theme.get().name());
        }
        checks.rule(requiredKey == null || !out.isEmpty(), field, "Required", requiredKey);
        return new ArrayList<>(out);
    }

    /** Unit codes of Colombia or El Salvador. */
    static List<String> units(Checks checks, String field, List<String> values) {
        Set<String> out = new LinkedHashSet<>();
        for (String v : values == null ? List.<String>of() : values) {
            if (v == null || v.isBlank()) {
                continue;
            }
            String code = v.strip().toUpperCase(Locale.ROOT);
            if (!code.matches("\\d{2}|\\d{5}|D\\d{3}|M\\d{2}")) {
                checks.rule(false, field, "Pattern", "Pattern", field);
                return List.of();
            }
            out.add(code);
        }
        return new ArrayList<>(out);
    }

    /** The country of a unit code: digits are Colombian, letters Salvadoran. */
    static String countryOf(String code) {
        return Character.isDigit(code.charAt(0)) ? "CO" : "SV";
    }
}
