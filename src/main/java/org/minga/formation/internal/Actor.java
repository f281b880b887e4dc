package org.minga.formation.internal;

import org.springframework.security.core.context.SecurityContextHolder;

/** Who is acting: the signed-in user's name, recorded as "who did it" beside the audit. */
public final class Actor {

    private Actor() {
    }

    public static String name() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication == null ? "system" : authentication.getName();
    }
}
