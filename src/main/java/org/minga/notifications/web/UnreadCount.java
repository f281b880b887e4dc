package org.minga.notifications.web;

import org.minga.identity.Recipients;
import org.minga.notifications.internal.Inbox;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** The header's unread count (layout.html shows it beside the person's name), on pages only. */
@ControllerAdvice(annotations = Controller.class)
record UnreadCount(Inbox inbox, Recipients recipients) {

    @ModelAttribute("unreadMessages")
    Long unread(jakarta.servlet.http.HttpServletRequest request) {
        var auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || auth instanceof AnonymousAuthenticationToken || !auth.isAuthenticated()
                || request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            return null;
        }
        return recipients.byUsername(auth.getName()).map(me -> inbox.unread(me.id())).orElse(null);
    }
}
