package org.minga.participation.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * Form text to values. Unreadable text becomes null, which the services then refuse as missing,
 * naming the field; amounts accept a decimal comma and thousands dots as people type them in Colombia.
 */
final class Numbers {

    private Numbers() {
    }

    static BigDecimal decimal(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        String t = s.strip().replace(" ", "");
        if (t.contains(",")) {
            t = t.replace(".", "").replace(',', '.');
        }
        try {
            return new BigDecimal(t);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static Long integer(String s) {
        try {
            return s == null || s.isBlank() ? null : Long.valueOf(s.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static Integer smallInt(String s) {
        Long v = integer(s);
        return v == null || v > Integer.MAX_VALUE || v < Integer.MIN_VALUE ? null : v.intValue();
    }

    static LocalDate date(String s) {
        try {
            return s == null || s.isBlank() ? null : LocalDate.parse(s.strip());
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
