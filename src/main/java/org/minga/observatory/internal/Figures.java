package org.minga.observatory.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A country's associativity on a date, as the observatory publishes it. Counts are keyed by the
 * register's codes (figure, status, department, competence, sector, source); labels are for people.
 *
 * @param schemes schemes registered (founded or recorded) on or before the date and not liquidated
 *            before it
 * @param municipalities the country's units at level municipality on the date (the ones with legal
 *            personality: El Salvador's 44 after 2024-05-01, its 262 before)
 * @param municipalitiesInSchemes municipalities with at least one membership on the date (a member
 *            district counts for its municipality)
 * @param municipalitiesInSeveral municipalities in two or more schemes on the date
 */
public record Figures(String country, LocalDate at, long schemes, Map<String, Long> byFigure,
        Map<String, Long> byStatus, long municipalities, long municipalitiesInSchemes, long municipalitiesInSeveral,
        List<Count> byDepartment, List<Count> membersPerScheme, List<YearCount> foundedAndDissolved,
        List<Count> competences, List<Amount> investmentBySector, List<Amount> investmentBySource) {

    /** How many of something a key has: schemes of a department, schemes with so many members. */
    public record Count(String key, String label, long value) {
    }

    /** Schemes founded and schemes liquidated in a year. */
    public record YearCount(int year, long founded, long dissolved) {
    }

    /** Money in one currency (never added across currencies). */
    public record Amount(String key, String currency, BigDecimal value) {
    }

    /** The share of the country's municipalities in at least one scheme, in percent (0 when none). */
    public double shareInSchemes() {
        return municipalities == 0 ? 0 : 100.0 * municipalitiesInSchemes / municipalities;
    }
}
