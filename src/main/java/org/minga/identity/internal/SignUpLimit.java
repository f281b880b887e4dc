package org.minga.identity.internal;

import java.time.Duration;

import org.minga.identity.Citizens.SignUpLimitReached;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * How many citizens may sign up from one client address in a window. Counted in the database
 * inside the sign-up's transaction: the row stays locked until the sign-up commits, so parallel
 * sign-ups from one address queue on it and exactly the limit get through; a refused or invalid
 * sign-up rolls its count back.
 */
@Component
class SignUpLimit {

    private final JdbcClient jdbc;
    private final IdentityProperties.SignUp limits;

    SignUpLimit(JdbcClient jdbc, IdentityProperties properties) {
        this.jdbc = jdbc;
        this.limits = properties.signUp();
    }

    /** Counts one sign-up from the address, or refuses it when the address has used up its window. */
    void take(String address) {
        Duration window = limits.window();
        int count = jdbc.sql("""
                insert into sign_up_limit as l (address, window_started_at, sign_ups) values (:a, now(), 1)
                on conflict (address) do update set
                    sign_ups = case when l.window_started_at < now() - cast(:window as interval) then 1
                                    else l.sign_ups + 1 end,
                    window_started_at = case when l.window_started_at < now() - cast(:window as interval) then now()
                                             else l.window_started_at end
                returning sign_ups""").param("a", address).param("window", window.toSeconds() + " seconds")
                .query(Integer.class).single();
        if (count > limits.maxPerAddress()) {
            throw new SignUpLimitReached(limits.maxPerAddress(), window);
        }
    }
}
