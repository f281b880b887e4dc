package org.minga.territory.internal;

import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.minga.identity.UnitDirectory;
import org.minga.platform.Inputs;
import org.minga.platform.InvalidInputException;
import org.minga.platform.Zones;
import org.minga.territory.Units;
import org.springframework.stereotype.Component;

/** Reads what a person typed for a unit: a code, a name, or "Nombre, Departamento". */
@Component
record UnitSearch(TerritoryQueries queries, Zones zones) implements Units, UnitDirectory {

    /** DIVIPOLA (department, municipality) and Salvadoran (district, municipality) codes. */
    private static final Pattern CODE = Pattern.compile("\\d{2}|\\d{5}|D\\d{3}|M\\d{2}");
    /** Names that exactly equal the text are few; a wider match is only listed, so a few dozen suffice. */
    private static final int WIDE = 30;

    @Override
    public List<Choice> suggest(String text, Scope scope, int limit) {
        String name = folded(text);
        if (name == null || name.length() < 2) {
            return List.of();
        }
        return queries.choices(scope.country(), scope.levels(), null, name, null, scope.at(), limit);
    }

    @Override
    public Resolution resolve(String text, Scope scope) {
        String typed = Inputs.text(text);
        if (typed == null) {
            return new Unknown(List.of());
        }
        List<Choice> byCode = queries.choices(scope.country(), scope.levels(), typed.toUpperCase(java.util.Locale.ROOT),
                null, null, scope.at(), 2);
        if (byCode.size() == 1) {
            return new Found(byCode.getFirst());
        }
        int comma = typed.lastIndexOf(',');
        if (comma > 0) {
            Resolution withParent = byName(typed.substring(0, comma), folded(typed.substring(comma + 1)), scope);
            if (!(withParent instanceof Unknown)) {
                return withParent;
            }
        }
        return byName(typed, null, scope);
    }

    private Resolution byName(String text, String parent, Scope scope) {
        String name = folded(text);
        if (name == null) {
            return new Unknown(List.of());
        }
        List<Choice> found = queries.choices(scope.country(), scope.levels(), null, name, parent, scope.at(), WIDE);
        List<Choice> exact = found.stream().filter(c -> UnitNames.searchable(c.unit().name()).equals(name)).toList();
        if (exact.size() == 1) {
            return new Found(exact.getFirst());
        }
        if (exact.size() > 1) {
            return new Ambiguous(exact.stream().limit(CANDIDATES).toList());
        }
        if (found.size() == 1) {
            return new Found(found.getFirst());
        }
        if (found.isEmpty()) {
            return new Unknown(parent != null ? List.of()
                    : queries.nearest(scope.country(), scope.levels(), name, scope.at(), CANDIDATES));
        }
        return new Ambiguous(found.stream().limit(CANDIDATES).toList());
    }

    @Override
    public String code(String field, String text, Scope scope) {
        String typed = Inputs.text(text);
        if (typed == null) {
            return null;
        }
        return switch (resolve(typed, scope)) {
            case Found found -> found.choice().unit().code();
            case Ambiguous ambiguous -> throw new InvalidInputException(field, "Ambiguous", "unit.ambiguous", typed,
                    labels(ambiguous.candidates()));
            case Unknown unknown when CODE.matcher(typed).matches() -> typed;
            case Unknown unknown when unknown.nearest().isEmpty() ->
                throw new InvalidInputException(field, "Exists", "unit.unknown", typed);
            case Unknown unknown -> throw new InvalidInputException(field, "Exists", "unit.unknown.nearest", typed,
                    labels(unknown.nearest()));
        };
    }

    @Override
    public String localUnitCode(String field, String text, String country) {
        return code(field, text, Scope.localUnits(country, country == null ? zones.today() : zones.today(country)));
    }

    /** "San Pedro, Sucre (CO 70717); San Pedro, Valle del Cauca (CO 76670)": each candidate with what tells it apart. */
    private static String labels(List<Choice> choices) {
        return choices.stream().map(c -> c.label() + " (" + c.unit().country() + " " + c.unit().code() + ")")
                .collect(Collectors.joining("; "));
    }

    private static String folded(String text) {
        String t = Inputs.text(text);
        return t == null ? null : UnitNames.searchable(t.strip().replaceAll("\\s+", " "));
    }
}
