package org.minga.registry.internal;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.minga.platform.AuditLog;
import org.minga.platform.AuditLog.Change;
import org.minga.platform.InvalidInputException;
import org.minga.platform.InvalidInputException.Violation;
import org.minga.platform.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A scheme's governing bodies and who sits in them, for which term. A seat on a board is an
 * election (el-salvador L419: boards of mayors with 3-year terms), so it goes to the event log and
 * must say when its term ends; term alerts ({@link TermAlerts}) read those ends.
 */
@Service
public class GoverningBodies {

    public enum Kind {
        ASSEMBLY, BOARD, EXECUTIVE_DIRECTION, TECHNICAL_COMMITTEE
    }

    /** A seat's role; the Spanish name goes into the stored event log and audit summaries. */
    public enum SeatRole {
        PRESIDENT("presidencia"), VICE_PRESIDENT("vicepresidencia"), SECRETARY("secretaría"),
        TREASURER("tesorería"), SYNDIC("sindicatura"), MEMBER("vocal"), ALTERNATE("suplencia"),
        DIRECTOR("dirección"), COORDINATOR("coordinación");

        private final String spanishName;

        SeatRole(String spanishName) {
            this.spanishName = spanishName;
        }

        public String spanishName() {
            return spanishName;
        }
    }

    public record Body(long id, Kind kind, String name, List<Seat> seats) {
    }

    public record Seat(long id, long bodyId, String personName, SeatRole role, String unitCode, LocalDate termStart,
            LocalDate termEnd, LocalDate endedOn) {
    }

    public record NewSeat(String personName, String role, String unitCode, LocalDate termStart, LocalDate termEnd) {
    }

    private final Desk desk;

    GoverningBodies(Desk desk) {
        this.desk = desk;
    }

    @Transactional
    public Body create(long schemeId, String kind, String name) {
        desk.writableScheme(schemeId);
        List<Violation> problems = new ArrayList<>();
        if (kind == null || kind.isBlank()) {
            problems.add(new Violation("kind", "Required", "body.kind.required"));
        } else if (Arrays.stream(Kind.values()).noneMatch(k -> k.name().equals(kind.strip()))) {
            problems.add(new Violation("kind", "OneOf", "body.kind.oneOf"));
        }
        if (name == null || name.isBlank()) {
            problems.add(new Violation("name", "Required", "body.name.required"));
        } else if (name.strip().length() > 200) {
            problems.add(new Violation("name", "Size", "body.name.size", 200));
        } else if (desk.jdbc().sql("select count(*) > 0 from governing_body where scheme_id = :s and name = :n")
                .param("s", schemeId).param("n", name.strip()).query(Boolean.class).single()) {
            problems.add(new Violation("name", "Unique", "body.name.taken", name.strip()));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        Kind k = Kind.valueOf(kind.strip());
        long id = desk.jdbc().sql("insert into governing_body (scheme_id, kind, name) values (:s, :k, :n) returning id")
                .param("s", schemeId).param("k", k.name()).param("n", name.strip()).query(Long.class).single();
        desk.audit().record(Change.created("governing_body", id, schemeId, "Órgano " + name.strip(),
                Map.of("kind", k.name(), "name", name.strip())));
        return new Body(id, k, name.strip(), List.of());
    }

    @Transactional
    public Seat addSeat(long schemeId, long bodyId, NewSeat seat) {
        desk.scopes().requireSchemeWrite(schemeId);
        Body body = body(schemeId, bodyId);
        List<Violation> problems = check(body.kind(), seat);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        Seat added = new Seat(0, bodyId, seat.personName().strip(), SeatRole.valueOf(seat.role().strip()),
                LegalActs.blankToNull(seat.unitCode()), seat.termStart(), seat.termEnd(), null);
        long id = desk.jdbc().sql("""
                insert into body_seat (body_id, person_name, role, unit_code, term_start, term_end)
                values (:b, :p, :r, :u, :start, :end) returning id
                """).param("b", bodyId).param("p", added.personName()).param("r", added.role().name())
                .param("u", added.unitCode()).param("start", Date.valueOf(added.termStart()))
                .param("end", added.termEnd() == null ? null : Date.valueOf(added.termEnd()))
                .query(Long.class).single();
        added = new Seat(id, bodyId, added.personName(), added.role(), added.unitCode(), added.termStart(),
                added.termEnd(), null);
        if (body.kind() == Kind.BOARD) {
            desk.events().record(schemeId, added.termStart(), SchemeEvents.Type.BOARD_ELECTED, body.name() + ": "
                    + describe(added) + ", periodo " + added.termStart() + " a " + added.termEnd());
        }
        desk.audit().record(Change.created("body_seat", id, schemeId, body.name() + ": " + describe(added),
                state(added)));
        return added;
    }

    /** The person leaves the seat on a date (resignation, death, end of office); the seat stays in history. */
    @Transactional
    public Seat endSeat(long schemeId, long bodyId, long seatId, LocalDate endedOn) {
        desk.scopes().requireSchemeWrite(schemeId);
        Seat seat = seat(schemeId, bodyId, seatId);
        if (endedOn == null) {
            throw new InvalidInputException("endedOn", "Required", "seat.endedOn.required");
        }
        if (endedOn.isBefore(seat.termStart())) {
            throw new InvalidInputException("endedOn", "Min", "seat.endedOn.beforeStart", seat.termStart());
        }
        if (seat.endedOn() != null) {
            throw new InvalidInputException("endedOn", "Unique", "seat.endedOn.already", seat.endedOn());
        }
        desk.jdbc().sql("update body_seat set ended_on = :on where id = :id").param("on", Date.valueOf(endedOn))
                .param("id", seatId).update();
        Seat ended = new Seat(seat.id(), bodyId, seat.personName(), seat.role(), seat.unitCode(), seat.termStart(),
                seat.termEnd(), endedOn);
        desk.audit().record(Change.updated("body_seat", seatId, schemeId, "Fin del puesto de " + describe(seat),
                state(seat), state(ended)));
        return ended;
    }

    /** Removes a seat recorded by mistake; a person who left is ended, not deleted. */
    @Transactional
    public void deleteSeat(long schemeId, long bodyId, long seatId) {
        desk.scopes().requireSchemeWrite(schemeId);
        Seat seat = seat(schemeId, bodyId, seatId);
        desk.jdbc().sql("delete from body_seat where id = :id").param("id", seatId).update();
        desk.audit().record(Change.deleted("body_seat", seatId, schemeId, "Puesto borrado: " + describe(seat),
                state(seat)));
    }

    /** The scheme's bodies, each with all its seats, the most recent terms first. */
    public List<Body> of(long schemeId) {
        desk.schemes().get(schemeId);
        Map<Long, List<Seat>> seats = new LinkedHashMap<>();
        desk.jdbc().sql("""
                select s.id, s.body_id, s.person_name, s.role, s.unit_code, s.term_start, s.term_end, s.ended_on
                from body_seat s join governing_body b on b.id = s.body_id
                where b.scheme_id = :s order by s.term_start desc, s.id
                """).param("s", schemeId).query(GoverningBodies::seat).list()
                .forEach(s -> seats.computeIfAbsent(s.bodyId(), k -> new ArrayList<>()).add(s));
        return desk.jdbc().sql("select id, kind, name from governing_body where scheme_id = :s order by kind, name")
                .param("s", schemeId)
                .query((rs, n) -> new Body(rs.getLong("id"), Kind.valueOf(rs.getString("kind")), rs.getString("name"),
                        seats.getOrDefault(rs.getLong("id"), List.of())))
                .list();
    }

    private Body body(long schemeId, long bodyId) {
        return desk.jdbc().sql("select id, kind, name from governing_body where scheme_id = :s and id = :id")
                .param("s", schemeId).param("id", bodyId)
                .query((rs, n) -> new Body(rs.getLong("id"), Kind.valueOf(rs.getString("kind")), rs.getString("name"),
                        List.of()))
                .optional().orElseThrow(() -> new NotFoundException("órgano de gobierno", bodyId));
    }

    private Seat seat(long schemeId, long bodyId, long seatId) {
        return desk.jdbc().sql("""
                select s.id, s.body_id, s.person_name, s.role, s.unit_code, s.term_start, s.term_end, s.ended_on
                from body_seat s join governing_body b on b.id = s.body_id
                where b.scheme_id = :s and s.body_id = :b and s.id = :id
                """).param("s", schemeId).param("b", bodyId).param("id", seatId).query(GoverningBodies::seat)
                .optional().orElseThrow(() -> new NotFoundException("puesto", seatId));
    }

    static Seat seat(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Seat(rs.getLong("id"), rs.getLong("body_id"), rs.getString("person_name"),
                SeatRole.valueOf(rs.getString("role")), rs.getString("unit_code"),
                rs.getObject("term_start", LocalDate.class), rs.getObject("term_end", LocalDate.class),
                rs.getObject("ended_on", LocalDate.class));
    }

    private static List<Violation> check(Kind kind, NewSeat seat) {
        List<Violation> problems = new ArrayList<>();
        if (seat.personName() == null || seat.personName().isBlank()) {
            problems.add(new Violation("personName", "Required", "seat.personName.required"));
        } else if (seat.personName().strip().length() > 200) {
            problems.add(new Violation("personName", "Size", "seat.personName.size", 200));
        }
        if (seat.role() == null || seat.role().isBlank()) {
            problems.add(new Violation("role", "Required", "seat.role.required"));
        } else if (Arrays.stream(SeatRole.values()).noneMatch(r -> r.name().equals(seat.role().strip()))) {
            problems.add(new Violation("role", "OneOf", "seat.role.oneOf"));
        }
        if (seat.unitCode() != null && !seat.unitCode().isBlank()
                && !seat.unitCode().strip().matches(LegalActs.UNIT_CODE)) {
            problems.add(new Violation("unitCode", "Pattern", "act.unitCode.pattern"));
        }
        if (seat.termStart() == null) {
            problems.add(new Violation("termStart", "Required", "seat.termStart.required"));
        }
        if (seat.termEnd() == null && kind == Kind.BOARD) {
            // A board is elected for a term; without its end no alert could warn of the next election.
            problems.add(new Violation("termEnd", "Required", "seat.termEnd.board"));
        } else if (seat.termEnd() != null && seat.termStart() != null && seat.termEnd().isBefore(seat.termStart())) {
            problems.add(new Violation("termEnd", "Min", "seat.termEnd.beforeStart"));
        }
        return problems;
    }

    private static String describe(Seat seat) {
        return seat.personName() + " (" + seat.role().spanishName()
                + (seat.unitCode() == null ? "" : ", " + seat.unitCode()) + ")";
    }

    private static Map<String, Object> state(Seat seat) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("bodyId", seat.bodyId());
        state.put("personName", seat.personName());
        state.put("role", seat.role().name());
        state.put("unitCode", seat.unitCode());
        state.put("termStart", seat.termStart().toString());
        state.put("termEnd", seat.termEnd() == null ? null : seat.termEnd().toString());
        state.put("endedOn", seat.endedOn() == null ? null : seat.endedOn().toString());
        return state;
    }
}
