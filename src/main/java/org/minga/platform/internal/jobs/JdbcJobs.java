package org.minga.platform.internal.jobs;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.minga.platform.Jobs;
import org.minga.platform.internal.Actors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import tools.jackson.databind.ObjectMapper;

@Component
record JdbcJobs(JdbcClient jdbc, ObjectMapper json, JobHandlers handlers) implements Jobs {

    @Override
    public UUID submit(String type, Object payload, Long schemeId) {
        handlers.require(type);
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into job (id, type, status, payload, created_by, scheme_id)
                values (:id, :type, 'QUEUED', cast(:payload as jsonb), :createdBy, :schemeId)
                """)
                .param("id", id).param("type", type).param("payload", json.writeValueAsString(payload))
                .param("createdBy", Actors.current()).param("schemeId", schemeId)
                .update();
        return id;
    }

    @Override
    public Optional<JobView> find(UUID id) {
        return jdbc.sql("""
                select id, type, status, progress, message, result::text as result, error, created_by, scheme_id,
                       created_at, started_at, finished_at
                from job where id = :id
                """).param("id", id).query(this::view).optional();
    }

    @Override
    public Failures failedSince(Instant since) {
        var types = jdbc.sql("""
                select type, count(*) as n from job where status = 'FAILED' and finished_at >= :since
                group by type order by type""").param("since", Timestamp.from(since))
                .query((rs, n) -> java.util.Map.entry(rs.getString("type"), rs.getLong("n"))).list();
        UUID latest = jdbc.sql("""
                select id from job where status = 'FAILED' and finished_at >= :since order by finished_at desc limit 1""")
                .param("since", Timestamp.from(since)).query(UUID.class).optional().orElse(null);
        return new Failures(types.stream().mapToLong(java.util.Map.Entry::getValue).sum(),
                types.stream().map(java.util.Map.Entry::getKey).toList(), latest);
    }

    @Override
    public java.util.List<Recent> recentFor(String username, Instant since, int limit) {
        // job_creator_idx: a person's jobs by when they were started.
        return jdbc.sql("""
                select id, type, status, progress, message from job
                where created_by = :user and created_at >= :since
                order by created_at desc limit :limit""")
                .param("user", username).param("since", Timestamp.from(since)).param("limit", limit)
                .query((rs, n) -> new Recent(rs.getObject("id", UUID.class), rs.getString("type"),
                        Status.valueOf(rs.getString("status")), rs.getInt("progress"), rs.getString("message"))).list();
    }

    /** The job's payload as stored, for its handler to read (links back to the module's pages). */
    Optional<String> payload(UUID id) {
        return jdbc.sql("select payload::text from job where id = :id").param("id", id).query(String.class).optional();
    }

    private JobView view(ResultSet rs, int row) throws SQLException {
        String result = rs.getString("result");
        return new JobView(rs.getObject("id", UUID.class), rs.getString("type"), Status.valueOf(rs.getString("status")),
                rs.getInt("progress"), rs.getString("message"), result == null ? null : json.readTree(result),
                rs.getString("error"), rs.getString("created_by"), (Long) rs.getObject("scheme_id"),
                instant(rs.getTimestamp("created_at")), instant(rs.getTimestamp("started_at")),
                instant(rs.getTimestamp("finished_at")));
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
