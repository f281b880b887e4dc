package org.minga.participation.web;

import org.minga.platform.web.SchemeSection;
import org.springframework.stereotype.Component;

/**
 * Participation's part of a scheme's page: the published issues, prioritisations, CTT agreements
 * and events, summarised by {@link ParticipationController#summary} from this module's own template.
 */
@Component
class ParticipationSection implements SchemeSection {

    @Override
    public int order() {
        return 60;
    }

    @Override
    public String titleKey() {
        return "participation.section.title";
    }

    @Override
    public String path(long schemeId) {
        return "/participation/schemes/" + schemeId;
    }

    @Override
    public String summaryPath(long schemeId) {
        return "/participation/schemes/" + schemeId + "/summary";
    }
}
