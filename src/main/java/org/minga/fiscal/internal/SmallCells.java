package org.minga.fiscal.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToIntFunction;

/**
 * Statistical disclosure control for summaries of parcels shown to readers who may not see one
 * parcel's value (board, other units' officials, observers). A row that sums fewer than
 * {@link #MIN_PARCELS} parcels is left out; when only one row of a group is left out, the smallest
 * remaining row goes too, so the left-out one cannot be had by subtracting from the total
 * (docs/SECURITY.md, "Datos personales").
 */
public final class SmallCells {

    public static final int MIN_PARCELS = 3;

    private SmallCells() {
    }

    public static <T> List<T> suppress(List<T> rows, Function<T, String> group, ToIntFunction<T> parcels) {
        Map<String, List<T>> byGroup = new LinkedHashMap<>();
        rows.forEach(r -> byGroup.computeIfAbsent(group.apply(r), g -> new ArrayList<>()).add(r));
        List<T> kept = new ArrayList<>();
        byGroup.values().forEach(g -> {
            List<T> shown = new ArrayList<>(g.stream().filter(r -> parcels.applyAsInt(r) >= MIN_PARCELS).toList());
            if (g.size() - shown.size() == 1 && !shown.isEmpty()) {
                shown.remove(shown.stream().min(Comparator.comparingInt(parcels)).orElseThrow());
            }
            kept.addAll(g.stream().filter(shown::contains).toList());
        });
        return kept;
    }
}
