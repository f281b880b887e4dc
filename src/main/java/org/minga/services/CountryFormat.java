package org.minga.services;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/**
 * Numbers as a client's country writes them on an invoice: El Salvador groups thousands with a
 * comma and uses a decimal point (11,700.00 t; USD 1,250.50), Colombia the other way round
 * (11.700,00 t; COP 1.250,50). The separators are stated here rather than taken from the JDK's
 * locale data, which has changed between versions for es-SV.
 */
public record CountryFormat(String country, char grouping, char decimal) {

    public static CountryFormat of(String country) {
        return "SV".equals(country) ? new CountryFormat("SV", ',', '.') : new CountryFormat("CO", '.', ',');
    }

    public String money(BigDecimal amount, String currency) {
        return currency + " " + number(amount, 2);
    }

    public String tonnes(BigDecimal tonnes) {
        return number(tonnes, 3) + " t";
    }

    public String number(BigDecimal value, int scale) {
        DecimalFormatSymbols symbols = DecimalFormatSymbols.getInstance(Locale.ROOT);
        symbols.setGroupingSeparator(grouping);
        symbols.setDecimalSeparator(decimal);
        symbols.setMinusSign('-');
        DecimalFormat format = new DecimalFormat(scale == 0 ? "#,##0" : "#,##0." + "0".repeat(scale), symbols);
        format.setRoundingMode(RoundingMode.HALF_UP);
        return format.format(value);
    }
}
