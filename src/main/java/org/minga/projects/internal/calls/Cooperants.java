package org.minga.projects.internal.calls;

import org.minga.projects.internal.Bank;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.minga.platform.AuditLog.Change;
import org.minga.platform.InvalidInputException;
import org.minga.platform.Checks;
import org.minga.platform.Inputs;
import org.minga.platform.Money;
import org.minga.platform.NotFoundException;
import org.minga.territory.TerritorialUnit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Cooperants (international cooperation, foundations, national programmes): their mission,
 * themes, focus units, procedures and contacts, and what each supports where and when. The matrix
 * cooperant × unit × theme and its duplicate warning are {@link CooperationMatrix}.
 *
 * <p>Cooperants are a platform-wide catalogue written by platform administrators. A support
 * record may name the scheme that recorded it: then that scheme's administrators and staff may
 * write it; without a scheme only platform administrators may.
 */
@Service
public class Cooperants {

    public record Cooperant(long id, String name, String mission, List<String> themes, List<String> focusUnits,
            String procedures, String contacts) {

        Map<String, Object> state() {
            return Bank.state("name", name, "mission", mission, "themes", themes, "focusUnits", focusUnits,
                    "procedures", procedures, "contacts", contacts);
        }
    }

    public record NewCooperant(@NotBlank @Size(max = 200) String name, @Size(max = 4000) String mission,
            List<String> themes, List<String> focusUnits, @Size(max = 4000) String procedures,
            @Size(max = 2000) String contacts) {
    }

    public record Support(long id, long cooperantId, String cooperantName, String unitCode, String unitName,
            String theme, LocalDate startsOn, LocalDate endsOn, BigDecimal amount, String currency, Long schemeId,
            String note) {

        Map<String, Object> state() {
            return Bank.state("cooperantId", cooperantId, "unitCode", unitCode, "theme", theme,
                    "startsOn", startsOn.toString(), "endsOn", endsOn == null ? null : endsOn.toString(),
                    "amount", amount == null ? null : amount.toPlainString(), "currency", currency,
                    "schemeId", schemeId, "note", note);
        }

        public String period() {
            return endsOn == null ? "desde " + startsOn + ", sin fecha de fin" : startsOn + " a " + endsOn;
        }
    }

    public record NewSupport(String unitCode, String theme, LocalDate startsOn, LocalDate endsOn, BigDecimal amount,
            String currency, Long schemeId, @Size(max = 1000) String note) {
    }

    /** One cell of the matrix: a unit and a theme, with every support of any cooperant there. */
    public record Cell(String unitCode, String unitName, String theme, List<Support> supports, boolean duplicated) {
    }

    public record Matrix(Long schemeId, LocalDate at, List<String> cooperants, List<Cell> cells,
            List<Duplicate> duplicates) {
    }

    /** Two cooperants funding the same theme in the same unit in overlapping periods. */
    public record Duplicate(String unitCode, String unitName, String theme, Support first, Support second,
            String message) {
    }

    private final Bank bank;

    Cooperants(Bank bank) {
        this.bank = bank;
    }

    @Transactional
    public Cooperant create(NewCooperant in) {
        bank.scopes().requirePlatformAdmin();
        Cooperant c = check(0, in);
        long id = bank.jdbc().sql("""
                insert into cooperant (name, mission, themes, focus_units, procedures, contacts)
                values (:name, :mission, string_to_array(:themes, ','), string_to_array(:units, ','), :procedures,
                    :contacts) returning id
                """).params(params(c)).query(Long.class).single();
        Cooperant created = new Cooperant(id, c.name(), c.mission(), c.themes(), c.focusUnits(), c.procedures(),
                c.contacts());
        bank.audit().record(Change.created("cooperant", id, null, "Cooperante " + c.name(), created.state()));
        return created;
    }

    @Transactional
    public Cooperant update(long id, NewCooperant in) {
        bank.scopes().requirePlatformAdmin();
        Cooperant before = get(id);
        Cooperant c = check(id, in);
        c = new Cooperant(id, c.name(), c.mission(), c.themes(), c.focusUnits(), c.procedures(), c.contacts());
        bank.jdbc().sql("""
                update cooperant set name = :name, mission = :mission, themes = string_to_array(:themes, ','),
                    focus_units = string_to_array(:units, ','), procedures = :procedures, contacts = :contacts
                where id = :id
                """).params(params(c)).param("id", id).update();
        bank.audit().record(Change.updated("cooperant", id, null, "Cooperante " + c.name(), before.state(), c.state()));
        return c;
    }

    @Transactional
    public void delete(long id) {
        bank.scopes().requirePlatformAdmin();
        Cooperant before = get(id);
        List<Support> supports = supportsOf(id);
        bank.jdbc().sql("delete from cooperant_support where cooperant_id = :id").param("id", id).update();
        bank.jdbc().sql("delete from cooperant where id = :id").param("id", id).update();
        for (Support s : supports) {
            bank.audit().record(Change.deleted("cooperant_support", s.id(), s.schemeId(), "Apoyo de " + before.name(),
                    s.state()));
        }
        bank.audit().record(Change.deleted("cooperant", id, null, "Cooperante " + before.name(), before.state()));
    }

    public Cooperant get(long id) {
        return bank.jdbc().sql("select * from cooperant where id = :id").param("id", id).query(Cooperants::cooperant)
                .optional().orElseThrow(() -> new NotFoundException("cooperant", id));
    }

    public List<Cooperant> list() {
        return bank.jdbc().sql("select * from cooperant order by name").query(Cooperants::cooperant).list();
    }

    @Transactional
    public Support addSupport(long cooperantId, NewSupport in) {
        if (in != null && in.schemeId() != null) {
            bank.scopes().requireSchemeWrite(in.schemeId());
        } else {
            bank.scopes().requirePlatformAdmin();
        }
        Cooperant cooperant = get(cooperantId);
        if (in == null) {
            throw new InvalidInputException("unitCode", "Required", "support.unitCode.required");
        }
        Checks checks = new Checks().valid(in);
        List<String> unit = Codes.units(checks, "unitCode", in.unitCode() == null ? null : List.of(in.unitCode()));
        checks.rule(!checks.ok() || !unit.isEmpty(), "unitCode", "Required", "support.unitCode.required");
        List<String> theme = Codes.themes(checks, "theme", in.theme() == null ? null : List.of(in.theme()),
                "support.theme.required");
        if (in.startsOn() == null) {
            checks.rule(false, "startsOn", "Required", "support.startsOn.required");
        } else {
            checks.rule(in.endsOn() == null || !in.endsOn().isBefore(in.startsOn()), "endsOn", "Min",
                    "support.endsOn.beforeStart", in.startsOn());
        }
        Money amount = in.amount() == null ? null
                : checks.money("amount", in.amount(), "currency", in.currency(), true);
        if (in.schemeId() != null) {
            bank.schemes().get(in.schemeId());
        }
        checks.orThrow();
        String currency = amount == null ? null : amount.currency().name();
        String note = Inputs.text(in.note());
        String code = unit.getFirst();
        if (bank.territory().find(Codes.countryOf(code), code, in.startsOn()).isEmpty()) {
            throw new InvalidInputException("unitCode", "Exists", "support.unitCode.unknown", code);
        }
        long id = bank.jdbc().sql("""
                insert into cooperant_support (cooperant_id, unit_code, theme, starts_on, ends_on, amount, currency,
                    scheme_id, note)
                values (:c, :u, :t, :start, :end, :amount, :currency, :scheme, :note) returning id
                """).param("c", cooperantId).param("u", code).param("t", theme.getFirst())
                .param("start", Date.valueOf(in.startsOn()))
                .param("end", in.endsOn() == null ? null : Date.valueOf(in.endsOn())).param("amount", in.amount())
                .param("currency", currency).param("scheme", in.schemeId()).param("note", note).query(Long.class)
                .single();
        Support s = new Support(id, cooperantId, cooperant.name(), code, code, theme.getFirst(), in.startsOn(),
                in.endsOn(), in.amount(), currency, in.schemeId(), note);
        bank.audit().record(Change.created("cooperant_support", id, in.schemeId(), "Apoyo de " + cooperant.name() + " en "
                + code + ": " + Themes.valueOf(s.theme()).spanishName(), s.state()));
        return s;
    }

    @Transactional
    public void deleteSupport(long cooperantId, long supportId) {
        Support s = supportsOf(cooperantId).stream().filter(x -> x.id() == supportId).findFirst()
                .orElseThrow(() -> new NotFoundException("cooperant_support", supportId));
        if (s.schemeId() != null) {
            bank.scopes().requireSchemeWrite(s.schemeId());
        } else {
            bank.scopes().requirePlatformAdmin();
        }
        bank.jdbc().sql("delete from cooperant_support where id = :id").param("id", supportId).update();
        bank.audit().record(Change.deleted("cooperant_support", supportId, s.schemeId(), "Apoyo de " + s.cooperantName()
                + " en " + s.unitCode(), s.state()));
    }

    public List<Support> supportsOf(long cooperantId) {
        return named(bank.jdbc().sql(SUPPORTS + " where s.cooperant_id = :c order by s.starts_on, s.id")
                .param("c", cooperantId).query(Cooperants::support).list());
    }

    static final String SUPPORTS = """
            select s.*, c.name as cooperant_name from cooperant_support s join cooperant c on c.id = s.cooperant_id""";

    /** Puts the units' current names on the supports: one bank.territory() read per country. */
    List<Support> named(List<Support> supports) {
        Map<String, Set<String>> byCountry = new HashMap<>();
        supports.forEach(s -> byCountry.computeIfAbsent(Codes.countryOf(s.unitCode()), k -> new HashSet<>()).add(s.unitCode()));
        Map<String, String> names = new HashMap<>();
        LocalDate today = bank.zones().today();
        byCountry.forEach((country, codes) -> {
            Map<String, TerritorialUnit> found = bank.territory().findAll(country, codes, today);
            found.forEach((code, u) -> names.put(code, u.name()));
        });
        return supports.stream().map(s -> new Support(s.id(), s.cooperantId(), s.cooperantName(), s.unitCode(),
                names.getOrDefault(s.unitCode(), s.unitCode()), s.theme(), s.startsOn(), s.endsOn(), s.amount(),
                s.currency(), s.schemeId(), s.note())).toList();
    }

    private Cooperant check(long id, NewCooperant in) {
        if (in == null) {
            throw new InvalidInputException("name", "Required", "cooperant.name.required");
        }
        Checks checks = new Checks().valid(in);
        List<String> themes = Codes.themes(checks, "themes", in.themes(), null);
        List<String> units = Codes.units(checks, "focusUnits", in.focusUnits());
        String name = Inputs.text(in.name());
        checks.rule(name == null || !bank.jdbc().sql("select count(*) > 0 from cooperant where lower(name) = lower(:n) and id <> :id")
                .param("n", name).param("id", id).query(Boolean.class).single(), "name", "Unique",
                "cooperant.name.taken", name);
        checks.orThrow();
        return new Cooperant(id, name, Inputs.text(in.mission()), themes, units, Inputs.text(in.procedures()),
                Inputs.text(in.contacts()));
    }

    private static Map<String, Object> params(Cooperant c) {
        Map<String, Object> p = new HashMap<>();
        p.put("name", c.name());
        p.put("mission", c.mission());
        p.put("themes", String.join(",", c.themes()));
        p.put("units", String.join(",", c.focusUnits()));
        p.put("procedures", c.procedures());
        p.put("contacts", c.contacts());
        return p;
    }

    static Cooperant cooperant(ResultSet rs, int n) throws SQLException {
        return new Cooperant(rs.getLong("id"), rs.getString("name"), rs.getString("mission"),
                FundingCalls.strings(rs.getArray("themes")), FundingCalls.strings(rs.getArray("focus_units")),
                rs.getString("procedures"), rs.getString("contacts"));
    }

    static Support support(ResultSet rs, int n) throws SQLException {
        return new Support(rs.getLong("id"), rs.getLong("cooperant_id"), rs.getString("cooperant_name"),
                rs.getString("unit_code"), rs.getString("unit_code"), rs.getString("theme"),
                rs.getObject("starts_on", LocalDate.class), rs.getObject("ends_on", LocalDate.class),
                rs.getBigDecimal("amount"), rs.getString("currency"), rs.getObject("scheme_id", Long.class),
                rs.getString("note"));
    }
}
