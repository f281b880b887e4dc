package org.minga.formation;

import static org.minga.formation.internal.FormationGuard.blankToNull;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.minga.formation.internal.FormationGuard;
import org.minga.identity.Scopes;
import org.minga.platform.AuditLog;
import org.minga.platform.AuditLog.Change;
import org.minga.platform.InvalidInputException.Violation;
import org.minga.platform.NotFoundException;
import org.minga.registry.Scheme;
import org.minga.registry.Schemes;
import org.minga.territory.TerritorialUnit;
import org.minga.territory.Territory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The units expected to join a scheme in formation, and whether each one's council authorised its
 * mayor to associate (Ley 1454 de 2011 art. 14; catatumbo L457). They are what the pertinence
 * assessment looks at; they become members only through the register.
 */
@Service
public class ProspectiveMembers {

    public enum Authorisation { PENDING, AUTHORISED, REFUSED }

    public record Prospect(String unitCode, String name, String parentName, Authorisation authorisation,
            String actNumber, LocalDate actDate) {

        Map<String, Object> auditState() {
            Map<String, Object> state = new LinkedHashMap<>();
            state.put("unitCode", unitCode);
            state.put("authorisation", authorisation.name());
            state.put("actNumber", actNumber);
            state.put("actDate", actDate == null ? null : actDate.toString());
            return state;
        }
    }

    private static final String ENTITY = "formation_prospect";
    private final JdbcClient jdbc;
    private final Schemes schemes;
    private final Scopes scopes;
    private final Territory territory;
    private final AuditLog audit;

    ProspectiveMembers(JdbcClient jdbc, Schemes schemes, Scopes scopes, Territory territory, AuditLog audit) {
        this.jdbc = jdbc;
        this.schemes = schemes;
        this.scopes = scopes;
        this.territory = territory;
        this.audit = audit;
    }

    /** The prospective members by code, each named as its unit is today. */
    public List<Prospect> of(long schemeId) {
        String country = schemes.get(schemeId).getCountry().name();
        record Row(String code, Authorisation authorisation, String act, LocalDate actDate) {
        }
        List<Row> rows = jdbc.sql("""
                select unit_code, authorisation, act_number, act_date from formation_prospect
                where scheme_id = :s order by unit_code
                """).param("s", schemeId)
                .query((rs, n) -> new Row(rs.getString(1), Authorisation.valueOf(rs.getString(2)), rs.getString(3),
                        rs.getDate(4) == null ? null : rs.getDate(4).toLocalDate()))
                .list();
        LocalDate today = LocalDate.now();
        var units = territory.findAll(country, rows.stream().map(Row::code).toList(), today);
        var parents = territory.findAll(country, units.values().stream().map(TerritorialUnit::parentCode)
                .filter(java.util.Objects::nonNull).distinct().toList(), today);
        return rows.stream().map(r -> {
            TerritorialUnit u = units.get(r.code());
            TerritorialUnit p = u == null || u.parentCode() == null ? null : parents.get(u.parentCode());
            return new Prospect(r.code(), u == null ? r.code() : u.name(), p == null ? null : p.name(),
                    r.authorisation(), r.act(), r.actDate());
        }).toList();
    }

    public List<String> codes(long schemeId) {
        return jdbc.sql("select unit_code from formation_prospect where scheme_id = :s order by unit_code")
                .param("s", schemeId).query(String.class).list();
    }

    public Prospect get(long schemeId, String unitCode) {
        return of(schemeId).stream().filter(p -> p.unitCode().equals(unitCode)).findFirst()
                .orElseThrow(() -> new NotFoundException("miembro previsto", unitCode));
    }

    /** Adds a unit that exists today in the scheme's country; its authorisation may come with it. */
    @Transactional
    public Prospect add(long schemeId, String unitCode, String authorisation, String actNumber, LocalDate actDate) {
        scopes.requireSchemeWrite(schemeId);
        Scheme scheme = schemes.get(schemeId);
        String country = scheme.getCountry().name();
        String code = unitCode == null ? "" : unitCode.strip().toUpperCase();
        List<Violation> problems = new ArrayList<>();
        FormationGuard.requireInFormation(scheme, problems);
        LocalDate today = LocalDate.now();
        if (code.isEmpty()) {
            problems.add(new Violation("unitCode", "NotBlank", "formation.prospect.required"));
        } else if (territory.find(country, code, today).isEmpty()) {
            problems.add(new Violation("unitCode", "Exists", "formation.prospect.unknown", country, code, today));
        } else if (codes(schemeId).contains(code)) {
            problems.add(new Violation("unitCode", "Unique", "formation.prospect.already", code));
        }
        Authorisation state = checkAuthorisation(authorisation, actNumber, actDate, problems);
        FormationGuard.throwIfAny(problems);
        jdbc.sql("""
                insert into formation_prospect (scheme_id, unit_code, authorisation, act_number, act_date)
                values (:s, :c, :a, :act, :on)
                """).param("s", schemeId).param("c", code).param("a", state.name())
                .param("act", blankToNull(actNumber)).param("on", actDate == null ? null : Date.valueOf(actDate))
                .update();
        Prospect added = get(schemeId, code);
        audit.record(Change.created(ENTITY, schemeId + "/" + code, schemeId, "Miembro previsto " + added.name(),
                added.auditState()));
        return added;
    }

    /** Records the council's decision on one prospective member. */
    @Transactional
    public Prospect authorise(long schemeId, String unitCode, String authorisation, String actNumber,
            LocalDate actDate) {
        scopes.requireSchemeWrite(schemeId);
        Scheme scheme = schemes.get(schemeId);
        Prospect before = get(schemeId, unitCode);
        List<Violation> problems = new ArrayList<>();
        FormationGuard.requireInFormation(scheme, problems);
        Authorisation state = checkAuthorisation(authorisation, actNumber, actDate, problems);
        FormationGuard.throwIfAny(problems);
        jdbc.sql("""
                update formation_prospect set authorisation = :a, act_number = :act, act_date = :on
                where scheme_id = :s and unit_code = :c
                """).param("s", schemeId).param("c", before.unitCode()).param("a", state.name())
                .param("act", blankToNull(actNumber)).param("on", actDate == null ? null : Date.valueOf(actDate))
                .update();
        Prospect after = get(schemeId, before.unitCode());
        audit.record(Change.updated(ENTITY, schemeId + "/" + before.unitCode(), schemeId,
                "Autorización del concejo de " + after.name() + ": " + after.authorisation(), before.auditState(),
                after.auditState()));
        return after;
    }

    /** PENDING when not given; an authorisation is an act of the council, so it needs its number and date. */
    private static Authorisation checkAuthorisation(String authorisation, String actNumber, LocalDate actDate,
            List<Violation> problems) {
        Authorisation state = authorisation == null || authorisation.isBlank() ? Authorisation.PENDING
                : FormationGuard.parse(Authorisation.class, authorisation);
        if (state == null) {
            problems.add(new Violation("authorisation", "OneOf", "formation.prospect.authorisation"));
            return Authorisation.PENDING;
        }
        FormationGuard.checkSize("actNumber", actNumber, 200, problems);
        if (state == Authorisation.AUTHORISED && blankToNull(actNumber) == null) {
            problems.add(new Violation("actNumber", "Required", "formation.prospect.actNumber"));
        }
        if (state == Authorisation.AUTHORISED && actDate == null) {
            problems.add(new Violation("actDate", "Required", "formation.prospect.actDate"));
        }
        if (actDate != null && actDate.isAfter(LocalDate.now())) {
            problems.add(new Violation("actDate", "PastOrPresent", "formation.prospect.actDate.future"));
        }
        return state;
    }
}
