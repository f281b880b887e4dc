package org.minga.services.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Splits a whole amount in proportion to bases, in whole currency units, by the largest-remainder
 * (Hamilton) method: each gets the whole part of its exact quota, and the units left over go one
 * each to the largest fractional parts (ties by code), so the shares add up exactly to the amount.
 * Exact: quotas are compared as numerator remainders, never as rounded decimals.
 */
public final class LargestRemainder {

    private LargestRemainder() {
    }

    /** One party's arithmetic: basis, exact quota, its whole part, the remainder, the extra unit, the share. */
    public record Part(String code, BigDecimal basis, BigDecimal quota, BigDecimal whole, BigDecimal fraction, boolean extra,
            BigDecimal share) {
    }

    public static List<Part> split(BigDecimal amount, Map<String, BigDecimal> bases) {
        BigDecimal total = bases.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        if (amount.signum() < 0 || amount.stripTrailingZeros().scale() > 0 || total.signum() <= 0
                || bases.values().stream().anyMatch(b -> b.signum() < 0)) {
            throw new IllegalArgumentException("whole non-negative amount and positive total basis needed");
        }
        record Work(String code, BigDecimal basis, BigDecimal whole, BigDecimal remainder) {
        }
        List<Work> work = new ArrayList<>();
        BigDecimal given = BigDecimal.ZERO;
        for (var e : bases.entrySet()) {
            BigDecimal numerator = amount.multiply(e.getValue());
            BigDecimal[] qr = numerator.divideAndRemainder(total);
            work.add(new Work(e.getKey(), e.getValue(), qr[0].setScale(0), qr[1]));
            given = given.add(qr[0]);
        }
        int left = amount.subtract(given).intValueExact();
        List<Work> order = new ArrayList<>(work);
        order.sort(Comparator.comparing(Work::remainder).reversed().thenComparing(Work::code));
        Map<String, Boolean> extra = new LinkedHashMap<>();
        for (int i = 0; i < order.size(); i++) {
            extra.put(order.get(i).code(), i < left);
        }
        List<Part> parts = new ArrayList<>();
        for (Work w : work) {
            boolean plus = extra.get(w.code());
            BigDecimal quota = amount.multiply(w.basis()).divide(total, 6, java.math.RoundingMode.HALF_EVEN);
            BigDecimal fraction = w.remainder().divide(total, 6, java.math.RoundingMode.HALF_EVEN);
            parts.add(new Part(w.code(), w.basis(), quota, w.whole(), fraction, plus, plus ? w.whole().add(BigDecimal.ONE) : w.whole()));
        }
        return parts;
    }
}
