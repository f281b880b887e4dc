package org.minga.services;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Public holidays computed from the law's rules, checked against the calendars the governments published. */
class WorkingDaysTests {

    @Test
    void colombia2026MatchesThePublishedCalendarWithEmilianiMondaysAndEaster() {
        assertThat(WorkingDays.holidays("CO", 2026)).containsExactly(d("2026-01-01"), d("2026-01-12"), d("2026-03-23"),
                d("2026-04-02"), d("2026-04-03"), d("2026-05-01"), d("2026-05-18"), d("2026-06-08"), d("2026-06-15"),
                d("2026-06-29"), d("2026-07-20"), d("2026-08-07"), d("2026-08-17"), d("2026-10-12"), d("2026-11-02"),
                d("2026-11-16"), d("2026-12-08"), d("2026-12-25"));
    }

    @Test
    void colombia2025MovesTheHolidaysThatFallMidweek() {
        // 2025: Epiphany on Monday 6 Jan stays; Saint Joseph (Wed 19 Mar) moves to 24 Mar; Easter is 20 April;
        // Saints Peter and Paul (Sunday 29 Jun) moves to Monday 30 Jun, the day of the Sacred Heart: one day off for both.
        assertThat(WorkingDays.holidays("CO", 2025)).contains(d("2025-01-06"), d("2025-03-24"), d("2025-04-17"),
                d("2025-04-18"), d("2025-06-02"), d("2025-06-23"), d("2025-06-30"), d("2025-11-03"), d("2025-11-17"))
                .hasSize(17);
    }

    @Test
    void elSalvadorKeepsItsDaysAndHolyWeek2026IsThursdayFridayAndSaturday() {
        assertThat(WorkingDays.holidays("SV", 2026)).containsExactly(d("2026-01-01"), d("2026-04-02"), d("2026-04-03"),
                d("2026-04-04"), d("2026-05-01"), d("2026-05-10"), d("2026-06-17"), d("2026-08-06"), d("2026-09-15"),
                d("2026-11-02"), d("2026-12-25"));
    }

    @Test
    void easterByTheAlgorithm() {
        assertThat(List.of(2019, 2024, 2025, 2026, 2027, 2038).stream().map(WorkingDays::easter).toList()).containsExactly(
                d("2019-04-21"), d("2024-03-31"), d("2025-04-20"), d("2026-04-05"), d("2027-03-28"), d("2038-04-25"));
    }

    @Test
    void dueDatesSkipWeekendsAndEachCountrysHolidays() {
        // Opened Wednesday 1 April 2026: Holy Thursday and Friday, the weekend, then Monday 6 and Tuesday 7.
        assertThat(WorkingDays.plus("CO", d("2026-04-01"), 2)).isEqualTo(d("2026-04-07"));
        assertThat(WorkingDays.plus("SV", d("2026-04-01"), 2)).isEqualTo(d("2026-04-07"));
        // Friday 8 May 2026: Colombia counts Monday 11; El Salvador too (10 May is a Sunday, not moved).
        assertThat(WorkingDays.plus("CO", d("2026-05-08"), 1)).isEqualTo(d("2026-05-11"));
        // 15 June 2026 is Sacred Heart in Colombia, a working Monday in El Salvador; 17 June the other way round.
        assertThat(WorkingDays.plus("CO", d("2026-06-12"), 1)).isEqualTo(d("2026-06-16"));
        assertThat(WorkingDays.plus("SV", d("2026-06-12"), 1)).isEqualTo(d("2026-06-15"));
        assertThat(WorkingDays.plus("SV", d("2026-06-16"), 1)).isEqualTo(d("2026-06-18"));
        // Across the new year: 24 Dec 2026 (Thursday) + 3 in Colombia: 28, 29, 30 December.
        assertThat(WorkingDays.plus("CO", d("2026-12-24"), 3)).isEqualTo(d("2026-12-30"));
        assertThat(WorkingDays.plus("CO", d("2026-12-30"), 2)).isEqualTo(d("2027-01-04"));
        // 30 working days from Friday 2 Jan 2026: Monday 16 Feb in Colombia (12 Jan is Epiphany), Friday 13 Feb in El Salvador.
        assertThat(WorkingDays.plus("CO", d("2026-01-02"), 30)).isEqualTo(d("2026-02-16"));
        assertThat(WorkingDays.plus("SV", d("2026-01-02"), 30)).isEqualTo(d("2026-02-13"));
    }

    private static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }
}
