package org.minga.platform.internal.web;

import java.math.BigDecimal;
import java.text.ParseException;
import java.time.LocalDate;
import java.util.Locale;

import org.minga.platform.Inputs;
import org.springframework.format.Formatter;
import org.springframework.format.FormatterRegistry;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Page forms and query parameters read numbers and dates with {@link Inputs}: "1.234,56" and
 * "4/12/2026" bind as a person means them, the same as an upload reads them.
 */
@Component
class InputFormatters implements WebMvcConfigurer {

    @Override
    public void addFormatters(FormatterRegistry registry) {
        registry.addFormatterForFieldType(BigDecimal.class, new Formatter<BigDecimal>() {
            @Override
            public BigDecimal parse(String text, Locale locale) throws ParseException {
                try {
                    return Inputs.decimal(text);
                } catch (NumberFormatException e) {
                    throw new ParseException(text, 0);
                }
            }

            @Override
            public String print(BigDecimal value, Locale locale) {
                return value.toPlainString();
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
                return value.toString();
            }
        });
    }
}
