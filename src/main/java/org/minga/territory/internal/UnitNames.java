package org.minga.territory.internal;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** Names as people write them, and the accent-free form used to search them. */
final class UnitNames {

    private static final Locale SPANISH = Locale.forLanguageTag("es");
    private static final Set<String> CONNECTORS = Set.of("de", "del", "la", "las", "los", "el", "y", "e", "en");
    /** The Salvadoran file appends the department's initials: "Lislique UN", "Aguilares SS". */
    private static final Pattern DEPARTMENT_SUFFIX = Pattern.compile("\\s+\\p{Lu}{2,3}$");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");

    private UnitNames() {
    }

    static String withoutDepartmentSuffix(String name) {
        return DEPARTMENT_SUFFIX.matcher(name.strip()).replaceFirst("");
    }

    /** "SAN JOSÉ DEL GUAVIARE" → "San José del Guaviare"; abbreviations such as "D.C." stay. */
    static String titleCase(String upper) {
        String[] words = upper.strip().toLowerCase(SPANISH).split("\\s+");
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < words.length; i++) {
            String w = words[i];
            if (i > 0) {
                out.append(' ');
            }
            if (w.contains(".")) {
                out.append(w.toUpperCase(SPANISH));
            } else if (i > 0 && CONNECTORS.contains(w)) {
                out.append(w);
            } else {
                out.append(capitalise(w));
            }
        }
        return out.toString();
    }

    private static String capitalise(String word) {
        StringBuilder sb = new StringBuilder(word);
        for (int i = 0; i < sb.length(); i++) {
            if (i == 0 || sb.charAt(i - 1) == '-' || sb.charAt(i - 1) == '(') {
                sb.setCharAt(i, Character.toUpperCase(sb.charAt(i)));
            }
        }
        return sb.toString();
    }

    /** "Ocaña" → "ocana": what a search without accents matches. */
    static String searchable(String name) {
        return MARKS.matcher(Normalizer.normalize(name, Normalizer.Form.NFD)).replaceAll("").toLowerCase(Locale.ROOT);
    }
}
