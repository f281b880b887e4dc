package org.minga.registry.internal;

import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.minga.registry.Scheme;
import org.minga.territory.TerritorialUnit;
import org.minga.territory.Territory;
import org.springframework.stereotype.Service;

/**
 * What the register shows to anyone, without an account (issue 17): the latest events of every
 * scheme, a scheme's status history, its governing bodies as roles (never the people in the seats),
 * the contacts staff marked as the institution's public channel, the departments the filters offer,
 * and the schemes' pages for the sitemap. Each read is one query, paginated or bounded.
 */
@Service
public class PublicRegister {

    private final Desk desk;
    private final Territory territory;
    private final GoverningBodies governingBodies;
    private final SchemeDirectoryEntries entries;

    PublicRegister(Desk desk, Territory territory, GoverningBodies governingBodies, SchemeDirectoryEntries entries) {
        this.desk = desk;
        this.territory = territory;
        this.governingBodies = governingBodies;
        this.entries = entries;
    }

    /** A register event as the public sees it: no recorder's name. */
    public record Event(long id, long schemeId, String schemeName, LocalDate occurredOn, SchemeEvents.Type type,
            String summary, Instant recordedAt) {
    }

    /** A governing body with its seats' roles and member units; who holds a seat is not said. */
    public record Body(GoverningBodies.Kind kind, String name, List<Seat> seats) {
    }

    /** A seat in term: its role and, for a member's seat, the unit's name. */
    public record Seat(GoverningBodies.SeatRole role, String unitName, LocalDate termStart, LocalDate termEnd) {
    }

    /** The institution's public channel: only what staff marked as such. */
    public record Channel(String name, String role, String email, String phone) {
    }

    /** A department the filters offer: those where some scheme has members. */
    public record Department(String country, String code, String name) {
    }

    /** A scheme's page for the sitemap: its id and the day its register last changed. */
    public record SchemePage(long id, LocalDate changedOn) {
    }

    /** The latest events of the whole register, newest first (the primary key's order). */
    public List<Event> latestEvents(int limit) {
        return desk.jdbc().sql("""
                select e.id, e.scheme_id, s.name as scheme_name, e.occurred_on, e.type, e.summary, e.recorded_at
                from scheme_event e join scheme s on s.id = e.scheme_id
                order by e.id desc limit :limit""").param("limit", limit)
                .query(Event.class).list();
    }

    /** The scheme's changes of status (and its registration), newest first. */
    public List<SchemeEvents.Event> statusHistory(long schemeId) {
        return desk.events().of(schemeId).stream()
                .filter(e -> e.type() == SchemeEvents.Type.STATUS_CHANGED || e.type() == SchemeEvents.Type.CREATED)
                .toList();
    }

    /** Bodies and the seats in term today: roles and member units, without the holders' names. */
    public List<Body> bodies(long schemeId, LocalDate today) {
        Scheme scheme = desk.schemes().get(schemeId);
        List<GoverningBodies.Body> all = governingBodies.of(schemeId);
        List<String> codes = all.stream().flatMap(b -> b.seats().stream()).map(GoverningBodies.Seat::unitCode)
                .filter(java.util.Objects::nonNull).distinct().toList();
        Map<String, TerritorialUnit> units = territory.findAll(scheme.getCountry().name(), codes, today);
        return all.stream().map(b -> new Body(b.kind(), b.name(), b.seats().stream()
                .filter(s -> s.endedOn() == null && !s.termStart().isAfter(today)
                        && (s.termEnd() == null || !s.termEnd().isBefore(today)))
                .sorted(Comparator.comparing(GoverningBodies.Seat::role))
                .map(s -> new Seat(s.role(), s.unitCode() == null ? null
                        : units.containsKey(s.unitCode()) ? units.get(s.unitCode()).name() : s.unitCode(),
                        s.termStart(), s.termEnd()))
                .toList())).toList();
    }

    /** The contacts staff marked as the institution's public channel; no other contact leaves the register. */
    public List<Channel> publicChannels(long schemeId) {
        return entries.contacts(schemeId).stream().filter(SchemeDirectoryEntries.Contact::marksPublicChannel)
                .map(c -> new Channel(c.name(), c.role(), c.email(), c.phone())).toList();
    }

    /** The departments where some scheme has members today, by country and name. */
    public List<Department> departments(LocalDate at) {
        record Row(String country, String code) {
        }
        List<Row> rows = desk.jdbc().sql("""
                select distinct s.country, m.department_code as code from membership_on(:at) m
                join scheme s on s.id = m.scheme_id where m.department_code is not null""")
                .param("at", Date.valueOf(at)).query(Row.class).list();
        return rows.stream().collect(java.util.stream.Collectors.groupingBy(Row::country)).entrySet().stream()
                .flatMap(e -> {
                    Map<String, TerritorialUnit> units = territory.findAll(e.getKey(),
                            e.getValue().stream().map(Row::code).toList(), at);
                    return e.getValue().stream().map(r -> new Department(r.country(), r.code(),
                            units.containsKey(r.code()) ? units.get(r.code()).name() : r.code()));
                })
                .sorted(Comparator.comparing(Department::country).thenComparing(Department::name))
                .toList();
    }

    public long maxSchemeId() {
        return desk.jdbc().sql("select coalesce(max(id), 0) from scheme").query(Long.class).single();
    }

    /** Schemes after {@code afterId} by id, with the day of their last register event; for the sitemap. */
    public List<SchemePage> schemesAfter(long afterId, int limit) {
        return desk.jdbc().sql("""
                select s.id, (select cast(max(e.recorded_at) as date) from scheme_event e where e.scheme_id = s.id)
                       as changed_on
                from scheme s where s.id > :a order by s.id limit :limit""")
                .param("a", afterId).param("limit", limit).query(SchemePage.class).list();
    }
}
