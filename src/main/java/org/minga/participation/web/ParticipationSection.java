package org.minga.participation.web;

import org.minga.platform.web.SchemeSection;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Participation's part of a scheme's page: the published issues, prioritisations, CTT agreements
 * and events, summarised by {@link ParticipationController#summary} from this module's own template.
 */
@Configuration(proxyBeanMethods = false)
class ParticipationSection {

    @Bean
    static SchemeSection participationSchemeSection() {
        return new SchemeSection(60, "participation.section.title", "/participation/schemes/{id}", "/participation/schemes/{id}/summary");
    }
}
