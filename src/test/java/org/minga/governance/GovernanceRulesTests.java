package org.minga.governance;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.minga.evaluation.HealthIndex;

/** Quorum and majorities as the statutes count them, and the health index's "bodies meeting", without a database. */
class GovernanceRulesTests {

    @Test
    void halfPlusOneIsFiftyOnePercentRoundedUp() {
        assertThat(Majority.quorum(8, 51)).isEqualTo(5);
        assertThat(Majority.quorum(7, 51)).isEqualTo(4);
        assertThat(Majority.quorum(10, 51)).isEqualTo(6);
        assertThat(Majority.quorum(5, 80)).isEqualTo(4);
        assertThat(Majority.quorum(3, 100)).isEqualTo(3);
    }

    @Test
    void majoritiesCountVotesForAgainstTheRightBase() {
        assertThat(Majority.SIMPLE.votesNeeded(2, 9)).isEqualTo(3);
        assertThat(Majority.SIMPLE.votesNeeded(0, 9)).isEqualTo(1);
        assertThat(Majority.ABSOLUTE.votesNeeded(0, 8)).isEqualTo(5);
        assertThat(Majority.ABSOLUTE.votesNeeded(0, 9)).isEqualTo(5);
        assertThat(Majority.TWO_THIRDS.votesNeeded(0, 8)).isEqualTo(6);
        assertThat(Majority.TWO_THIRDS.votesNeeded(0, 9)).isEqualTo(6);
        assertThat(Majority.TWO_THIRDS.votesNeeded(0, 5)).isEqualTo(4);
    }

    @Test
    void bodiesMeetingIsLeftOutWithoutARequirementAndCappedAtTheRequirement() {
        assertThat(HealthIndex.bodiesMeeting(3, 0).score()).isNull();
        assertThat(HealthIndex.bodiesMeeting(1, 4).score()).isEqualTo(25.0);
        assertThat(HealthIndex.bodiesMeeting(4, 4).score()).isEqualTo(100.0);
        assertThat(HealthIndex.bodiesMeeting(1, 4).args()).containsExactly(1, 4);
    }
}
