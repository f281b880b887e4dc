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

    /** A scheme sharing members with the proposal, the members it shares and the competences it holds. */
    public record Overlap(long schemeId, String schemeName, List<String> sharedMembers, List<String> competences) {
    }

    private final JdbcClient jdbc;

    SchemeOverlaps(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Overlap> sharing(String country, Collection<String> unitCodes, LocalDate at, Long excluding) {
        if (unitCodes.isEmpty()) {
            return List.of();
        }
        record Row(long id, String name, String code, String competences) {
        }
        List<Row> rows = jdbc.sql("""
                select s.id, s.name, m.unit_code,
                       (select string_agg(sc.competence_code, ',' order by sc.competence_code) from scheme_competence sc
                         where sc.scheme_id = s.id and sc.added_on <= :at and (sc.removed_on is null or sc.removed_on > :at))
                from membership m join scheme s on s.id = m.scheme_id
                where s.country = :country and m.unit_code in (:codes)
                  and m.joined_on <= :at and (m.left_on is null or m.left_on >= :at)
                  and s.id <> :excluding and s.status <> 'LIQUIDATED'
                order by s.name, m.unit_code
                """).param("country", country).param("codes", List.copyOf(unitCodes)).param("at", Date.valueOf(at))
                .param("excluding", excluding == null ? -1L : excluding)
                .query((rs, n) -> new Row(rs.getLong(1), rs.getString(2), rs.getString(3),
                        rs.getString(4))).list();
        Map<Long, Overlap> overlaps = new LinkedHashMap<>();
        for (Row row : rows) {
            overlaps.computeIfAbsent(row.id(), id -> new Overlap(id, row.name(), new ArrayList<>(),
                    row.competences() == null ? List.of() : List.of(row.competences().split(",")))).sharedMembers()
                    .add(row.code());
        }
        return List.copyOf(overlaps.values());
    }
}
