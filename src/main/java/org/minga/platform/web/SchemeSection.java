package org.minga.platform.web;

/**
 * A module's part of a scheme's page. Each module that works for a scheme (formation, projects,
 * finance…) declares one bean; the scheme page lists them in {@link #order} as tabs and loads each
 * {@link #summaryPath} lazily with htmx, and the module renders its own template there. So no
 * module's template includes another's, and a new module adds a section without touching the
 * registry.
 */
public interface SchemeSection {

    /** Where the section stands among the others: lower first. */
    int order();

    /** The message key of the section's title. */
    String titleKey();

    /** The module's own page for the scheme, which the section's title links to. */
    String path(long schemeId);

    /**
     * A fragment summarising the module for the scheme (a few figures, a chart), loaded when the
     * section comes into view; null when the link is enough.
     */
    default String summaryPath(long schemeId) {
        return null;
    }

    /** Whether the person now signed in may open this section for the scheme. */
    default boolean visible(long schemeId) {
        return true;
    }
}
