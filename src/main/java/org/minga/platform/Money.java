package org.minga.platform;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * An amount in a currency. The one money rule of Minga, stated once:
 * <ul>
 * <li>what a person enters has at most {@value #SCALE} decimals and at most {@value #INTEGER_DIGITS}
 * integer digits, and is <em>refused</em> otherwise, never rounded (a receipt says what it says);</li>
 * <li>what Minga computes (shares, percentages, interest) is rounded half-even to cents, once, at
 * the end ({@link #times});</li>
 * <li>amounts in two currencies are never added ({@link #plus} throws).</li>
 * </ul>
 * As JSON it is {@code {"amount": 1500.00, "currency": "COP"}}; for people, {@link CountryFormat#money(Money)}.
 */
public record Money(BigDecimal amount, Currency currency) implements Comparable<Money> {

    public static final int SCALE = 2;
    public static final int INTEGER_DIGITS = 15;
    public static final RoundingMode ROUNDING = RoundingMode.HALF_EVEN;
    private static final BigDecimal LIMIT = BigDecimal.TEN.pow(INTEGER_DIGITS);

    public Money {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
        amount = amount.setScale(SCALE, ROUNDING);
    }

    public static Money of(BigDecimal amount, Currency currency) {
        return new Money(amount, currency);
    }

    public static Money of(String amount, Currency currency) {
        return new Money(new BigDecimal(amount), currency);
    }

    public static Money zero(Currency currency) {
        return new Money(BigDecimal.ZERO, currency);
    }

    /** Whether an entered amount obeys the rule (sign aside): at most two decimals and fifteen integer digits. */
    public static boolean fits(BigDecimal amount) {
        return amount != null && amount.stripTrailingZeros().scale() <= SCALE && amount.abs().compareTo(LIMIT) < 0;
    }

    public Money plus(Money other) {
        return new Money(amount.add(same(other).amount), currency);
    }

    public Money minus(Money other) {
        return new Money(amount.subtract(same(other).amount), currency);
    }

    /** A computed share of this amount, rounded half-even to cents. */
    public Money times(BigDecimal factor) {
        return new Money(amount.multiply(factor), currency);
    }

    public int signum() {
        return amount.signum();
    }

    @Override
    public int compareTo(Money other) {
        return amount.compareTo(same(other).amount);
    }

    @Override
    public String toString() {
        return currency + " " + amount.toPlainString();
    }

    private Money same(Money other) {
        if (other.currency != currency) {
            throw new IllegalArgumentException("Cannot combine " + currency + " with " + other.currency);
        }
        return other;
    }
}
