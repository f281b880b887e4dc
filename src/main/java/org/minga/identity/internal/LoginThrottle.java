package org.minga.identity.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Login attempts per key in the database, so every node sees the same count. An attempt is
 * counted before its password is checked, in one statement that takes the row's lock: of a
 * parallel burst, exactly the limit get their password checked, the rest are refused unchecked.
 * Going over the limit locks the key; each lock lasts twice the previous one (up to a day) until a
 * successful login or a quiet day clears the record.
 */
@Component
class LoginThrottle {

    static final Duration LONGEST_LOCK = Duration.ofDays(1);
    private final JdbcClient jdbc;

    LoginThrottle(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The key of a user name from one address: what a guesser can lock is only their own pair. */
    static String pair(String username, String address) {
        return "pair:" + username.toLowerCase(Locale.ROOT) + "|" + address;
    }

    static String address(String address) {
        return "address:" + address;
    }

    /**
     * Counts an attempt for the key and answers until when it is locked, if it is: already, or
     * because this attempt is one more than {@code max} within the window.
     */
    Optional<Instant> attempt(String key, int max, Duration window, Duration lockout) {
        var counted = jdbc.sql("""
                insert into login_throttle as t (key, failures, window_started_at, lockouts)
                values (:key, 1, now(), 0)
                on conflict (key) do update set
                    lockouts = case when t.window_started_at < now() - interval '1 day'
                                         and (t.locked_until is null or t.locked_until <= now())
                                    then 0 else t.lockouts end,
                    failures = case when t.locked_until > now() then t.failures
                                    when t.window_started_at < now() - cast(:window as interval) then 1
                                    else t.failures + 1 end,
                    window_started_at = case when t.locked_until > now() then t.window_started_at
                                             when t.window_started_at < now() - cast(:window as interval) then now()
                                             else t.window_started_at end
                returning failures, locked_until
                """).param("key", key).param("window", window.toSeconds() + " seconds")
                .query((rs, n) -> new Object[] {rs.getInt(1), rs.getTimestamp(2)}).single();
        var lockedUntil = (java.sql.Timestamp) counted[1];
        if (lockedUntil != null && lockedUntil.toInstant().isAfter(Instant.now())) {
            return Optional.of(lockedUntil.toInstant());
        }
        if ((int) counted[0] <= max) {
            return Optional.empty();
        }
        // Over the limit: lock once (whoever gets here first), doubling the previous lock.
        return jdbc.sql("""
                update login_throttle set
                    locked_until = case when locked_until > now() then locked_until
                                        else now() + least(cast(:lockout as interval) * power(2, lockouts),
                                                           cast(:longest as interval)) end,
                    lockouts = case when locked_until > now() then lockouts else lockouts + 1 end,
                    failures = 0, window_started_at = now()
                where key = :key returning locked_until
                """).param("key", key).param("lockout", lockout.toSeconds() + " seconds")
                .param("longest", LONGEST_LOCK.toSeconds() + " seconds")
                .query((rs, n) -> rs.getTimestamp(1).toInstant()).optional();
    }

    /**
     * A successful login clears its pair (the owner has proved who they are) and gives back its own
     * attempt on the address without clearing others': one round trip, since every API call logs in.
     */
    void succeeded(String pairKey, String addressKey) {
        jdbc.sql("""
                with cleared as (delete from login_throttle where key = :pair)
                update login_throttle set failures = greatest(failures - 1, 0)
                where key = :address and (locked_until is null or locked_until <= now())
                """).param("pair", pairKey).param("address", addressKey).update();
    }

    /** An administrator's unlock: every pair of the user name, from any address. */
    int unlock(String username) {
        return jdbc.sql("delete from login_throttle where key like :prefix escape '\\'")
                .param("prefix", "pair:" + username.toLowerCase(Locale.ROOT).replace("_", "\\_").replace("%", "\\%") + "|%")
                .update();
    }
}
