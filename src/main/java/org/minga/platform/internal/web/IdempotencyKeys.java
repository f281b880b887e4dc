package org.minga.platform.internal.web;

import java.time.Duration;
import java.util.Optional;

import org.minga.platform.internal.cluster.Leases;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The table of idempotency keys. Claiming a key is one insert: of any number of parallel requests
 * with the same key, on any node, exactly one gets it and is served; the others wait for its
 * response and replay it.
 */
@Component
class IdempotencyKeys {

    static final Duration KEPT = Duration.ofHours(24);
    /** A claim with no response after this long belonged to a node that died: it may be claimed again. */
    static final Duration ABANDONED = Duration.ofMinutes(5);

    private final JdbcClient jdbc;
    private final Leases leases;

    IdempotencyKeys(JdbcClient jdbc, Leases leases) {
        this.jdbc = jdbc;
        this.leases = leases;
    }

    record Id(String username, String endpoint, String key) {
    }

    /** A stored first response, or (status null) one still being served. */
    record Stored(String fingerprint, Integer status, String contentType, String location, byte[] body) {
    }

    /** True when this request now owns the key: it is new, expired or abandoned. */
    boolean claim(Id id, String fingerprint) {
        return jdbc.sql("""
                insert into idempotency_key as k (username, endpoint, key, fingerprint, expires_at)
                values (:u, :e, :k, :f, now() + cast(:kept as interval))
                on conflict (username, endpoint, key) do update set
                    fingerprint = excluded.fingerprint, status = null, content_type = null, location = null,
                    body = null, created_at = now(), expires_at = excluded.expires_at
                where k.expires_at < now() or (k.status is null and k.created_at < now() - cast(:abandoned as interval))
                returning 1
                """).param("u", id.username()).param("e", id.endpoint()).param("k", id.key()).param("f", fingerprint)
                .param("kept", KEPT.toSeconds() + " seconds").param("abandoned", ABANDONED.toSeconds() + " seconds")
                .query(Integer.class).optional().isPresent();
    }

    Optional<Stored> find(Id id) {
        return jdbc.sql("""
                select fingerprint, status, content_type, location, body from idempotency_key
                where username = :u and endpoint = :e and key = :k and expires_at >= now()""")
                .param("u", id.username()).param("e", id.endpoint()).param("k", id.key())
                .query((rs, n) -> new Stored(rs.getString("fingerprint"), (Integer) rs.getObject("status"),
                        rs.getString("content_type"), rs.getString("location"), rs.getBytes("body")))
                .optional();
    }

    void complete(Id id, int status, String contentType, String location, byte[] body) {
        jdbc.sql("""
                update idempotency_key set status = :s, content_type = :t, location = :l, body = :b
                where username = :u and endpoint = :e and key = :k""")
                .param("s", status).param("t", contentType).param("l", location).param("b", body)
                .param("u", id.username()).param("e", id.endpoint()).param("k", id.key()).update();
    }

    /** A failed first request frees its key, so that the client's retry is served afresh. */
    void release(Id id) {
        jdbc.sql("delete from idempotency_key where username = :u and endpoint = :e and key = :k and status is null")
                .param("u", id.username()).param("e", id.endpoint()).param("k", id.key()).update();
    }

    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
    void forgetExpired() {
        leases.runOnce("idempotency-keys.forget-expired", Duration.ofHours(1),
                () -> jdbc.sql("delete from idempotency_key where expires_at < now()").update());
    }
}
