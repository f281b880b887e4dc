package org.minga.transitions;

import java.time.LocalDate;

/**
 * Local government periods per country: in Colombia mayors serve four years from 1 January
 * (2024–2027, 2028–2031…); in El Salvador three years from 1 May (2024–2027, 2027–2030…).
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

    /**
     * The period in course on a date: the one starting in the date's year's cycle, or the one before
     * when the date falls before that period's first day (El Salvador's periods start on 1 May).
     */
    public static Period at(String country, LocalDate date) {
        int years = years(country);
        LocalDate anchor = anchor(country);
        Period period = starting(anchor.plusYears(Math.floorDiv(date.getYear() - anchor.getYear(), years) * years),
                years);
        return period.contains(date) ? period : starting(period.startsOn().minusYears(years), years);
    }

    private static Period starting(LocalDate startsOn, int years) {
        return new Period(startsOn, startsOn.plusYears(years).minusDays(1));
    }

    /** The period an election held on a date elects: the first one starting after it. */
    public static Period electedBy(String country, LocalDate heldOn) {
        Period current = at(country, heldOn);
        return at(country, current.endsOn().plusDays(1));
    }
}
