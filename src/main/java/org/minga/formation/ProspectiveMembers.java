package org.minga.formation;

import java.sql.Date;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.validation.constraints.Size;

import org.minga.identity.Scopes;
import org.minga.platform.AuditLog;
import org.minga.platform.AuditLog.Change;
import org.minga.platform.Checks;
import org.minga.platform.Inputs;
import org.minga.platform.Zones;
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

    /** A prospective member as it is entered: its unit code and its council's decision, if any yet. */
    public record ProspectInput(@Size(max = 10) String unitCode, String authorisation, @Size(max = 200) String actNumber,
            LocalDate actDate) {
    }

    private static final String ENTITY = "formation_prospect";
    private final JdbcClient jdbc;
    private final Schemes schemes;
    private final Scopes scopes;
    private final Territory territory;
    private final AuditLog audit;
    private final Zones zones;

    ProspectiveMembers(JdbcClient jdbc, Schemes schemes, Scopes scopes, Territory territory, AuditLog audit,
            Zones zones) {
        this.jdbc = jdbc;
        this.schemes = schemes;
        this.scopes = scopes;
        this.territory = territory;
        this.audit = audit;
        this.zones = zones;
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
                .query((rs, n) -> new Row(rs.getString("unit_code"), Authorisation.valueOf(rs.getString("authorisation")),
                        rs.getString("act_number"), rs.getObject("act_date", LocalDate.class)))
                .list();
        LocalDate today = zones.today(country);
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
    public Prospect add(long schemeId, ProspectInput in) {
        scopes.requireSchemeWrite(schemeId);
        Scheme scheme = schemes.get(schemeId);
        String country = scheme.getCountry().name();
        String code = in.unitCode() == null ? "" : in.unitCode().strip().toUpperCase();
        LocalDate today = zones.today(country);
        Checks checks = inFormation(scheme);
        if (code.isEmpty()) {
            checks.rule(false, "unitCode", "NotBlank", "formation.prospect.required");
        } else if (code.length() > 10 || territory.find(country, code, today).isEmpty()) {
            checks.rule(false, "unitCode", "Exists", "formation.prospect.unknown", country, code, today);
        } else {
            checks.rule(!codes(schemeId).contains(code), "unitCode", "Unique", "formation.prospect.already", code);
        }
        Authorisation state = checkAuthorisation(in, today, checks);
        checks.orThrow();
        jdbc.sql("""
                insert into formation_prospect (scheme_id, unit_code, authorisation, act_number, act_date)
                values (:s, :c, :a, :act, :on)
                """).param("s", schemeId).param("c", code).param("a", state.name())
                .param("act", Inputs.text(in.actNumber())).param("on", in.actDate() == null ? null : Date.valueOf(in.actDate()))
                .update();
        Prospect added = get(schemeId, code);
        audit.record(Change.created(ENTITY, schemeId + "/" + code, schemeId, "Miembro previsto " + added.name(),
                added.auditState()));
        return added;
    }

    /** Records the council's decision on one prospective member. */
    @Transactional
    public Prospect authorise(long schemeId, String unitCode, ProspectInput in) {
        scopes.requireSchemeWrite(schemeId);
        Scheme scheme = schemes.get(schemeId);
        Prospect before = get(schemeId, unitCode);
        Checks checks = inFormation(scheme);
        Authorisation state = checkAuthorisation(in, zones.today(scheme.getCountry().name()), checks);
        checks.orThrow();
        jdbc.sql("""
                update formation_prospect set authorisation = :a, act_number = :act, act_date = :on
                where scheme_id = :s and unit_code = :c
                """).param("s", schemeId).param("c", before.unitCode()).param("a", state.name())
                .param("act", Inputs.text(in.actNumber())).param("on", in.actDate() == null ? null : Date.valueOf(in.actDate()))
                .update();
        Prospect after = get(schemeId, before.unitCode());
        audit.record(Change.updated(ENTITY, schemeId + "/" + before.unitCode(), schemeId,
                "Autorización del concejo de " + after.name() + ": " + after.authorisation(), before.auditState(),
                after.auditState()));
        return after;
    }

    /** The route and the assessment are written while a scheme is being formed; afterwards they are its record. */
    static Checks inFormation(Scheme scheme) {
        return new Checks().rule(scheme.getStatus() == Scheme.Status.IN_FORMATION, "scheme", "InFormation",
                "formation.notInFormation", scheme.getName());
    }

    /** PENDING when not given; an authorisation is an act of the council, so it needs its number and date. */
    private static Authorisation checkAuthorisation(ProspectInput in, LocalDate today, Checks checks) {
        Authorisation state = Inputs.text(in.authorisation()) == null ? Authorisation.PENDING
                : Inputs.enumValue(Authorisation.class, in.authorisation());
        checks.rule(state != null, "authorisation", "OneOf", "formation.prospect.authorisation");
        if (state == null) {
            return Authorisation.PENDING;
        }
        LocalDate actDate = in.actDate();
        checks.valid(in)
                .rule(state != Authorisation.AUTHORISED || Inputs.text(in.actNumber()) != null, "actNumber", "Required",
                        "formation.prospect.actNumber")
                .rule(state != Authorisation.AUTHORISED || actDate != null, "actDate", "Required",
                        "formation.prospect.actDate")
                .rule(actDate == null || !actDate.isAfter(today), "actDate", "PastOrPresent",
                        "formation.prospect.actDate.future");
        return state;
    }
}
