package org.minga.identity.internal;

import java.util.Map;

import org.minga.platform.NotFoundException;
import org.minga.platform.web.Audience;
import org.minga.platform.web.Reader;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Enforces each handler's declared {@link Audience} before the handler runs (so before the body is
 * read or validated): a refusal is 403 whatever the request carries. A handler with no audience is
 * refused too; a test makes sure none exists. It registers itself for every handler.
 */
@Component
public record AudienceInterceptor(CurrentGrants scopes) implements HandlerInterceptor, WebMvcConfigurer {

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this);
    }

    public static Audience audienceOf(HandlerMethod handler) {
        Audience onMethod = AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(), Audience.class);
        return onMethod != null ? onMethod
                : AnnotatedElementUtils.findMergedAnnotation(handler.getBeanType(), Audience.class);
    }

    public static boolean ours(HandlerMethod handler) {
        return handler.getBeanType().getName().startsWith("org.minga.");
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!(handler instanceof HandlerMethod method) || !ours(method)) {
            return true; // static files, and libraries' own pages (OpenAPI), which Spring Security's rules govern
        }
        Audience audience = audienceOf(method);
        if (audience == null) {
            throw scopes.denied("noAudience");
        }
        if (audience.value() == Reader.PUBLIC) {
            return true;
        }
        if (!signedIn()) {
            throw scopes.denied("signIn");
        }
        PathScope path = PathScope.of(request);
        if (!allowed(audience, path)) {
            throw refusal(request, audience, path);
        }
        return true;
    }

    private boolean allowed(Audience audience, PathScope path) {
        Reader reader = audience.value();
        boolean schemeScoped = reader == Reader.SCHEME || reader == Reader.SCHEME_STAFF || reader == Reader.MEMBER_OFFICIAL;
        if (schemeScoped && (audience.byRecord() || path.schemeId() == null)) {
            // The service checks the record's scheme; here only who can never read one is refused.
            return scopes.worksInSomeScheme();
        }
        return switch (reader) {
            case PUBLIC, ACCOUNT -> true;
            case TEAM -> scopes.worksInSomeScheme();
            case MEMBER_OFFICIAL -> path.unitCode() == null ? scopes.canReadScheme(path.schemeId())
                    : scopes.canReadUnit(path.schemeId(), path.unitCode());
            case SCHEME -> scopes.canReadScheme(path.schemeId());
            case SCHEME_STAFF -> scopes.canSeePersonalData(path.schemeId());
            case SCHEME_ADMIN -> scopes.isPlatformAdmin() || !scopes.administeredSchemes().isEmpty();
            case OBSERVER -> scopes.isObserver();
            case PLATFORM_ADMIN -> scopes.isPlatformAdmin();
        };
    }

    /** The same words as the services' write checks, so a refusal reads alike whichever layer gave it. */
    private AccessDeniedException refusal(HttpServletRequest request, Audience audience, PathScope path) {
        boolean read = "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod());
        String verb = read ? "read" : "write";
        if (path.schemeId() == null || audience.byRecord()) {
            return scopes.denied(verb + "Resource");
        }
        if (audience.value() == Reader.MEMBER_OFFICIAL && path.unitCode() != null) {
            return scopes.denied(verb + "Unit", path.unitCode(), path.schemeId());
        }
        return scopes.denied(verb + "Scheme", path.schemeId());
    }

    private static boolean signedIn() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.isAuthenticated() && !(auth instanceof AnonymousAuthenticationToken);
    }

    /** The scheme and unit a request's path names, by the conventions {@code schemes/{x}} and {@code members/{u}}. */
    public record PathScope(Long schemeId, String unitCode) {

        static PathScope of(HttpServletRequest request) {
            Object pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
            @SuppressWarnings("unchecked")
            Map<String, String> variables = (Map<String, String>) request
                    .getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
            if (pattern == null || variables == null) {
                return new PathScope(null, null);
            }
            String scheme = variables.get(variableAfter(pattern.toString(), "schemes"));
            String unit = variables.get(variableAfter(pattern.toString(), "members", "municipalities"));
            if (scheme == null) {
                return new PathScope(null, unit);
            }
            try {
                return new PathScope(Long.parseLong(scheme), unit);
            } catch (NumberFormatException e) {
                throw new NotFoundException("esquema", scheme);
            }
        }

        /** The name of the variable in the segment right after one of the given literal segments, or null. */
        public static String variableAfter(String pattern, String... literals) {
            String[] segments = pattern.split("/");
            for (int i = 0; i + 1 < segments.length; i++) {
                String next = segments[i + 1];
                if (java.util.Arrays.asList(literals).contains(segments[i]) && next.startsWith("{")) {
                    int end = next.indexOf(':') > 0 ? next.indexOf(':') : next.indexOf('}');
                    return next.substring(1, end);
                }
            }
            return null;
        }
    }
}
