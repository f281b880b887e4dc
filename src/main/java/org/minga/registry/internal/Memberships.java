package org.minga.registry.internal;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.minga.platform.AuditLog;
import org.minga.platform.Checks;
import org.minga.platform.AuditLog.Change;
import org.minga.platform.Inputs;
import org.minga.platform.InvalidInputException;
import org.minga.platform.InvalidInputException.Violation;
import org.minga.platform.NotFoundException;
import org.minga.registry.Scheme;
import org.minga.territory.Level;
import org.minga.territory.TerritorialUnit;
import org.minga.territory.Territory;
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

    private final Desk desk;
    private final LegalRules rules;
    private final Territory territory;

    Memberships(Desk desk, Territory territory, LegalRules rules) {
        this.desk = desk;
        this.territory = territory;
        this.rules = rules;
    }

    /**
     * A member on a date: a territorial unit as it was that day (with its parent), or, in an
     * association of metropolitan areas, another scheme ({@code memberSchemeId}).
     */
    public record Member(String code, String name, String level, String parentCode, String parentName, String role,
            LocalDate joinedOn, LocalDate leftOn, String authorisingAct, String delegate, int seats,
            Long memberSchemeId) {
    }

    /** A unit (or a scheme) joining on a date, with its authorising act, delegate and assembly seats. */
    public record Joining(String unitCode, Long memberSchemeId, String role, LocalDate joinedOn, String authorisingAct,
            String delegate, Integer seats) {
    }

    @Transactional
    public void join(long schemeId, Joining j) {
        Scheme scheme = desk.writableScheme(schemeId);
        String country = scheme.getCountry().name();
        Checks checks = new Checks();
        String code = j.unitCode() == null ? "" : j.unitCode().strip();
        Optional<TerritorialUnit> unit = Optional.empty();
        Optional<Scheme> memberScheme = Optional.empty();
        if (j.joinedOn() == null) {
            checks.add(new Violation("joinedOn", "Required", "registry.member.joinedOn"));
        } else if (j.memberSchemeId() != null) {
            memberScheme = desk.schemes().all(List.of(j.memberSchemeId())).stream().findFirst()
                    .filter(s -> s.getCountry() == scheme.getCountry() && s.getId() != schemeId);
            if (memberScheme.isEmpty()) {
                checks.add(new Violation("memberSchemeId", "Exists", "registry.member.scheme"));
            } else if (!takesSchemes(scheme, j.joinedOn())) {
                checks.add(new Violation("memberSchemeId", "MemberFigure", "registry.member.scheme.figure"));
            } else if (isMember(schemeId, null, j.memberSchemeId(), j.joinedOn())) {
                checks.add(new Violation("memberSchemeId", "Unique", "registry.member.already",
                        memberScheme.get().getName(), j.joinedOn()));
            }
        } else {
            unit = territory.find(country, code, j.joinedOn());
            if (unit.isEmpty()) {
                checks.add(new Violation("unitCode", "Exists", "registry.member.unknown", country, code,
                        j.joinedOn()));
            } else if (isMember(schemeId, code, null, j.joinedOn())) {
                checks.add(new Violation("unitCode", "Unique", "registry.member.already", code, j.joinedOn()));
            }
        }
        String role = j.role() == null || j.role().isBlank() ? "MEMBER" : j.role().strip();
        checks.rule(role.matches("MEMBER|CORE"), "role", "OneOf", "registry.member.role");
        int seats = j.seats() == null ? 1 : j.seats();
        checks.rule(seats >= 0 && seats <= 100, "seats", "Range", "registry.member.seats");
        String delegate = Inputs.text(j.delegate());
        checks.rule(delegate == null || delegate.length() <= 200, "delegate", "Size", "registry.member.delegate");
        checks.orThrow();
        String act = Inputs.text(j.authorisingAct());
        Optional<Scheme> joiningScheme = memberScheme;
        String name = unit.map(TerritorialUnit::name).or(() -> joiningScheme.map(Scheme::getName)).orElse(code);
        String key = memberScheme.map(s -> "esquema-" + s.getId()).orElse(code);
        desk.jdbc().sql("""
                insert into membership (scheme_id, unit_code, member_scheme_id, role, joined_on, authorising_act,
                                        delegate, seats, department_code)
                values (:s, :c, :ms, :r, :on, :act, :delegate, :seats, :dept)
                """).param("s", schemeId).param("c", unit.isPresent() ? code : null)
                .param("ms", j.memberSchemeId() == null || memberScheme.isEmpty() ? null : j.memberSchemeId())
                .param("r", role).param("on", Date.valueOf(j.joinedOn())).param("act", act)
                .param("delegate", delegate).param("seats", seats)
                .param("dept", unit.map(u -> departmentOf(country, u, j.joinedOn())).orElse(null)).update();
        desk.events().record(schemeId, j.joinedOn(), SchemeEvents.Type.MEMBER_JOINED, name + " (" + key + ") ingresa"
                + (act == null ? "" : " por " + act));
        Map<String, Object> state = new java.util.LinkedHashMap<>();
        state.put("member", key);
        state.put("role", role);
        state.put("joinedOn", j.joinedOn().toString());
        state.put("authorisingAct", act);
        state.put("delegate", delegate);
        state.put("seats", seats);
        desk.audit().record(Change.created("membership", schemeId + "/" + key, schemeId, "Ingreso de " + name, state));
    }

    /**
     * Only a figure whose rules name the figures of its member schemes (an association of
     * metropolitan areas) takes schemes as members; an association of municipalities does not, so no
     * scheme can be enrolled in one without its consent. The member's own figure is the validator's
     * finding, as the association may record a member before its status is settled.
     */
    private boolean takesSchemes(Scheme scheme, LocalDate on) {
        return scheme.getFigure() != null && rules.inForce(scheme.getCountry().name(), scheme.getFigure(), on)
                .stream().anyMatch(r -> r.rule().equals("MEMBER_FIGURE"));
    }

    /** The department a unit lies in on a date: itself, its parent, or its parent's parent (SV districts). */
    private String departmentOf(String country, TerritorialUnit unit, LocalDate on) {
        TerritorialUnit current = unit;
        for (int step = 0; step < 2 && current.level() != Level.DEPARTMENT && current.parentCode() != null; step++) {
            current = territory.find(country, current.parentCode(), on).orElse(current);
        }
        return current.level() == Level.DEPARTMENT ? current.code() : null;
    }

    @Transactional
    public void leave(long schemeId, String unitCode, LocalDate leftOn) {
        desk.scopes().requireSchemeWrite(schemeId);
        if (leftOn == null) {
            throw new InvalidInputException("leftOn", "Required", "registry.member.leftOn");
        }
        int updated = desk.jdbc().sql("""
                update membership set left_on = :on
                where scheme_id = :s and (unit_code = :c or 'esquema-' || member_scheme_id = :c)
                  and left_on is null and joined_on <= :on
                """).param("s", schemeId).param("c", unitCode).param("on", Date.valueOf(leftOn)).update();
        if (updated == 0) {
            throw new NotFoundException("miembro vigente", unitCode);
        }
        desk.events().record(schemeId, leftOn, SchemeEvents.Type.MEMBER_LEFT, unitCode + " se retira");
        Map<String, Object> before = new java.util.HashMap<>();
        before.put("leftOn", null);
        desk.audit().record(Change.updated("membership", schemeId + "/" + unitCode, schemeId, "Retiro de " + unitCode,
                before, Map.of("leftOn", leftOn.toString())));
    }

    /** The members on a date, each as its unit was that day, with its parent's name. */
    public List<Member> on(long schemeId, LocalDate at) {
        String country = desk.schemes().get(schemeId).getCountry().name();
        record Row(String code, String role, LocalDate joinedOn, LocalDate leftOn, String act, String delegate,
                int seats, Long memberScheme, String memberSchemeName) {
        }
        List<Row> rows = desk.jdbc().sql("""
                select m.unit_code as code, m.role, m.joined_on, m.left_on, m.authorising_act as act, m.delegate, m.seats,
                       m.member_scheme_id as member_scheme, ms.name as member_scheme_name
                from membership_on(:at) m left join scheme ms on ms.id = m.member_scheme_id
                where m.scheme_id = :s
                order by m.unit_code, ms.name
                """).param("s", schemeId).param("at", Date.valueOf(at))
                .query(Row.class)
                .list();
        var units = territory.findAll(country, rows.stream().map(Row::code).filter(java.util.Objects::nonNull)
                .toList(), at);
        var parents = territory.findAll(country, units.values().stream().map(TerritorialUnit::parentCode)
                .filter(java.util.Objects::nonNull).distinct().toList(), at);
        return rows.stream().map(r -> {
            TerritorialUnit u = r.code() == null ? null : units.get(r.code());
            TerritorialUnit p = u == null || u.parentCode() == null ? null : parents.get(u.parentCode());
            String name = r.memberScheme() != null ? r.memberSchemeName() : u == null ? r.code() : u.name();
            return new Member(r.code(), name, u == null ? null : u.level().name(), u == null ? null : u.parentCode(),
                    p == null ? null : p.name(), r.role(), r.joinedOn(), r.leftOn(), r.act(), r.delegate(), r.seats(),
                    r.memberScheme());
        }).toList();
    }

    public List<SchemeEvents.Event> timeline(long schemeId) {
        desk.schemes().get(schemeId);
        return desk.events().of(schemeId);
    }

    private boolean isMember(long schemeId, String code, Long memberScheme, LocalDate on) {
        return desk.jdbc().sql("""
                select count(*) > 0 from membership where scheme_id = :s
                and (unit_code = :c or member_scheme_id = :ms) and (left_on is null or left_on >= :on)
                """).param("s", schemeId).param("c", code).param("ms", memberScheme).param("on", Date.valueOf(on))
                .query(Boolean.class).single();
    }

}
