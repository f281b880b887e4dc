package org.minga.finance.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Splits an amount in cents among keys by weights so that the parts add up exactly to the total:
 * each key gets its exact share rounded down to the cent, and the cents left over go one by one
 * to the largest remainders (ties by key, in ascending order). The largest-remainder method.
 */
public final class Allocation {

    private static final BigDecimal CENT = new BigDecimal("0.01");

    private Allocation() {
    }

    /** Equal parts among the keys, in the keys' order. */
    public static Map<String, BigDecimal> equal(BigDecimal total, List<String> keys) {
        Map<String, BigDecimal> weights = new LinkedHashMap<>();
        keys.forEach(k -> weights.put(k, BigDecimal.ONE));
        return byWeight(total, weights);
    }

    /** Parts proportional to non-negative weights; all-zero weights split equally. */
    public static Map<String, BigDecimal> byWeight(BigDecimal total, Map<String, BigDecimal> weights) {
        Map<String, BigDecimal> parts = new LinkedHashMap<>();
        if (weights.isEmpty()) {
            return parts;
        }
        BigDecimal sum = weights.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        if (sum.signum() == 0) {
            return equal(total, List.copyOf(weights.keySet()));
        }
        BigDecimal scaledTotal = total.setScale(2, RoundingMode.HALF_EVEN);
        Map<String, BigDecimal> remainders = new LinkedHashMap<>();
        BigDecimal given = BigDecimal.ZERO;
        for (var e : weights.entrySet()) {
            BigDecimal exact = scaledTotal.multiply(e.getValue()).divide(sum, 12, RoundingMode.HALF_EVEN);
            BigDecimal floor = exact.setScale(2, RoundingMode.FLOOR);
            parts.put(e.getKey(), floor);
            remainders.put(e.getKey(), exact.subtract(floor));
            given = given.add(floor);
        }
        long cents = scaledTotal.subtract(given).movePointRight(2).longValueExact();
        List<String> order = new ArrayList<>(weights.keySet());
        order.sort(Comparator.<String, BigDecimal>comparing(remainders::get).reversed()
                .thenComparing(Comparator.naturalOrder()));
        for (int i = 0; i < cents; i++) {
            String key = order.get(i % order.size());
            parts.put(key, parts.get(key).add(CENT));
        }
        return parts;
    }
}
