package org.minga.finance.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.minga.finance.internal.Applications.Applied;
import org.minga.finance.internal.Applications.Due;
import org.minga.finance.internal.Applications.Paid;
import org.minga.finance.internal.Applications.Result;

/**
 * The same records in any entry order give the same applications at every date: random obligations
 * and payments (seeded, so every run checks the same thousands of cases), shuffled and cut at random
 * dates. Ids are given in a random order too, since in the database they follow the entry order.
 */
class ApplicationsPropertyTests {

    static final LocalDate START = LocalDate.of(2024, 1, 1);
    static final String[] UNITS = {"54498", "54003"};
    static final String[] CURRENCIES = {"COP", "USD"};

    record Records(List<Due> dues, List<Paid> payments) {
    }

    @Test
    void anyEntryOrderGivesTheSameApplicationsAtEveryCutDate() {
        Random random = new Random(18_001);
        for (int i = 0; i < 1500; i++) {
            Records records = records(random);
            LocalDate cut = START.plusDays(random.nextInt(500));
            Canonical expected = canonical(cutAt(records, cut));
            for (int k = 0; k < 4; k++) {
                Records entered = renumbered(cutAt(records, cut), random);
                assertThat(canonical(entered, Applications.apply(shuffled(entered.dues(), random),
                        shuffled(entered.payments(), random)))).as("case %d, order %d, cut %s", i, k, cut)
                        .isEqualTo(expected);
            }
        }
    }

    @Test
    void paymentsSettleTheOldestObligationsFirstAndNeverMoreThanTheyOweOrPay() {
        Random random = new Random(18_002);
        for (int i = 0; i < 1500; i++) {
            Records r = cutAt(records(random), START.plusDays(random.nextInt(500)));
            Result result = Applications.apply(r.dues(), r.payments());
            for (String unit : UNITS) {
                for (String currency : CURRENCIES) {
                    List<Due> dues = r.dues().stream().filter(d -> d.unitCode().equals(unit)
                            && d.currency().equals(currency)).sorted(Applications.DUE_ORDER).toList();
                    BigDecimal owed = dues.stream().map(Due::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
                    BigDecimal paid = r.payments().stream().filter(p -> p.unitCode().equals(unit)
                            && p.currency().equals(currency)).map(Paid::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
                    BigDecimal settled = dues.stream().map(d -> result.paidOf(d.id())).reduce(BigDecimal.ZERO,
                            BigDecimal::add);
                    assertThat(settled).as("case %d", i).isEqualByComparingTo(owed.min(paid));
                    // Oldest first: once an obligation is left open, no later one has received anything
                    // (but an obligation in kind, settled by its own contribution).
                    java.util.Set<Long> inKind = new java.util.HashSet<>();
                    r.payments().forEach(p -> {
                        if (p.obligationId() != null) {
                            inKind.add(p.obligationId());
                        }
                    });
                    boolean open = false;
                    for (Due d : dues.stream().filter(d -> !inKind.contains(d.id())).toList()) {
                        BigDecimal part = result.paidOf(d.id());
                        assertThat(part).isLessThanOrEqualTo(d.amount());
                        if (open) {
                            assertThat(part.signum()).as("case %d: %s paid after an open one", i, d).isZero();
                        }
                        open |= part.compareTo(d.amount()) < 0;
                    }
                }
            }
            r.payments().forEach(p -> assertThat(result.appliedOf(p.id())).isLessThanOrEqualTo(p.amount()));
        }
    }

    @Test
    void aLaterCutNeverUnpaysAnObligationAndACreditSettlesObligationsGeneratedLater() {
        Random random = new Random(18_003);
        for (int i = 0; i < 800; i++) {
            Records r = records(random);
            LocalDate early = START.plusDays(random.nextInt(400));
            LocalDate late = early.plusDays(1 + random.nextInt(120));
            Result before = Applications.apply(cutAt(r, early).dues(), cutAt(r, early).payments());
            Result after = Applications.apply(cutAt(r, late).dues(), cutAt(r, late).payments());
            for (Due d : cutAt(r, early).dues()) {
                assertThat(after.paidOf(d.id())).as("case %d", i).isGreaterThanOrEqualTo(before.paidOf(d.id()));
            }
        }
        // 300 paid in January against nothing due yet: the three obligations generated later take it.
        List<Paid> credit = List.of(new Paid(1, "54498", "COP", START.plusDays(3), new BigDecimal("300.00"), null, null));
        List<Due> later = List.of(due(11, "54498", "COP", START.plusMonths(1), "100.00"),
                due(12, "54498", "COP", START.plusMonths(2), "100.00"), due(13, "54498", "COP", START.plusMonths(3), "150.00"));
        Result result = Applications.apply(later, credit);
        assertThat(result.paidOf(11)).isEqualByComparingTo("100");
        assertThat(result.paidOf(12)).isEqualByComparingTo("100");
        assertThat(result.paidOf(13)).isEqualByComparingTo("100");
        assertThat(result.appliedOf(1)).isEqualByComparingTo("300");
    }

    @Test
    void aContributionInKindSettlesItsOwnObligationBeforeOlderOnes() {
        List<Due> dues = List.of(due(1, "54206", "COP", START, "500.00"), due(2, "54206", "COP", START.plusMonths(4), "800.00"));
        Result result = Applications.apply(dues,
                List.of(new Paid(7, "54206", "COP", START.plusMonths(4), new BigDecimal("800.00"), null, 2L)));
        assertThat(result.paidOf(1)).isEqualByComparingTo("0");
        assertThat(result.paidOf(2)).isEqualByComparingTo("800");
        assertThat(result.applications()).containsExactly(new Applied(7, 2, new BigDecimal("800.00")));
    }

    // ---- generators --------------------------------------------------------------------------

    /** Monthly obligations of one or two rules, in-kind pairs, and payments of random dates and amounts. */
    static Records records(Random random) {
        List<Due> dues = new ArrayList<>();
        List<Paid> payments = new ArrayList<>();
        long id = 1;
        for (String unit : UNITS) {
            for (String currency : CURRENCIES) {
                int rules = 1 + random.nextInt(2);
                for (int r = 0; r < rules; r++) {
                    int months = random.nextInt(16);
                    String amount = (50 + random.nextInt(100)) + "." + (random.nextBoolean() ? "00" : "50");
                    for (int m = 0; m < months; m++) {
                        LocalDate start = START.plusMonths(m);
                        dues.add(new Due(id++, unit, currency, start.withDayOfMonth(1 + 9 * r), start, "Regla " + r,
                                new BigDecimal(amount)));
                    }
                }
                int count = random.nextInt(9);
                for (int p = 0; p < count; p++) {
                    // Some payments share a date, some share a date and an amount: ties must not matter.
                    LocalDate on = START.plusDays(random.nextInt(6) == 0 ? 40 : random.nextInt(480));
                    BigDecimal amount = BigDecimal.valueOf(1 + random.nextInt(40000), 2).multiply(BigDecimal.TEN);
                    payments.add(new Paid(id++, unit, currency, on, amount, random.nextInt(3) == 0 ? null
                            : "R-" + random.nextInt(5), null));
                }
                if (random.nextInt(3) == 0) {
                    LocalDate on = START.plusDays(random.nextInt(400));
                    BigDecimal value = new BigDecimal(100 + random.nextInt(900) + ".00");
                    long obligation = id++;
                    dues.add(new Due(obligation, unit, currency, on, on, "En especie", value));
                    payments.add(new Paid(id++, unit, currency, on, value, null, obligation));
                }
            }
        }
        return new Records(dues, payments);
    }

    static Due due(long id, String unit, String currency, LocalDate on, String amount) {
        return new Due(id, unit, currency, on, on.withDayOfMonth(1), "Cuota", new BigDecimal(amount));
    }

    static Records cutAt(Records r, LocalDate cut) {
        return new Records(r.dues().stream().filter(d -> !d.dueOn().isAfter(cut)).toList(),
                r.payments().stream().filter(p -> !p.paidOn().isAfter(cut)).toList());
    }

    /** The same records with ids given in another order, as another entry order would number them. */
    static Records renumbered(Records r, Random random) {
        List<Long> ids = new ArrayList<>();
        r.dues().forEach(d -> ids.add(d.id()));
        r.payments().forEach(p -> ids.add(p.id()));
        List<Long> shuffled = shuffled(ids, random);
        Map<Long, Long> to = new HashMap<>();
        for (int i = 0; i < ids.size(); i++) {
            to.put(ids.get(i), shuffled.get(i));
        }
        return new Records(r.dues().stream().map(d -> new Due(to.get(d.id()), d.unitCode(), d.currency(), d.dueOn(),
                d.periodStart(), d.ruleName(), d.amount())).toList(),
                r.payments().stream().map(p -> new Paid(to.get(p.id()), p.unitCode(), p.currency(), p.paidOn(),
                        p.amount(), p.reference(), p.obligationId() == null ? null : to.get(p.obligationId()))).toList());
    }

    static <T> List<T> shuffled(List<T> list, Random random) {
        List<T> copy = new ArrayList<>(list);
        Collections.shuffle(copy, random);
        return copy;
    }

    /** The applications of the records in their original numbering, told by content. */
    static Canonical canonical(Records r) {
        return canonical(r, Applications.apply(r.dues(), r.payments()));
    }

    /** Applications (as a multiset), paid per obligation and applied per payment, keyed by content. */
    record Canonical(Map<String, Integer> applications, Map<String, BigDecimal> paid, Map<String, BigDecimal> applied) {
    }

    /**
     * A result told by content: which obligation (member, currency, due date, period, rule, amount)
     * received how much from which payment (member, currency, date, amount, reference), so that two
     * numberings of the same records compare equal. Identical payments are interchangeable, so the
     * applications are a multiset and identical records add up.
     */
    static Canonical canonical(Records r, Result result) {
        Map<Long, String> dues = new HashMap<>();
        r.dues().forEach(d -> dues.put(d.id(), d.unitCode() + "/" + d.currency() + "/" + d.dueOn() + "/"
                + d.periodStart() + "/" + d.ruleName() + "/" + d.amount()));
        Map<Long, String> payments = new HashMap<>();
        r.payments().forEach(p -> payments.put(p.id(), p.unitCode() + "/" + p.currency() + "/" + p.paidOn() + "/"
                + p.amount().toPlainString() + "/" + p.reference() + "/"
                + (p.obligationId() == null ? "" : dues.get(p.obligationId()))));
        Map<String, Integer> applications = new TreeMap<>();
        result.applications().forEach(a -> applications.merge(payments.get(a.paymentId()) + " -> "
                + dues.get(a.obligationId()) + " = " + a.amount().toPlainString(), 1, Integer::sum));
        Map<String, BigDecimal> paid = new TreeMap<>();
        r.dues().forEach(d -> paid.merge(dues.get(d.id()), result.paidOf(d.id()), BigDecimal::add));
        paid.replaceAll((k, v) -> v.setScale(2));
        Map<String, BigDecimal> applied = new TreeMap<>();
        r.payments().forEach(p -> applied.merge(payments.get(p.id()), result.appliedOf(p.id()), BigDecimal::add));
        applied.replaceAll((k, v) -> v.setScale(2));
        return new Canonical(applications, paid, applied);
    }
}
