package org.minga.platform.internal.web;

import java.util.Set;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.util.UriComponentsBuilder;

/** What every page's shell needs to know of the person looking at it. */
@ControllerAdvice
class LayoutModel {

    /** The signed-in person, or null for anonymous visitors. */
    public record Viewer(String username, Set<String> roles) {

        public boolean has(String role) {
            return roles.contains(role);
        }

        public boolean admin() {
            return has("PLATFORM_ADMIN");
        }

        public boolean manager() {
            return admin() || has("SCHEME_ADMIN");
        }

        /** Reads every scheme: observers (national government, cooperants) and platform administrators. */
        public boolean observer() {
            return admin() || has("OBSERVER");
        }

        /** Holds a role beyond citizen, as {@code Reader.TEAM} asks (the fiscal pages, for one). */
        public boolean team() {
            return roles.stream().anyMatch(r -> !r.equals("CITIZEN"));
        }
    }

    /** The page's own address without {@code lang}: the language links keep what the page shows (a date, a search). */
    @ModelAttribute("here")
    String here(HttpServletRequest request) {
        String query = request.getQueryString();
        return UriComponentsBuilder.fromUriString(request.getRequestURI().substring(request.getContextPath().length())
                + (query == null ? "" : "?" + query)).replaceQueryParam("lang").build().toUriString();
    }

    @ModelAttribute("viewer")
    Viewer viewer() {
        var auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || auth instanceof AnonymousAuthenticationToken || !auth.isAuthenticated()) {
            return null;
        }
        return new Viewer(auth.getName(), auth.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .map(a -> a.replaceFirst("^ROLE_", "")).collect(Collectors.toUnmodifiableSet()));
    }
}
