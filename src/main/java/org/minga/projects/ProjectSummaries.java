package org.minga.projects;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What other modules may read of the project bank: a project's identity, cost and stage. */
@Service
@Transactional(readOnly = true)
public class ProjectSummaries {

    public record Summary(long id, long schemeId, String code, String name, BigDecimal cost, String currency,
            Stage stage) {
    }

    private static final String SELECT = "select id, scheme_id, code, name, cost, currency, stage from project";
    private final JdbcClient jdbc;

    ProjectSummaries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The scheme's projects still alive (neither closed nor discarded), by code; at most {@code limit}. */
    public List<Summary> open(long schemeId, int limit) {
        return jdbc.sql(SELECT + " where scheme_id = :s and stage not in ('CLOSED', 'DISCARDED') order by code limit :l")
                .param("s", schemeId).param("l", limit).query(ProjectSummaries::row).list();
    }

    public Map<Long, Summary> find(Collection<Long> ids) {
        Map<Long, Summary> found = new LinkedHashMap<>();
        if (!ids.isEmpty()) {
            jdbc.sql(SELECT + " where id in (:ids)").param("ids", List.copyOf(ids)).query(ProjectSummaries::row).list()
                    .forEach(s -> found.put(s.id(), s));
        }
        return found;
    }

    private static Summary row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Summary(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getBigDecimal(5),
                rs.getString(6).strip(), Stage.valueOf(rs.getString(7)));
    }
}
