package org.minga.platform;

import java.util.List;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Work the platform does on its own (demo data at start-up) runs as the first administrator, so
 * the same scope checks and the same audit apply as when a person does it.
 */
public final class SystemActor {

    public static final String ADMIN = "admin";

    private SystemActor() {
    }

    /** Who is acting now, as the audit names them: the signed-in user's name, or {@code system}. */
    public static String current() {
        return org.minga.platform.internal.Actors.current();
    }

    public static void runAsAdmin(Runnable work) {
        var previous = SecurityContextHolder.getContext();
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(ADMIN, null,
                List.of(new SimpleGrantedAuthority("ROLE_PLATFORM_ADMIN"))));
        SecurityContextHolder.setContext(context);
        try {
            work.run();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }
}
