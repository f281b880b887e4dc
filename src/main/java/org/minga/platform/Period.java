package org.minga.platform;

import java.time.LocalDate;

/**
 * The days from {@code from} to {@code to}, both included; an open period has no {@code to}. It is
 * the shape of every {@code valid_from}/{@code valid_to} pair in Minga (memberships, terms, rules),
 * so "on a date" is asked in one way: {@link #contains}. In SQL the same predicate is
 * {@code valid_from <= :at and (valid_to is null or valid_to >= :at)}.
 */
public record Period(LocalDate from, LocalDate to) {

    public Period {
        if (from == null) {
            throw new IllegalArgumentException("A period starts on a day");
        }
        if (to != null && to.isBefore(from)) {
            throw new IllegalArgumentException("A period cannot end (" + to + ") before it starts (" + from + ")");
        }
    }

    public static Period from(LocalDate from) {
        return new Period(from, null);
    }

    public static Period of(LocalDate from, LocalDate to) {
        return new Period(from, to);
    }

    /** The calendar year as a period. */
    public static Period year(int year) {
        return new Period(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
    }

    /**
     * The period a person entered, or a violation: {@code Required} on {@code fromField} when the
     * start is missing, {@code After} on {@code toField} when the end comes before the start.
     */
    public static Period entered(String fromField, LocalDate from, String toField, LocalDate to) {
        Checks checks = new Checks();
        Period period = checks.period(fromField, from, toField, to);
        checks.orThrow();
        return period;
    }

    public boolean isOpen() {
        return to == null;
    }

    public boolean contains(LocalDate day) {
        return !day.isBefore(from) && (to == null || !day.isAfter(to));
    }

    public boolean overlaps(Period other) {
        return (other.to == null || !from.isAfter(other.to)) && (to == null || !other.from.isAfter(to));
    }

    /** The same start, closed on {@code day}. */
    public Period endingOn(LocalDate day) {
        return new Period(from, day);
    }
}
