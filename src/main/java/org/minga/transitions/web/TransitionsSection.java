package org.minga.transitions.web;

import org.minga.platform.web.SchemeSection;
import org.springframework.stereotype.Component;

/** The handover (empalme) and neutrality section of a scheme's page, with a short summary. */
@Component
class TransitionsSection implements SchemeSection {

    @Override
    public int order() {
        return 90;
    }

    @Override
    public String titleKey() {
        return "transitions.link";
    }

    @Override
    public String path(long schemeId) {
        return "/transitions/schemes/" + schemeId;
    }

    @Override
    public String summaryPath(long schemeId) {
        return "/transitions/schemes/" + schemeId + "/summary";
    }
}
