package org.minga.platform;

import java.time.LocalDate;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The rules every free text, number and date obeys wherever it enters (JSON bodies, query strings,
 * forms): no control characters, a length limit, numbers that fit a column, dates in 1900–2100.
 * A field's own, stricter rule (a {@code @Size}, a service check) still applies after these.
 */
public final class TextRule {

    /** A single-line text: a name, a code, a title, a search. */
    public static final int LINE_MAX = 2_000;
    /** A long text: a description, minutes, notes, a knowledge item's body section. */
    public static final int LONG_MAX = 20_000;
    /** Below every numeric column's ceiling: numeric(18, 4) holds fourteen integer digits. */
    public static final java.math.BigDecimal NUMBER_LIMIT = java.math.BigDecimal.TEN.pow(14);
    public static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);
    public static final LocalDate LATEST = LocalDate.of(2100, 12, 31);

    /**
     * Fields written in a text area, by name: they may hold line breaks and tabs and up to
     * {@link #LONG_MAX} characters. Every other text is one line of up to {@link #LINE_MAX}.
     */
    private static final Set<String> LONG_FIELDS = Set.of("description", "justification", "location", "mission", "notes",
            "note", "observation", "procedures", "purposes", "statement", "strategicLines", "summary", "text",
            "contacts", "context", "whatWasDone", "successes", "failures", "lessons", "pendingQuestions", "voices",
            "body", "objective", "objectives", "bets", "agenda", "agreements", "minutes", "comment", "reason",
            "content", "message", "answer", "detail", "details", "result", "results", "progress");

    /** Named exceptions: a drawn shape in GeoJSON is long, one line, and checked again by its reader. */
    private static final java.util.Map<String, Integer> OWN_LIMITS = java.util.Map.of("geometry", 200_000);

    private static final Pattern ISO_DATE = Pattern.compile("[+-]?\\d{4,}-\\d{2}-\\d{2}");

    private TextRule() {
    }

    /** A broken rule: its name (for {@code errors[].rule}), message key and arguments. */
    public record Broken(String rule, String messageKey, Object... args) {
    }

    public static boolean isLong(String field) {
        if (field == null) {
            return false;
        }
        return LONG_FIELDS.contains(leaf(field));
    }

    /** {@code lines[2].description} names the field {@code description}. */
    private static String leaf(String field) {
        return field == null ? "" : field.substring(field.lastIndexOf('.') + 1).replaceAll("\\[\\d*]$", "");
    }

    /** The rule a text breaks, or null; {@code max} is the field's own limit (0 = the default). */
    public static Broken check(String field, String value, int max) {
        boolean multiLine = isLong(field);
        int limit = max > 0 ? max : OWN_LIMITS.getOrDefault(leaf(field), multiLine ? LONG_MAX : LINE_MAX);
        if (value.length() > limit) {
            return new Broken("Size", "input.tooLong", limit, value.length());
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\n' || c == '\r' || c == '\t' ? !multiLine : Character.isISOControl(c)) {
                return new Broken("Control", multiLine ? "input.control" : "input.controlLine",
                        String.format("U+%04X", (int) c), i + 1);
            }
            if (Character.isSurrogate(c)) {
                if (Character.isHighSurrogate(c) && i + 1 < value.length()
                        && Character.isLowSurrogate(value.charAt(i + 1))) {
                    i++;
                } else {
                    return new Broken("Control", "input.surrogate", i + 1);
                }
            }
        }
        return null;
    }

    /** A request parameter that reads as an ISO date must lie in 1900–2100. */
    public static Broken checkDateLike(String value) {
        if (!ISO_DATE.matcher(value).matches()) {
            return null;
        }
        try {
            return checkDate(LocalDate.parse(value));
        } catch (java.time.format.DateTimeParseException e) {
            // A year with more than four digits needs a sign to parse: it is out of range either way.
            return dateOutOfRange();
        }
    }

    public static Broken checkDate(LocalDate date) {
        return date.isBefore(EARLIEST) || date.isAfter(LATEST) ? dateOutOfRange() : null;
    }

    public static Broken checkNumber(java.math.BigDecimal value) {
        return value.abs().compareTo(NUMBER_LIMIT) >= 0 ? numberOutOfRange() : null;
    }

    public static Broken numberOutOfRange() {
        return new Broken("Range", "input.numberRange", "100.000.000.000.000");
    }

    private static Broken dateOutOfRange() {
        return new Broken("Range", "input.dateRange", EARLIEST.getYear(), LATEST.getYear());
    }
}
