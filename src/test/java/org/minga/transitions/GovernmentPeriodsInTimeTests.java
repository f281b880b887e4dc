package org.minga.transitions;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

/** Government periods by date: the law of each time decides the length of a mandate (issue 19A). */
class GovernmentPeriodsInTimeTests {

    private static GovernmentPeriods.Period period(String from, String to) {
        return new GovernmentPeriods.Period(LocalDate.parse(from), LocalDate.parse(to));
    }

    @Test
    void colombianMayorsServedTwoYearsUntil1992() {
        assertThat(GovernmentPeriods.at("CO", LocalDate.of(1989, 3, 1))).isEqualTo(period("1988-06-01", "1990-05-31"));
        assertThat(GovernmentPeriods.at("CO", LocalDate.of(1992, 5, 31))).isEqualTo(period("1990-06-01", "1992-05-31"));
    }

    @Test
    void the1992MayorsServedUntilTheEndOf1994ThenThreeYearsUntil2003() {
        // Asomunicipios was founded in January 1993, under these mayors.
        assertThat(GovernmentPeriods.at("CO", LocalDate.of(1993, 1, 15))).isEqualTo(period("1992-06-01", "1994-12-31"));
        assertThat(GovernmentPeriods.at("CO", LocalDate.of(1996, 7, 1))).isEqualTo(period("1995-01-01", "1997-12-31"));
        assertThat(GovernmentPeriods.at("CO", LocalDate.of(1999, 7, 1))).isEqualTo(period("1998-01-01", "2000-12-31"));
        assertThat(GovernmentPeriods.at("CO", LocalDate.of(2003, 12, 31))).isEqualTo(period("2001-01-01", "2003-12-31"));
        // The October 2003 elections elected the first four-year period.
        assertThat(GovernmentPeriods.electedBy("CO", LocalDate.of(2003, 10, 26)))
                .isEqualTo(period("2004-01-01", "2007-12-31"));
        assertThat(GovernmentPeriods.electedBy("CO", LocalDate.of(1994, 10, 30)))
                .isEqualTo(period("1995-01-01", "1997-12-31"));
    }

    @Test
    void fourYearsFrom2004() {
        assertThat(GovernmentPeriods.at("CO", LocalDate.of(2004, 1, 1))).isEqualTo(period("2004-01-01", "2007-12-31"));
        assertThat(GovernmentPeriods.at("CO", LocalDate.of(2013, 6, 1))).isEqualTo(period("2012-01-01", "2015-12-31"));
        assertThat(GovernmentPeriods.years("CO")).isEqualTo(4);
    }

    @Test
    void salvadoranCouncilsServeThreeYearsFromMayBeforeAndAfterTheReform() {
        assertThat(GovernmentPeriods.at("SV", LocalDate.of(2003, 1, 1))).isEqualTo(period("2000-05-01", "2003-04-30"));
        assertThat(GovernmentPeriods.at("SV", LocalDate.of(2015, 5, 1))).isEqualTo(period("2015-05-01", "2018-04-30"));
        assertThat(GovernmentPeriods.at("SV", LocalDate.of(2026, 12, 1))).isEqualTo(period("2024-05-01", "2027-04-30"));
    }
}
