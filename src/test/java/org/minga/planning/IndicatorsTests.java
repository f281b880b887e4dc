package org.minga.planning;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.minga.planning.Indicators.Measurement;
import org.minga.planning.Indicators.Periodicity;
import org.minga.planning.Indicators.Status;

/** The status of an indicator from its measurements and periodicity: pure, no database. */
class IndicatorsTests {

    static final LocalDate START = LocalDate.of(2025, 1, 1);
    static final LocalDate DUE = LocalDate.of(2027, 1, 1);

    static Status status(Periodicity p, LocalDate at, Measurement... ms) {
        return Indicators.assess(BigDecimal.ZERO, BigDecimal.valueOf(100), START, DUE, p, List.of(ms), at).status();
    }

    static Measurement m(String on, int value) {
        return new Measurement(LocalDate.parse(on), BigDecimal.valueOf(value));
    }

    @Test
    void periodEndsFollowThePeriodicity() {
        LocalDate at = LocalDate.of(2025, 8, 15);
        assertThat(Indicators.lastPeriodEnd(START, DUE, Periodicity.MONTHLY, at)).isEqualTo("2025-08-01");
        assertThat(Indicators.lastPeriodEnd(START, DUE, Periodicity.QUARTERLY, at)).isEqualTo("2025-07-01");
        assertThat(Indicators.lastPeriodEnd(START, DUE, Periodicity.SEMIANNUAL, at)).isEqualTo("2025-07-01");
        assertThat(Indicators.lastPeriodEnd(START, DUE, Periodicity.YEARLY, at)).isNull();
        assertThat(Indicators.lastPeriodEnd(START, DUE, Periodicity.YEARLY, LocalDate.of(2028, 1, 1))).isEqualTo(DUE);
    }

    @Test
    void monthlyGoalMissingLastMonthsMeasurementIsLateAndTwoMonthsOffTrack() {
        // Measured in June at the expected 20 %: on track in early July, late in August, off track in September.
        Measurement june = m("2025-06-20", 20);
        assertThat(status(Periodicity.MONTHLY, LocalDate.of(2025, 7, 5), june)).isEqualTo(Status.ON_TRACK);
        assertThat(status(Periodicity.MONTHLY, LocalDate.of(2025, 8, 5), june)).isEqualTo(Status.LATE);
        assertThat(status(Periodicity.MONTHLY, LocalDate.of(2025, 9, 5), june)).isEqualTo(Status.OFF_TRACK);
    }

    @Test
    void quarterlyGoalIsJudgedAtTheQuarterEnd() {
        // On 1 July a quarter closed: 24.8 % expected. 20 is within 10 points, 10 is late, 0 is off track.
        LocalDate at = LocalDate.of(2025, 7, 10);
        assertThat(status(Periodicity.QUARTERLY, at, m("2025-06-30", 20))).isEqualTo(Status.ON_TRACK);
        assertThat(status(Periodicity.QUARTERLY, at, m("2025-06-30", 10))).isEqualTo(Status.LATE);
        assertThat(status(Periodicity.QUARTERLY, at, m("2025-06-30", -1))).isEqualTo(Status.OFF_TRACK);
        // Recording a lower value later turns it late: the latest measurement counts.
        assertThat(status(Periodicity.QUARTERLY, at, m("2025-05-01", 30), m("2025-07-05", 12))).isEqualTo(Status.LATE);
    }

    @Test
    void semiannualGoalIsNotJudgedBeforeItsFirstHalfEndsWhereAQuarterlyOneIsLate() {
        LocalDate at = LocalDate.of(2025, 5, 10);
        Measurement april = m("2025-04-20", 2);
        assertThat(status(Periodicity.QUARTERLY, at, april)).isEqualTo(Status.LATE);
        assertThat(status(Periodicity.SEMIANNUAL, at, april)).isEqualTo(Status.PENDING);
        assertThat(status(Periodicity.SEMIANNUAL, at)).isEqualTo(Status.PENDING);
        assertThat(status(Periodicity.SEMIANNUAL, LocalDate.of(2025, 7, 2))).isEqualTo(Status.LATE);
    }

    @Test
    void yearlyGoalIsPendingInItsFirstYearAndOffTrackWhenDueUnreached() {
        assertThat(status(Periodicity.YEARLY, LocalDate.of(2025, 11, 1))).isEqualTo(Status.PENDING);
        assertThat(status(Periodicity.YEARLY, LocalDate.of(2026, 1, 15), m("2025-12-20", 50))).isEqualTo(Status.ON_TRACK);
        assertThat(status(Periodicity.YEARLY, LocalDate.of(2026, 1, 15), m("2025-12-20", 30))).isEqualTo(Status.LATE);
        assertThat(status(Periodicity.YEARLY, LocalDate.of(2027, 2, 1), m("2026-12-20", 90))).isEqualTo(Status.OFF_TRACK);
        assertThat(status(Periodicity.YEARLY, LocalDate.of(2027, 2, 1), m("2026-12-20", 100))).isEqualTo(Status.ON_TRACK);
    }

    @Test
    void aFallingIndicatorIsJudgedByTheFractionOfTheWayToItsTarget() {
        // From 40 accidents to 20: 36 after a year is a fifth of the way, half was expected.
        var a = Indicators.assess(BigDecimal.valueOf(40), BigDecimal.valueOf(20), START, DUE, Periodicity.YEARLY,
                List.of(m("2025-12-15", 36)), LocalDate.of(2026, 1, 10));
        assertThat(a.achieved()).isEqualTo(0.2);
        assertThat(a.expected()).isCloseTo(0.5, org.assertj.core.data.Offset.offset(0.01));
        assertThat(a.status()).isEqualTo(Status.OFF_TRACK);
    }
}
