package org.minga.territory;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * Units chosen by what people know: part of a name, accents and case aside ("sonson" finds
 * "Sonsón"), "Nombre, Departamento", or a code. Every form that asks for a unit uses this, so they
 * all read the same text the same way.
 */
public interface Units {

    /** At most five candidates are named in a refusal: enough to choose, short enough to read. */
    int CANDIDATES = 5;

    /** Up to {@code limit} units in the scope whose name contains the text, exact names first. */
    List<Choice> suggest(String text, Scope scope, int limit);

    /** The unit the text names in the scope: one, several (ambiguous), or none. */
    Resolution resolve(String text, Scope scope);

    /**
     * The code of the unit the text names, for a form's field. Blank is null. A code-shaped text
     * that names no unit is returned as typed, so the module's own rules still judge it (API
     * clients send codes); any other unknown or ambiguous text is refused on {@code field}, naming
     * up to {@link #CANDIDATES} candidates, with {@code InvalidInputException}.
     */
    String code(String field, String text, Scope scope);

    /** Where to look: a country (null: any), the levels allowed (empty: any), the date the unit must exist on. */
    record Scope(String country, Set<Level> levels, LocalDate at) {

        public Scope {
            levels = levels == null ? Set.of() : Set.copyOf(levels);
        }

        /** Municipalities, and districts (El Salvador since 2024): where a person lives or an official serves. */
        public static Scope localUnits(String country, LocalDate at) {
            return new Scope(country, Set.of(Level.MUNICIPALITY, Level.DISTRICT), at);
        }
    }

    /** A unit with the name of its parent (department, or a Salvadoran district's municipality). */
    record Choice(TerritorialUnit unit, String parentName) {

        /** "Sonsón, Antioquia": what a person reads, and what {@link #resolve} reads back as this unit. */
        public String label() {
            return parentName == null ? unit.name() : unit.name() + ", " + parentName;
        }
    }

    sealed interface Resolution {
    }

    record Found(Choice choice) implements Resolution {
    }

    record Ambiguous(List<Choice> candidates) implements Resolution {
    }

    record Unknown(List<Choice> nearest) implements Resolution {
    }
}
