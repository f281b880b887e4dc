package org.minga.projects.internal.calls;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.minga.identity.Scopes;
import org.minga.platform.AuditLog;
import org.minga.platform.AuditLog.Change;
import org.minga.platform.InvalidInputException;
import org.minga.platform.Checks;
import org.minga.platform.Inputs;
import org.minga.platform.Money;
import org.minga.platform.NotFoundException;
import org.minga.registry.Scheme;
import org.minga.registry.SchemeFacts;
import org.minga.registry.Schemes;
import org.minga.territory.TerritorialUnit;
import org.minga.territory.Territory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Funding calls (convocatorias) and, for a scheme, who and what qualifies. Calls are a
 * platform-wide catalogue written by platform administrators (a call belongs to its funder, not to
 * a scheme). Some national sources fund only PDET municipalities (catatumbo L593): for a member a
 * call leaves out, Minga lists the other open calls it qualifies for.
 */
@Service
public class FundingCalls {

    /** Project stages a call can still fund; later stages are already contracted, running or closed. */
    public static final List<String> CANDIDATE_STAGES = List.of("IDEA", "PROFILE", "PRE_INVESTMENT", "FORMULATED",
            "VIABLE", "APPROVED");

    public record Call(long id, String owner, String name, String country, LocalDate opensOn, LocalDate closesOn,
            List<String> sectors, BigDecimal maxAmount, String currency, List<String> units, boolean pdetOnly,
            List<String> categories, String description) {

        public boolean openOn(LocalDate day) {
            return !day.isBefore(opensOn) && !day.isAfter(closesOn);
        }

        Map<String, Object> state() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("owner", owner);
            m.put("name", name);
            m.put("country", country);
            m.put("opensOn", opensOn.toString());
            m.put("closesOn", closesOn.toString());
            m.put("sectors", sectors);
            m.put("maxAmount", maxAmount.toPlainString());
            m.put("currency", currency);
            m.put("units", units);
            m.put("pdetOnly", pdetOnly);
            m.put("categories", categories);
            m.put("description", description);
            return m;
        }
    }

    public record NewCall(@NotBlank @Size(max = 200) String owner, @NotBlank @Size(max = 200) String name,
            @NotBlank String country, @NotNull LocalDate opensOn, @NotNull LocalDate closesOn, List<String> sectors,
            BigDecimal maxAmount, String currency, List<String> units, Boolean pdetOnly, List<String> categories,
            @Size(max = 4000) String description) {
    }

    public record CallRef(long id, String name, String owner, LocalDate closesOn, BigDecimal maxAmount,
            String currency) {
    }

    public record Member(String unitCode, String unitName) {
    }

    public record ExcludedMember(String unitCode, String unitName, List<String> reasons, List<CallRef> alternatives) {
    }

    public record ProjectRef(long id, String code, String name, String sector, String stage, BigDecimal cost,
            String currency, List<String> beneficiaries) {
    }

    public record ExcludedProject(ProjectRef project, List<String> reasons) {
    }

    public record Eligibility(Call call, long schemeId, String schemeName, LocalDate at, boolean open,
            List<Member> eligibleMembers, List<ExcludedMember> excludedMembers, List<ProjectRef> eligibleProjects,
            List<ExcludedProject> excludedProjects) {
    }

    static final Set<String> CATEGORIES = Set.of("ESPECIAL", "1", "2", "3", "4", "5", "6");

    private static final String COLUMNS = """
            id, owner, name, country, opens_on, closes_on, sectors, max_amount, currency, units, pdet_only,
            categories, description""";

    private final JdbcClient jdbc;
    private final Scopes scopes;
    private final AuditLog audit;
    private final Schemes schemes;
    private final Territory territory;
    private final SchemeFacts facts;

    FundingCalls(JdbcClient jdbc, Scopes scopes, AuditLog audit, Schemes schemes, Territory territory,
            SchemeFacts facts) {
        this.jdbc = jdbc;
        this.scopes = scopes;
        this.audit = audit;
        this.schemes = schemes;
        this.territory = territory;
        this.facts = facts;
    }

    @Transactional
    public Call create(NewCall call) {
        scopes.requirePlatformAdmin();
        Call c = check(0, call);
        long id = jdbc.sql("""
                insert into funding_call (owner, name, country, opens_on, closes_on, sectors, max_amount, currency,
                    units, pdet_only, categories, description)
                values (:owner, :name, :country, :opens, :closes, string_to_array(:sectors, ','), :max, :currency, string_to_array(:units, ','), :pdet,
                    string_to_array(:categories, ','), :description) returning id
                """).params(params(c)).query(Long.class).single();
        Call created = withId(id, c);
        audit.record(Change.created("funding_call", id, null, "Convocatoria " + c.name(), created.state()));
        return created;
    }

    @Transactional
    public Call update(long id, NewCall call) {
        scopes.requirePlatformAdmin();
        Call before = get(id);
        Call c = withId(id, check(id, call));
        jdbc.sql("""
                update funding_call set owner = :owner, name = :name, country = :country, opens_on = :opens,
                    closes_on = :closes, sectors = string_to_array(:sectors, ','), max_amount = :max, currency = :currency, units = string_to_array(:units, ','),
                    pdet_only = :pdet, categories = string_to_array(:categories, ','), description = :description where id = :id
                """).params(params(c)).param("id", id).update();
        audit.record(Change.updated("funding_call", id, null, "Convocatoria " + c.name(), before.state(), c.state()));
        return c;
    }

    @Transactional
    public void delete(long id) {
        scopes.requirePlatformAdmin();
        Call before = get(id);
        jdbc.sql("delete from funding_call where id = :id").param("id", id).update();
        audit.record(Change.deleted("funding_call", id, null, "Convocatoria " + before.name(), before.state()));
    }

    public Call get(long id) {
        return jdbc.sql("select " + COLUMNS + " from funding_call where id = :id").param("id", id)
                .query(FundingCalls::call).optional().orElseThrow(() -> new NotFoundException("funding_call", id));
    }

    /** All calls, latest closing first; only those open on the day when {@code openOn} is given. */
    public List<Call> list(LocalDate openOn) {
        if (openOn == null) {
            return jdbc.sql("select " + COLUMNS + " from funding_call order by closes_on desc, id desc")
                    .query(FundingCalls::call).list();
        }
        return jdbc.sql("select " + COLUMNS + " from funding_call where :d between opens_on and closes_on "
                + "order by closes_on, id").param("d", Date.valueOf(openOn)).query(FundingCalls::call).list();
    }

    /**
     * Who and what of the scheme qualifies for the call on the day. Members are the scheme's members
     * on the day; yearly attributes (pdet, category) are those in force on the day. A project
     * qualifies when it is in a candidate stage, its sector is one of the call's, its cost is known,
     * in the call's currency and within the maximum, and it has beneficiaries, all of them units the
     * call admits.
     */
    public Eligibility eligibility(long schemeId, long callId, LocalDate at) {
        Scheme scheme = schemes.get(schemeId);
        Call call = get(callId);
        String country = scheme.getCountry().name();
        List<String> members = facts.members(schemeId, at).stream().map(SchemeFacts.Member::code)
                .filter(Objects::nonNull).distinct().sorted().toList();
        List<ProjectRef> projects = jdbc.sql("""
                select p.id, p.code, p.name, p.sector, p.stage, p.cost, p.currency,
                       coalesce((select array_agg(b.unit_code order by b.unit_code) from project_beneficiary b
                                  where b.project_id = p.id), '{}') as beneficiaries
                from project p where p.scheme_id = :s and p.stage in (:stages) order by p.code
                """).param("s", schemeId).param("stages", CANDIDATE_STAGES)
                .query((rs, n) -> new ProjectRef(rs.getLong("id"), rs.getString("code"), rs.getString("name"),
                        rs.getString("sector"), rs.getString("stage"), rs.getBigDecimal("cost"),
                        rs.getString("currency"), strings(rs.getArray("beneficiaries")))).list();
        Set<String> codes = new LinkedHashSet<>(members);
        projects.forEach(p -> codes.addAll(p.beneficiaries()));
        Units units = units(country, codes, at);
        List<Call> others = list(at).stream().filter(c -> c.id() != callId && c.country().equals(country)).toList();

        List<Member> eligible = new ArrayList<>();
        List<ExcludedMember> excluded = new ArrayList<>();
        for (String code : members) {
            List<String> reasons = reasons(call, country, code, units);
            if (reasons.isEmpty()) {
                eligible.add(new Member(code, units.name(code)));
            } else {
                List<CallRef> alternatives = others.stream().filter(c -> reasons(c, country, code, units).isEmpty())
                        .map(c -> new CallRef(c.id(), c.name(), c.owner(), c.closesOn(), c.maxAmount(), c.currency()))
                        .toList();
                excluded.add(new ExcludedMember(code, units.name(code), reasons, alternatives));
            }
        }
        List<ProjectRef> eligibleProjects = new ArrayList<>();
        List<ExcludedProject> excludedProjects = new ArrayList<>();
        for (ProjectRef p : projects) {
            List<String> reasons = projectReasons(call, country, p, units);
            if (reasons.isEmpty()) {
                eligibleProjects.add(p);
            } else {
                excludedProjects.add(new ExcludedProject(p, reasons));
            }
        }
        return new Eligibility(call, schemeId, scheme.getName(), at, call.openOn(at), eligible, excluded,
                eligibleProjects, excludedProjects);
    }

    /** The units' names and their pdet and category attributes on a day: three reads. */
    record Units(Map<String, TerritorialUnit> found, Map<String, String> pdet, Map<String, String> category) {

        String name(String code) {
            TerritorialUnit u = found.get(code);
            return u == null ? code : u.name();
        }
    }

    Units units(String country, Set<String> codes, LocalDate at) {
        if (codes.isEmpty()) {
            return new Units(Map.of(), Map.of(), Map.of());
        }
        return new Units(territory.findAll(country, codes, at), territory.attributeAt(country, codes, "pdet", at),
                territory.attributeAt(country, codes, "category", at));
    }

    /** Why a unit may not take part in the call, in Spanish; empty when it may. */
    static List<String> reasons(Call call, String country, String code, Units units) {
        List<String> reasons = new ArrayList<>();
        if (!call.country().equals(country)) {
            reasons.add("La convocatoria es para unidades de " + countryName(call.country()) + ".");
            return reasons;
        }
        if (!call.units().isEmpty() && !call.units().contains(code)) {
            reasons.add("No está entre las unidades que lista la convocatoria.");
        }
        if (call.pdetOnly()) {
            String pdet = units.pdet().get(code);
            if (pdet == null) {
                reasons.add("La convocatoria es solo para municipios PDET y no hay dato PDET registrado para la unidad.");
            } else if (!pdet.equalsIgnoreCase("true") && !pdet.equals("1")) {
                reasons.add("La convocatoria es solo para municipios PDET y la unidad no es PDET.");
            }
        }
        if (!call.categories().isEmpty()) {
            String category = units.category().get(code);
            String allowed = String.join(", ", call.categories());
            if (category == null) {
                reasons.add("Sin categoría municipal registrada; la convocatoria admite las categorías " + allowed + ".");
            } else if (!call.categories().contains(category.toUpperCase())) {
                reasons.add("Su categoría municipal (" + category + ") no está entre las admitidas (" + allowed + ").");
            }
        }
        return reasons;
    }

    static List<String> projectReasons(Call call, String country, ProjectRef p, Units units) {
        List<String> reasons = new ArrayList<>();
        if (call.sectors().stream().noneMatch(s -> s.equalsIgnoreCase(p.sector() == null ? "" : p.sector().strip()))) {
            reasons.add("Su sector (" + p.sector() + ") no está entre los de la convocatoria.");
        }
        if (p.cost() == null) {
            reasons.add("No tiene costo registrado.");
        } else if (!call.currency().equals(p.currency())) {
            reasons.add("Su costo está en " + p.currency() + " y la convocatoria financia en " + call.currency() + ".");
        } else if (p.cost().compareTo(call.maxAmount()) > 0) {
            reasons.add("Su costo (" + p.cost().toPlainString() + " " + p.currency() + ") supera el monto máximo ("
                    + call.maxAmount().toPlainString() + " " + call.currency() + ").");
        }
        if (p.beneficiaries().isEmpty()) {
            reasons.add("No tiene beneficiarios registrados.");
        }
        for (String b : p.beneficiaries()) {
            if (!reasons(call, country, b, units).isEmpty()) {
                reasons.add("Beneficia a " + units.name(b) + " (" + b + "), que la convocatoria no admite.");
            }
        }
        return reasons;
    }

    private static String countryName(String country) {
        return country.equals("CO") ? "Colombia" : "El Salvador";
    }

    private Call check(long id, NewCall in) {
        if (in == null) {
            throw new InvalidInputException("name", "Required", "call.name.required");
        }
        Checks checks = new Checks().valid(in);
        String country = in.country() == null ? null : in.country().strip().toUpperCase(Locale.ROOT);
        checks.rule(country == null || country.isEmpty() || country.equals("CO") || country.equals("SV"), "country",
                "OneOf", "call.country.oneOf");
        checks.rule(in.opensOn() == null || in.closesOn() == null || !in.closesOn().isBefore(in.opensOn()),
                "closesOn", "Min", "call.closesOn.beforeOpens", in.opensOn());
        List<String> sectors = Codes.themes(checks, "sectors", in.sectors(), "call.sectors.required");
        Money max = checks.money("maxAmount", in.maxAmount(), "currency", in.currency(), true);
        List<String> units = Codes.units(checks, "units", in.units());
        List<String> categories = new ArrayList<>();
        for (String c : in.categories() == null ? List.<String>of() : in.categories()) {
            String v = c == null ? "" : c.strip().toUpperCase(Locale.ROOT);
            if (!v.isEmpty() && !categories.contains(v)) {
                categories.add(v);
            }
        }
        checks.rule(CATEGORIES.containsAll(categories), "categories", "OneOf", "call.categories.oneOf",
                categories.stream().filter(c -> !CATEGORIES.contains(c)).findFirst().orElse(""));
        String name = Inputs.text(in.name());
        checks.rule(name == null || !jdbc.sql("select count(*) > 0 from funding_call where lower(name) = lower(:n) and id <> :id")
                .param("n", name).param("id", id).query(Boolean.class).single(), "name", "Unique", "call.name.taken",
                name);
        checks.orThrow();
        return new Call(id, Inputs.text(in.owner()), name, country, in.opensOn(), in.closesOn(), sectors, max.amount(),
                max.currency().name(), units, Boolean.TRUE.equals(in.pdetOnly()), categories,
                Inputs.text(in.description()));
    }

    private static Call withId(long id, Call c) {
        return new Call(id, c.owner(), c.name(), c.country(), c.opensOn(), c.closesOn(), c.sectors(), c.maxAmount(),
                c.currency(), c.units(), c.pdetOnly(), c.categories(), c.description());
    }

    private static Map<String, Object> params(Call c) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("owner", c.owner());
        p.put("name", c.name());
        p.put("country", c.country());
        p.put("opens", Date.valueOf(c.opensOn()));
        p.put("closes", Date.valueOf(c.closesOn()));
        p.put("sectors", String.join(",", c.sectors()));
        p.put("max", c.maxAmount());
        p.put("currency", c.currency());
        p.put("units", String.join(",", c.units()));
        p.put("pdet", c.pdetOnly());
        p.put("categories", String.join(",", c.categories()));
        p.put("description", c.description());
        return p;
    }

    static Call call(ResultSet rs, int n) throws SQLException {
        return new Call(rs.getLong("id"), rs.getString("owner"), rs.getString("name"), rs.getString("country"),
                rs.getObject("opens_on", LocalDate.class), rs.getObject("closes_on", LocalDate.class),
                strings(rs.getArray("sectors")), rs.getBigDecimal("max_amount"), rs.getString("currency"),
                strings(rs.getArray("units")), rs.getBoolean("pdet_only"), strings(rs.getArray("categories")),
                rs.getString("description"));
    }

    static List<String> strings(Array array) throws SQLException {
        if (array == null) {
            return List.of();
        }
        return List.copyOf(Arrays.asList((String[]) array.getArray()));
    }
}
