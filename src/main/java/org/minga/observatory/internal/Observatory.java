package org.minga.observatory.internal;

import java.sql.Date;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.minga.observatory.internal.Figures.Amount;
import org.minga.observatory.internal.Figures.Count;
import org.minga.observatory.internal.Figures.YearCount;
import org.minga.platform.AuditLog;
import org.minga.platform.InvalidInputException;
import org.minga.platform.RecentlyUsed;
import org.minga.platform.Zones;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Computes a country's {@link Figures} on a date in SQL: one grouped query per figure, whatever the
 * number of schemes, members or projects (no per-scheme loop). All queries run in one read-only
 * transaction, so the figures agree with each other.
 */
@Service
public class Observatory {

    /** A scheme is in the register on :at when founded (or recorded) by then and not liquidated before. */
    private static final String IN_REGISTER = """
            s.country = :c and coalesce(s.founded_on, (s.created_at at time zone :zone)::date) <= :at
              and not (s.status = 'LIQUIDATED' and s.status_since < :at)""";

    /** The unit version valid on :at. */
    private static final String VALID = "u.valid_from <= :at and (u.valid_to is null or u.valid_to >= :at)";

    /** The countries the register knows. */
    public static final List<String> COUNTRIES = List.of("CO", "SV");

    /** The observatory's tables (page sections and CSV files, {@code /public/observatory/{table}.csv}), in order. */
    public static final List<String> TABLES = List.of("summary", "by-figure", "by-status", "by-department",
            "members-per-scheme", "founded-dissolved", "competences", "investment-by-sector", "investment-by-source");

    private record Cached(long version, Figures figures) {
    }

    /** The most recently asked countries and dates (a visitor may ask any date; the bound keeps memory flat). */
    private final Map<String, Cached> cache = RecentlyUsed.map(512);

    private final JdbcClient jdbc;
    private final Zones zones;
    private final AuditLog audit;

    Observatory(JdbcClient jdbc, Zones zones, AuditLog audit) {
        this.jdbc = jdbc;
        this.zones = zones;
        this.audit = audit;
    }


    /**
     * The figures, from the cache while nothing was written since they were computed. Every write of
     * Minga is audited in the same transaction, so the audit log's last id is a version of all the
     * data: one index lookup tells whether a cached answer still holds, on every date.
     */
    @Transactional(readOnly = true)
    public Figures figures(String country, LocalDate at) {
        if (country == null || !COUNTRIES.contains(country)) {
            throw new InvalidInputException("country", "Country", "observatory.country.invalid");
        }
        AuditLog.Latest latest = audit.latest();
        long version = latest == null ? 0 : latest.id();
        String key = country + "/" + at;
        Cached hit = cache.get(key);
        if (hit != null && hit.version() == version) {
            return hit.figures();
        }
        Figures figures = compute(country, at);
        cache.put(key, new Cached(version, figures));
        return figures;
    }

    /** The legal figures' names in the country, by code. */
    public Map<String, String> figureNames(String country) {
        Map<String, String> names = new LinkedHashMap<>();
        jdbc.sql("select code, name from legal_figure where country = :c order by code").param("c", country)
                .query((rs, n) -> names.put(rs.getString(1), rs.getString(2))).list();
        return names;
    }

    private Figures compute(String country, LocalDate at) {
        // A scheme recorded without a founding date counts from its recording day in its country.
        Map<String, Object> p = Map.of("c", country, "at", Date.valueOf(at), "zone", zones.of(country).getId());
        Map<String, Long> byFigure = counts("""
                select coalesce(s.figure, 'NONE') as key, count(*) as value from scheme s where %s
                group by 1 order by 2 desc, 1""".formatted(IN_REGISTER), p);
        // The register keeps a scheme's current status and since when; an earlier status is only
        // in the timeline's words, so a scheme whose status changed after :at counts as UNRECORDED.
        Map<String, Long> byStatus = counts("""
                select case when s.status_since is null or s.status_since <= :at then s.status else 'UNRECORDED' end
                         as key, count(*) as value
                from scheme s where %s group by 1 order by 2 desc, 1""".formatted(IN_REGISTER), p);
        long schemes = byFigure.values().stream().mapToLong(Long::longValue).sum();
        long municipalities = jdbc.sql("""
                select count(*) from territorial_unit u where u.country = :c and u.level = 'MUNICIPALITY' and %s
                """.formatted(VALID)).params(p).query(Long.class).single();
        Map<String, Object> coverage = jdbc.sql("""
                with member_municipality as (
                    select distinct m.scheme_id, case when u.level = 'DISTRICT' then u.parent_code else u.code end as code
                    from membership_on(:at) m
                    join scheme s on s.id = m.scheme_id and s.country = :c
                    join territorial_unit u on u.country = :c and u.code = m.unit_code
                         and u.level in ('MUNICIPALITY', 'DISTRICT') and %s),
                     per_municipality as (select code, count(*) as schemes from member_municipality group by code)
                select count(*) as in_schemes, count(*) filter (where schemes > 1) as in_several from per_municipality
                """.formatted(VALID)).params(p).query().singleRow();
        return new Figures(country, at, schemes, byFigure, byStatus, municipalities,
                ((Number) coverage.get("in_schemes")).longValue(), ((Number) coverage.get("in_several")).longValue(),
                byDepartment(p), membersPerScheme(p), foundedAndDissolved(p), competences(p),
                investment("p.sector", p), investment("f.source_type", p));
    }

    private Map<String, Long> counts(String sql, Map<String, Object> p) {
        Map<String, Long> counts = new LinkedHashMap<>();
        jdbc.sql(sql).params(p).query((rs, n) -> counts.put(rs.getString("key"), rs.getLong("value"))).list();
        return counts;
    }

    /** Schemes with at least one member of the department on the date. */
    private List<Count> byDepartment(Map<String, Object> p) {
        return jdbc.sql("""
                select m.department_code as key, coalesce(u.name, m.department_code) as label,
                       count(distinct m.scheme_id) as value
                from membership_on(:at) m
                join scheme s on s.id = m.scheme_id and s.country = :c
                left join territorial_unit u on u.country = :c and u.level = 'DEPARTMENT'
                     and u.code = m.department_code and %s
                where m.department_code is not null
                group by 1, 2 order by 3 desc, 2""".formatted(VALID)).params(p).query(Count.class).list();
    }

    /** How many schemes have so many members on the date, in ranges. */
    private List<Count> membersPerScheme(Map<String, Object> p) {
        return jdbc.sql("""
                with sizes as (
                    select count(m.id) as members from scheme s left join membership_on(:at) m on m.scheme_id = s.id
                    where %s group by s.id),
                     ranges(ord, key, low, high) as (values (1, '0', 0, 0), (2, '1-2', 1, 2), (3, '3-5', 3, 5),
                         (4, '6-10', 6, 10), (5, '11-20', 11, 20), (6, '21-50', 21, 50), (7, '51+', 51, null))
                select r.key, r.key as label, count(z.members) as value
                from ranges r left join sizes z on z.members >= r.low and (r.high is null or z.members <= r.high)
                group by r.ord, r.key order by r.ord""".formatted(IN_REGISTER)).params(p).query(Count.class).list();
    }

    private List<YearCount> foundedAndDissolved(Map<String, Object> p) {
        return jdbc.sql("""
                select year, sum(founded) as founded, sum(dissolved) as dissolved from (
                    select extract(year from founded_on)::int as year, 1 as founded, 0 as dissolved
                    from scheme where country = :c and founded_on <= :at
                    union all
                    select extract(year from status_since)::int, 0, 1
                    from scheme where country = :c and status = 'LIQUIDATED' and status_since <= :at) t
                group by year order by year""").params(p).query(YearCount.class).list();
    }

    /** Competences held on the date by schemes in the register, most exercised first. */
    private List<Count> competences(Map<String, Object> p) {
        return jdbc.sql("""
                select c.code as key, c.name as label, count(distinct sc.scheme_id) as value
                from scheme_competence sc
                join scheme s on s.id = sc.scheme_id
                join competence c on c.code = sc.competence_code
                where %s and sc.added_on <= :at and (sc.removed_on is null or sc.removed_on > :at)
                group by 1, 2 order by 3 desc, 2""".formatted(IN_REGISTER)).params(p).query(Count.class).list();
    }

    /**
     * Financing committed by the date to the country's projects (discarded ones left out), grouped by
     * {@code key} and currency: sector ({@code p.sector}) or source ({@code f.source_type}).
     */
    private List<Amount> investment(String key, Map<String, Object> p) {
        return jdbc.sql("""
                select %s as key, f.currency, sum(f.amount) as value
                from financing_line f
                join project p on p.id = f.project_id and p.stage <> 'DISCARDED'
                join scheme s on s.id = p.scheme_id and s.country = :c
                where f.committed_on <= :at
                group by 1, 2 order by 2, 3 desc, 1""".formatted(key)).params(p).query(Amount.class).list();
    }
}
