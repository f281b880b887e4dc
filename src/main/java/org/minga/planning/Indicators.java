package org.minga.planning;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;

/**
 * The status of a goal's indicator, computed from its measurements and its periodicity; pure, so
 * it is tested without a database.
 *
 * <p>The goal is judged at the end of each period (month, quarter, half year or year counted from
 * its start), not every day: at the last period end reached, the latest value measured is compared
 * with the value expected on a straight line from the baseline at the start to the target at the
 * due date. Progress is the fraction of the way from baseline to target, so goals that must fall
 * (fewer accidents) are judged the same way as goals that must rise.
 * <ul>
 * <li>{@code ON_TRACK}: progress within {@link #LATE_GAP} of what is expected, or the target reached;</li>
 * <li>{@code LATE}: behind by more than {@link #LATE_GAP}, or the last closed period has no measurement;</li>
 * <li>{@code OFF_TRACK}: behind by more than {@link #OFF_TRACK_GAP} (judged on the latest value known,
 * even when the last period is unmeasured), no measurement in the last two closed periods, or the
 * due date passed without reaching the target;</li>
 * <li>{@code PENDING}: no period has ended yet.</li>
 * </ul>
 */
public final class Indicators {

    public enum Periodicity {
        MONTHLY(1), QUARTERLY(3), SEMIANNUAL(6), YEARLY(12);

        private final int months;

        Periodicity(int months) {
            this.months = months;
        }

        public int months() {
            return months;
        }
    }

    public enum Status { ON_TRACK, LATE, OFF_TRACK, PENDING }

    public static final double LATE_GAP = 0.10;
    public static final double OFF_TRACK_GAP = 0.25;

    public record Measurement(LocalDate on, BigDecimal value) {
    }

    /**
     * The status as of a date, with what it was computed from: the period end it was judged at
     * (null when none ended yet), the expected and achieved progress (0–1, achieved may pass 1), and
     * the value used.
     */
    public record Assessment(Status status, LocalDate judgedAt, double expected, Double achieved, BigDecimal value,
            @org.minga.platform.web.MessageText String reason) {
    }

    private Indicators() {
    }

    /** The end (exclusive) of the last period that ended on or before {@code at}; null if none. */
    public static LocalDate lastPeriodEnd(LocalDate start, LocalDate due, Periodicity p, LocalDate at) {
        LocalDate last = null;
        for (int i = 1;; i++) {
            LocalDate end = start.plusMonths((long) i * p.months());
            if (end.isAfter(due)) {
                end = due;
            }
            if (end.isAfter(at)) {
                return last;
            }
            last = end;
            if (!end.isBefore(due)) {
                return last;
            }
        }
    }

    /**
     * The assessment at {@code at} from the measurements dated up to it, whatever their order in the
     * list (two on one day, which the service refuses, are ordered by value so the answer stays the same).
     */
    public static Assessment assess(BigDecimal baseline, BigDecimal target, LocalDate start, LocalDate due,
            Periodicity periodicity, List<Measurement> measurements, LocalDate at) {
        List<Measurement> known = measurements.stream().filter(m -> !m.on().isAfter(at))
                .sorted(Comparator.comparing(Measurement::on).thenComparing(Measurement::value)).toList();
        Measurement latest = known.isEmpty() ? null : known.getLast();
        Double achieved = latest == null ? null : progress(baseline, target, latest.value());
        LocalDate judged = lastPeriodEnd(start, due, periodicity, at);
        if (judged == null) {
            // Nothing is judged before the first period ends, whatever was measured.
            return new Assessment(Status.PENDING, null, 0, achieved, latest == null ? null : latest.value(),
                    "planning.reason.pending");
        }
        if (!judged.isBefore(due)) {
            boolean reached = achieved != null && achieved >= 1.0;
            return new Assessment(reached ? Status.ON_TRACK : Status.OFF_TRACK, judged, 1.0, achieved,
                    latest == null ? null : latest.value(), reached ? "planning.reason.reached" : "planning.reason.missed");
        }
        double expected = expected(start, due, judged);
        LocalDate periodStart = judged.minusMonths(periodicity.months());
        LocalDate previousStart = periodStart.minusMonths(periodicity.months());
        boolean measuredInPeriod = known.stream().anyMatch(m -> !m.on().isBefore(periodStart));
        if (measuredInPeriod) {
            return gap(expected, achieved, judged, latest.value());
        }
        // An unmeasured period is at least late, two in a row off track; and the last value known is
        // still judged, so not measuring never makes a goal that is far behind look better.
        boolean measuredBefore = known.stream().anyMatch(m -> !m.on().isBefore(previousStart));
        boolean twoMissed = !previousStart.isBefore(start) && !measuredBefore;
        Status byGap = achieved == null ? Status.LATE : gap(expected, achieved, judged, latest.value()).status();
        BigDecimal value = latest == null ? null : latest.value();
        if (twoMissed) {
            return new Assessment(Status.OFF_TRACK, judged, expected, achieved, value, "planning.reason.unmeasuredTwice");
        }
        return byGap == Status.OFF_TRACK
                ? new Assessment(Status.OFF_TRACK, judged, expected, achieved, value, "planning.reason.unmeasuredBehind")
                : new Assessment(Status.LATE, judged, expected, achieved, value, "planning.reason.unmeasured");
    }

    private static Assessment gap(double expected, double achieved, LocalDate judged, BigDecimal value) {
        double behind = expected - achieved;
        Status s = achieved >= 1.0 || behind <= LATE_GAP + 1e-9 ? Status.ON_TRACK
                : behind <= OFF_TRACK_GAP + 1e-9 ? Status.LATE : Status.OFF_TRACK;
        return new Assessment(s, judged, expected, achieved, value, "planning.reason." + s.name());
    }

    /** The fraction of the time from start to due elapsed at a date, 0–1. */
    public static double expected(LocalDate start, LocalDate due, LocalDate at) {
        long total = ChronoUnit.DAYS.between(start, due);
        long done = ChronoUnit.DAYS.between(start, at);
        return Math.max(0, Math.min(1, (double) done / total));
    }

    /** The fraction of the way from baseline to target a value has come (negative when it went back). */
    public static double progress(BigDecimal baseline, BigDecimal target, BigDecimal value) {
        return value.subtract(baseline).divide(target.subtract(baseline), 6, RoundingMode.HALF_UP).doubleValue();
    }
}
