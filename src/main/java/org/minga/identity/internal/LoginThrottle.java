package org.minga.identity.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Counts failed logins per key (a user name, an address) in the database, so every node sees the
 * same count; too many within the window lock the key for a while.
 */
@Component
class LoginThrottle {

    private final JdbcClient jdbc;

    LoginThrottle(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** What is on record for a key: nothing for almost every login, so nothing to clear after it. */
    record State(int failures, Instant lockedUntil) {

        Optional<Instant> locked() {
            return lockedUntil != null && lockedUntil.isAfter(Instant.now()) ? Optional.of(lockedUntil)
                    : Optional.empty();
        }
    }

    Optional<State> state(String key) {
        return jdbc.sql("select failures, locked_until from login_throttle where key = :key").param("key", key)
                .query((rs, n) -> new State(rs.getInt(1),
                        rs.getTimestamp(2) == null ? null : rs.getTimestamp(2).toInstant()))
                .optional();
    }

    void failure(String key, int maxFailures, Duration window, Duration lockout) {
        jdbc.sql("""
                insert into login_throttle as t (key, failures, window_started_at)
                values (:key, 1, now())
                on conflict (key) do update set
                    failures = case when t.window_started_at < now() - cast(:window as interval) then 1
                                    else t.failures + 1 end,
                    window_started_at = case when t.window_started_at < now() - cast(:window as interval) then now()
                                             else t.window_started_at end
                """).param("key", key).param("window", window.toSeconds() + " seconds").update();
        jdbc.sql("""
                update login_throttle set locked_until = now() + cast(:lockout as interval), failures = 0,
                                          window_started_at = now()
                where key = :key and failures >= :max
                """).param("key", key).param("lockout", lockout.toSeconds() + " seconds").param("max", maxFailures)
                .update();
    }

    void success(String key) {
        jdbc.sql("delete from login_throttle where key = :key").param("key", key).update();
    }
}
