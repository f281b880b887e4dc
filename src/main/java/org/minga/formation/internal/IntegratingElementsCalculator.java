package org.minga.formation.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.minga.formation.IntegratingElements;
import org.minga.formation.IntegratingElements.Categories;
import org.minga.formation.IntegratingElements.Contiguity;
import org.minga.formation.IntegratingElements.Overlap;
import org.minga.formation.IntegratingElements.Similarity;
import org.minga.formation.IntegratingElements.Unit;
import org.minga.formation.IntegratingElements.UnitCategory;
import org.minga.formation.IntegratingElements.Warning;
import org.minga.registry.SchemeOverlaps;
import org.minga.territory.TerritorialUnit;
import org.minga.territory.Territory;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Computes the integrating elements of a proposal from the territory (borders, categories) and the
 * register (memberships) as they were on a date. Three queries and an overlap lookup, whatever the
 * number of units.
 */
@Component
public record IntegratingElementsCalculator(Territory territory, SchemeOverlaps overlaps, MessageSource messages) {

    /** Categories within one step of each other (e.g. 5 and 6) count as similar; ESPECIAL is step 0. */
    static final int SIMILAR_SPREAD = 1;
    static final String CATEGORY = "category";

    public IntegratingElements compute(long schemeId, String country, Collection<String> codes, LocalDate at) {
        Map<String, TerritorialUnit> units = territory.findAll(country, codes, at);
        List<Warning> warnings = new ArrayList<>();
        List<Unit> unknown = codes.stream().filter(c -> !units.containsKey(c)).map(c -> new Unit(c, c)).toList();
        if (!unknown.isEmpty()) {
            warnings.add(warning("unknownUnits", codesOf(unknown), at));
        }
        if (units.size() < 2) {
            warnings.add(warning("fewMembers"));
        }
        Contiguity contiguity = contiguity(country, units, at);
        if (!contiguity.contiguous()) {
            warnings.add(warning("contiguity", contiguity.groups().size(), describe(contiguity.groups())));
        }
        Categories categories = categories(country, units, at);
        switch (categories.similarity()) {
            case UNKNOWN -> warnings.add(warning("categoryUnknown"));
            case DISSIMILAR -> warnings.add(warning("categories", categories.units().stream()
                    .filter(u -> u.category() != null).map(u -> u.name() + ": " + u.category())
                    .collect(Collectors.joining(", "))));
            case SIMILAR -> { }
        }
        List<String> missing = categories.units().stream().filter(u -> u.category() == null).map(UnitCategory::name)
                .toList();
        if (categories.similarity() != Similarity.UNKNOWN && !missing.isEmpty()) {
            warnings.add(warning("categoryMissing", String.join(", ", missing)));
        }
        List<Overlap> shared = overlaps.sharing(country, units.keySet(), at, schemeId).stream()
                .map(o -> new Overlap(o.schemeId(), o.schemeName(), o.sharedMembers().stream()
                        .map(c -> unit(units, c)).toList()))
                .toList();
        shared.forEach(o -> warnings.add(warning("overlap", o.schemeName(), names(o.sharedMembers()))));
        return new IntegratingElements(at, unknown, contiguity, categories, shared, warnings);
    }

    private Contiguity contiguity(String country, Map<String, TerritorialUnit> units, LocalDate at) {
        // By code, so the groups come out in the same order every time.
        List<List<String>> groups = territory.contiguousGroups(country, new java.util.TreeSet<>(units.keySet()), at);
        return new Contiguity(groups.size() <= 1,
                groups.stream().map(g -> g.stream().map(c -> unit(units, c)).toList()).toList());
    }

    private Categories categories(String country, Map<String, TerritorialUnit> units, LocalDate at) {
        Map<String, String> known = territory.attributeAt(country, units.keySet(), CATEGORY, at);
        List<UnitCategory> list = units.values().stream().sorted(java.util.Comparator.comparing(TerritorialUnit::code))
                .map(u -> new UnitCategory(u.code(), u.name(), known.get(u.code()))).toList();
        var ranks = known.values().stream().mapToInt(IntegratingElementsCalculator::rank).summaryStatistics();
        Similarity similarity = known.isEmpty() ? Similarity.UNKNOWN
                : ranks.getMax() - ranks.getMin() <= SIMILAR_SPREAD ? Similarity.SIMILAR : Similarity.DISSIMILAR;
        return new Categories(similarity, list);
    }

    private static int rank(String category) {
        return "ESPECIAL".equalsIgnoreCase(category) ? 0 : Integer.parseInt(category);
    }

    private static Unit unit(Map<String, TerritorialUnit> units, String code) {
        TerritorialUnit u = units.get(code);
        return new Unit(code, u == null ? code : u.name());
    }

    private static String describe(List<List<Unit>> groups) {
        return groups.stream().map(g -> "[" + names(g) + "]").collect(Collectors.joining(", "));
    }

    private static String names(List<Unit> units) {
        return units.stream().map(Unit::name).collect(Collectors.joining(", "));
    }

    private static String codesOf(List<Unit> units) {
        return units.stream().map(Unit::code).collect(Collectors.joining(", "));
    }

    private Warning warning(String code, Object... args) {
        return new Warning(code, messages.getMessage("formation.warning." + code, args,
                LocaleContextHolder.getLocale()));
    }
}
