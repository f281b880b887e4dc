package org.minga.platform.web;

import java.util.List;

/**
 * A module's part of a scheme's public profile ({@code /public/schemes/{id}}): what the module
 * publishes about the scheme, as plain entries the registry's page lists under the part's title.
 * Each module declares one as a bean and decides what is public (the registry knows none of the
 * module's tables); the page works without JavaScript because nothing is loaded later.
 */
public interface PublicSchemePart {

    /** Where the part stands among the others: lower first. */
    int order();

    /** The message key of the part's title. */
    String titleKey();

    /**
     * Where the entries come from (tables and columns), as the guide and the privacy test name it:
     * only published or non-personal data belongs here.
     */
    String source();

    /** The scheme's public entries, at most {@code limit}. */
    List<Entry> entries(long schemeId, int limit);

    /**
     * One line of the part: a name, an optional state said by its message key ({@code projects.stage.IN_EXECUTION}),
     * an optional note said through a message key with its arguments ({@code public.part.progress} with 45),
     * and an optional public page to open.
     */
    record Entry(String name, String stateKey, String noteKey, List<Object> noteArgs, String href) {

        public Object[] args() {
            return noteArgs.toArray();
        }
    }
}
