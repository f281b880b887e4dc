package org.minga.identity.internal;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Every handler's declared audience is checked by {@link AudienceInterceptor}. */
@Configuration(proxyBeanMethods = false)
class AudienceConfiguration implements WebMvcConfigurer {

    private final CurrentGrants scopes;

    AudienceConfiguration(CurrentGrants scopes) {
        this.scopes = scopes;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new AudienceInterceptor(scopes));
    }
}
