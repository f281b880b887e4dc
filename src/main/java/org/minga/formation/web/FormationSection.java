package org.minga.formation.web;

import org.minga.platform.web.SchemeSection;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Formation's part of a scheme's page: how far its formation route has come, linking to the route. The
 * host page links its title to the section's page; the summary is {@link FormationController#summary}.
 */
@Configuration(proxyBeanMethods = false)
class FormationSection {

    @Bean
    static SchemeSection formationSchemeSection() {
        return new SchemeSection(10, "formation.link", "/formation/schemes/{id}", "/formation/schemes/{id}/summary");
    }
}
