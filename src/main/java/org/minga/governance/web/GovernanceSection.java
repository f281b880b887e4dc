package org.minga.governance.web;

import org.minga.platform.web.SchemeSection;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The governing bodies' sessions and decisions as a section of a scheme's page; the link is enough. */
@Configuration(proxyBeanMethods = false)
class GovernanceSection {

    @Bean
    static SchemeSection governanceSchemeSection() {
        return new SchemeSection(25, "governance.link", "/governance/schemes/{id}", null);
    }
}
