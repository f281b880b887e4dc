package org.minga.fiscal.web;

import org.minga.registry.Scheme;
import org.minga.registry.Schemes;
import org.minga.platform.web.SchemeSection;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The property-tax section of a scheme's page: its municipalities' latest official liquidations.
 * The property tax is Colombian law: the section shows on Colombian schemes only.
 */
@Configuration(proxyBeanMethods = false)
class FiscalSection {

    @Bean
    static SchemeSection fiscalSchemeSection(Schemes schemes) {
        return new SchemeSection(60, "fiscal.title", "/fiscal/schemes/{id}", "/fiscal/schemes/{id}/summary",
                id -> schemes.get(id).getCountry() == Scheme.Country.CO);
    }
}
