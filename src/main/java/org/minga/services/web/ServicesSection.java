package org.minga.services.web;

import org.minga.identity.Scopes;
import org.minga.platform.web.SchemeSection;
import org.springframework.stereotype.Component;

/** The services' part of a scheme's page: its lines and the cases due soon or overdue, from this module's own template. */
@Component
class ServicesSection implements SchemeSection {

    private final Scopes scopes;

    ServicesSection(Scopes scopes) {
        this.scopes = scopes;
    }

    @Override
    public int order() {
        return 60;
    }

    @Override
    public String titleKey() {
        return "services.link";
    }

    @Override
    public String path(long schemeId) {
        return "/services/schemes/" + schemeId;
    }

    @Override
    public String summaryPath(long schemeId) {
        return "/services/schemes/" + schemeId + "/summary";
    }

    @Override
    public boolean visible(long schemeId) {
        return scopes.canReadScheme(schemeId);
    }
}
