package org.minga.platform;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/**
 * Reading what a person typed: the one parser of numbers and dates written the Spanish way or the
 * English way, blank as "not given", enum names in any case. The page binder uses the same
 * parsers (see {@code platform.internal.web.InputFormatters}), so a form, an upload and an API
 * read "1.234,56" alike.
 */
public final class Inputs {

    private static final Pattern NUMBER = Pattern.compile("[+-]?[0-9][0-9.,]*");
    private static final DateTimeFormatter DAY_MONTH_YEAR = DateTimeFormatter.ofPattern("d/M/uuuu");

    private Inputs() {
    }

    /** A text stripped of surrounding white space; blank or null as null. */
    public static String text(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** An enum constant by name, ignoring case and surrounding space; null when blank or unknown. */
    public static <E extends Enum<E>> E enumValue(Class<E> type, String value) {
        String name = text(value);
        if (name == null) {
            return null;
        }
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equalsIgnoreCase(name)) {
                return constant;
            }
        }
        return null;
    }

    /**
     * A decimal number as people write it: {@code 1234.5}, {@code 1234,5}, {@code 1.234.567,89} or
     * {@code 1,234,567.89}. When both separators appear the last one is the decimal mark; one
     * separator repeated is a thousands separator; a single one is the decimal mark (so
     * {@code 1.234} is one point two three four, as machines and the HTML number input write it).
     * Currency signs and spaces around digits are ignored. Null when blank.
     *
     * @throws NumberFormatException when it is not a number
     */
    public static BigDecimal decimal(String value) {
        String text = text(value);
        if (text == null) {
            return null;
        }
        text = text.replace("$", "").replace("\u00a0", "").replace(" ", "").replace("'", "");
        if (!NUMBER.matcher(text).matches()) {
            throw new NumberFormatException("Not a number: " + value);
        }
        int dot = text.lastIndexOf('.');
        int comma = text.lastIndexOf(',');
        String plain;
        if (dot >= 0 && comma >= 0) {
            char decimal = dot > comma ? '.' : ',';
            char grouping = decimal == '.' ? ',' : '.';
            plain = text.replace(String.valueOf(grouping), "").replace(decimal, '.');
        } else if (dot >= 0 || comma >= 0) {
            char mark = dot >= 0 ? '.' : ',';
            boolean repeated = text.indexOf(mark) != text.lastIndexOf(mark);
            plain = repeated ? text.replace(String.valueOf(mark), "") : text.replace(mark, '.');
        } else {
            plain = text;
        }
        return new BigDecimal(plain);
    }

    /** A date as {@code 2026-12-04} (ISO, as the date input sends it) or {@code 4/12/2026}; null when blank. */
    public static LocalDate date(String value) {
        String text = text(value);
        if (text == null) {
            return null;
        }
        try {
            return text.contains("/") ? LocalDate.parse(text, DAY_MONTH_YEAR) : LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("Not a date: " + value, e);
        }
    }
}
