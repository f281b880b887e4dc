package org.minga.platform.internal.web;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.minga.platform.CountryFormat;
import org.minga.platform.Inputs;
import org.minga.platform.SchemeCountries;
import org.minga.platform.web.PageFormats;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * The format of the page being written: the scheme's country when the address names a scheme
 * ({@code /finance/schemes/7/…}, {@code /public/schemes/7}), the reader's language otherwise.
 * Each request gets a lazy resolver ({@link PageFormats}), so a page without numbers asks nothing
 * of the register.
 */
@Component
record LocalFormats(ObjectProvider<SchemeCountries> schemes) implements HandlerInterceptor {

    private static final Pattern SCHEME_PAGE = Pattern.compile("^/[a-z-]+/schemes/(\\d{1,18})(?:/|$)");

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (request.getAttribute(PageFormats.ATTRIBUTE) == null) {
            String path = request.getRequestURI().substring(request.getContextPath().length());
            request.setAttribute(PageFormats.ATTRIBUTE, (Supplier<CountryFormat>) () -> resolve(path, LocaleContextHolder.getLocale()));
        }
        return true;
    }

    CountryFormat current() {
        return PageFormats.current();
    }

    /**
     * A number typed on a page, read the country's way; the API's parameters are written by
     * programs, so there a single separator is always the decimal mark.
     */
    BigDecimal read(String typed) {
        return PageFormats.forPrograms() ? Inputs.decimal(typed) : current().read(typed);
    }

    /** A number as a form shows it again: the country's decimal mark, no grouping; plain for the API. */
    String print(BigDecimal value) {
        return PageFormats.forPrograms() ? value.toPlainString() : value.toPlainString().replace('.', current().decimal());
    }

    private CountryFormat resolve(String path, Locale locale) {
        Matcher scheme = SCHEME_PAGE.matcher(path);
        SchemeCountries countries = schemes.getIfAvailable();
        if (scheme.find() && countries != null) {
            return countries.countryOf(Long.parseLong(scheme.group(1))).map(CountryFormat::of)
                    .orElseGet(() -> CountryFormat.of(locale));
        }
        return CountryFormat.of(locale);
    }
}
