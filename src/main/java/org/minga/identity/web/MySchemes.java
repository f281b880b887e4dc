package org.minga.identity.web;

import java.util.Comparator;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.minga.identity.SchemeDirectory;
import org.minga.identity.internal.CurrentGrants;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * The header's "Mis esquemas" (layout.html): the schemes the signed-in person works in, by name. Read
 * on full pages only; an htmx fragment has no header (a boosted request renders the whole page).
 */
@ControllerAdvice(annotations = Controller.class)
record MySchemes(CurrentGrants grants, SchemeDirectory schemes) {

    /** A scheme as the menu links it: to its page in the register. */
    public record SchemeLink(long id, String name) {
    }

    @ModelAttribute("mySchemes")
    List<SchemeLink> mySchemes(HttpServletRequest request) {
        if (request.getHeader("HX-Request") != null && request.getHeader("HX-Boosted") == null
                || request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            return List.of();
        }
        List<Long> ids = grants.schemesWorkedIn();
        if (ids.isEmpty()) {
            return List.of();
        }
        return schemes.names(ids).entrySet().stream().map(e -> new SchemeLink(e.getKey(), e.getValue()))
                .sorted(Comparator.comparing(SchemeLink::name, String.CASE_INSENSITIVE_ORDER)).toList();
    }
}
