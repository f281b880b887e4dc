package org.minga.services.web;

import org.minga.platform.web.SchemeSection;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The services' part of a scheme's page: its lines and the cases due soon or overdue, from this module's own template. */
@Configuration(proxyBeanMethods = false)
class ServicesSection {

    @Bean
    static SchemeSection servicesSchemeSection() {
        return new SchemeSection(60, "services.link", "/services/schemes/{id}", "/services/schemes/{id}/summary");
    }
}
