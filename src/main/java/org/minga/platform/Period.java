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

    public static Period of(LocalDate from, LocalDate to) {
        return new Period(from, to);
    }

    public boolean contains(LocalDate day) {
        return !day.isBefore(from) && (to == null || !day.isAfter(to));
    }

    public boolean overlaps(Period other) {
        return (other.to == null || !from.isAfter(other.to)) && (to == null || !other.from.isAfter(to));
    }
}
