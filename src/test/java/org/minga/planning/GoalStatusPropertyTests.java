package org.minga.planning;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.minga.planning.Indicators.Assessment;
import org.minga.planning.Indicators.Measurement;
import org.minga.planning.Indicators.Periodicity;
import org.minga.planning.Indicators.Status;

/**
 * Goal statuses over random goals with random measurement gaps (seeded, so every run checks the
 * same cases): the same measurements in any entry order give the same status at every date, and
 * not measuring a period never gives a better status than measuring the same value again.
 */
class GoalStatusPropertyTests {

    static final int GOALS = 400;

    /** A random goal: start, due date, periodicity, baseline and target (rising or falling). */
    record Goal(LocalDate start, LocalDate due, Periodicity periodicity, BigDecimal baseline, BigDecimal target) {

        Assessment at(List<Measurement> ms, LocalDate at) {
            return Indicators.assess(baseline, target, start, due, periodicity, ms, at);
        }
    }

    static Goal goal(Random r) {
        LocalDate start = LocalDate.of(2020, 1, 1).plusDays(r.nextInt(1500));
        Periodicity p = Periodicity.values()[r.nextInt(Periodicity.values().length)];
        LocalDate due = start.plusMonths(p.months() * (2L + r.nextInt(10)));
        BigDecimal baseline = BigDecimal.valueOf(r.nextInt(200));
        BigDecimal target = baseline.add(BigDecimal.valueOf((r.nextBoolean() ? 1 : -1) * (10 + r.nextInt(500))));
        return new Goal(start, due, p, baseline, target);
    }

    /** Measurements on random days, each period skipped with some chance, at most one per day. */
    static List<Measurement> measurements(Random r, Goal g) {
        List<Measurement> ms = new ArrayList<>();
        double gapChance = r.nextDouble();
        for (LocalDate from = g.start(); from.isBefore(g.due()); from = from.plusMonths(g.periodicity().months())) {
            if (r.nextDouble() < gapChance) {
                continue;
            }
            LocalDate on = from.plusDays(r.nextInt(28 * g.periodicity().months()));
            double share = r.nextDouble() * 1.2;
            BigDecimal value = g.baseline().add(g.target().subtract(g.baseline()).multiply(BigDecimal.valueOf(share)))
                    .setScale(2, java.math.RoundingMode.HALF_UP);
            if (!on.isAfter(g.due()) && ms.stream().noneMatch(m -> m.on().equals(on))) {
                ms.add(new Measurement(on, value));
            }
        }
        return ms;
    }

    static LocalDate cut(Random r, Goal g) {
        return g.start().plusDays(r.nextInt((int) (g.due().toEpochDay() - g.start().toEpochDay()) + 400));
    }

    @Test
    void theSameMeasurementsInAnyOrderGiveTheSameStatusAtEveryDate() {
        Random r = new Random(18_2026L);
        for (int i = 0; i < GOALS; i++) {
            Goal g = goal(r);
            List<Measurement> ms = measurements(r, g);
            for (int c = 0; c < 10; c++) {
                LocalDate at = cut(r, g);
                Assessment expected = g.at(ms, at);
                List<Measurement> shuffled = new ArrayList<>(ms);
                Collections.shuffle(shuffled, r);
                assertThat(g.at(shuffled, at)).as("goal %s at %s, %s", g, at, shuffled).isEqualTo(expected);
            }
        }
    }

    @Test
    void notMeasuringAPeriodNeverGivesABetterStatusThanMeasuringTheSameValueAgain() {
        Random r = new Random(25L);
        int unmeasuredCases = 0;
        for (int i = 0; i < GOALS; i++) {
            Goal g = goal(r);
            List<Measurement> ms = measurements(r, g);
            for (int c = 0; c < 10; c++) {
                LocalDate at = cut(r, g);
                Assessment without = g.at(ms, at);
                LocalDate judged = Indicators.lastPeriodEnd(g.start(), g.due(), g.periodicity(), at);
                List<Measurement> known = ms.stream().filter(m -> !m.on().isAfter(at)).toList();
                if (judged == null || !judged.isBefore(g.due()) || known.isEmpty()) {
                    continue;
                }
                LocalDate periodStart = judged.minusMonths(g.periodicity().months());
                Measurement latest = known.stream().max(java.util.Comparator.comparing(Measurement::on)
                        .thenComparing(Measurement::value)).orElseThrow();
                if (!latest.on().isBefore(periodStart)) {
                    continue;
                }
                unmeasuredCases++;
                // The same value measured again within the last period.
                List<Measurement> measured = new ArrayList<>(ms);
                measured.add(new Measurement(periodStart, latest.value()));
                Assessment with = g.at(measured, at);
                assertThat(rank(without.status())).as("goal %s at %s: %s unmeasured, %s measured", g, at, without, with)
                        .isGreaterThanOrEqualTo(rank(with.status()));
                assertThat(without.status()).isNotEqualTo(Status.ON_TRACK);
                if (with.status() == Status.OFF_TRACK) {
                    assertThat(without.status()).isEqualTo(Status.OFF_TRACK);
                }
                // The reason tells two periods unmeasured from the last one.
                LocalDate previousStart = periodStart.minusMonths(g.periodicity().months());
                boolean twoMissed = !previousStart.isBefore(g.start()) && latest.on().isBefore(previousStart);
                assertThat(without.reason()).isEqualTo(twoMissed ? "planning.reason.unmeasuredTwice"
                        : with.status() == Status.OFF_TRACK ? "planning.reason.unmeasuredBehind" : "planning.reason.unmeasured");
            }
        }
        // The generator must actually produce gaps, or this test proves nothing.
        assertThat(unmeasuredCases).isGreaterThan(200);
    }

    @Test
    void aGoalFarBehindStaysOffTrackWhenItsLastPeriodIsUnmeasured() {
        // From 0 to 100 over two years, quarterly: 10 measured in March, while 37 % was expected by July.
        Goal g = new Goal(LocalDate.of(2025, 1, 1), LocalDate.of(2027, 1, 1), Periodicity.QUARTERLY, BigDecimal.ZERO,
                BigDecimal.valueOf(100));
        List<Measurement> march = List.of(new Measurement(LocalDate.of(2025, 3, 20), BigDecimal.TEN));
        Assessment a = g.at(march, LocalDate.of(2025, 10, 5));
        assertThat(a.status()).isEqualTo(Status.OFF_TRACK);
        assertThat(a.reason()).isEqualTo("planning.reason.unmeasuredTwice");
        Assessment lastOnly = g.at(List.of(new Measurement(LocalDate.of(2025, 6, 20), BigDecimal.TEN)),
                LocalDate.of(2025, 10, 5));
        assertThat(lastOnly.status()).isEqualTo(Status.OFF_TRACK);
        assertThat(lastOnly.reason()).isEqualTo("planning.reason.unmeasuredBehind");
        assertThat(lastOnly.achieved()).isEqualTo(0.1);
        // Not far behind: unmeasured is late, and says the last period is missing.
        Assessment late = g.at(List.of(new Measurement(LocalDate.of(2025, 6, 20), BigDecimal.valueOf(30))),
                LocalDate.of(2025, 10, 5));
        assertThat(late.status()).isEqualTo(Status.LATE);
        assertThat(late.reason()).isEqualTo("planning.reason.unmeasured");
    }

    private static int rank(Status s) {
        return switch (s) {
            case ON_TRACK -> 0;
            case LATE -> 1;
            case OFF_TRACK -> 2;
            case PENDING -> -1;
        };
    }
}
