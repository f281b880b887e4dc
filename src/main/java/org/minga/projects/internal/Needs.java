package org.minga.projects.internal;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.minga.platform.AuditLog.Change;
import org.minga.platform.Checks;
import org.minga.platform.Inputs;
import org.minga.platform.SystemActor;
import org.minga.platform.NotFoundException;
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
            return Bank.state("unitCode", unitCode, "sector", sector, "description", description,
                    "priority", priority, "origin", origin.name(), "status", status.name());
        }
    }

    public record Page(List<Need> items, int page, int size, boolean hasNext) {
    }

    static final String COLUMNS = "id, scheme_id, unit_code, sector, description, priority, origin, status, created_by, created_at";
    private static final String ENTITY = "investment_need";

    private final Bank bank;

    Needs(Bank bank) {
        this.bank = bank;
    }

    /** A member official records the needs of their own unit; the scheme's staff those of any unit. */
    @Transactional
    public Need record(long schemeId, String unitCode, String sector, String description, Integer priority,
            String origin) {
        String code = ProjectRules.unitCode(unitCode);
        bank.scopes().requireUnitWrite(schemeId, code);
        String country = bank.country(schemeId);
        LocalDate today = bank.zones().today(country);
        Checks checks = new Checks();
        if (code.isEmpty()) {
            checks.rule(false, "unitCode", "NotBlank", "projects.unit.required");
        } else if (bank.territory().find(country, code, today).isEmpty()) {
            checks.rule(false, "unitCode", "Exists", "projects.unit.unknown", country, code);
        } else {
            // A need belongs to the scheme's bank only when its unit is a member today.
            bank.memberUnits().check(schemeId, "unitCode", code, today).ifPresent(checks::add);
        }
        String s = required(checks, "sector", sector, 100, "projects.sector.required");
        String d = required(checks, "description", description, 4000, "projects.description.required");
        checks.rule(priority != null && priority >= 1 && priority <= 5, "priority", "Range", "projects.need.priority");
        Origin o = Inputs.enumValue(Origin.class, origin);
        checks.rule(o != null, "origin", "OneOf", "projects.need.origin");
        checks.orThrow();
        long id = bank.jdbc().sql("""
                insert into investment_need (scheme_id, unit_code, sector, description, priority, origin, created_by)
                values (:s, :u, :sector, :d, :p, :o, :by) returning id
                """).param("s", schemeId).param("u", code).param("sector", s).param("d", d).param("p", priority)
                .param("o", o.name()).param("by", SystemActor.current()).query(Long.class).single();
        Need need = get(id);
        bank.audit().record(Change.created(ENTITY, id, schemeId, "Necesidad de inversión de " + code, need.auditState()));
        return need;
    }

    public Need get(long id) {
        return bank.jdbc().sql("select " + COLUMNS + " from investment_need where id = :id").param("id", id)
                .query(Needs::map).optional().orElseThrow(() -> new NotFoundException("necesidad", id));
    }

    public Page list(long schemeId, String status, String unit, int page, int size) {
        int p = Math.max(0, page);
        int n = Math.clamp(size, 1, 500);
        StringBuilder sql = new StringBuilder("select " + COLUMNS + " from investment_need where scheme_id = :s");
        Map<String, Object> params = Bank.state("s", schemeId);
        filters(status, unit, sql, params);
        sql.append(" order by id limit :limit offset :offset");
        params.put("limit", n + 1);
        params.put("offset", (long) p * n);
        List<Need> rows = bank.jdbc().sql(sql.toString()).params(params).query(Needs::map).list();
        boolean more = rows.size() > n;
        return new Page(more ? rows.subList(0, n) : rows, p, n, more);
    }

    /** Every need of the scheme matching the filters, one at a time (for exports). */
    public void each(long schemeId, String status, String unit, Consumer<Need> action) {
        StringBuilder sql = new StringBuilder("select " + COLUMNS + " from investment_need where scheme_id = :s");
        Map<String, Object> params = Bank.state("s", schemeId);
        filters(status, unit, sql, params);
        sql.append(" order by id");
        try (var stream = bank.jdbc().sql(sql.toString()).params(params).query(Needs::map).stream()) {
            stream.forEach(action);
        }
    }

    private static void filters(String status, String unit, StringBuilder sql, Map<String, Object> params) {
        Status st = Inputs.enumValue(Status.class, status);
        if (st != null) {
            sql.append(" and status = :status");
            params.put("status", st.name());
        }
        if (Inputs.text(unit) != null) {
            sql.append(" and unit_code = :unit");
            params.put("unit", unit.strip().toUpperCase());
        }
    }

    static Need map(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Need(rs.getLong("id"), rs.getLong("scheme_id"), rs.getString("unit_code"), rs.getString("sector"),
                rs.getString("description"), rs.getInt("priority"), Origin.valueOf(rs.getString("origin")),
                Status.valueOf(rs.getString("status")), rs.getString("created_by"),
                rs.getObject("created_at", OffsetDateTime.class));
    }

    /** A required text: the need's own words when missing, {@code Size} when too long. */
    static String required(Checks checks, String field, String value, int max, String missingKey) {
        checks.rule(Inputs.text(value) != null, field, "NotBlank", missingKey);
        return checks.optionalText(field, value, max);
    }
}
