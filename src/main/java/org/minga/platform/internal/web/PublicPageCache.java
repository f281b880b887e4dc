package org.minga.platform.internal.web;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.minga.platform.AuditLog;
import org.minga.platform.RecentlyUsed;
import org.minga.platform.Zones;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Keeps the rendered HTML of public pages for anonymous visitors, so a crowd reading the same
 * profile or home costs one rendering per change, not one per visit. A page is kept only when its
 * handler marked it {@code Cache-Control: public} (what a proxy may keep, this node may keep too)
 * and answered 200 without setting a cookie; it is served again only while the audit log's latest
 * change is the one it was rendered under (every write is audited) and on the same day in the
 * installation's zone (pages say "today"). Each node keeps its own; the version lives in the database.
 * The public home at {@code /} is kept when it is forwarded to {@code /public} (see WebConfiguration).
 */
class PublicPageCache extends OncePerRequestFilter {

    /** Enough for the home, its common searches and the most read profiles; pages are tens of KB. */
    static final int PAGES = 256;

    private record Page(long version, byte[] body, String contentType, Map<String, String> headers) {
    }

    private final AuditLog audit;
    private final Zones zones;
    private final Map<String, Page> pages = RecentlyUsed.map(PAGES);

    PublicPageCache(AuditLog audit, Zones zones) {
        this.audit = audit;
        this.zones = zones;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !"GET".equals(request.getMethod()) || request.getUserPrincipal() != null
                || request.getParameter("lang") != null || !path.startsWith("/public");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        AuditLog.Latest latest = audit.latest();
        long version = latest == null ? 0 : latest.id();
        // The language comes from a cookie or the browser's preference: each gets its own copy.
        String key = request.getRequestURI() + "?" + Objects.toString(request.getQueryString(), "") + "|"
                + Objects.toString(request.getHeader(HttpHeaders.COOKIE), "") + "|"
                + Objects.toString(request.getHeader(HttpHeaders.ACCEPT_LANGUAGE), "") + "|" + zones.today();
        Page page = pages.get(key);
        if (page != null && page.version() == version) {
            page.headers().forEach(response::setHeader);
            String etag = page.headers().get(HttpHeaders.ETAG);
            if (etag != null && etag.equals(request.getHeader(HttpHeaders.IF_NONE_MATCH))) {
                response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
                return;
            }
            response.setContentType(page.contentType());
            response.setContentLength(page.body().length);
            response.getOutputStream().write(page.body());
            return;
        }
        ContentCachingResponseWrapper rendered = new ContentCachingResponseWrapper(response);
        chain.doFilter(request, rendered);
        String cacheControl = rendered.getHeader(HttpHeaders.CACHE_CONTROL);
        if (rendered.getStatus() == HttpServletResponse.SC_OK && cacheControl != null && cacheControl.contains("public")
                && rendered.getHeader(HttpHeaders.SET_COOKIE) == null && rendered.getContentType() != null
                && rendered.getContentType().startsWith("text/html")) {
            Map<String, String> headers = new LinkedHashMap<>();
            for (String name : new String[] {HttpHeaders.CACHE_CONTROL, HttpHeaders.VARY, HttpHeaders.ETAG,
                    HttpHeaders.LAST_MODIFIED, HttpHeaders.CONTENT_LANGUAGE}) {
                if (rendered.getHeader(name) != null) {
                    headers.put(name, rendered.getHeader(name));
                }
            }
            pages.put(key, new Page(version, rendered.getContentAsByteArray(), rendered.getContentType(), headers));
        }
        rendered.copyBodyToResponse();
    }
}
