package org.minga.registry;

import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.minga.registry.internal.Memberships;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Read-only facts of the register that planning, evaluation and transitions report on: the members
 * on a date, the legal acts (agreements and authorisations), and whether the governing bodies'
 * seats are filled and in term. Nothing here writes.
 */
@Service
public class SchemeFacts {

    public record Member(String code, String name, String role, LocalDate joinedOn, String delegate) {
    }

    public record Act(String type, String number, LocalDate issuedOn, String issuer, String unitCode, String summary) {
    }

    /** Open seats of the scheme's bodies on a date, and how many of them are past their term. */
    public record Seats(int bodies, int open, int pastTerm) {
    }

    private final Memberships memberships;
    private final JdbcClient jdbc;

    SchemeFacts(Memberships memberships, JdbcClient jdbc) {
        this.memberships = memberships;
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    public List<Member> members(long schemeId, LocalDate at) {
        return memberships.on(schemeId, at).stream()
                .map(m -> new Member(m.code(), m.name(), m.role(), m.joinedOn(), m.delegate())).toList();
    }

    @Transactional(readOnly = true)
    public List<Act> acts(long schemeId) {
        return jdbc.sql("""
                select type, number, issued_on, issuer, unit_code, summary from legal_act
                where scheme_id = :s order by issued_on, id""").param("s", schemeId)
                .query(Act.class).list();
    }

    /** The name of the scheme's legal figure ("Asociación de municipios"), empty while it has none. */
    @Transactional(readOnly = true)
    public Optional<String> figureName(long schemeId) {
        return jdbc.sql("""
                select f.name from scheme s join legal_figure f on f.country = s.country and f.code = s.figure
                where s.id = :s""").param("s", schemeId).query(String.class).optional();
    }

    @Transactional(readOnly = true)
    public Seats seats(long schemeId, LocalDate at) {
        return jdbc.sql("""
                select (select count(*) from governing_body where scheme_id = :s) as bodies,
                       count(st.id) as open,
                       count(st.id) filter (where st.term_end is not null and st.term_end < :at) as past_term
                from governing_body b join body_seat st on st.body_id = b.id
                where b.scheme_id = :s and st.term_start <= :at and (st.ended_on is null or st.ended_on >= :at)""")
                .param("s", schemeId).param("at", Date.valueOf(at))
                .query(Seats.class).single();
    }
}
