package org.minga.transitions;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * Local government periods per country: in Colombia mayors serve four years from 1 January
 * (2024–2027, 2028–2031…); in El Salvador three years from 1 May (2024–2027, 2027–2030…).
 */
public final class GovernmentPeriods {

    public record Period(LocalDate startsOn, LocalDate endsOn) {
    }

    private GovernmentPeriods() {
    }

    public static int years(String country) {
        return switch (country) {
            case "CO" -> 4;
            case "SV" -> 3;
            default -> throw new IllegalArgumentException("país sin periodo de gobierno conocido: " + country);
        };
    }

    private static LocalDate anchor(String country) {
        return "CO".equals(country) ? LocalDate.of(2024, 1, 1) : LocalDate.of(2024, 5, 1);
    }

    /** The period in course on a date. */
    public static Period at(String country, LocalDate date) {
        int years = years(country);
        LocalDate anchor = anchor(country);
        long k = Math.floorDiv(ChronoUnit.YEARS.between(anchor, date) - (date.isBefore(anchor) ? 1 : 0), years);
        LocalDate start = anchor.plusYears(k * years);
        while (start.isAfter(date)) {
            start = start.minusYears(years);
        }
        while (!start.plusYears(years).isAfter(date)) {
            start = start.plusYears(years);
        }
        return new Period(start, start.plusYears(years).minusDays(1));
    }

    /** The period an election held on a date elects: the first one starting after it. */
    public static Period electedBy(String country, LocalDate heldOn) {
        Period current = at(country, heldOn);
        return at(country, current.endsOn().plusDays(1));
    }
}
