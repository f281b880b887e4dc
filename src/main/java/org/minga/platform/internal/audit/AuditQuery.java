package org.minga.platform.internal.audit;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reads the audit log newest first, one keyset page at a time, so deep pages stay fast. */
@Component
public class AuditQuery {

    static final int MAX_SIZE = 100;
    private final JdbcClient jdbc;
    private final ZoneId zone;

    /** Dates in filters are days in the platform's time zone, the one its pages show. */
    AuditQuery(JdbcClient jdbc, @Value("${minga.time-zone}") ZoneId zone) {
        this.jdbc = jdbc;
        this.zone = zone;
    }

    public ZoneId zone() {
        return zone;
    }

    public record Filter(String actor, String action, String entityType, String entityId, Long schemeId,
            LocalDate from, LocalDate to) {
    }

    public record Entry(long id, Instant occurredAt, String actor, String action, String entityType, String entityId,
            Long schemeId, String summary, String before, String after, String remoteAddress) {
    }

    /** A page of entries and the cursor for the next (older) page, null when there is none. */
    public record Page(List<Entry> entries, Long nextBefore) {
    }

    public Page find(Filter filter, Long before, int size) {
        int limit = Math.clamp(size, 1, MAX_SIZE);
        StringBuilder sql = new StringBuilder("""
                select id, occurred_at, actor, action, entity_type, entity_id, scheme_id, summary,
                       before_state::text as before_state, after_state::text as after_state, remote_address
                from audit_event where true
                """);
        var params = new java.util.LinkedHashMap<String, Object>();
        condition(sql, params, "actor", "actor = :actor", blankToNull(filter.actor()));
        condition(sql, params, "action", "action = :action", blankToNull(filter.action()));
        condition(sql, params, "entityType", "entity_type = :entityType", blankToNull(filter.entityType()));
        condition(sql, params, "entityId", "entity_id = :entityId", blankToNull(filter.entityId()));
        condition(sql, params, "schemeId", "scheme_id = :schemeId", filter.schemeId());
        condition(sql, params, "from", "occurred_at >= :from",
                filter.from() == null ? null : filter.from().atStartOfDay(zone).toInstant());
        condition(sql, params, "to", "occurred_at < :to",
                filter.to() == null ? null : filter.to().plusDays(1).atStartOfDay(zone).toInstant());
        condition(sql, params, "before", "id < :before", before);
        sql.append(" order by id desc limit ").append(limit + 1);

        var statement = jdbc.sql(sql.toString());
        for (var p : params.entrySet()) {
            Object value = p.getValue() instanceof Instant i ? java.sql.Timestamp.from(i) : p.getValue();
            statement = statement.param(p.getKey(), value);
        }
        List<Entry> rows = new ArrayList<>(statement.query((rs, n) -> new Entry(rs.getLong("id"),
                rs.getTimestamp("occurred_at").toInstant(), rs.getString("actor"), rs.getString("action"),
                rs.getString("entity_type"), rs.getString("entity_id"), (Long) rs.getObject("scheme_id"),
                rs.getString("summary"), rs.getString("before_state"), rs.getString("after_state"),
                rs.getString("remote_address"))).list());
        Long next = null;
        if (rows.size() > limit) {
            rows.removeLast();
            next = rows.getLast().id();
        }
        return new Page(rows, next);
    }

    private static void condition(StringBuilder sql, java.util.Map<String, Object> params, String name, String clause,
            Object value) {
        if (value != null) {
            sql.append(" and ").append(clause);
            params.put(name, value);
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
