package org.minga.platform.internal.web;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** With MINGA_TRUSTED_PROXIES set, the client's address is resolved before any other filter reads it. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("!'${minga.trusted-proxies:}'.isBlank()")
class TrustedProxyConfiguration {

    @Bean
    FilterRegistrationBean<TrustedProxies> trustedProxies(@Value("${minga.trusted-proxies}") String addresses) {
        FilterRegistrationBean<TrustedProxies> registration = new FilterRegistrationBean<>(new TrustedProxies(addresses));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }
}
