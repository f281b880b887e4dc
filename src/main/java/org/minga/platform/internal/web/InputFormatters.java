package org.minga.platform.internal.web;

import java.math.BigDecimal;
import java.text.ParseException;
import java.time.LocalDate;
import java.util.Locale;

import org.minga.platform.CountryFormat;
import org.minga.platform.Inputs;
import org.springframework.format.Formatter;
import org.springframework.format.FormatterRegistry;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Page forms and query parameters read what people type with {@link Inputs}, in the page's
 * country ({@link LocalFormats}): "1.234,56" binds as a person means it, and "1.234" is a
 * thousand in Colombia and one point two three four in El Salvador. Numbers print back without grouping
 * and with the country's decimal mark, so a form shown again reads the same value. The API's
 * parameters, written by programs, read a single separator as the decimal mark.
 * <p>
 * Dates print dd/mm/aaaa and read dd/mm/aaaa, d/m/aaaa or ISO (links and scripts write ISO).
 * Registered after Spring's own, this field-type formatter is tried first, so it also wins over
 * a field's {@code @DateTimeFormat(iso = DATE)}, which the API's query parameters keep for their
 * documentation.
 */
@Component
record InputFormatters(LocalFormats formats) implements WebMvcConfigurer {

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(formats);
    }

    @Override
    public void addFormatters(FormatterRegistry registry) {
        registry.addFormatterForFieldType(BigDecimal.class, new Formatter<BigDecimal>() {
            @Override
            public BigDecimal parse(String text, Locale locale) throws ParseException {
                try {
                    return formats.read(text);
                } catch (NumberFormatException e) {
                    throw new ParseException(text, 0);
                }
            }

            @Override
            public String print(BigDecimal value, Locale locale) {
                return formats.print(value);
            }
        });
        registry.addFormatterForFieldType(LocalDate.class, new Formatter<LocalDate>() {
            @Override
            public LocalDate parse(String text, Locale locale) throws ParseException {
                try {
                    return Inputs.date(text);
                } catch (IllegalArgumentException e) {
                    throw new ParseException(text, 0);
                }
            }

            @Override
            public String print(LocalDate value, Locale locale) {
                return CountryFormat.DATE.format(value);
            }
        });
    }
}
