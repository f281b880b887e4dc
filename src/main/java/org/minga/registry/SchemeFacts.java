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
 * on a date, the legal acts (agreements and authorisations), the registration with the national
 * register, and whether the governing bodies' seats are filled and in term. Nothing here writes.
 */
@Service
public class SchemeFacts {

    /**
     * A member on a date; {@code level} is its unit's (null for a member scheme), and {@code parentCode}
     * and {@code parentName} the unit it belongs to: for a Salvadoran district since 1 May 2024, the
     * municipality that holds its legal personality.
     */
    public record Member(String code, String name, String role, LocalDate joinedOn, String delegate, String level,
            String parentCode, String parentName) {
    }

    public record Act(String type, String number, LocalDate issuedOn, String issuer, String unitCode, String summary) {
    }

    /** Open seats of the scheme's bodies on a date, and how many of them are past their term. */
    public record Seats(int bodies, int open, int pastTerm) {
    }

    /** A governing body of the scheme; {@code kind} is ASSEMBLY, BOARD, EXECUTIVE_DIRECTION or TECHNICAL_COMMITTEE. */
    public record Body(long id, long schemeId, String kind, String name) {
    }

    /** A seat in term on a date: who holds it, in which role (PRESIDENT, MEMBER…), for which unit. */
    public record SeatInTerm(long seatId, String personName, String role, String unitCode) {
    }

    /** The scheme's latest registration with the national register of schemes: public, as the register is. */
    public record Registration(String authority, String number, LocalDate registeredOn) {
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
                .map(m -> new Member(m.code(), m.name(), m.role(), m.joinedOn(), m.delegate(), m.level(),
                        m.parentCode(), m.parentName())).toList();
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
    public java.util.Optional<Registration> registration(long schemeId) {
        return jdbc.sql("""
                select authority, number, registered_on from scheme_registration where scheme_id = :s
                order by registered_on desc, id desc limit 1""").param("s", schemeId)
                .query(Registration.class).optional();
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

    @Transactional(readOnly = true)
    public List<Body> bodies(long schemeId) {
        return jdbc.sql("select id, scheme_id, kind, name from governing_body where scheme_id = :s order by kind, name")
                .param("s", schemeId).query(Body.class).list();
    }

    @Transactional(readOnly = true)
    public java.util.Optional<Body> body(long schemeId, long bodyId) {
        return jdbc.sql("select id, scheme_id, kind, name from governing_body where scheme_id = :s and id = :b")
                .param("s", schemeId).param("b", bodyId).query(Body.class).optional();
    }

    /** The seats of a body in term on a date (started, not past their term, not left), by role. */
    @Transactional(readOnly = true)
    public List<SeatInTerm> seatsInTerm(long bodyId, LocalDate on) {
        return jdbc.sql("""
                select id as seat_id, person_name, role, unit_code from body_seat
                where body_id = :b and term_start <= :on and (term_end is null or term_end >= :on)
                  and (ended_on is null or ended_on >= :on)
                order by role, unit_code, id""").param("b", bodyId).param("on", Date.valueOf(on))
                .query(SeatInTerm.class).list();
    }
}
