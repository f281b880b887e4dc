package org.minga.participation.internal;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.minga.platform.AuditLog;
import org.minga.platform.AuditLog.Change;
import org.minga.platform.Checks;
import org.minga.platform.Inputs;
import org.minga.platform.InvalidInputException.Violation;
import org.minga.platform.NotFoundException;
import org.minga.platform.SystemActor;
import org.springframework.jdbc.support.SqlArrayValue;
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

    public record NewEvent(String kind, @NotBlank @Size(max = 200) String title, @NotNull LocalDate heldOn,
            @NotBlank @Size(max = 200) String place, @Size(max = 10) String unitCode, @Size(max = 10_000) String agenda,
            @Size(max = 50_000) String minutes, @Size(max = 10_000) String agreements) {
    }

    public record Attendee(@NotBlank @Size(max = 200) String fullName, @Size(max = 200) String organisation, Sex sex,
            AgeGroup ageGroup, EthnicGroup ethnicGroup, boolean disability, Zone zone, boolean delegate) {
    }

    public record Event(long id, long schemeId, Kind kind, String title, LocalDate heldOn, String place,
            String unitCode, String agenda, String minutes, String agreements, long attendees) {
    }

    /** Attendance counted along each dimension, every value present (zero when nobody). */
    public record Disaggregation(long total, Map<Sex, Long> sex, Map<AgeGroup, Long> age, Map<EthnicGroup, Long> ethnic,
            long withDisability, Map<Zone, Long> zone, long delegates) {
    }

    private final Desk desk;

    Events(Desk desk) {
        this.desk = desk;
    }

    @Transactional
    public long create(long schemeId, NewEvent input) {
        desk.scopes().requireSchemeWrite(schemeId);
        Checks checks = new Checks();
        Kind kind = checks.oneOf("kind", Kind.class, input.kind());
        checks.valid(input).orThrow();
        String title = Inputs.text(input.title());
        String place = Inputs.text(input.place());
        String unit = Inputs.text(input.unitCode());
        String agenda = Inputs.text(input.agenda());
        String minutes = Inputs.text(input.minutes());
        String agreements = Inputs.text(input.agreements());
        long id = desk.jdbc().sql("""
                insert into participation_event (scheme_id, kind, title, held_on, place, unit_code, agenda, minutes,
                                                 agreements, created_by)
                values (:s, :k, :t, :d, :p, :u, :a, :m, :ag, :by) returning id""").param("s", schemeId)
                .param("k", kind.name()).param("t", title).param("d", input.heldOn()).param("p", place).param("u", unit)
                .param("a", agenda).param("m", minutes).param("ag", agreements)
                .param("by", SystemActor.current()).query(Long.class).single();
        desk.audit().record(Change.created("participation_event", id, schemeId, "Evento " + title,
                Map.of("kind", kind.name(), "heldOn", input.heldOn().toString(), "place", place)));
        return id;
    }

    /** Adds attendees in one transaction: all of them or, on any refusal, none. */
    @Transactional
    public int addAttendees(long eventId, List<Attendee> attendees) {
        Event event = get(eventId);
        desk.scopes().requireSchemeWrite(event.schemeId());
        Checks checks = new Checks();
        for (int i = 0; i < attendees.size(); i++) {
            Attendee a = attendees.get(i);
            String at = "attendees[" + i + "]";
            new Checks().valid(a).violations().forEach(v -> checks.add(
                    new Violation(at + "." + v.field(), v.rule(), v.messageKey(), v.args())));
            checks.rule(a.sex() != null && a.ageGroup() != null && a.ethnicGroup() != null && a.zone() != null, at,
                    "Required", "participation.attendee.dimensions");
        }
        checks.rule(!attendees.isEmpty(), "attendees", "NotEmpty", "participation.attendee.none").orThrow();
        // One statement for the whole list, column by column.
        desk.jdbc().sql("""
                insert into event_attendee (event_id, full_name, organisation, sex, age_group, ethnic_group, disability,
                                            zone, delegate)
                select :e, t.* from unnest(:names, :organisations, :sexes, :ages, :ethnic, :disability, :zones, :delegates)
                    as t(full_name, organisation, sex, age_group, ethnic_group, disability, zone, delegate)""")
                .param("e", eventId)
                .param("names", texts(attendees, a -> Inputs.text(a.fullName())))
                .param("organisations", texts(attendees, a -> Inputs.text(a.organisation())))
                .param("sexes", texts(attendees, a -> a.sex().name()))
                .param("ages", texts(attendees, a -> a.ageGroup().name()))
                .param("ethnic", texts(attendees, a -> a.ethnicGroup().name()))
                .param("disability", new SqlArrayValue("boolean", attendees.stream().map(Attendee::disability).toArray()))
                .param("zones", texts(attendees, a -> a.zone().name()))
                .param("delegates", new SqlArrayValue("boolean", attendees.stream().map(Attendee::delegate).toArray()))
                .update();
        // Attendance lists hold personal data: the audit keeps the count, not the names.
        desk.audit().record(Change.created("event_attendance", eventId, event.schemeId(),
                "Asistencia a " + event.title(),
                Map.of("attendees", attendees.size())));
        return attendees.size();
    }

    private static SqlArrayValue texts(List<Attendee> attendees, java.util.function.Function<Attendee, String> column) {
        return new SqlArrayValue("text", attendees.stream().map(column).toArray());
    }

    public Event get(long id) {
        return desk.jdbc().sql(SELECT + " where e.id = :id").param("id", id).query(Events::row).optional()
                .orElseThrow(() -> new NotFoundException("Evento", id));
    }

    public List<Event> ofScheme(long schemeId) {
        return desk.jdbc().sql(SELECT + " where e.scheme_id = :s order by e.held_on desc, e.id desc limit 200")
                .param("s", schemeId).query(Events::row).list();
    }

    public record Named(long id, String fullName, String organisation, boolean delegate) {
    }

    public List<Named> attendees(long eventId) {
        return desk.jdbc().sql("select id, full_name, organisation, delegate from event_attendee where event_id = :e order by id")
                .param("e", eventId).query((rs, n) -> new Named(rs.getLong("id"), rs.getString("full_name"),
                        rs.getString("organisation"), rs.getBoolean("delegate"))).list();
    }

    public Disaggregation disaggregation(long eventId) {
        Map<String, Map<String, Long>> counts = new LinkedHashMap<>();
        long[] totals = new long[3];
        desk.jdbc().sql("""
                select sex, age_group, ethnic_group, zone, count(*) as people,
                       count(*) filter (where disability) as with_disability, count(*) filter (where delegate) as delegates
                from event_attendee where event_id = :e
                group by grouping sets ((sex), (age_group), (ethnic_group), (zone), ())""").param("e", eventId)
                .query((rs, n) -> {
                    // One row per value of one dimension (the others null), and the grand total.
                    for (String dimension : List.of("sex", "age_group", "ethnic_group", "zone")) {
                        String value = rs.getString(dimension);
                        if (value != null) {
                            counts.computeIfAbsent(dimension, k -> new LinkedHashMap<>()).put(value, rs.getLong("people"));
                            return null;
                        }
                    }
                    totals[0] = rs.getLong("people");
                    totals[1] = rs.getLong("with_disability");
                    totals[2] = rs.getLong("delegates");
                    return null;
                }).list();
        return new Disaggregation(totals[0], fill(Sex.class, counts.get("sex")),
                fill(AgeGroup.class, counts.get("age_group")), fill(EthnicGroup.class, counts.get("ethnic_group")), totals[1], fill(Zone.class, counts.get("zone")), totals[2]);
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
                   (select count(*) from event_attendee a where a.event_id = e.id) as attendees from participation_event e""";

    private static Event row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Event(rs.getLong("id"), rs.getLong("scheme_id"), Kind.valueOf(rs.getString("kind")),
                rs.getString("title"), rs.getObject("held_on", LocalDate.class), rs.getString("place"),
                rs.getString("unit_code"), rs.getString("agenda"), rs.getString("minutes"), rs.getString("agreements"),
                rs.getLong("attendees"));
    }
}
