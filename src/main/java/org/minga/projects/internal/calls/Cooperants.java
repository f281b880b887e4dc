package org.minga.projects.internal.calls;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.minga.identity.Scopes;
import org.minga.platform.AuditLog;
import org.minga.platform.AuditLog.Change;
import org.minga.platform.InvalidInputException;
import org.minga.platform.Checks;
import org.minga.platform.Inputs;
import org.minga.platform.Money;
import org.minga.platform.Zones;
import org.minga.platform.NotFoundException;
import org.minga.registry.SchemeFacts;
import org.minga.registry.Schemes;
import org.minga.territory.TerritorialUnit;
import org.minga.territory.Territory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Cooperants (international cooperation, foundations, national programmes): their mission,
 * themes, focus units, procedures and contacts, and what each supports where and when. From the
 * support records come the matrix cooperant × unit × theme and the duplicate warning: two
 * cooperants funding the same theme in the same unit in overlapping periods (catatumbo L1170-1248:
 * cooperation complements, never duplicates).
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
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", name);
            m.put("mission", mission);
            m.put("themes", themes);
            m.put("focusUnits", focusUnits);
            m.put("procedures", procedures);
            m.put("contacts", contacts);
            return m;
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
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("cooperantId", cooperantId);
            m.put("unitCode", unitCode);
            m.put("theme", theme);
            m.put("startsOn", startsOn.toString());
            m.put("endsOn", endsOn == null ? null : endsOn.toString());
            m.put("amount", amount == null ? null : amount.toPlainString());
            m.put("currency", currency);
            m.put("schemeId", schemeId);
            m.put("note", note);
            return m;
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

    private final JdbcClient jdbc;
    private final Scopes scopes;
    private final AuditLog audit;
    private final Schemes schemes;
    private final Territory territory;
    private final SchemeFacts facts;
    private final Zones zones;

    Cooperants(JdbcClient jdbc, Scopes scopes, AuditLog audit, Schemes schemes, Territory territory,
            SchemeFacts facts, Zones zones) {
        this.jdbc = jdbc;
        this.scopes = scopes;
        this.audit = audit;
        this.schemes = schemes;
        this.territory = territory;
        this.facts = facts;
        this.zones = zones;
    }

    @Transactional
    public Cooperant create(NewCooperant in) {
        scopes.requirePlatformAdmin();
        Cooperant c = check(0, in);
        long id = jdbc.sql("""
                insert into cooperant (name, mission, themes, focus_units, procedures, contacts)
                values (:name, :mission, string_to_array(:themes, ','), string_to_array(:units, ','), :procedures,
                    :contacts) returning id
                """).params(params(c)).query(Long.class).single();
        Cooperant created = new Cooperant(id, c.name(), c.mission(), c.themes(), c.focusUnits(), c.procedures(),
                c.contacts());
        audit.record(Change.created("cooperant", id, null, "Cooperante " + c.name(), created.state()));
        return created;
    }

    @Transactional
    public Cooperant update(long id, NewCooperant in) {
        scopes.requirePlatformAdmin();
        Cooperant before = get(id);
        Cooperant c = check(id, in);
        c = new Cooperant(id, c.name(), c.mission(), c.themes(), c.focusUnits(), c.procedures(), c.contacts());
        jdbc.sql("""
                update cooperant set name = :name, mission = :mission, themes = string_to_array(:themes, ','),
                    focus_units = string_to_array(:units, ','), procedures = :procedures, contacts = :contacts
                where id = :id
                """).params(params(c)).param("id", id).update();
        audit.record(Change.updated("cooperant", id, null, "Cooperante " + c.name(), before.state(), c.state()));
        return c;
    }

    @Transactional
    public void delete(long id) {
        scopes.requirePlatformAdmin();
        Cooperant before = get(id);
        List<Support> supports = supportsOf(id);
        jdbc.sql("delete from cooperant_support where cooperant_id = :id").param("id", id).update();
        jdbc.sql("delete from cooperant where id = :id").param("id", id).update();
        for (Support s : supports) {
            audit.record(Change.deleted("cooperant_support", s.id(), s.schemeId(), "Apoyo de " + before.name(),
                    s.state()));
        }
        audit.record(Change.deleted("cooperant", id, null, "Cooperante " + before.name(), before.state()));
    }

    public Cooperant get(long id) {
        return jdbc.sql("select * from cooperant where id = :id").param("id", id).query(Cooperants::cooperant)
                .optional().orElseThrow(() -> new NotFoundException("cooperant", id));
    }

    public List<Cooperant> list() {
        return jdbc.sql("select * from cooperant order by name").query(Cooperants::cooperant).list();
    }

    @Transactional
    public Support addSupport(long cooperantId, NewSupport in) {
        if (in != null && in.schemeId() != null) {
            scopes.requireSchemeWrite(in.schemeId());
        } else {
            scopes.requirePlatformAdmin();
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
            schemes.get(in.schemeId());
        }
        checks.orThrow();
        String currency = amount == null ? null : amount.currency().name();
        String note = Inputs.text(in.note());
        String code = unit.getFirst();
        if (territory.find(Codes.countryOf(code), code, in.startsOn()).isEmpty()) {
            throw new InvalidInputException("unitCode", "Exists", "support.unitCode.unknown", code);
        }
        long id = jdbc.sql("""
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
        audit.record(Change.created("cooperant_support", id, in.schemeId(), "Apoyo de " + cooperant.name() + " en "
                + code + ": " + Themes.valueOf(s.theme()).spanishName(), s.state()));
        return s;
    }

    @Transactional
    public void deleteSupport(long cooperantId, long supportId) {
        Support s = supportsOf(cooperantId).stream().filter(x -> x.id() == supportId).findFirst()
                .orElseThrow(() -> new NotFoundException("cooperant_support", supportId));
        if (s.schemeId() != null) {
            scopes.requireSchemeWrite(s.schemeId());
        } else {
            scopes.requirePlatformAdmin();
        }
        jdbc.sql("delete from cooperant_support where id = :id").param("id", supportId).update();
        audit.record(Change.deleted("cooperant_support", supportId, s.schemeId(), "Apoyo de " + s.cooperantName()
                + " en " + s.unitCode(), s.state()));
    }

    public List<Support> supportsOf(long cooperantId) {
        return named(jdbc.sql(SUPPORTS + " where s.cooperant_id = :c order by s.starts_on, s.id")
                .param("c", cooperantId).query(Cooperants::support).list());
    }

    private static final String SUPPORTS = """
            select s.*, c.name as cooperant_name from cooperant_support s join cooperant c on c.id = s.cooperant_id""";

    /**
     * Supports active on the day (all when {@code at} is null), in the units that are members of
     * the scheme on that day (or today) when {@code schemeId} is given.
     */
    public List<Support> supports(Long schemeId, LocalDate at) {
        StringBuilder sql = new StringBuilder(SUPPORTS).append(" where true");
        Map<String, Object> p = new HashMap<>();
        if (at != null) {
            sql.append(" and s.starts_on <= :at and (s.ends_on is null or s.ends_on >= :at)");
            p.put("at", Date.valueOf(at));
        }
        if (schemeId != null) {
            String country = schemes.get(schemeId).getCountry().name();
            List<String> members = facts.members(schemeId, at == null ? zones.today(country) : at).stream()
                    .map(SchemeFacts.Member::code).filter(java.util.Objects::nonNull).distinct().toList();
            sql.append(" and s.unit_code = any(:members)");
            p.put("members", new org.springframework.jdbc.support.SqlArrayValue("text", members.toArray()));
        }
        sql.append(" order by s.unit_code, s.theme, c.name, s.starts_on, s.id");
        return named(jdbc.sql(sql.toString()).params(p).query(Cooperants::support).list());
    }

    public Matrix matrix(Long schemeId, LocalDate at) {
        List<Support> supports = supports(schemeId, at);
        List<Duplicate> duplicates = duplicates(supports);
        Set<String> duplicatedCells = new HashSet<>();
        duplicates.forEach(d -> duplicatedCells.add(d.unitCode() + "|" + d.theme()));
        Map<String, List<Support>> byCell = new TreeMap<>();
        Set<String> cooperants = new java.util.TreeSet<>();
        for (Support s : supports) {
            byCell.computeIfAbsent(s.unitCode() + "|" + s.theme(), k -> new ArrayList<>()).add(s);
            cooperants.add(s.cooperantName());
        }
        List<Cell> cells = byCell.entrySet().stream().map(e -> {
            Support first = e.getValue().getFirst();
            return new Cell(first.unitCode(), first.unitName(), first.theme(), List.copyOf(e.getValue()),
                    duplicatedCells.contains(e.getKey()));
        }).toList();
        return new Matrix(schemeId, at, List.copyOf(cooperants), cells, duplicates);
    }

    /** Pairs of supports by different cooperants, same unit and theme, whose periods overlap. */
    static List<Duplicate> duplicates(List<Support> supports) {
        Map<String, List<Support>> byCell = new LinkedHashMap<>();
        supports.forEach(s -> byCell.computeIfAbsent(s.unitCode() + "|" + s.theme(), k -> new ArrayList<>()).add(s));
        List<Duplicate> out = new ArrayList<>();
        for (List<Support> unsorted : byCell.values()) {
            List<Support> cell = unsorted.stream()
                    .sorted(java.util.Comparator.comparing(Support::startsOn).thenComparing(Support::id)).toList();
            for (int i = 0; i < cell.size(); i++) {
                for (int j = i + 1; j < cell.size(); j++) {
                    Support a = cell.get(i);
                    Support b = cell.get(j);
                    if (a.cooperantId() != b.cooperantId() && overlap(a, b)) {
                        String theme = Themes.of(a.theme()).map(Themes::spanishName).orElse(a.theme());
                        out.add(new Duplicate(a.unitCode(), a.unitName(), a.theme(), a, b, a.cooperantName() + " y "
                                + b.cooperantName() + " apoyan " + theme + " en " + a.unitName() + " en periodos que se"
                                + " cruzan (" + a.period() + " y " + b.period() + ")."));
                    }
                }
            }
        }
        return out;
    }

    static boolean overlap(Support a, Support b) {
        boolean aEndsBeforeB = a.endsOn() != null && a.endsOn().isBefore(b.startsOn());
        boolean bEndsBeforeA = b.endsOn() != null && b.endsOn().isBefore(a.startsOn());
        return !aEndsBeforeB && !bEndsBeforeA;
    }

    /** Puts the units' current names on the supports: one territory read per country. */
    private List<Support> named(List<Support> supports) {
        Map<String, Set<String>> byCountry = new HashMap<>();
        supports.forEach(s -> byCountry.computeIfAbsent(Codes.countryOf(s.unitCode()), k -> new HashSet<>()).add(s.unitCode()));
        Map<String, String> names = new HashMap<>();
        LocalDate today = zones.today();
        byCountry.forEach((country, codes) -> {
            Map<String, TerritorialUnit> found = territory.findAll(country, codes, today);
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
        checks.rule(name == null || !jdbc.sql("select count(*) > 0 from cooperant where lower(name) = lower(:n) and id <> :id")
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
