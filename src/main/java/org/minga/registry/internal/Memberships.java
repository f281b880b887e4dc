package org.minga.registry.internal;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.minga.identity.Scopes;
import org.minga.platform.AuditLog;
import org.minga.platform.AuditLog.Change;
import org.minga.platform.InvalidInputException;
import org.minga.platform.InvalidInputException.Violation;
import org.minga.platform.NotFoundException;
import org.minga.registry.Schemes;
import org.minga.territory.TerritorialUnit;
import org.minga.territory.Territory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who belongs to a scheme, when: members join and leave on dates, each change goes to the scheme's
 * dated event log and to the audit. "Who were the members on date D" reads the periods, and each
 * member is shown as its unit was on D (a Salvadoran member is a municipality before May 2024 and
 * a district of its new municipality after).
 */
@Service
public class Memberships {

    private final JdbcClient jdbc;
    private final Schemes schemes;
    private final Scopes scopes;
    private final Territory territory;
    private final AuditLog audit;
    private final SchemeEvents events;

    Memberships(JdbcClient jdbc, Schemes schemes, Scopes scopes, Territory territory, AuditLog audit,
            SchemeEvents events) {
        this.events = events;
        this.jdbc = jdbc;
        this.schemes = schemes;
        this.scopes = scopes;
        this.territory = territory;
        this.audit = audit;
    }

    public record Member(String code, String name, String level, String parentCode, String parentName, String role,
            LocalDate joinedOn, LocalDate leftOn, String authorisingAct) {
    }

    @Transactional
    public void join(long schemeId, String unitCode, String role, LocalDate joinedOn, String act) {
        scopes.requireSchemeWrite(schemeId);
        String country = schemes.get(schemeId).getCountry().name();
        List<Violation> problems = new ArrayList<>();
        String code = unitCode == null ? "" : unitCode.strip();
        var unit = joinedOn == null ? java.util.Optional.<TerritorialUnit>empty()
                : territory.find(country, code, joinedOn);
        if (joinedOn == null) {
            problems.add(new Violation("joinedOn", "Required", "registry.member.joinedOn"));
        } else if (unit.isEmpty()) {
            problems.add(new Violation("unitCode", "Exists", "registry.member.unknown", country, code, joinedOn));
        } else if (isMember(schemeId, code, joinedOn)) {
            problems.add(new Violation("unitCode", "Unique", "registry.member.already", code, joinedOn));
        }
        String memberRole = role == null || role.isBlank() ? "MEMBER" : role.strip();
        if (!memberRole.matches("MEMBER|CORE")) {
            problems.add(new Violation("role", "OneOf", "registry.member.role"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        String name = unit.map(TerritorialUnit::name).orElse(code);
        jdbc.sql("""
                insert into membership (scheme_id, unit_code, role, joined_on, authorising_act)
                values (:s, :c, :r, :on, :act)
                """).param("s", schemeId).param("c", code).param("r", memberRole).param("on", Date.valueOf(joinedOn))
                .param("act", act == null || act.isBlank() ? null : act.strip()).update();
        events.record(schemeId, joinedOn, SchemeEvents.Type.MEMBER_JOINED, name + " (" + code + ") ingresa" + (act == null || act.isBlank()
                ? "" : " por " + act.strip()));
        audit.record(Change.created("membership", schemeId + "/" + code, schemeId, "Ingreso de " + name,
                Map.of("unitCode", code, "role", memberRole, "joinedOn", joinedOn.toString())));
    }

    @Transactional
    public void leave(long schemeId, String unitCode, LocalDate leftOn) {
        scopes.requireSchemeWrite(schemeId);
        if (leftOn == null) {
            throw new InvalidInputException("leftOn", "Required", "registry.member.leftOn");
        }
        int updated = jdbc.sql("""
                update membership set left_on = :on
                where scheme_id = :s and unit_code = :c and left_on is null and joined_on <= :on
                """).param("s", schemeId).param("c", unitCode).param("on", Date.valueOf(leftOn)).update();
        if (updated == 0) {
            throw new NotFoundException("miembro vigente", unitCode);
        }
        events.record(schemeId, leftOn, SchemeEvents.Type.MEMBER_LEFT, unitCode + " se retira");
        Map<String, Object> before = new java.util.HashMap<>();
        before.put("leftOn", null);
        audit.record(Change.updated("membership", schemeId + "/" + unitCode, schemeId, "Retiro de " + unitCode,
                before, Map.of("leftOn", leftOn.toString())));
    }

    /** The members on a date, each as its unit was that day, with its parent's name. */
    public List<Member> on(long schemeId, LocalDate at) {
        String country = schemes.get(schemeId).getCountry().name();
        record Row(String code, String role, LocalDate joinedOn, LocalDate leftOn, String act) {
        }
        List<Row> rows = jdbc.sql("""
                select unit_code, role, joined_on, left_on, authorising_act from membership
                where scheme_id = :s and joined_on <= :at and (left_on is null or left_on >= :at)
                order by unit_code
                """).param("s", schemeId).param("at", Date.valueOf(at))
                .query((rs, n) -> new Row(rs.getString(1), rs.getString(2), rs.getDate(3).toLocalDate(),
                        rs.getDate(4) == null ? null : rs.getDate(4).toLocalDate(), rs.getString(5)))
                .list();
        var units = territory.findAll(country, rows.stream().map(Row::code).toList(), at);
        var parents = territory.findAll(country, units.values().stream().map(TerritorialUnit::parentCode)
                .filter(java.util.Objects::nonNull).distinct().toList(), at);
        return rows.stream().map(r -> {
            TerritorialUnit u = units.get(r.code());
            TerritorialUnit p = u == null || u.parentCode() == null ? null : parents.get(u.parentCode());
            return new Member(r.code(), u == null ? r.code() : u.name(), u == null ? null : u.level().name(),
                    u == null ? null : u.parentCode(), p == null ? null : p.name(), r.role(), r.joinedOn(), r.leftOn(),
                    r.act());
        }).toList();
    }

    public List<SchemeEvents.Event> timeline(long schemeId) {
        schemes.get(schemeId);
        return events.of(schemeId);
    }

    private boolean isMember(long schemeId, String code, LocalDate on) {
        return jdbc.sql("""
                select count(*) > 0 from membership where scheme_id = :s and unit_code = :c
                and (left_on is null or left_on >= :on)
                """).param("s", schemeId).param("c", code).param("on", Date.valueOf(on)).query(Boolean.class).single();
    }
}
