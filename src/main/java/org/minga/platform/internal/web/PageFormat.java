package org.minga.platform.internal.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.Temporal;
import java.util.function.Supplier;

import org.minga.platform.CountryFormat;
import org.minga.platform.Money;

/**
 * {@code #fmt} in templates: {@link CountryFormat} of the page being written (the scheme's
 * country, else the reader's language), moments in the installation's zone. Resolved at the
 * first use on a page. Nothing in, null out, so {@code ${#fmt.date(x)} ?: '—'} still works.
 */
public final class PageFormat {

    private final Supplier<CountryFormat> resolver;
    private final ZoneId zone;
    private CountryFormat format;

    PageFormat(Supplier<CountryFormat> resolver, ZoneId zone) {
        this.resolver = resolver;
        this.zone = zone;
    }

    private CountryFormat format() {
        if (format == null) {
            format = resolver.get();
        }
        return format;
    }

    /**
     * 04/12/2026: a day, or the day of a moment in the installation's zone. Anything else (a day
     * of the month, a text) is written as it is, so a template may pass whatever a column holds.
     */
    public String date(Object day) {
        return switch (day) {
            case null -> null;
            case LocalDate d -> format().date(d);
            case LocalDateTime t -> format().date(t.toLocalDate());
            case Instant i -> format().date(LocalDate.ofInstant(i, zone));
            case Temporal t -> format().date(LocalDate.ofInstant(Instant.from(t), zone));
            default -> day.toString();
        };
    }

    /** 04/12/2026 14:05, in the installation's zone. */
    public String dateTime(Temporal moment) {
        return moment == null ? null : format().dateTime(moment, zone);
    }

    /** Up to four decimals: 16.000,5 in Colombia. */
    public String number(Number value) {
        return value == null ? null : format().number(value);
    }

    /** Exactly {@code scale} decimals: 1.234,50. */
    public String number(Number value, int scale) {
        return value == null ? null : format().number(value, scale);
    }

    /** Points as a percentage: 45,5 %. */
    public String percent(Number points) {
        return points == null ? null : format().percent(points);
    }

    /** COP 1.250, USD 1,250.50. */
    public String money(BigDecimal amount, Object currency) {
        return amount == null ? null : format().money(amount, currency == null ? "" : currency.toString());
    }

    public String money(Money money) {
        return money == null ? null : format().money(money);
    }
}
