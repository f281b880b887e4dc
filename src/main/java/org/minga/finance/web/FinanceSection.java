package org.minga.finance.web;

import org.minga.platform.web.SchemeSection;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Finance's part of a scheme's page: the contributions page, and the equity chart (contributions
 * paid against benefits received) loaded from {@code finance/equity :: summary}. The people who may
 * read the scheme's records see it.
 */
@Configuration(proxyBeanMethods = false)
class FinanceSection {

    @Bean
    static SchemeSection financeSchemeSection() {
        return new SchemeSection(60, "finance.equity", "/finance/schemes/{id}", "/finance/schemes/{id}/equity");
    }
}
