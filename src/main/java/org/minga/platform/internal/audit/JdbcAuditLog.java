package org.minga.platform.internal.audit;

import java.util.Map;

import org.minga.platform.AuditLog;
import org.minga.platform.internal.Actors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.databind.ObjectMapper;

@Component
class JdbcAuditLog implements AuditLog {

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    JdbcAuditLog(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** The primary key's last entry: one index probe, outside any transaction. */
    @Override
    public Latest latest() {
        return jdbc.sql("select id, occurred_at as at from audit_event order by id desc limit 1")
                .query((rs, n) -> new Latest(rs.getLong("id"), rs.getTimestamp("at").toInstant())).optional()
                .orElse(null);
    }

    /** Joins the caller's transaction: no change without its record, no record without its change. */
    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(Change change) {
        jdbc.sql("""
                insert into audit_event (actor, action, entity_type, entity_id, scheme_id, summary,
                                         before_state, after_state, remote_address)
                values (:actor, :action, :entityType, :entityId, :schemeId, :summary,
                        cast(:before as jsonb), cast(:after as jsonb), :remote)
                """)
                .param("actor", Actors.current())
                .param("action", change.action())
                .param("entityType", change.entityType())
                .param("entityId", String.valueOf(change.entityId()))
                .param("schemeId", change.schemeId())
                .param("summary", change.summary())
                .param("before", toJson(change.before()))
                .param("after", toJson(change.after()))
                .param("remote", Actors.remoteAddress())
                .update();
    }

    private String toJson(Map<String, ?> state) {
        return state == null ? null : json.writeValueAsString(state);
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void pseudonymise(String actor, String pseudonym, String entityType, Object entityId) {
        jdbc.sql("update audit_event set actor = :p where actor = :a").param("p", pseudonym).param("a", actor).update();
        jdbc.sql("""
                update audit_event set summary = replace(summary, :a, :p)
                where entity_type = :t and entity_id = :id and summary like '%' || :a || '%'""")
                .param("p", pseudonym).param("a", actor).param("t", entityType).param("id", String.valueOf(entityId))
                .update();
    }
}
