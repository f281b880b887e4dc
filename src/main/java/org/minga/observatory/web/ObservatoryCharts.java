package org.minga.observatory.web;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.minga.observatory.internal.Figures;
import org.minga.platform.RecentlyUsed;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.WebContext;
import org.thymeleaf.web.servlet.JakartaServletWebApplication;

/**
 * The observatory's charts and tables as HTML, rendered once per country, date and language and kept
 * while {@link org.minga.observatory.internal.Observatory} answers with the same figures (it returns
 * the very same object until a write moves the audit log). Drawing a few hundred SVG bars costs far
 * more than the cached figures; the page around them (and its per-visitor CSRF token) is rendered
 * every time, the charts hold nothing personal.
 */
@Component
class ObservatoryCharts {

    private record Key(String country, String at, Locale locale) {
    }

    private record Rendered(Figures figures, String html) {
    }

    private final Map<Key, Rendered> cache = RecentlyUsed.map(512);

    private final ITemplateEngine templates;
    private final ObservatoryTables tables;

    ObservatoryCharts(ITemplateEngine templates, ObservatoryTables tables) {
        this.templates = templates;
        this.tables = tables;
    }

    String html(Figures figures, HttpServletRequest request, HttpServletResponse response) {
        Locale locale = LocaleContextHolder.getLocale();
        Key key = new Key(figures.country(), figures.at().toString(), locale);
        Rendered hit = cache.get(key);
        if (hit != null && hit.figures() == figures) {
            return hit.html();
        }
        var exchange = JakartaServletWebApplication.buildApplication(request.getServletContext())
                .buildExchange(request, response);
        WebContext context = new WebContext(exchange, locale, Map.of("figures", figures, "tables", tables.of(figures)));
        String html = templates.process("observatory/charts", Set.of("charts"), context);
        cache.put(key, new Rendered(figures, html));
        return html;
    }
}
