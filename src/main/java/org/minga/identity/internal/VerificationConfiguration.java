package org.minga.identity.internal;

import org.minga.identity.VerificationSender;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class VerificationConfiguration {

    /** Until a mail sender is configured (issue 20), codes go to the log. */
    @Bean
    @ConditionalOnMissingBean(VerificationSender.class)
    LogVerificationSender logVerificationSender() {
        return new LogVerificationSender();
    }
}
