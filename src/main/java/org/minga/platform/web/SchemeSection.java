package org.minga.platform.web;

import java.util.function.LongPredicate;

/**
 * A module's part of a scheme's page. Each module that works for a scheme (formation, projects,
 * finance…) declares one as a bean; the scheme page lists them in {@link #order} as tabs and loads
 * each {@link #summaryPath} lazily with htmx, and the module renders its own template there. So no
 * module's template includes another's, and a new module adds a section without touching the
 * registry.
 *
 * @param order where the section stands among the others: lower first
 * @param titleKey the message key of the section's title
 * @param page the module's own page for the scheme, {@code {id}} standing for the scheme's id
 * @param summary a fragment summarising the module for the scheme (a few figures, a chart), loaded
 *        when the section comes into view, {@code {id}} as in {@code page}; null when the link is enough
 * @param readers a further condition on the scheme (by its id) for showing the section; the scheme
 *        page's own audience already limits it to the scheme's readers, so most sections need none
 */
public record SchemeSection(int order, String titleKey, String page, String summary, LongPredicate readers) {

    /** A section everyone who sees the scheme's page (its readers) may open. */
    public SchemeSection(int order, String titleKey, String page, String summary) {
        this(order, titleKey, page, summary, schemeId -> true);
    }

    public String path(long schemeId) {
        return page.replace("{id}", Long.toString(schemeId));
    }

    public String summaryPath(long schemeId) {
        return summary == null ? null : summary.replace("{id}", Long.toString(schemeId));
    }

    public boolean visible(long schemeId) {
        return readers.test(schemeId);
    }
}
