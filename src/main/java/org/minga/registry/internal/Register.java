package org.minga.registry.internal;

import java.sql.Date;
import java.time.LocalDate;
import java.util.List;

import org.minga.platform.Inputs;
import org.minga.registry.Scheme;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The public register: schemes filtered by country, figure, department, status and competence, one
 * page at a time, each with its member count today. The name matches without accents or case
 * ("balsamo" finds "El Bálsamo"), through a trigram index (V98). One query per page (5,000 schemes sort in a
 * few milliseconds; the filters use the membership and competence indexes).
 */
@Service
public record Register(JdbcClient jdbc) {

    public record Filter(Scheme.Country country, String figure, String department, Scheme.Status status,
            String competence, String q) {

        public static Filter none() {
            return new Filter(null, null, null, null, null, null);
        }
    }

    public record Row(long id, String name, String acronym, String country, String figure, String figureName,
            String status, LocalDate foundedOn, int members) {
    }

    public record Page(List<Row> items, int page, int size, boolean hasNext) {
    }

    public Page page(Filter f, LocalDate at, int page, int size) {
        // The page's ids first (the name index serves order, filters and offset), then the member
        // counts and figure names of those rows only.
        List<Row> rows = jdbc.sql("""
                with page as (
                  select s.id from scheme s
                  where (cast(:country as text) is null or s.country = :country)
                    and (cast(:figure as text) is null or s.figure = :figure)
                    and (cast(:status as text) is null or s.status = :status)
                    and (cast(:q as text) is null or s.search_name like minga_fold(:q))
                    and (cast(:department as text) is null or exists (select 1 from membership_on(:at) m
                          where m.scheme_id = s.id and m.department_code = :department))
                    and (cast(:competence as text) is null or exists (select 1 from scheme_competence sc
                          where sc.scheme_id = s.id and sc.competence_code = :competence and sc.added_on <= :at
                            and (sc.removed_on is null or sc.removed_on > :at)))
                  order by lower(s.name), s.id
                  limit :limit offset :offset
                )
                select s.id, s.name, s.acronym, s.country, s.figure, lf.name as figure_name, s.status, s.founded_on,
                       (select count(*) from membership_on(:at) m where m.scheme_id = s.id) as members
                from page join scheme s on s.id = page.id
                left join legal_figure lf on lf.country = s.country and lf.code = s.figure
                order by lower(s.name), s.id
                """)
                .param("country", f.country() == null ? null : f.country().name())
                .param("figure", Inputs.text(f.figure()))
                .param("status", f.status() == null ? null : f.status().name())
                .param("q", Inputs.text(f.q()) == null ? null : "%" + escapeLike(f.q().strip().toLowerCase()) + "%")
                .param("department", Inputs.text(f.department()))
                .param("competence", Inputs.text(f.competence()))
                .param("at", Date.valueOf(at)).param("limit", size + 1).param("offset", (long) page * size)
                .query(Row.class)
                .list();
        return new Page(rows.stream().limit(size).toList(), page, size, rows.size() > size);
    }

    private static String escapeLike(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

}
