package org.minga.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.minga.identity.internal.AudienceInterceptor;
import org.minga.platform.web.Audience;
import org.minga.platform.web.Reader;
import org.minga.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every registered handler of every module, API and pages, declares its audience, and the
 * declaration agrees with Spring Security's URL rules and with the path it is checked against.
 */
@IntegrationTest
class AudienceDeclarationTests {

    /** What Spring Security lets in without an account (SecurityConfiguration). */
    static final List<String> ANONYMOUS_PATHS = List.of("/public/", "/api/v1/registry/open-data/", "/api/v1/open-data/",
            "/api/v1/public/", "/login", "/error", "/sitemaps/");
    /** Issue 17: the public home and what search engines read, opened by exact path. */
    static final Set<String> ANONYMOUS_EXACT = Set.of("/", "/public", "/sitemap.xml", "/robots.txt");
    static final Set<Reader> SCHEME_SCOPED = Set.of(Reader.SCHEME, Reader.SCHEME_STAFF, Reader.MEMBER_OFFICIAL);

    @Autowired
    ApplicationContext context;

    Map<RequestMappingInfo, HandlerMethod> handlers() {
        var all = new java.util.LinkedHashMap<RequestMappingInfo, HandlerMethod>();
        context.getBeansOfType(RequestMappingHandlerMapping.class).values()
                .forEach(m -> m.getHandlerMethods().forEach((info, h) -> {
                    if (AudienceInterceptor.ours(h)) {
                        all.put(info, h);
                    }
                }));
        return all;
    }

    @Test
    void everyHandlerDeclaresItsAudience() {
        Map<RequestMappingInfo, HandlerMethod> handlers = handlers();
        assertThat(handlers).as("handlers found").hasSizeGreaterThan(300);
        List<String> missing = new ArrayList<>();
        handlers.forEach((info, h) -> {
            if (AudienceInterceptor.audienceOf(h) == null) {
                missing.add(h.getShortLogMessage() + " " + info.getPatternValues());
            }
        });
        assertThat(missing).as("handlers without @Audience").isEmpty();
    }

    @Test
    void publicHandlersAreExactlyTheOnesSpringSecurityLetsInWithoutAnAccount() {
        List<String> wrong = new ArrayList<>();
        handlers().forEach((info, h) -> {
            Audience audience = AudienceInterceptor.audienceOf(h);
            for (String pattern : info.getPatternValues()) {
                boolean anonymousPath = ANONYMOUS_PATHS.stream().anyMatch(pattern::startsWith)
                        || ANONYMOUS_EXACT.contains(pattern) || pattern.startsWith("${server.error.path");
                boolean isPublic = audience != null && audience.value() == Reader.PUBLIC;
                // A POST under /public/ other than sign-up and one-click unsubscribe (issue 20, RFC 8058) still needs
        // an account (only GET is open).
                boolean onlyGet = info.getMethodsCondition().getMethods().equals(Set.of(RequestMethod.GET))
                        || pattern.equals("/public/participation/register") || pattern.startsWith("/error")
                        || pattern.equals("/public/notifications/unsubscribe")
                        || pattern.startsWith("${server.error.path") || pattern.equals("/login");
                if (isPublic != (anonymousPath && onlyGet)) {
                    wrong.add(h.getShortLogMessage() + " " + pattern + " is " + (audience == null ? null : audience.value()));
                }
            }
        });
        assertThat(wrong).as("PUBLIC audience and anonymous URL rules disagree").isEmpty();
    }

    @Test
    void schemeScopedHandlersNameTheirSchemeInThePathOrSayTheServiceResolvesIt() {
        List<String> wrong = new ArrayList<>();
        handlers().forEach((info, h) -> {
            Audience audience = AudienceInterceptor.audienceOf(h);
            if (audience == null || !SCHEME_SCOPED.contains(audience.value())) {
                return;
            }
            for (String pattern : info.getPatternValues()) {
                boolean scheme = AudienceInterceptor.PathScope.variableAfter(pattern, "schemes") != null;
                boolean unit = AudienceInterceptor.PathScope.variableAfter(pattern, "members", "municipalities") != null;
                if (audience.byRecord() == scheme) {
                    wrong.add(h.getShortLogMessage() + " " + pattern + (scheme ? ": byRecord with a scheme in the path"
                            : ": no {scheme} in the path and not byRecord"));
                } else if (audience.value() == Reader.MEMBER_OFFICIAL && !audience.byRecord() && !unit) {
                    wrong.add(h.getShortLogMessage() + " " + pattern + ": MEMBER_OFFICIAL with no unit in the path");
                }
            }
        });
        assertThat(wrong).isEmpty();
    }
}
