package org.minga.formation;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.validation.constraints.Size;

import org.minga.identity.Scopes;
import org.minga.platform.AuditLog;
import org.minga.platform.AuditLog.Change;
import org.minga.platform.Inputs;
import org.minga.platform.SystemActor;
import org.minga.platform.Zones;
import org.minga.platform.NotFoundException;
import org.minga.registry.Scheme;
import org.minga.registry.Schemes;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The DNP's formation route (dnp-2014 L314–416) of one scheme: three moments, each with its
 * deliverables, and what the scheme has done on each. A deliverable nobody touched is PENDING.
 */
@Service
public class FormationRoute {

    public enum Status { PENDING, IN_PROGRESS, DONE }

    public record Route(long schemeId, String schemeName, String schemeStatus, boolean inFormation, int done,
            int total, List<Moment> moments) {
    }

    public record Moment(int number, String name, String objective, String duration, String source, int done,
            int total, List<Deliverable> deliverables) {
    }

    public record Deliverable(String code, String name, String goal, String source, Status status, String notes,
            String evidence, LocalDate doneOn, String doneBy, Instant updatedAt, String updatedBy) {

        Map<String, Object> auditState() {
            Map<String, Object> state = new LinkedHashMap<>();
            state.put("status", status.name());
            state.put("notes", notes);
            state.put("evidence", evidence);
            state.put("doneOn", doneOn == null ? null : doneOn.toString());
            state.put("doneBy", doneBy);
            return state;
        }
    }

    /** A deliverable's state as it is entered; DONE may carry the day it was done (not in the future). */
    public record DeliverableInput(String status, @Size(max = 4000) String notes, @Size(max = 1000) String evidence,
            LocalDate doneOn) {
    }

    private static final String ENTITY = "formation_deliverable";
    private final JdbcClient jdbc;
    private final Schemes schemes;
    private final Scopes scopes;
    private final AuditLog audit;
    private final Zones zones;

    FormationRoute(JdbcClient jdbc, Schemes schemes, Scopes scopes, AuditLog audit, Zones zones) {
        this.jdbc = jdbc;
        this.schemes = schemes;
        this.scopes = scopes;
        this.audit = audit;
        this.zones = zones;
    }

    /** The whole route with the progress of each moment, in two queries. */
    public Route of(long schemeId) {
        Scheme scheme = schemes.get(schemeId);
        record MomentRow(int number, String name, String objective, String duration, String source) {
        }
        List<MomentRow> moments = jdbc.sql("select number, name, objective, duration, source from formation_moment"
                + " order by number").query(MomentRow.class).list();
        Map<Integer, List<Deliverable>> byMoment = new LinkedHashMap<>();
        jdbc.sql(SELECT + " order by d.moment, d.position").param("s", schemeId)
                .query((rs, n) -> byMoment.computeIfAbsent(rs.getInt("moment"), m -> new ArrayList<>())
                        .add(deliverable(rs)))
                .list();
        List<Moment> result = moments.stream().map(m -> {
            List<Deliverable> items = byMoment.getOrDefault(m.number(), List.of());
            int done = (int) items.stream().filter(d -> d.status() == Status.DONE).count();
            return new Moment(m.number(), m.name(), m.objective(), m.duration(), m.source(), done, items.size(),
                    List.copyOf(items));
        }).toList();
        return new Route(schemeId, scheme.getName(), scheme.getStatus().name(),
                scheme.getStatus() == org.minga.registry.Scheme.Status.IN_FORMATION, result.stream().mapToInt(Moment::done).sum(),
                result.stream().mapToInt(Moment::total).sum(), result);
    }

    public Deliverable deliverable(long schemeId, String code) {
        schemes.get(schemeId);
        return jdbc.sql(SELECT + " and d.code = :code").param("s", schemeId).param("code", code)
                .query((rs, n) -> deliverable(rs)).optional()
                .orElseThrow(() -> new NotFoundException("entregable", code));
    }

    /**
     * Records the state of one deliverable. Marking it DONE records the day (today unless given) and
     * who; it keeps them while it stays DONE, and clears them when it is reopened.
     */
    @Transactional
    public Deliverable update(long schemeId, String code, DeliverableInput in) {
        scopes.requireSchemeWrite(schemeId);
        Scheme scheme = schemes.get(schemeId);
        Deliverable before = deliverable(schemeId, code);
        Status next = Inputs.enumValue(Status.class, in.status());
        LocalDate doneOn = in.doneOn();
        LocalDate today = zones.today(scheme.getCountry().name());
        ProspectiveMembers.inFormation(scheme)
                .rule(next != null, "status", "OneOf", "formation.deliverable.status")
                .valid(in)
                .rule(next != Status.DONE || doneOn == null || !doneOn.isAfter(today), "doneOn", "PastOrPresent",
                        "formation.deliverable.doneOn")
                .orThrow();
        String user = SystemActor.current();
        boolean stillDone = next == Status.DONE && before.status() == Status.DONE;
        LocalDate on = next != Status.DONE ? null : doneOn != null ? doneOn : stillDone ? before.doneOn() : today;
        String by = next != Status.DONE ? null : stillDone ? before.doneBy() : user;
        jdbc.sql("""
                insert into formation_progress (scheme_id, deliverable, status, notes, evidence, done_on, done_by,
                    updated_at, updated_by)
                values (:s, :code, :status, :notes, :evidence, :on, :by, now(), :user)
                on conflict (scheme_id, deliverable) do update set status = excluded.status, notes = excluded.notes,
                    evidence = excluded.evidence, done_on = excluded.done_on, done_by = excluded.done_by,
                    updated_at = excluded.updated_at, updated_by = excluded.updated_by
                """).param("s", schemeId).param("code", code).param("status", next.name())
                .param("notes", Inputs.text(in.notes())).param("evidence", Inputs.text(in.evidence()))
                .param("on", on == null ? null : Date.valueOf(on)).param("by", by).param("user", user).update();
        Deliverable after = deliverable(schemeId, code);
        audit.record(Change.updated(ENTITY, schemeId + "/" + code, schemeId,
                "Entregable " + after.name() + ": " + after.status(), before.auditState(), after.auditState()));
        return after;
    }

    private static final String SELECT = """
            select d.code, d.moment, d.name, d.goal, d.source, coalesce(p.status, 'PENDING') as status, p.notes,
                   p.evidence, p.done_on, p.done_by, p.updated_at, p.updated_by
            from formation_deliverable d
            left join formation_progress p on p.deliverable = d.code and p.scheme_id = :s
            where true
            """;

    private static Deliverable deliverable(java.sql.ResultSet rs) throws java.sql.SQLException {
        Date doneOn = rs.getDate("done_on");
        Timestamp updatedAt = rs.getTimestamp("updated_at");
        return new Deliverable(rs.getString("code"), rs.getString("name"), rs.getString("goal"),
                rs.getString("source"), Status.valueOf(rs.getString("status")), rs.getString("notes"),
                rs.getString("evidence"), doneOn == null ? null : doneOn.toLocalDate(), rs.getString("done_by"),
                updatedAt == null ? null : updatedAt.toInstant(), rs.getString("updated_by"));
    }
}
