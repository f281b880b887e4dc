package org.minga.identity.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

import org.minga.platform.Zones;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Login attempts per key in the database, so every node sees the same count. A password check
 * first takes a slot with one update that PostgreSQL applies under the key's row lock: slots in
 * use plus failures never pass the limit. Of a parallel burst of guesses exactly the limit are
 * checked and the rest refused unchecked, while parallel right passwords (an API client's calls)
 * only wait for a slot. Reaching the limit locks the key; each lock lasts twice the previous one
 * (up to a day) until a successful login or a quiet day clears the record.
 */
@Component
record LoginThrottle(JdbcClient jdbc, Zones zones) {

    static final Duration LONGEST_LOCK = Duration.ofDays(1);
    /** How long a check waits for a slot; checks take milliseconds, so this is only a safeguard. */
    static final Duration WAIT_FOR_SLOT = Duration.ofSeconds(10);

    /** A key's failures in its window and the lock it is under, if any. */
    private record State(int failures, Instant lockedUntil) {
    }

    /** The key of a user name from one address: what a guesser can lock is only their own pair. */
    static String pair(String username, String address) {
        return "pair:" + username.toLowerCase(Locale.ROOT) + "|" + address;
    }

    static String address(String address) {
        return "address:" + address;
    }

    /**
     * Takes a slot to check a password under the key, waiting while the other slots are in use;
     * answers until when the key is locked instead, if it is or if its failures reached {@code max}.
     */
    Optional<Instant> attempt(String key, int max, Duration window, Duration lockout) {
        open(key, window);
        long deadline = System.nanoTime() + WAIT_FOR_SLOT.toNanos();
        while (true) {
            boolean taken = jdbc.sql("""
                    update login_throttle set checking = checking + 1
                    where key = :key and (locked_until is null or locked_until <= now()) and failures + checking < :max
                    returning 1""").param("key", key).param("max", max).query(Integer.class).optional().isPresent();
            if (taken) {
                return Optional.empty();
            }
            var state = jdbc.sql("select failures, locked_until from login_throttle where key = :key").param("key", key)
                    .query((rs, n) -> new State(rs.getInt("failures"), instant(rs.getTimestamp("locked_until"))))
                    .optional();
            if (state.isEmpty()) {
                open(key, window);
                continue;
            }
            Instant lockedUntil = state.get().lockedUntil();
            if (lockedUntil != null && lockedUntil.isAfter(zones.now())) {
                return Optional.of(lockedUntil);
            }
            if (state.get().failures() >= max || System.nanoTime() > deadline) {
                return Optional.of(lock(key, lockout));
            }
            pause();
        }
    }

    /** The key's record, made or renewed: a window past its end starts afresh, a quiet day forgets old locks. */
    private void open(String key, Duration window) {
        jdbc.sql("""
                insert into login_throttle as t (key, failures, checking, window_started_at, lockouts)
                values (:key, 0, 0, now(), 0)
                on conflict (key) do update set
                    lockouts = case when t.window_started_at < now() - interval '1 day' then 0 else t.lockouts end,
                    failures = 0, checking = 0, window_started_at = now()
                where t.window_started_at < now() - cast(:window as interval)
                  and (t.locked_until is null or t.locked_until <= now())
                """).param("key", key).param("window", window.toSeconds() + " seconds").update();
    }

    /** A wrong password: its slot becomes a failure; reaching the limit locks the key. */
    void failed(String key, int max, Duration lockout) {
        int failures = jdbc.sql("""
                update login_throttle set checking = greatest(checking - 1, 0), failures = failures + 1
                where key = :key returning failures""").param("key", key).query(Integer.class).optional().orElse(0);
        if (failures >= max) {
            lock(key, lockout);
        }
    }

    private Instant lock(String key, Duration lockout) {
        return jdbc.sql("""
                update login_throttle set
                    locked_until = case when locked_until > now() then locked_until
                                        else now() + least(cast(:lockout as interval) * power(2, lockouts),
                                                           cast(:longest as interval)) end,
                    lockouts = case when locked_until > now() then lockouts else lockouts + 1 end,
                    failures = 0, checking = 0, window_started_at = now()
                where key = :key returning locked_until
                """).param("key", key).param("lockout", lockout.toSeconds() + " seconds")
                .param("longest", LONGEST_LOCK.toSeconds() + " seconds")
                .query((rs, n) -> rs.getTimestamp("locked_until").toInstant()).optional()
                .orElse(zones.now().plus(lockout));
    }

    private static Instant instant(java.sql.Timestamp at) {
        return at == null ? null : at.toInstant();
    }

    /**
     * A right password clears its pair (the owner has proved who they are) and gives back its slot
     * on the address without clearing others' failures: one round trip, since every API call logs in.
     */
    void succeeded(String pairKey, String addressKey) {
        jdbc.sql("""
                with cleared as (delete from login_throttle where key = :pair)
                update login_throttle set checking = greatest(checking - 1, 0) where key = :address
                """).param("pair", pairKey).param("address", addressKey).update();
    }

    /** An administrator's unlock: every pair of the user name, from any address. */
    int unlock(String username) {
        return jdbc.sql("delete from login_throttle where key like :prefix escape '\\'")
                .param("prefix", "pair:" + username.toLowerCase(Locale.ROOT).replace("_", "\\_").replace("%", "\\%") + "|%")
                .update();
    }

    private static void pause() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
