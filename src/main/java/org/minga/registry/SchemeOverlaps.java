package org.minga.registry;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Which registered schemes already hold some of these units as members on a date: the question
 * RINDE asks before a new scheme is formed ("does it overlap an existing one?") and the register's
 * OVERLAP warning. One query, by the membership index on unit code.
 */
@Service
public class SchemeOverlaps {

    /** A scheme sharing members with the proposal, and the members it shares. */
    public record Overlap(long schemeId, String schemeName, List<String> sharedMembers) {
    }

    private final JdbcClient jdbc;

    SchemeOverlaps(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Overlap> sharing(String country, Collection<String> unitCodes, LocalDate at, Long excluding) {
        if (unitCodes.isEmpty()) {
            return List.of();
        }
        record Row(long id, String name, String code) {
        }
        List<Row> rows = jdbc.sql("""
                select s.id, s.name, m.unit_code from membership m join scheme s on s.id = m.scheme_id
                where s.country = :country and m.unit_code in (:codes)
                  and m.joined_on <= :at and (m.left_on is null or m.left_on >= :at)
                  and s.id <> :excluding and s.status <> 'LIQUIDATED'
                order by s.name, m.unit_code
                """).param("country", country).param("codes", List.copyOf(unitCodes)).param("at", Date.valueOf(at))
                .param("excluding", excluding == null ? -1L : excluding)
                .query((rs, n) -> new Row(rs.getLong(1), rs.getString(2), rs.getString(3))).list();
        Map<Long, Overlap> overlaps = new LinkedHashMap<>();
        for (Row row : rows) {
            overlaps.computeIfAbsent(row.id(), id -> new Overlap(id, row.name(), new ArrayList<>())).sharedMembers()
                    .add(row.code());
        }
        return List.copyOf(overlaps.values());
    }
}
