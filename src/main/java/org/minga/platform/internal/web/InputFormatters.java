package org.minga.platform.internal.web;

import java.math.BigDecimal;
import java.text.ParseException;
import java.time.LocalDate;
import java.util.Locale;
import java.util.function.Function;

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
        registry.addFormatterForFieldType(BigDecimal.class, formatter(Inputs::decimal, BigDecimal::toPlainString));
        registry.addFormatterForFieldType(LocalDate.class, formatter(Inputs::date, LocalDate::toString));
    }

    /** A formatter whose parse refusal (a number or date that is not one) is a binding error. */
    private static <T> Formatter<T> formatter(Function<String, T> parse, Function<T, String> print) {
        return new Formatter<>() {
            @Override
            public T parse(String text, Locale locale) throws ParseException {
                try {
                    return parse.apply(text);
                } catch (IllegalArgumentException e) {
                    throw new ParseException(text, 0);
                }
            }

            @Override
            public String print(T value, Locale locale) {
                return print.apply(value);
            }
        };
    }
}
