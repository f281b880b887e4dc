package org.minga.participation.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.minga.identity.Scopes;
import org.minga.platform.AuditLog;
import org.minga.platform.AuditLog.Change;
import org.minga.platform.InvalidInputException;
import org.minga.platform.InvalidInputException.Violation;
import org.minga.platform.NotFoundException;
import org.minga.platform.SystemActor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Workshops, dialogue sessions and assemblies, with their minutes and agreements, and attendance
 * disaggregated by sex, age group, ethnic group, disability and zone (the way DNP and cooperants
 * ask for it), entered one by one or imported from the attendance sheet.
 */
@Service
public class Events {

    public enum Kind { WORKSHOP, DIALOGUE, ASSEMBLY }

    public enum Sex { FEMALE, MALE, OTHER, UNDISCLOSED }

    public enum AgeGroup { UNDER_18, FROM_18_TO_28, FROM_29_TO_59, OVER_59 }

    public enum EthnicGroup { NONE, INDIGENOUS, AFRO, RAIZAL, PALENQUERO, ROM }

    public enum Zone { RURAL, URBAN }

    public record NewEvent(String kind, String title, LocalDate heldOn, String place, String unitCode, String agenda,
            String minutes, String agreements) {
    }

    public record Attendee(String fullName, String organisation, Sex sex, AgeGroup ageGroup, EthnicGroup ethnicGroup,
            boolean disability, Zone zone, boolean delegate) {
    }

    public record Event(long id, long schemeId, Kind kind, String title, LocalDate heldOn, String place,
            String unitCode, String agenda, String minutes, String agreements, long attendees) {
    }

    /** Attendance counted along each dimension, every value present (zero when nobody). */
    public record Disaggregation(long total, Map<Sex, Long> sex, Map<AgeGroup, Long> age, Map<EthnicGroup, Long> ethnic,
            long withDisability, Map<Zone, Long> zone, long delegates) {
    }

    private final JdbcClient jdbc;
    private final Scopes scopes;
    private final AuditLog audit;

    Events(JdbcClient jdbc, Scopes scopes, AuditLog audit) {
        this.jdbc = jdbc;
        this.scopes = scopes;
        this.audit = audit;
    }

    @Transactional
    public long create(long schemeId, NewEvent input) {
        scopes.requireSchemeWrite(schemeId);
        List<Violation> problems = new ArrayList<>();
        Kind kind = Enums.parse(Kind.class, input.kind(), "kind", "participation.event.kind.required", problems);
        String title = Texts.required(input.title(), "title", 200, problems);
        if (input.heldOn() == null) {
            problems.add(new Violation("heldOn", "Required", "participation.field.required"));
        }
        String place = Texts.required(input.place(), "place", 200, problems);
        String unit = Texts.optional(input.unitCode(), "unitCode", 10, problems);
        String agenda = Texts.optional(input.agenda(), "agenda", 10_000, problems);
        String minutes = Texts.optional(input.minutes(), "minutes", 50_000, problems);
        String agreements = Texts.optional(input.agreements(), "agreements", 10_000, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        long id = jdbc.sql("""
                insert into participation_event (scheme_id, kind, title, held_on, place, unit_code, agenda, minutes,
                                                 agreements, created_by)
                values (:s, :k, :t, :d, :p, :u, :a, :m, :ag, :by) returning id""").param("s", schemeId)
                .param("k", kind.name()).param("t", title).param("d", input.heldOn()).param("p", place).param("u", unit)
                .param("a", agenda).param("m", minutes).param("ag", agreements)
                .param("by", SystemActor.current()).query(Long.class).single();
        audit.record(Change.created("participation_event", id, schemeId, "Evento " + title,
                Map.of("kind", kind.name(), "heldOn", input.heldOn().toString(), "place", place)));
        return id;
    }

    /** Adds attendees in one transaction: all of them or, on any refusal, none. */
    @Transactional
    public int addAttendees(long eventId, List<Attendee> attendees) {
        Event event = get(eventId);
        scopes.requireSchemeWrite(event.schemeId());
        List<Violation> problems = new ArrayList<>();
        for (int i = 0; i < attendees.size(); i++) {
            Attendee a = attendees.get(i);
            if (a.fullName() == null || a.fullName().isBlank() || a.fullName().strip().length() > 200) {
                problems.add(new Violation("attendees[" + i + "].fullName", "NotBlank", "participation.field.required"));
            }
            if (a.sex() == null || a.ageGroup() == null || a.ethnicGroup() == null || a.zone() == null) {
                problems.add(new Violation("attendees[" + i + "]", "Required", "participation.attendee.dimensions"));
            }
        }
        if (attendees.isEmpty()) {
            problems.add(new Violation("attendees", "NotEmpty", "participation.attendee.none"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        for (Attendee a : attendees) {
            jdbc.sql("""
                    insert into event_attendee (event_id, full_name, organisation, sex, age_group, ethnic_group, disability,
                                                zone, delegate)
                    values (:e, :n, :o, :s, :a, :eth, :d, :z, :del)""").param("e", eventId).param("n", a.fullName().strip())
                    .param("o", a.organisation() == null || a.organisation().isBlank() ? null : a.organisation().strip())
                    .param("s", a.sex().name()).param("a", a.ageGroup().name()).param("eth", a.ethnicGroup().name())
                    .param("d", a.disability()).param("z", a.zone().name()).param("del", a.delegate()).update();
        }
        // Attendance lists hold personal data: the audit keeps the count, not the names.
        audit.record(Change.created("event_attendance", eventId, event.schemeId(), "Asistencia a " + event.title(),
                Map.of("attendees", attendees.size())));
        return attendees.size();
    }

    public Event get(long id) {
        return jdbc.sql(SELECT + " where e.id = :id").param("id", id).query(Events::row).optional()
                .orElseThrow(() -> new NotFoundException("Evento", id));
    }

    public List<Event> ofScheme(long schemeId) {
        return jdbc.sql(SELECT + " where e.scheme_id = :s order by e.held_on desc, e.id desc limit 200")
                .param("s", schemeId).query(Events::row).list();
    }

    public record Named(long id, String fullName, String organisation, boolean delegate) {
    }

    public List<Named> attendees(long eventId) {
        return jdbc.sql("select id, full_name, organisation, delegate from event_attendee where event_id = :e order by id")
                .param("e", eventId).query((rs, n) -> new Named(rs.getLong(1), rs.getString(2), rs.getString(3),
                        rs.getBoolean(4))).list();
    }

    public Disaggregation disaggregation(long eventId) {
        Map<String, Map<String, Long>> counts = new LinkedHashMap<>();
        long[] totals = new long[3];
        jdbc.sql("""
                select grouping(sex, age_group, ethnic_group, zone), sex, age_group, ethnic_group, zone, count(*),
                       count(*) filter (where disability), count(*) filter (where delegate)
                from event_attendee where event_id = :e
                group by grouping sets ((sex), (age_group), (ethnic_group), (zone), ())""").param("e", eventId)
                .query((rs, n) -> {
                    String[] dims = {"sex", "age", "ethnic", "zone"};
                    for (int d = 0; d < 4; d++) {
                        if (rs.getString(d + 2) != null) {
                            counts.computeIfAbsent(dims[d], k -> new LinkedHashMap<>()).put(rs.getString(d + 2), rs.getLong(6));
                            return null;
                        }
                    }
                    totals[0] = rs.getLong(6);
                    totals[1] = rs.getLong(7);
                    totals[2] = rs.getLong(8);
                    return null;
                }).list();
        return new Disaggregation(totals[0], fill(Sex.class, counts.get("sex")), fill(AgeGroup.class, counts.get("age")),
                fill(EthnicGroup.class, counts.get("ethnic")), totals[1], fill(Zone.class, counts.get("zone")), totals[2]);
    }

    private static <E extends Enum<E>> Map<E, Long> fill(Class<E> type, Map<String, Long> found) {
        Map<E, Long> all = new LinkedHashMap<>();
        for (E e : type.getEnumConstants()) {
            all.put(e, found == null ? 0L : found.getOrDefault(e.name(), 0L));
        }
        return all;
    }

    private static final String SELECT = """
            select e.id, e.scheme_id, e.kind, e.title, e.held_on, e.place, e.unit_code, e.agenda, e.minutes, e.agreements,
                   (select count(*) from event_attendee a where a.event_id = e.id) from participation_event e""";

    private static Event row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Event(rs.getLong(1), rs.getLong(2), Kind.valueOf(rs.getString(3)), rs.getString(4),
                rs.getDate(5).toLocalDate(), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9),
                rs.getString(10), rs.getLong(11));
    }
}
