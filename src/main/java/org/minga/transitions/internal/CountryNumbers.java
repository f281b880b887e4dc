package org.minga.transitions.internal;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/**
 * Numbers written the way the scheme's country writes them: Colombia groups with points and
 * separates decimals with a comma (1.000.000,50), El Salvador the other way round (1,000,000.50).
 */
public record CountryNumbers(char grouping, char decimal) {

    public static CountryNumbers of(String country) {
        return "SV".equals(country) ? new CountryNumbers(',', '.') : new CountryNumbers('.', ',');
    }

    /** An amount with its currency and two decimals: "COP 1.000.000,00", "USD 11,700.00". */
    public String money(BigDecimal amount, String currency) {
        return currency + " " + format("#,##0.00", amount);
    }

    /** A figure with up to four decimals and no trailing zeros: "16.000", "2,5". */
    public String number(BigDecimal value) {
        return format("#,##0.####", value);
    }

    /** A percentage with up to two decimals: "45,5 %". */
    public String percent(BigDecimal value) {
        return format("#,##0.##", value) + " %";
    }

    private String format(String pattern, BigDecimal value) {
        DecimalFormatSymbols symbols = DecimalFormatSymbols.getInstance(Locale.ROOT);
        symbols.setGroupingSeparator(grouping);
        symbols.setDecimalSeparator(decimal);
        symbols.setMinusSign('-');
        DecimalFormat f = new DecimalFormat(pattern, symbols);
        f.setParseBigDecimal(true);
        return f.format(value);
    }
}
