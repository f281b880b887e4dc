package org.minga.transitions;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class GovernmentPeriodsTests {

    @Test
    void colombianMayorsServeFourYearsFromJanuary() {
        assertThat(GovernmentPeriods.at("CO", LocalDate.of(2026, 11, 22)))
                .isEqualTo(new GovernmentPeriods.Period(LocalDate.of(2024, 1, 1), LocalDate.of(2027, 12, 31)));
        assertThat(GovernmentPeriods.at("CO", LocalDate.of(2019, 6, 1)).startsOn()).isEqualTo("2016-01-01");
        // The October 2027 elections elect 2028–2031.
        assertThat(GovernmentPeriods.electedBy("CO", LocalDate.of(2027, 10, 31)))
                .isEqualTo(new GovernmentPeriods.Period(LocalDate.of(2028, 1, 1), LocalDate.of(2031, 12, 31)));
    }

    @Test
    void salvadoranMayorsServeThreeYearsFromMay() {
        assertThat(GovernmentPeriods.at("SV", LocalDate.of(2024, 4, 30)))
                .isEqualTo(new GovernmentPeriods.Period(LocalDate.of(2021, 5, 1), LocalDate.of(2024, 4, 30)));
        assertThat(GovernmentPeriods.at("SV", LocalDate.of(2024, 5, 1)).endsOn()).isEqualTo("2027-04-30");
        assertThat(GovernmentPeriods.electedBy("SV", LocalDate.of(2027, 2, 28)).startsOn()).isEqualTo("2027-05-01");
    }
}
