package org.minga.platform.internal.web;

import java.math.BigDecimal;
import java.text.ParseException;
import java.util.Locale;

import org.minga.platform.Inputs;
import org.springframework.format.Formatter;
import org.springframework.format.FormatterRegistry;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Page forms and query parameters read numbers with {@link Inputs}: "1.234,56" binds as a person
 * means it, the same as an upload reads it. Dates stay with Spring's formatters: date inputs send
 * ISO, and a field-type formatter would override each field's {@code @DateTimeFormat} when printing.
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
    }
}
