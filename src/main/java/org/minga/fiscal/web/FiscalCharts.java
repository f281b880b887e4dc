package org.minga.fiscal.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.minga.fiscal.Liquidations;

/** What the fiscal pages draw: bars of a chart, and a liquidation's totals by dimension and key. */
final class FiscalCharts {

    private FiscalCharts() {
    }

    /** One bar of a chart: a label, a value and its width out of 400 units. */
    public record Bar(String label, long value, int width) {
    }

    static List<Bar> bars(Map<String, Long> values) {
        long max = values.values().stream().mapToLong(Long::longValue).max().orElse(0);
        List<Bar> out = new ArrayList<>();
        values.forEach((k, v) -> out.add(new Bar(k, v, max <= 0 ? 0 : (int) Math.max(v > 0 ? 1 : 0, v * 400 / max))));
        return out;
    }

    /** A liquidation's totals as the reader may see them, by dimension then key. */
    static Map<String, Map<String, Liquidations.Total>> totals(Liquidations liquidations, long liquidationId) {
        Map<String, Map<String, Liquidations.Total>> byDimension = new LinkedHashMap<>();
        for (var t : liquidations.readableTotals(liquidationId)) {
            byDimension.computeIfAbsent(t.dimension(), k -> new LinkedHashMap<>()).put(t.key(), t);
        }
        return byDimension;
    }
}
