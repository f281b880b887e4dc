package org.minga.projects.web;

import org.minga.platform.web.SchemeSection;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The project bank's part of a scheme's page: a link to the bank and a two-figure summary. */
@Configuration(proxyBeanMethods = false)
class ProjectsSection {

    @Bean
    static SchemeSection projectsSchemeSection() {
        return new SchemeSection(40, "projects.link", "/projects/schemes/{id}", "/projects/schemes/{id}/summary");
    }
}
