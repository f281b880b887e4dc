package org.minga.transitions.web;

import org.minga.platform.web.SchemeSection;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The handover (empalme) and neutrality section of a scheme's page, with a short summary. */
@Configuration(proxyBeanMethods = false)
class TransitionsSection {

    @Bean
    static SchemeSection transitionsSchemeSection() {
        return new SchemeSection(90, "transitions.link", "/transitions/schemes/{id}", "/transitions/schemes/{id}/summary");
    }
}
