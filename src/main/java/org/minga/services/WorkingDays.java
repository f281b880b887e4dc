package org.minga.services;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.Set;
import java.util.TreeSet;

/**
 * Working days as a country's permit offices count them: Monday to Friday except the national
 * public holidays, computed from the law's rules for any year (not typed lists per year).
 * <ul>
 * <li>Colombia (Ley 51 de 1983, "Ley Emiliani"): 1 January, 1 May, 20 July, 7 August, 8 and 25
 * December on their day; Epiphany (6 Jan), Saint Joseph (19 Mar), Saints Peter and Paul (29 Jun),
 * Assumption (15 Aug), Columbus Day (12 Oct), All Saints (1 Nov) and Cartagena's independence
 * (11 Nov) on the next Monday; Holy Thursday and Good Friday; Ascension, Corpus Christi and Sacred
 * Heart on the Monday after (Easter + 43, + 64, + 71 days).</li>
 * <li>El Salvador (Código de Trabajo, art. 190, national days): 1 January, Holy Thursday, Good
 * Friday and Holy Saturday, 1 May, 10 May, 17 June, 6 August, 15 September, 2 November and 25
 * December, on their day.</li>
 * </ul>
 */
public final class WorkingDays {

    private WorkingDays() {
    }

    /** The day that is {@code days} working days after {@code start} (the start itself not counted). */
    public static LocalDate plus(String country, LocalDate start, int days) {
        LocalDate day = start;
        Set<LocalDate> holidays = holidays(country, day.getYear());
        for (int counted = 0; counted < days;) {
            day = day.plusDays(1);
            if (day.getDayOfYear() == 1) {
                holidays = holidays(country, day.getYear());
            }
            if (working(day, holidays)) {
                counted++;
            }
        }
        return day;
    }

    public static boolean isWorkingDay(String country, LocalDate day) {
        return working(day, holidays(country, day.getYear()));
    }

    private static boolean working(LocalDate day, Set<LocalDate> holidays) {
        return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY && !holidays.contains(day);
    }

    /** A year's national public holidays of Colombia ("CO") or El Salvador ("SV"), in date order. */
    public static Set<LocalDate> holidays(String country, int year) {
        LocalDate easter = easter(year);
        Set<LocalDate> days = new TreeSet<>();
        switch (country) {
            case "CO" -> {
                for (int[] md : new int[][] {{1, 1}, {5, 1}, {7, 20}, {8, 7}, {12, 8}, {12, 25}}) {
                    days.add(LocalDate.of(year, md[0], md[1]));
                }
                for (int[] md : new int[][] {{1, 6}, {3, 19}, {6, 29}, {8, 15}, {10, 12}, {11, 1}, {11, 11}}) {
                    days.add(nextMonday(LocalDate.of(year, md[0], md[1])));
                }
                days.add(easter.minusDays(3));
                days.add(easter.minusDays(2));
                days.add(easter.plusDays(43));
                days.add(easter.plusDays(64));
                days.add(easter.plusDays(71));
            }
            case "SV" -> {
                for (int[] md : new int[][] {{1, 1}, {5, 1}, {5, 10}, {6, 17}, {8, 6}, {9, 15}, {11, 2}, {12, 25}}) {
                    days.add(LocalDate.of(year, md[0], md[1]));
                }
                days.add(easter.minusDays(3));
                days.add(easter.minusDays(2));
                days.add(easter.minusDays(1));
            }
            default -> throw new IllegalArgumentException("No public holidays known for " + country);
        }
        return days;
    }

    /** The day itself when it is a Monday, else the Monday after it (Ley 51 de 1983, art. 1). */
    private static LocalDate nextMonday(LocalDate day) {
        return day.with(TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY));
    }

    /** Easter Sunday of the Gregorian calendar (the anonymous "Meeus/Jones/Butcher" algorithm). */
    public static LocalDate easter(int year) {
        int a = year % 19;
        int b = year / 100;
        int c = year % 100;
        int d = b / 4;
        int e = b % 4;
        int f = (b + 8) / 25;
        int g = (b - f + 1) / 3;
        int h = (19 * a + b - d - g + 15) % 30;
        int i = c / 4;
        int k = c % 4;
        int l = (32 + 2 * e + 2 * i - h - k) % 7;
        int m = (a + 11 * h + 22 * l) / 451;
        int month = (h + l - 7 * m + 114) / 31;
        int day = (h + l - 7 * m + 114) % 31 + 1;
        return LocalDate.of(year, month, day);
    }
}
