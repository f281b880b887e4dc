package org.minga.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.minga.planning.Indicators.Status;

/** Each component of the health index, and how they combine: pure, no database. */
class HealthIndexTests {

    static final LocalDate AT = LocalDate.of(2026, 6, 30);

    @Test
    void contributionsArePaidOverDueAveragedOverCurrenciesAndCappedAtFull() {
        var c = HealthIndex.contributions(Map.of("COP", new BigDecimal[] {new BigDecimal("1000"), new BigDecimal("750")},
                "USD", new BigDecimal[] {new BigDecimal("100"), new BigDecimal("150")}));
        assertThat(c.score()).isEqualTo(87.5);
        assertThat(HealthIndex.contributions(Map.of()).score()).isNull();
    }

    @Test
    void lateGoalsCountHalfAndPendingOnesAreNotJudged() {
        var c = HealthIndex.goals(Map.of(Status.ON_TRACK, 2, Status.LATE, 1, Status.OFF_TRACK, 1, Status.PENDING, 5));
        assertThat(c.score()).isEqualTo(62.5);
        assertThat(c.args()).containsExactly(2, 1, 1);
        assertThat(HealthIndex.goals(Map.of(Status.PENDING, 3)).score()).isNull();
    }

    @Test
    void projectsMoveWhenTheyHadActivityWithinHalfAYear() {
        var c = HealthIndex.projects(List.of(AT.minusDays(10), AT.minusDays(180), AT.minusDays(181), AT.minusYears(2)), AT);
        assertThat(c.score()).isEqualTo(50.0);
        assertThat(HealthIndex.projects(List.of(), AT).score()).isNull();
    }

    @Test
    void bodiesScoreTheSeatsInTermAreLeftOutWhenNoneIsRegisteredAndScoreZeroWithNoSeatOccupied() {
        assertThat(HealthIndex.bodies(2, 8, 2).score()).isEqualTo(75.0);
        assertThat(HealthIndex.bodies(0, 0, 0).score()).isNull();
        assertThat(HealthIndex.bodies(0, 0, 0).explanation()).isEqualTo("evaluation.health.bodies.unregistered");
        assertThat(HealthIndex.bodies(1, 0, 0).score()).isEqualTo(0.0);
    }

    @Test
    void participationEquityAndSelfEvaluation() {
        assertThat(HealthIndex.participation(16, 4).score()).isEqualTo(25.0);
        assertThat(HealthIndex.participation(0, 0).score()).isNull();
        assertThat(HealthIndex.participation(16, null).score()).isNull();
        assertThat(HealthIndex.participation(16, null).explanation()).isEqualTo("evaluation.health.participation.noEvaluation");
        assertThat(HealthIndex.equity(new BigDecimal("0.8123")).score()).isEqualTo(81.2);
        assertThat(HealthIndex.equity(null).score()).isNull();
        assertThat(HealthIndex.selfEvaluation(4.0, "2026").score()).isEqualTo(75.0);
        assertThat(HealthIndex.selfEvaluation(1.0, "2026").score()).isEqualTo(0.0);
    }

    @Test
    void theIndexIsTheMeanOfTheComponentsWithDataAndItsBand() {
        List<HealthIndex.Component> cs = new ArrayList<>(List.of(HealthIndex.bodies(1, 4, 0),
                HealthIndex.goals(Map.of(Status.LATE, 2)), HealthIndex.equity(null)));
        var r = HealthIndex.of(cs);
        assertThat(r.index()).isEqualTo(75.0);
        assertThat(r.band()).isEqualTo(HealthIndex.Band.HEALTHY);
        cs.add(HealthIndex.participation(10, 0));
        assertThat(HealthIndex.of(cs).index()).isEqualTo(50.0);
        assertThat(HealthIndex.of(cs).band()).isEqualTo(HealthIndex.Band.ATTENTION);
        assertThat(HealthIndex.of(List.of(HealthIndex.bodies(1, 0, 0))).band()).isEqualTo(HealthIndex.Band.CRITICAL);
        // Missing data changes nothing: a component without data weighs nothing, in any position.
        var withGaps = new ArrayList<>(cs);
        withGaps.add(0, HealthIndex.bodies(0, 0, 0));
        withGaps.add(HealthIndex.participation(10, null));
        assertThat(HealthIndex.of(withGaps).index()).isEqualTo(HealthIndex.of(cs).index());
        assertThat(HealthIndex.of(List.of(HealthIndex.equity(null))).index()).isNull();
    }
}
