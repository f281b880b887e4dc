package org.minga.planning.web;

import org.minga.platform.web.SchemeSection;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Planning's part of a scheme's page: the goals by status today, linking to the plan. The host page
 * links its title to the section's page; the summary is {@link PlanningController#summary}.
 */
@Configuration(proxyBeanMethods = false)
class PlanningSection {

    @Bean
    static SchemeSection planningSchemeSection() {
        return new SchemeSection(30, "planning.link", "/planning/schemes/{id}", "/planning/schemes/{id}/summary");
    }
}
