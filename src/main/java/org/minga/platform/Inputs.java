package org.minga.platform;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.regex.Pattern;

/**
 * Reading what a person typed: the one parser of numbers and dates written the Spanish way or the
 * English way, blank as "not given", enum names in any case. The page binder uses the same
 * parsers (see {@code platform.internal.web.InputFormatters}), so a form, an upload and an API
 * read "1.234,56" alike.
 */
public final class Inputs {

    private static final Pattern NUMBER = Pattern.compile("[+-]?[0-9][0-9.,]*");
    private static final Pattern THOUSANDS = Pattern.compile("[+-]?[1-9][0-9]{0,2}[.,][0-9]{3}");
    private static final DateTimeFormatter DAY_MONTH_YEAR = DateTimeFormatter.ofPattern("d/M/uuuu").withResolverStyle(ResolverStyle.STRICT);

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
     * A decimal number as people write it, where the country is not known (uploads, the API):
     * {@code 1234.5}, {@code 1234,5}, {@code 1.234.567,89} or {@code 1,234,567.89}. A single
     * separator that occurs once is the decimal mark (so {@code 1.234} is one point two three four,
     * as machines and the HTML number input write it). Null when blank.
     *
     * @throws NumberFormatException when it is not a number
     */
    public static BigDecimal decimal(String value) {
        return decimal(value, null);
    }

    /**
     * A decimal number as people of a country write it. When both separators appear the last one
     * is the decimal mark; one separator repeated groups thousands (each group of three digits);
     * spaces, apostrophes and the currency sign are ignored ({@code $ 1.234.567}, {@code 1 234,56}).
     * A single separator that occurs once is the decimal mark, except that the country's own
     * thousands separator followed by exactly three digits after one to three leading digits
     * groups thousands: with {@code grouping} '.' (Colombia) {@code 1.234} is one thousand two
     * hundred thirty-four and {@code 1,234} is one point two three four; with ',' (El Salvador)
     * the other way round. {@code grouping} null: no country, the single separator is decimal.
     *
     * @throws NumberFormatException when it is not a number
     */
    public static BigDecimal decimal(String value, Character grouping) {
        String text = text(value);
        if (text == null) {
            return null;
        }
        text = text.replace("$", "").replace("\u00a0", "").replace("\u202f", "").replace(" ", "").replace("'", "");
        if (!NUMBER.matcher(text).matches()) {
            throw new NumberFormatException("Not a number: " + value);
        }
        int dot = text.lastIndexOf('.');
        int comma = text.lastIndexOf(',');
        String plain;
        if (dot >= 0 && comma >= 0) {
            char decimal = dot > comma ? '.' : ',';
            char group = decimal == '.' ? ',' : '.';
            String whole = text.substring(0, text.lastIndexOf(decimal));
            if (whole.indexOf(decimal) >= 0) {
                throw new NumberFormatException("Not a number: " + value);
            }
            plain = grouped(whole, group, value) + "." + text.substring(text.lastIndexOf(decimal) + 1);
        } else if (dot >= 0 || comma >= 0) {
            char mark = dot >= 0 ? '.' : ',';
            boolean repeated = text.indexOf(mark) != text.lastIndexOf(mark);
            boolean thousands = repeated || grouping != null && grouping == mark && THOUSANDS.matcher(text).matches();
            plain = thousands ? grouped(text, mark, value) : text.replace(mark, '.');
        } else {
            plain = text;
        }
        return new BigDecimal(plain);
    }

    /** Digits grouped by {@code mark}: one to three, then groups of exactly three; the marks dropped. */
    private static String grouped(String text, char mark, String value) {
        String[] groups = text.split(Pattern.quote(String.valueOf(mark)), -1);
        String first = groups[0].replaceFirst("^[+-]", "");
        boolean sound = !first.isEmpty() && first.length() <= 3;
        for (int i = 1; i < groups.length && sound; i++) {
            sound = groups[i].length() == 3;
        }
        if (!sound) {
            throw new NumberFormatException("Not a number: " + value);
        }
        return String.join("", groups);
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
