package org.minga.projects.web;

import org.minga.identity.Scopes;
import org.minga.platform.web.SchemeSection;
import org.springframework.stereotype.Component;

/** The project bank's part of a scheme's page: a link to the bank and a two-figure summary. */
@Component
record ProjectsSection(Scopes scopes) implements SchemeSection {

    @Override
    public int order() {
        return 40;
    }

    @Override
    public String titleKey() {
        return "projects.link";
    }

    @Override
    public String path(long schemeId) {
        return "/projects/schemes/" + schemeId;
    }

    @Override
    public String summaryPath(long schemeId) {
        return "/projects/schemes/" + schemeId + "/summary";
    }

    @Override
    public boolean visible(long schemeId) {
        return scopes.canReadScheme(schemeId);
    }
}
