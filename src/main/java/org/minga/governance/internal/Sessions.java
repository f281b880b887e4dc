package org.minga.governance.internal;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.minga.governance.Majority;
import org.minga.platform.AuditLog.Change;
import org.minga.platform.Checks;
import org.minga.platform.CountryFormat;
import org.minga.platform.Inputs;
import org.minga.platform.InvalidInputException;
import org.minga.platform.NotFoundException;
import org.minga.registry.Scheme;
import org.minga.registry.SchemeFacts;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sessions of a governing body: convened with their agenda in time per the statutes in force on the
 * session's date, then held when attendance is taken from the seats in term that day, which fixes
 * the quorum the session had (a later reform does not change a past session).
 */
@Service
public class Sessions {

    public enum Kind { ORDINARY, EXTRAORDINARY }

    /** A convocation as a person types it; {@code time} is "HH:mm" local to the scheme's country. */
    public record SessionInput(Long bodyId, String kind, LocalDate date, String time, String place, String virtualLink,
            LocalDate convenedOn, String agenda) {
    }

    public record Session(long id, long schemeId, long bodyId, String bodyName, Kind kind, LocalDateTime startsAt,
            String place, String virtualLink, LocalDate convenedOn, String agenda, Integer seatsInTerm,
            Integer present, Integer quorum) {

        public boolean held() {
            return present != null;
        }

        public boolean hasQuorum() {
            return present != null && present >= quorum;
        }
    }

    /** One seat in term on the session's date, present or not; the person's name is for the scheme's staff only. */
    public record Attendee(long seatId, String personName, String role, String unitCode, boolean present) {
    }

    private final GovernanceDesk desk;
    private final Statutes statutes;

    Sessions(GovernanceDesk desk, Statutes statutes) {
        this.desk = desk;
        this.statutes = statutes;
    }

    @Transactional
    public Session convene(long schemeId, SessionInput input) {
        Scheme scheme = desk.writableScheme(schemeId);
        Checks checks = new Checks();
        checks.required("bodyId", input.bodyId());
        Kind kind = checks.oneOf("kind", Kind.class, input.kind());
        checks.required("date", input.date());
        LocalTime time = time(checks, input.time());
        String place = checks.optionalText("place", input.place(), 300);
        String link = checks.optionalText("virtualLink", input.virtualLink(), 500);
        checks.rule(Inputs.text(input.place()) != null || Inputs.text(input.virtualLink()) != null, "place",
                "PlaceOrLink", "governance.session.placeOrLink");
        if (link != null) {
            checks.rule(link.startsWith("https://") || link.startsWith("http://"), "virtualLink", "URL",
                    "governance.session.virtualLink.url");
        }
        checks.required("convenedOn", input.convenedOn());
        String agenda = checks.text("agenda", input.agenda(), 5000);
        SchemeFacts.Body body = input.bodyId() == null ? null : desk.body(schemeId, input.bodyId());
        LocalDate today = desk.zones().today(scheme.getCountry().name());
        if (input.convenedOn() != null) {
            // One day of slack, as for legal acts: a user may be a calendar day behind the server.
            checks.rule(!input.convenedOn().isAfter(today.plusDays(1)), "convenedOn", "PastOrPresent",
                    "governance.session.convenedOn.future");
        }
        if (body != null && input.date() != null) {
            var rule = statutes.on(body.id(), input.date());
            checks.rule(rule.isPresent(), "bodyId", "StatuteRules", "governance.session.noRules", body.name(),
                    input.date());
            if (rule.isPresent() && input.convenedOn() != null && kind != null) {
                int needed = kind == Kind.ORDINARY ? rule.get().noticeDays() : rule.get().extraordinaryNoticeDays();
                long given = ChronoUnit.DAYS.between(input.convenedOn(), input.date());
                checks.rule(given >= needed, "convenedOn", "Notice", "governance.session.notice", given, needed,
                        rule.get().validFrom());
            }
        }
        checks.orThrow();
        LocalDateTime startsAt = input.date().atTime(time);
        long id = desk.jdbc().sql("""
                insert into governance_session (scheme_id, body_id, kind, starts_at, place, virtual_link, convened_on, agenda)
                values (:s, :b, :k, :at, :p, :l, :c, :a) returning id""")
                .param("s", schemeId).param("b", body.id()).param("k", kind.name())
                .param("at", Timestamp.valueOf(startsAt)).param("p", place).param("l", link)
                .param("c", java.sql.Date.valueOf(input.convenedOn())).param("a", agenda).query(Long.class).single();
        Session session = new Session(id, schemeId, body.id(), body.name(), kind, startsAt, place, link,
                input.convenedOn(), agenda, null, null, null);
        desk.audit().record(Change.created("governance_session", id, schemeId, title(session), state(session)));
        return session;
    }

    /**
     * Takes attendance: every seat of the body in term on the session's date, present when its id
     * is listed. Fixes the quorum from the statutes in force that day. May be taken again until the
     * session has adopted a decision.
     */
    @Transactional
    public Session takeAttendance(long schemeId, long sessionId, List<Long> presentSeats) {
        Scheme scheme = desk.writableScheme(schemeId);
        Session session = lock(schemeId, sessionId);
        LocalDate date = session.startsAt().toLocalDate();
        if (date.isAfter(desk.zones().today(scheme.getCountry().name()).plusDays(1))) {
            throw new InvalidInputException("present", "NotYet", "governance.attendance.future", date);
        }
        if (decisionCount(sessionId) > 0) {
            throw new InvalidInputException("present", "Adopted", "governance.attendance.decided");
        }
        List<SchemeFacts.SeatInTerm> seats = desk.facts().seatsInTerm(session.bodyId(), date);
        if (seats.isEmpty()) {
            throw new InvalidInputException("present", "SeatsInTerm", "governance.attendance.noSeats",
                    session.bodyName(), date);
        }
        Set<Long> present = new HashSet<>(presentSeats == null ? List.of() : presentSeats);
        Set<Long> inTerm = new HashSet<>(seats.stream().map(SchemeFacts.SeatInTerm::seatId).toList());
        if (!inTerm.containsAll(present)) {
            throw new InvalidInputException("present", "SeatsInTerm", "governance.attendance.unknownSeat");
        }
        Statutes.Rule rule = statutes.on(session.bodyId(), date).orElseThrow(() -> new InvalidInputException("present",
                "StatuteRules", "governance.session.noRules", session.bodyName(), date));
        int quorum = Majority.quorum(seats.size(), rule.quorumPercent());
        desk.jdbc().sql("delete from governance_attendance where session_id = :id").param("id", sessionId).update();
        for (SchemeFacts.SeatInTerm seat : seats) {
            desk.jdbc().sql("""
                    insert into governance_attendance (session_id, seat_id, person_name, role, unit_code, present)
                    values (:s, :seat, :p, :r, :u, :present)""").param("s", sessionId).param("seat", seat.seatId())
                    .param("p", seat.personName()).param("r", seat.role()).param("u", seat.unitCode())
                    .param("present", present.contains(seat.seatId())).update();
        }
        desk.jdbc().sql("update governance_session set seats_in_term = :n, present = :p, quorum = :q where id = :id")
                .param("n", seats.size()).param("p", present.size()).param("q", quorum).param("id", sessionId).update();
        Session held = new Session(session.id(), schemeId, session.bodyId(), session.bodyName(), session.kind(),
                session.startsAt(), session.place(), session.virtualLink(), session.convenedOn(), session.agenda(),
                seats.size(), present.size(), quorum);
        desk.audit().record(Change.updated("governance_session", sessionId, schemeId, "Asistencia de " + title(held)
                + ": " + present.size() + " de " + seats.size() + " (quórum " + quorum + ")", state(session), state(held)));
        return held;
    }

    public Session get(long schemeId, long sessionId) {
        desk.readableScheme(schemeId);
        return find(schemeId, sessionId, false);
    }

    /** The attendance as taken; names only for those who may see personal data (roles for the rest). */
    public List<Attendee> attendance(long schemeId, long sessionId) {
        desk.readableScheme(schemeId);
        boolean names = desk.scopes().canSeePersonalData(schemeId);
        return desk.jdbc().sql("""
                select a.seat_id, a.person_name, a.role, a.unit_code, a.present from governance_attendance a
                join governance_session s on s.id = a.session_id
                where s.scheme_id = :sc and a.session_id = :s order by a.role, a.unit_code, a.seat_id""")
                .param("sc", schemeId).param("s", sessionId)
                .query((rs, n) -> new Attendee(rs.getLong("seat_id"), names ? rs.getString("person_name") : null,
                        rs.getString("role"), rs.getString("unit_code"), rs.getBoolean("present")))
                .list();
    }

    /** The seats in term on the session's date, for the attendance form (names: as {@link #attendance}). */
    public List<Attendee> seatsInTerm(long schemeId, Session session) {
        boolean names = desk.scopes().canSeePersonalData(schemeId);
        return desk.facts().seatsInTerm(session.bodyId(), session.startsAt().toLocalDate()).stream()
                .map(s -> new Attendee(s.seatId(), names ? s.personName() : null, s.role(), s.unitCode(), false))
                .toList();
    }

    /** A page of the scheme's sessions, the most recent first ({@code size + 1} rows read to know of a next page). */
    public List<Session> of(long schemeId, int page, int size) {
        desk.readableScheme(schemeId);
        return desk.jdbc().sql(SELECT + " where gs.scheme_id = :s order by gs.starts_at desc, gs.id desc limit :n offset :o")
                .param("s", schemeId).param("n", size + 1).param("o", Math.max(0, page) * size)
                .query(Sessions::session).list();
    }

    Session lock(long schemeId, long sessionId) {
        return find(schemeId, sessionId, true);
    }

    int decisionCount(long sessionId) {
        return desk.jdbc().sql("select count(*) from governance_decision where session_id = :s").param("s", sessionId)
                .query(Integer.class).single();
    }

    private Session find(long schemeId, long sessionId, boolean forUpdate) {
        return desk.jdbc().sql(SELECT + " where gs.scheme_id = :s and gs.id = :id" + (forUpdate ? " for update of gs" : ""))
                .param("s", schemeId).param("id", sessionId).query(Sessions::session).optional()
                .orElseThrow(() -> new NotFoundException("sesión", sessionId));
    }

    private static final String SELECT = """
            select gs.id, gs.scheme_id, gs.body_id, b.name as body_name, gs.kind, gs.starts_at, gs.place, gs.virtual_link,
                   gs.convened_on, gs.agenda, gs.seats_in_term, gs.present, gs.quorum
            from governance_session gs join governing_body b on b.id = gs.body_id""";

    private static Session session(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Session(rs.getLong("id"), rs.getLong("scheme_id"), rs.getLong("body_id"), rs.getString("body_name"),
                Kind.valueOf(rs.getString("kind")), rs.getObject("starts_at", LocalDateTime.class), rs.getString("place"),
                rs.getString("virtual_link"), rs.getObject("convened_on", LocalDate.class), rs.getString("agenda"),
                rs.getObject("seats_in_term", Integer.class), rs.getObject("present", Integer.class),
                rs.getObject("quorum", Integer.class));
    }

    private static LocalTime time(Checks checks, String value) {
        if (value == null || value.isBlank()) {
            checks.required("time", null);
            return null;
        }
        try {
            return LocalTime.parse(value.strip());
        } catch (DateTimeParseException e) {
            checks.rule(false, "time", "Pattern", "governance.session.time.pattern");
            return null;
        }
    }

    /** "Sesión ordinaria de Junta Directiva, 2026-03-02 18:00": how audit and minutes name a session. */
    static String title(Session s) {
        return "Sesión " + (s.kind() == Kind.ORDINARY ? "ordinaria" : "extraordinaria") + " de " + s.bodyName() + ", "
                + CountryFormat.DATE_TIME.format(s.startsAt());
    }

    private static Map<String, Object> state(Session s) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("bodyId", s.bodyId());
        state.put("kind", s.kind().name());
        state.put("startsAt", s.startsAt().toString());
        state.put("place", s.place());
        state.put("virtualLink", s.virtualLink());
        state.put("convenedOn", s.convenedOn().toString());
        state.put("agenda", s.agenda());
        state.put("seatsInTerm", s.seatsInTerm());
        state.put("present", s.present());
        state.put("quorum", s.quorum());
        return state;
    }
}
