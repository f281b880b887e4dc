package org.minga.platform.web;

import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletRequest;

import org.minga.platform.CountryFormat;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The format of the request being answered, for code without a bean at hand (downloads): the
 * scheme's country when the address names a scheme, the reader's language otherwise. Platform
 * puts a lazy resolver on every page request; it is asked at most once per request.
 */
public final class PageFormats {

    /** The request attribute holding the resolver, then its answer. */
    public static final String ATTRIBUTE = PageFormats.class.getName();

    private PageFormats() {
    }

    public static CountryFormat current() {
        if (!(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)) {
            return CountryFormat.of(LocaleContextHolder.getLocale());
        }
        HttpServletRequest request = attributes.getRequest();
        return switch (request.getAttribute(ATTRIBUTE)) {
            case CountryFormat known -> known;
            case Supplier<?> resolver when resolver.get() instanceof CountryFormat resolved -> {
                request.setAttribute(ATTRIBUTE, resolved);
                yield resolved;
            }
            case null, default -> CountryFormat.of(LocaleContextHolder.getLocale());
        };
    }

    /** Whether the request comes from a program (the API), which reads ISO dates and the decimal point. */
    public static boolean forPrograms() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                && attributes.getRequest().getRequestURI().startsWith(attributes.getRequest().getContextPath() + "/api/");
    }
}
