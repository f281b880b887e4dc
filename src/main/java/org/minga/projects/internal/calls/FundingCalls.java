package org.minga.projects.internal.calls;

import org.minga.projects.internal.Bank;
import org.minga.projects.internal.Sectors;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.minga.platform.AuditLog.Change;
import org.minga.platform.InvalidInputException;
import org.minga.platform.Checks;
import org.minga.platform.Inputs;
import org.minga.platform.Money;
import org.minga.platform.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Funding calls (convocatorias): a platform-wide catalogue written by platform administrators (a
 * call belongs to its funder, not to a scheme). Who and what of a scheme qualifies for one is
 * {@link CallEligibility}.
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
            return Bank.state("owner", owner, "name", name, "country", country, "opensOn", opensOn.toString(),
                    "closesOn", closesOn.toString(), "sectors", sectors, "maxAmount", maxAmount.toPlainString(),
                    "currency", currency, "units", units, "pdetOnly", pdetOnly, "categories", categories,
                    "description", description);
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

    private final Bank bank;
    private final Sectors sectors;

    FundingCalls(Bank bank, Sectors sectors) {
        this.bank = bank;
        this.sectors = sectors;
    }

    @Transactional
    public Call create(NewCall call) {
        bank.scopes().requirePlatformAdmin();
        Call c = check(0, call);
        long id = bank.jdbc().sql("""
                insert into funding_call (owner, name, country, opens_on, closes_on, sectors, max_amount, currency,
                    units, pdet_only, categories, description)
                values (:owner, :name, :country, :opens, :closes, string_to_array(:sectors, ','), :max, :currency, string_to_array(:units, ','), :pdet,
                    string_to_array(:categories, ','), :description) returning id
                """).params(params(c)).query(Long.class).single();
        Call created = withId(id, c);
        bank.audit().record(Change.created("funding_call", id, null, "Convocatoria " + c.name(), created.state()));
        return created;
    }

    @Transactional
    public Call update(long id, NewCall call) {
        bank.scopes().requirePlatformAdmin();
        Call before = get(id);
        Call c = withId(id, check(id, call));
        bank.jdbc().sql("""
                update funding_call set owner = :owner, name = :name, country = :country, opens_on = :opens,
                    closes_on = :closes, sectors = string_to_array(:sectors, ','), max_amount = :max, currency = :currency, units = string_to_array(:units, ','),
                    pdet_only = :pdet, categories = string_to_array(:categories, ','), description = :description where id = :id
                """).params(params(c)).param("id", id).update();
        bank.audit().record(Change.updated("funding_call", id, null, "Convocatoria " + c.name(), before.state(), c.state()));
        return c;
    }

    @Transactional
    public void delete(long id) {
        bank.scopes().requirePlatformAdmin();
        Call before = get(id);
        bank.jdbc().sql("delete from funding_call where id = :id").param("id", id).update();
        bank.audit().record(Change.deleted("funding_call", id, null, "Convocatoria " + before.name(), before.state()));
    }

    public Call get(long id) {
        return bank.jdbc().sql("select " + COLUMNS + " from funding_call where id = :id").param("id", id)
                .query(FundingCalls::call).optional().orElseThrow(() -> new NotFoundException("funding_call", id));
    }

    /** All calls, latest closing first; only those open on the day when {@code openOn} is given. */
    public List<Call> list(LocalDate openOn) {
        if (openOn == null) {
            return bank.jdbc().sql("select " + COLUMNS + " from funding_call order by closes_on desc, id desc")
                    .query(FundingCalls::call).list();
        }
        return bank.jdbc().sql("select " + COLUMNS + " from funding_call where :d between opens_on and closes_on "
                + "order by closes_on, id").param("d", Date.valueOf(openOn)).query(FundingCalls::call).list();
    }

    /**
     * The call's sectors from its country's catalogue, by name or code, stored by name: a project
     * qualifies when its sector (a catalogue name too) is one of them.
     */
    private List<String> sectors(Checks checks, String country, List<String> values) {
        Sectors.Catalogue catalogue = sectors.of(country == null ? "" : country);
        Set<String> out = new java.util.LinkedHashSet<>();
        boolean unknown = false;
        for (String v : values == null ? List.<String>of() : values) {
            if (v == null || v.isBlank()) {
                continue;
            }
            var name = catalogue.resolve(v);
            checks.rule(name.isPresent(), "sectors", "OneOf", "projects.sector.unknown", v.strip());
            unknown |= name.isEmpty();
            name.ifPresent(out::add);
        }
        checks.rule(!out.isEmpty() || unknown, "sectors", "Required", "call.sectors.required");
        return new ArrayList<>(out);
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
        List<String> sectors = sectors(checks, country, in.sectors());
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
        checks.rule(name == null || !bank.jdbc().sql("select count(*) > 0 from funding_call where lower(name) = lower(:n) and id <> :id")
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
        return Bank.state("owner", c.owner(), "name", c.name(), "country", c.country(),
                "opens", Date.valueOf(c.opensOn()), "closes", Date.valueOf(c.closesOn()),
                "sectors", String.join(",", c.sectors()), "max", c.maxAmount(), "currency", c.currency(),
                "units", String.join(",", c.units()), "pdet", c.pdetOnly(),
                "categories", String.join(",", c.categories()), "description", c.description());
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
