package org.minga.transitions;

import java.time.LocalDate;
import java.util.List;

/**
 * Local government periods per country, by date. Colombia: mayors elected by popular vote from 1988
 * served two years from 1 June (1988–1990, 1990–1992); the 1992 mayors served from 1 June 1992 to
 * 31 December 1994; then three years from 1 January (1995–1997, 1998–2000, 2001–2003); from 2004 four
 * years (2004–2007 … 2024–2027). Before 1988 the two-year cycle is carried back (councils were elected
 * every two years; mayors were appointed). El Salvador: three years from 1 May (Const. art. 202),
 * 2024–2027, 2027–2030…
 */
public final class GovernmentPeriods {

    /** A government period: its days are a platform {@link org.minga.platform.Period}, named as mandates are. */
    public record Period(org.minga.platform.Period days) {

        public Period(LocalDate startsOn, LocalDate endsOn) {
            this(org.minga.platform.Period.of(startsOn, endsOn));
        }

        public LocalDate startsOn() {
            return days.from();
        }

        public LocalDate endsOn() {
            return days.to();
        }

        public boolean contains(LocalDate day) {
            return days.contains(day);
        }
    }

    /**
     * A run of equal periods: from {@code from} (a period's first day) until {@code until} (exclusive,
     * null = open), each {@code years} long; a run ending mid-cycle shortens its last period to fit.
     */
    private record Regime(LocalDate from, LocalDate until, int years) {

        boolean covers(LocalDate date) {
            return !date.isBefore(from) && (until == null || date.isBefore(until));
        }

        Period at(LocalDate date) {
            long cycles = Math.floorDiv(date.getYear() - from.getYear(), years);
            LocalDate start = from.plusYears(cycles * years);
            if (start.isAfter(date)) {
                start = start.minusYears(years);
            }
            LocalDate end = start.plusYears(years).minusDays(1);
            return new Period(start, until != null && !end.isBefore(until) ? until.minusDays(1) : end);
        }
    }

    private static final List<Regime> COLOMBIA = List.of(
            new Regime(LocalDate.of(1988, 6, 1), LocalDate.of(1992, 6, 1), 2),
            // Transitory: the mayors elected in March 1992 served until the end of 1994.
            new Regime(LocalDate.of(1992, 6, 1), LocalDate.of(1995, 1, 1), 3),
            new Regime(LocalDate.of(1995, 1, 1), LocalDate.of(2004, 1, 1), 3),
            new Regime(LocalDate.of(2004, 1, 1), null, 4));
    private static final List<Regime> EL_SALVADOR = List.of(new Regime(LocalDate.of(2024, 5, 1), null, 3));

    private GovernmentPeriods() {
    }

    /** Years of a period under the law in force today (the last regime). */
    public static int years(String country) {
        List<Regime> regimes = regimes(country);
        return regimes.getLast().years();
    }

    private static List<Regime> regimes(String country) {
        return switch (country) {
            case "CO" -> COLOMBIA;
            case "SV" -> EL_SALVADOR;
            default -> throw new IllegalArgumentException("país sin periodo de gobierno conocido: " + country);
        };
    }

    /** The period in course on a date, under the rules of that date. */
    public static Period at(String country, LocalDate date) {
        List<Regime> regimes = regimes(country);
        // Dates before the first regime fall in its cycle carried back.
        return regimes.stream().filter(r -> r.covers(date)).findFirst()
                .orElse(new Regime(regimes.getFirst().from(), null, regimes.getFirst().years())).at(date);
    }

    /** The period an election held on a date elects: the first one starting after it. */
    public static Period electedBy(String country, LocalDate heldOn) {
        Period current = at(country, heldOn);
        return at(country, current.endsOn().plusDays(1));
    }
}
