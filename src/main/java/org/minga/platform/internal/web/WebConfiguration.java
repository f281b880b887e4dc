package org.minga.platform.internal.web;

import java.time.Duration;
import java.util.Locale;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.minga.platform.AuditLog;
import org.minga.platform.Zones;
import org.minga.platform.web.Problems;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.i18n.LocaleContext;
import org.springframework.context.i18n.SimpleLocaleContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleContextResolver;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.resource.LiteWebJarsResourceResolver;
import org.springframework.web.servlet.resource.VersionResourceResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * Spanish first (es-CO), English second. Pages: {@code ?lang=en} switches and a cookie remembers.
 * The API ({@code /api/**}) answers in the language of {@code Accept-Language}, Spanish by default.
 */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

    static final Locale SPANISH = Problems.SPANISH;

    /**
     * The public pages' rendered copies, also on a forward: an anonymous visit to {@code /} is
     * forwarded to the public home, and only inside the forward is the page still being written.
     */
    @Bean
    FilterRegistrationBean<PublicPageCache> publicPageCache(AuditLog audit, Zones zones) {
        FilterRegistrationBean<PublicPageCache> registration = new FilterRegistrationBean<>(new PublicPageCache(audit, zones));
        registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.FORWARD);
        return registration;
    }

    /** Pages: the cookie (set by {@code ?lang}), Spanish by default. API: {@code Accept-Language}. */
    @Bean
    LocaleResolver localeResolver() {
        CookieLocaleResolver pages = new CookieLocaleResolver("minga-lang");
        pages.setDefaultLocale(SPANISH);
        pages.setCookieMaxAge(Duration.ofDays(365));
        return new ApiOrPageLocale(pages);
    }

    static final class ApiOrPageLocale implements LocaleContextResolver {

        private final CookieLocaleResolver pages;

        ApiOrPageLocale(CookieLocaleResolver pages) {
            this.pages = pages;
        }

        static boolean api(HttpServletRequest request) {
            return request.getRequestURI().startsWith("/api/");
        }

        @Override
        public Locale resolveLocale(HttpServletRequest request) {
            return api(request) ? Problems.locale(request) : pages.resolveLocale(request);
        }

        @Override
        public LocaleContext resolveLocaleContext(HttpServletRequest request) {
            return api(request) ? new SimpleLocaleContext(Problems.locale(request)) : pages.resolveLocaleContext(request);
        }

        @Override
        public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
            if (!api(request)) {
                pages.setLocale(request, response, locale);
            }
        }

        @Override
        public void setLocaleContext(HttpServletRequest request, HttpServletResponse response,
                LocaleContext localeContext) {
            if (!api(request)) {
                pages.setLocaleContext(request, response, localeContext);
            }
        }
    }

    /**
     * Static files by their own paths only, fingerprinted and cached a year. Spring Boot's default
     * maps {@code /**}, which makes every link a page writes ({@code @{/registry/schemes/7}}) a
     * classpath lookup for a fingerprint; on a list page those lookups were most of the time.
     */
    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        CacheControl year = CacheControl.maxAge(Duration.ofDays(365)).cachePublic();
        for (String folder : new String[] {"css", "js", "img"}) {
            registry.addResourceHandler("/" + folder + "/**").addResourceLocations("classpath:/static/" + folder + "/")
                    .setCacheControl(year).resourceChain(true)
                    .addResolver(new VersionResourceResolver().addContentVersionStrategy("/**"));
        }
        registry.addResourceHandler("/webjars/**").addResourceLocations("classpath:/META-INF/resources/webjars/")
                .setCacheControl(year).resourceChain(true)
                .addResolver(new VersionResourceResolver().addContentVersionStrategy("/**"))
                .addResolver(new LiteWebJarsResourceResolver());
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor change = new LocaleChangeInterceptor();
        change.setParamName("lang");
        change.setIgnoreInvalidLocale(true);
        registry.addInterceptor(change);
    }
}
