package org.minga.identity.internal;

import java.time.Instant;

import org.springframework.security.core.AuthenticationException;

/** Too many failed logins: refused without even checking the password. */
public class LoginThrottledException extends AuthenticationException {

    private final Instant until;

    LoginThrottledException(Instant until) {
        super("Demasiados intentos fallidos. Intente de nuevo más tarde.");
        this.until = until;
    }

    public Instant until() {
        return until;
    }
}
