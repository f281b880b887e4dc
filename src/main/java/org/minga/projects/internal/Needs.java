package org.minga.projects.internal;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.minga.identity.Scopes;
import org.minga.platform.AuditLog;
import org.minga.platform.AuditLog.Change;
import org.minga.platform.InvalidInputException.Violation;
import org.minga.platform.NotFoundException;
import org.minga.registry.MemberUnits;
import org.minga.registry.Schemes;
import org.minga.territory.Territory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Investment needs of the member units, found in community workshops, development plans or
 * technical studies (catatumbo L579–600); a need becomes part of a project when a project takes it up.
 */
@Service
public class Needs {

    public enum Origin { COMMUNITY_WORKSHOP, DEVELOPMENT_PLAN, TECHNICAL_STUDY, OTHER }

    public enum Status { OPEN, IN_PROJECT, MET, DISCARDED }

    public record Need(long id, long schemeId, String unitCode, String sector, String description, int priority,
            Origin origin, Status status, String createdBy, OffsetDateTime createdAt) {

        Map<String, Object> auditState() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("unitCode", unitCode);
            m.put("sector", sector);
            m.put("description", description);
            m.put("priority", priority);
            m.put("origin", origin.name());
            m.put("status", status.name());
            return m;
        }
    }

    public record Page(List<Need> items, int page, int size, boolean hasNext) {
    }

    static final String COLUMNS = "id, scheme_id, unit_code, sector, description, priority, origin, status, created_by, created_at";
    private static final String ENTITY = "investment_need";
    private final JdbcClient jdbc;
    private final Schemes schemes;
    private final MemberUnits memberUnits;
    private final Scopes scopes;
    private final Territory territory;
    private final AuditLog audit;

    Needs(JdbcClient jdbc, Schemes schemes, MemberUnits memberUnits, Scopes scopes, Territory territory,
            AuditLog audit) {
        this.jdbc = jdbc;
        this.memberUnits = memberUnits;
        this.schemes = schemes;
        this.scopes = scopes;
        this.territory = territory;
        this.audit = audit;
    }

    /** A member official records the needs of their own unit; the scheme's staff those of any unit. */
    @Transactional
    public Need record(long schemeId, String unitCode, String sector, String description, Integer priority,
            String origin) {
        String code = unitCode == null ? "" : unitCode.strip().toUpperCase();
        scopes.requireUnitWrite(schemeId, code);
        String country = schemes.get(schemeId).getCountry().name();
        List<Violation> problems = new ArrayList<>();
        if (code.isEmpty()) {
            problems.add(new Violation("unitCode", "NotBlank", "projects.unit.required"));
        } else if (territory.find(country, code, LocalDate.now()).isEmpty()) {
            problems.add(new Violation("unitCode", "Exists", "projects.unit.unknown", country, code));
        } else {
            // A need belongs to the scheme's bank only when its unit is a member today.
            memberUnits.check(schemeId, "unitCode", code, LocalDate.now()).ifPresent(problems::add);
        }
        String s = Guard.required("sector", sector, 100, "projects.sector.required", problems);
        String d = Guard.required("description", description, 4000, "projects.description.required", problems);
        if (priority == null || priority < 1 || priority > 5) {
            problems.add(new Violation("priority", "Range", "projects.need.priority"));
        }
        Origin o = Guard.parse(Origin.class, origin);
        if (o == null) {
            problems.add(new Violation("origin", "OneOf", "projects.need.origin"));
        }
        Guard.throwIfAny(problems);
        long id = jdbc.sql("""
                insert into investment_need (scheme_id, unit_code, sector, description, priority, origin, created_by)
                values (:s, :u, :sector, :d, :p, :o, :by) returning id
                """).param("s", schemeId).param("u", code).param("sector", s).param("d", d).param("p", priority)
                .param("o", o.name()).param("by", Guard.actor()).query(Long.class).single();
        Need need = get(id);
        audit.record(Change.created(ENTITY, id, schemeId, "Necesidad de inversión de " + code, need.auditState()));
        return need;
    }

    public Need get(long id) {
        return jdbc.sql("select " + COLUMNS + " from investment_need where id = :id").param("id", id)
                .query(Needs::map).optional().orElseThrow(() -> new NotFoundException("necesidad", id));
    }

    public Page list(long schemeId, String status, String unit, int page, int size) {
        int p = Math.max(0, page);
        int n = Math.clamp(size, 1, 500);
        StringBuilder sql = new StringBuilder("select " + COLUMNS + " from investment_need where scheme_id = :s");
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("s", schemeId);
        filters(status, unit, sql, params);
        sql.append(" order by id limit :limit offset :offset");
        params.put("limit", n + 1);
        params.put("offset", (long) p * n);
        List<Need> rows = jdbc.sql(sql.toString()).params(params).query(Needs::map).list();
        boolean more = rows.size() > n;
        return new Page(more ? rows.subList(0, n) : rows, p, n, more);
    }

    /** Every need of the scheme matching the filters, one at a time (for exports). */
    public void each(long schemeId, String status, String unit, Consumer<Need> action) {
        StringBuilder sql = new StringBuilder("select " + COLUMNS + " from investment_need where scheme_id = :s");
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("s", schemeId);
        filters(status, unit, sql, params);
        sql.append(" order by id");
        try (var stream = jdbc.sql(sql.toString()).params(params).query(Needs::map).stream()) {
            stream.forEach(action);
        }
    }

    private static void filters(String status, String unit, StringBuilder sql, Map<String, Object> params) {
        Status st = Guard.parse(Status.class, status);
        if (st != null) {
            sql.append(" and status = :status");
            params.put("status", st.name());
        }
        if (Guard.blankToNull(unit) != null) {
            sql.append(" and unit_code = :unit");
            params.put("unit", unit.strip().toUpperCase());
        }
    }

    static Need map(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Need(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getInt(6),
                Origin.valueOf(rs.getString(7)), Status.valueOf(rs.getString(8)), rs.getString(9),
                rs.getObject(10, OffsetDateTime.class));
    }
}
