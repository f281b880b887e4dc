package org.minga.registry;

import java.sql.Date;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Which registered schemes already hold some of these units as members on a date: the question
 * RINDE asks before a new scheme is formed ("does it overlap an existing one?") and the register's
 * OVERLAP warning. One query, by the membership index on unit code; the schemes sharing the most
 * members come first.
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
        // Grouped in the database: a busy register has dozens of schemes per municipality, and the
        // competences are read once per scheme, not once per shared member.
        return jdbc.sql("""
                select s.id, s.name, array_to_string(array_agg(m.unit_code order by m.unit_code), ',') as shared,
                       (select string_agg(sc.competence_code, ',' order by sc.competence_code) from scheme_competence sc
                         where sc.scheme_id = s.id and sc.added_on <= :at and (sc.removed_on is null or sc.removed_on > :at))
                         as competences
                from membership_on(:at) m join scheme s on s.id = m.scheme_id
                where s.country = :country and m.unit_code in (:codes)
                  and s.id <> :excluding and s.status <> 'LIQUIDATED'
                group by s.id, s.name
                order by count(*) desc, s.name
                """).param("country", country).param("codes", List.copyOf(unitCodes)).param("at", Date.valueOf(at))
                .param("excluding", excluding == null ? -1L : excluding)
                .query((rs, n) -> new Overlap(rs.getLong("id"), rs.getString("name"),
                        List.of(rs.getString("shared").split(",")), rs.getString("competences") == null ? List.of()
                                : List.of(rs.getString("competences").split(","))))
                .list();
    }
}
