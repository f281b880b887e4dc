package org.minga.platform;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.Temporal;
import java.util.Locale;

/**
 * The one way Minga writes dates and numbers for people. Dates are dd/mm/aaaa everywhere (and
 * dd/mm/aaaa HH:mm for a moment); numbers follow the scheme's country — Colombia 1.234,56, El
 * Salvador 1,234.56 — and, where no scheme is in view, the reader's language (Spanish as Colombia,
 * English as 1,234.56). The separators are stated here rather than taken from the JDK's locale
 * data, which has changed between versions for es-SV. Machines (JSON, open data, datetime
 * attributes, URLs) keep ISO and the decimal point.
 */
public record CountryFormat(String country, char grouping, char decimal, char listSeparator) {

    public static final CountryFormat COLOMBIA = new CountryFormat("CO", '.', ',', ';');
    public static final CountryFormat EL_SALVADOR = new CountryFormat("SV", ',', '.', ',');
    /** English readers outside any scheme: the decimal point, as El Salvador, without a country. */
    public static final CountryFormat ENGLISH = new CountryFormat(null, ',', '.', ',');

    public static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/uuuu");
    public static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd/MM/uuuu HH:mm");

    /** A scheme's country (CO, SV); Colombia's for anything else. */
    public static CountryFormat of(String country) {
        return "SV".equals(country) ? EL_SALVADOR : COLOMBIA;
    }

    /** A reader's language where no scheme is in view: English with the decimal point, Spanish as Colombia. */
    public static CountryFormat of(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage()) ? ENGLISH : COLOMBIA;
    }

    /** 04/12/2026; empty for none. */
    public String date(LocalDate day) {
        return day == null ? "" : DATE.format(day);
    }

    /** 04/12/2026 14:05 in the given zone (a local date-time is taken as it is); empty for none. */
    public String dateTime(Temporal moment, ZoneId zone) {
        return switch (moment) {
            case null -> "";
            case Instant i -> DATE_TIME.format(i.atZone(zone));
            case OffsetDateTime o -> DATE_TIME.format(o.atZoneSameInstant(zone));
            case ZonedDateTime z -> DATE_TIME.format(z.withZoneSameInstant(zone));
            case LocalDateTime l -> DATE_TIME.format(l);
            case LocalDate d -> date(d);
            default -> throw new IllegalArgumentException("Not a moment: " + moment);
        };
    }

    /** A figure with exactly {@code scale} decimals: number(1234.5, 2) is 1.234,50 in Colombia. */
    public String number(Number value, int scale) {
        return value == null ? "" : pattern(scale == 0 ? "#,##0" : "#,##0." + "0".repeat(scale)).format(decimal(value));
    }

    /** A figure with up to four decimals and no trailing zeros: 16.000,5 in Colombia, 16,000.5 in El Salvador. */
    public String number(Number value) {
        return value == null ? "" : pattern("#,##0.####").format(decimal(value));
    }

    /** A percentage given in points (45.5 for 45,5 %), with up to two decimals. */
    public String percent(Number points) {
        return points == null ? "" : pattern("#,##0.##").format(decimal(points)) + " %";
    }

    /**
     * An amount with its currency: pesos without decimals unless there are cents (COP 1.250, COP
     * 51,03: a document never hides what it bills), dollars always with two (USD 1,250.50).
     */
    public String money(BigDecimal amount, String currency) {
        if (amount == null) {
            return "";
        }
        boolean cents = amount.stripTrailingZeros().scale() > 0;
        int scale = "COP".equals(currency) && !cents ? 0 : Money.SCALE;
        return currency + " " + number(amount, scale);
    }

    public String money(Money money) {
        return money == null ? "" : money(money.amount(), money.currency().name());
    }

    /** What a person typed in this country: see {@link Inputs#decimal(String, Character)}. */
    public BigDecimal read(String typed) {
        return Inputs.decimal(typed, grouping);
    }

    private static BigDecimal decimal(Number value) {
        return value instanceof BigDecimal d ? d : new BigDecimal(value.toString());
    }

    private DecimalFormat pattern(String pattern) {
        DecimalFormatSymbols symbols = DecimalFormatSymbols.getInstance(Locale.ROOT);
        symbols.setGroupingSeparator(grouping);
        symbols.setDecimalSeparator(decimal);
        symbols.setMinusSign('-');
        DecimalFormat format = new DecimalFormat(pattern, symbols);
        format.setRoundingMode(RoundingMode.HALF_EVEN);
        return format;
    }
}
