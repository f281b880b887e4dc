package org.minga.finance.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Which payment settles which obligation, derived from the records alone, never from the order in
 * which they were typed. Per member and currency: a contribution in kind first settles its own
 * obligation; then the payments, in order of payment date (ties by amount, reference and id),
 * settle the open obligations in order of due date (ties by period, rule name and id), each the
 * oldest first. What is left of the payments is the member's credit, and settles the obligations
 * generated later as soon as they are among the obligations given.
 *
 * <p>The caller chooses the cut: the obligations due and the payments made by a date give the
 * applications as of that date. Voided payments are never given.
 */
public final class Applications {

    private Applications() {
    }

    public record Due(long id, String unitCode, String currency, LocalDate dueOn, LocalDate periodStart,
            String ruleName, BigDecimal amount) {
    }

    /** A payment; {@code obligationId} is the obligation of a contribution in kind, else null. */
    public record Paid(long id, String unitCode, String currency, LocalDate paidOn, BigDecimal amount,
            String reference, Long obligationId) {
    }

    public record Applied(long paymentId, long obligationId, BigDecimal amount) {
    }

    /** The applications, and per obligation what was paid and per payment what was applied. */
    public record Result(List<Applied> applications, Map<Long, BigDecimal> paid, Map<Long, BigDecimal> applied) {

        public BigDecimal paidOf(long obligationId) {
            return paid.getOrDefault(obligationId, BigDecimal.ZERO);
        }

        public BigDecimal appliedOf(long paymentId) {
            return applied.getOrDefault(paymentId, BigDecimal.ZERO);
        }
    }

    static final Comparator<Due> DUE_ORDER = Comparator.comparing(Due::dueOn).thenComparing(Due::periodStart)
            .thenComparing(Due::ruleName).thenComparingLong(Due::id);

    static final Comparator<Paid> PAID_ORDER = Comparator.comparing(Paid::paidOn).thenComparing(Paid::amount)
            .thenComparing(p -> Objects.requireNonNullElse(p.reference(), "")).thenComparingLong(Paid::id);

    public static Result apply(List<Due> dues, List<Paid> payments) {
        record Key(String unit, String currency) {
        }
        Map<Key, List<Due>> duesBy = new LinkedHashMap<>();
        dues.forEach(d -> duesBy.computeIfAbsent(new Key(d.unitCode(), d.currency()), k -> new ArrayList<>()).add(d));
        Map<Key, List<Paid>> paidBy = new LinkedHashMap<>();
        payments.forEach(p -> paidBy.computeIfAbsent(new Key(p.unitCode(), p.currency()), k -> new ArrayList<>()).add(p));
        List<Applied> applications = new ArrayList<>();
        Map<Long, BigDecimal> paid = new HashMap<>();
        Map<Long, BigDecimal> applied = new HashMap<>();
        paidBy.forEach((key, list) -> {
            List<Due> open = new ArrayList<>(duesBy.getOrDefault(key, List.of()));
            open.sort(DUE_ORDER);
            Map<Long, BigDecimal> left = new HashMap<>();
            open.forEach(d -> left.put(d.id(), d.amount()));
            List<Paid> sorted = new ArrayList<>(list);
            sorted.sort(PAID_ORDER);
            Map<Long, BigDecimal> rest = new HashMap<>();
            // Contributions in kind settle their own obligation before any payment is spread.
            for (Paid p : sorted) {
                BigDecimal remaining = p.amount();
                if (p.obligationId() != null && left.containsKey(p.obligationId())) {
                    BigDecimal part = remaining.min(left.get(p.obligationId()));
                    if (part.signum() > 0) {
                        settle(applications, paid, applied, left, p.id(), p.obligationId(), part);
                        remaining = remaining.subtract(part);
                    }
                }
                rest.put(p.id(), remaining);
            }
            int next = 0;
            for (Paid p : sorted) {
                BigDecimal remaining = rest.get(p.id());
                while (remaining.signum() > 0 && next < open.size()) {
                    Due d = open.get(next);
                    BigDecimal part = remaining.min(left.get(d.id()));
                    if (part.signum() > 0) {
                        settle(applications, paid, applied, left, p.id(), d.id(), part);
                        remaining = remaining.subtract(part);
                    }
                    if (left.get(d.id()).signum() == 0) {
                        next++;
                    }
                }
            }
        });
        return new Result(List.copyOf(applications), paid, applied);
    }

    private static void settle(List<Applied> applications, Map<Long, BigDecimal> paid, Map<Long, BigDecimal> applied,
            Map<Long, BigDecimal> left, long payment, long obligation, BigDecimal part) {
        applications.add(new Applied(payment, obligation, part));
        paid.merge(obligation, part, BigDecimal::add);
        applied.merge(payment, part, BigDecimal::add);
        left.merge(obligation, part.negate(), BigDecimal::add);
    }
}
