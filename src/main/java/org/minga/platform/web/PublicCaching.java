package org.minga.platform.web;

import java.time.Duration;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.minga.platform.AuditLog;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.ServletWebRequest;

/**
 * HTTP caching of public pages for anonymous visitors: the version is the latest audited change
 * (every write is audited, so nothing shown can change without it), so the ETag and Last-Modified
 * move with the register and a visitor's or a proxy's copy is reused until then. Signed-in people
 * get Spring Security's no-store as on every other page, and so does a request that switches the
 * language (it sets the language cookie). A page so marked is also kept rendered on each node
 * ({@code PublicPageCache}).
 */
@Component
public record PublicCaching(AuditLog audit) {

    /** Five minutes: short enough for a new event to show soon, long enough to spare the database. */
    static final CacheControl POLICY = CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic();

    /**
     * Marks the answer cacheable and says whether the client's copy is current; when it is, the
     * answer is 304 and the handler returns null without rendering.
     */
    public boolean notModified(HttpServletRequest request, HttpServletResponse response, Locale locale) {
        if (request.getUserPrincipal() != null || request.getParameter("lang") != null) {
            return false;
        }
        AuditLog.Latest latest = audit.latest();
        // Weak: the same page compressed or not is the same version, and Tomcat does not compress a
        // response that carries a strong ETag.
        String etag = "W/\"r" + (latest == null ? 0 : latest.id()) + "-" + locale.toLanguageTag() + "\"";
        response.setHeader(HttpHeaders.CACHE_CONTROL, POLICY.getHeaderValue());
        // The page's language comes from a cookie: a shared cache keeps one copy per cookie.
        response.setHeader(HttpHeaders.VARY, "Cookie");
        return new ServletWebRequest(request, response).checkNotModified(etag,
                latest == null ? -1 : latest.at().toEpochMilli());
    }
}
