package org.minga.governance;

import java.sql.Date;
import java.time.LocalDate;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Whether a scheme's bodies meet as often as their statutes say, for the health index. Read-only;
 * like the register's facts, it answers the module that asks and checks no scope itself.
 */
@Service
public class Meetings {

    /**
     * Over the bodies whose statutes in force require sessions per year: the sessions required in
     * the twelve months up to a date, and those held, counted up to each body's requirement (an extra
     * session of one body does not make up for another that did not meet).
     */
    public record Held(int held, int required) {
    }

    private final JdbcClient jdbc;

    Meetings(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    public Held lastYear(long schemeId, LocalDate at) {
        return jdbc.sql("""
                with rules as (
                    select distinct on (r.body_id) r.body_id, r.sessions_per_year
                    from governance_rule r where r.scheme_id = :s and r.valid_from <= :at
                    order by r.body_id, r.valid_from desc)
                select coalesce(sum(least(h.held, r.sessions_per_year)), 0) as held,
                       coalesce(sum(r.sessions_per_year), 0) as required
                from rules r
                cross join lateral (select count(*)::int as held from governance_session gs
                    where gs.body_id = r.body_id and gs.present is not null
                      and gs.starts_at >= :from and gs.starts_at < :until) h
                where r.sessions_per_year is not null""")
                .param("s", schemeId).param("at", Date.valueOf(at))
                .param("from", Date.valueOf(at.minusYears(1).plusDays(1)))
                .param("until", Date.valueOf(at.plusDays(1)))
                .query((rs, n) -> new Held(rs.getInt("held"), rs.getInt("required"))).single();
    }
}
