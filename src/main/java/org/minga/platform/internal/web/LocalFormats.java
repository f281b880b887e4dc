package org.minga.platform.internal.web;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;

import org.minga.platform.CountryFormat;
import org.minga.platform.Inputs;
import org.minga.platform.SchemeCountries;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The format of the page being written: the scheme's country when the address names a scheme
 * ({@code /finance/schemes/7/…}, {@code /public/schemes/7}), the reader's language otherwise.
 * Resolved once per request, and only when something is formatted, so a page without numbers
 * asks nothing of the register.
 */
@Component
record LocalFormats(ObjectProvider<SchemeCountries> schemes) {

    private static final Pattern SCHEME_PAGE = Pattern.compile("^/[a-z-]+/schemes/(\\d{1,18})(?:/|$)");
    private static final String ATTRIBUTE = LocalFormats.class.getName();

    CountryFormat current() {
        if (!(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)) {
            return CountryFormat.of(LocaleContextHolder.getLocale());
        }
        HttpServletRequest request = attributes.getRequest();
        if (request.getAttribute(ATTRIBUTE) instanceof CountryFormat known) {
            return known;
        }
        CountryFormat format = resolve(request.getRequestURI().substring(request.getContextPath().length()),
                LocaleContextHolder.getLocale());
        request.setAttribute(ATTRIBUTE, format);
        return format;
    }

    /**
     * A number typed on a page, read the country's way; the API's parameters are written by
     * programs, so there a single separator is always the decimal mark.
     */
    BigDecimal read(String typed) {
        return api() ? Inputs.decimal(typed) : current().read(typed);
    }

    /** A number as a form shows it again: the country's decimal mark, no grouping; plain for the API. */
    String print(BigDecimal value) {
        return api() ? value.toPlainString() : value.toPlainString().replace('.', current().decimal());
    }

    private static boolean api() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                && WebConfiguration.ApiOrPageLocale.api(attributes.getRequest());
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
