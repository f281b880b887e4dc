package org.minga.services;


import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.minga.identity.Scopes;
import org.minga.platform.AuditLog;
import org.minga.platform.AuditLog.Change;
import org.minga.platform.Checks;
import org.minga.platform.Currency;
import org.minga.platform.Inputs;
import org.minga.platform.InvalidInputException;
import org.minga.platform.Money;
import org.minga.platform.NotFoundException;
import org.minga.platform.Zones;
import org.minga.registry.MemberUnits;
import org.minga.registry.Schemes;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The shared services a scheme runs for its members and others: each line with its clients,
 * tariffs in effect by date and, for a landfill, the waste types it accepts.
 */
@Service
public class ServiceLines {

    public enum Type { LAND_USE_PERMITS, SOLID_WASTE, BUSINESS_DEVELOPMENT, JOB_PLACEMENT, TECHNICAL_ASSISTANCE, MACHINERY_LOAN, OTHER }

    public enum ClientKind { MEMBER, NON_MEMBER, PRIVATE_FIRM }

    public enum TariffUnit { TONNE, CASE, HOUR, SERVICE }

    public record Line(long id, long schemeId, Type type, String name, Currency currency, BigDecimal subsidyStandard,
            BigDecimal subsidyPreferential) {
    }

    public record Client(long id, long lineId, String code, String name, ClientKind kind, String unitCode) {
    }

    public record Tariff(long lineId, LocalDate validFrom, BigDecimal amount, TariffUnit unit) {
    }

    public record WasteType(String code, String name, boolean accepted) {
    }

    /** A new line: its type, its name in the scheme, the currency of its tariffs and invoices. */
    public record LineInput(String type, @NotBlank @Size(max = 300) String name, String currency) {
    }

    /** The business centre's subsidised percents: standard, and for women-owned, rural or associative firms. */
    public record CostShares(BigDecimal subsidyStandard, BigDecimal subsidyPreferential) {
    }

    public record ClientInput(@NotBlank @Size(max = 60) String code, @NotBlank @Size(max = 300) String name, String kind,
            @Size(max = 20) String unitCode) {
    }

    public record TariffInput(@NotNull LocalDate validFrom, BigDecimal amount, String unit) {
    }

    public record WasteTypeInput(@NotBlank @Size(max = 60) String code, @NotBlank @Size(max = 300) String name,
            @NotNull Boolean accepted) {
    }

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final JdbcClient jdbc;
    private final Scopes scopes;
    private final AuditLog audit;
    private final Schemes schemes;
    private final MemberUnits memberUnits;
    private final Zones zones;

    ServiceLines(JdbcClient jdbc, Scopes scopes, AuditLog audit, Schemes schemes, MemberUnits memberUnits, Zones zones) {
        this.memberUnits = memberUnits;
        this.jdbc = jdbc;
        this.scopes = scopes;
        this.audit = audit;
        this.schemes = schemes;
        this.zones = zones;
    }

    @Transactional
    public Line create(long schemeId, LineInput in) {
        scopes.requireSchemeWrite(schemeId);
        schemes.get(schemeId);
        Checks checks = new Checks().valid(in);
        Type t = checks.oneOf("type", Type.class, in.type());
        String n = Inputs.text(in.name());
        Currency currency = currency(checks, in.currency());
        checks.rule(n == null || !jdbc.sql("select exists (select 1 from service_line where scheme_id = :s and name = :n)")
                .param("s", schemeId).param("n", n).query(Boolean.class).single(), "name", "Unique", "services.line.duplicate", n);
        checks.orThrow();
        long id = jdbc.sql("insert into service_line (scheme_id, type, name, currency) values (:s, :t, :n, :c) returning id")
                .param("s", schemeId).param("t", t.name()).param("n", n).param("c", currency.name()).query(Long.class).single();
        Line line = line(id);
        audit.record(Change.created("service_line", id, schemeId, "Servicio " + n, state(line)));
        return line;
    }

    private static Currency currency(Checks checks, String value) {
        try {
            return Currency.parse(value, "currency");
        } catch (InvalidInputException e) {
            checks.addAll(e.violations());
            return null;
        }
    }

    /** Sets the business centre's subsidised percents (standard, and for women-owned, rural or associative firms). */
    @Transactional
    public Line setCostShares(long lineId, CostShares in) {
        Line before = line(lineId);
        scopes.requireSchemeWrite(before.schemeId());
        Checks checks = new Checks();
        BigDecimal standard = percent(checks, "subsidyStandard", in.subsidyStandard());
        BigDecimal preferential = percent(checks, "subsidyPreferential", in.subsidyPreferential());
        checks.rule(standard == null || preferential == null || preferential.compareTo(standard) >= 0, "subsidyPreferential",
                "AtLeastStandard", "services.subsidy.preferential");
        checks.orThrow();
        jdbc.sql("update service_line set subsidy_standard = :a, subsidy_preferential = :b where id = :id")
                .param("a", standard).param("b", preferential).param("id", lineId).update();
        Line after = line(lineId);
        audit.record(Change.updated("service_line", lineId, after.schemeId(), "Cofinanciación de " + after.name(),
                state(before), state(after)));
        return after;
    }

    /** A percent from 0 to 100 with at most two decimals; {@code Range} otherwise. */
    private static BigDecimal percent(Checks checks, String field, BigDecimal value) {
        boolean ok = value != null && value.signum() >= 0 && value.compareTo(HUNDRED) <= 0 && Money.fits(value);
        checks.rule(ok, field, "Range", "services.percent");
        return ok ? value : null;
    }

    @Transactional(readOnly = true)
    public Line line(long id) {
        return lines("id = :k", id).stream().findFirst().orElseThrow(() -> new NotFoundException("servicio", id));
    }

    /** The line, when the person signed in may write in its scheme. */
    @Transactional(readOnly = true)
    public Line forWrite(long lineId) {
        Line line = line(lineId);
        scopes.requireSchemeWrite(line.schemeId());
        return line;
    }

    /** The country of the line's scheme: where its members are units and whose day it is. */
    String country(Line line) {
        return schemes.get(line.schemeId()).getCountry().name();
    }

    /** The line of a type, when the person may write in its scheme; {@code rule} on {@code lineId} for another type. */
    Line forWrite(long lineId, Type type, String rule, String messageKey) {
        Line line = line(lineId);
        if (line.type() != type) {
            throw new InvalidInputException("lineId", rule, messageKey);
        }
        scopes.requireSchemeWrite(line.schemeId());
        return line;
    }

    /** The line, checked to belong to the scheme named in the address. */
    @Transactional(readOnly = true)
    public Line line(long schemeId, long id) {
        Line line = line(id);
        if (line.schemeId() != schemeId) {
            throw new NotFoundException("servicio", id);
        }
        return line;
    }

    @Transactional(readOnly = true)
    public List<Line> lines(long schemeId) {
        schemes.get(schemeId);
        return lines("scheme_id = :k", schemeId);
    }

    private List<Line> lines(String where, long key) {
        return jdbc.sql("""
                select id, scheme_id, type, name, currency, subsidy_standard, subsidy_preferential from service_line
                where %s order by id""".formatted(where)).param("k", key)
                .query((rs, n) -> new Line(rs.getLong("id"), rs.getLong("scheme_id"), Type.valueOf(rs.getString("type")),
                        rs.getString("name"), Currency.valueOf(rs.getString("currency")), rs.getBigDecimal("subsidy_standard"),
                        rs.getBigDecimal("subsidy_preferential"))).list();
    }

    // ---- clients -----------------------------------------------------------------------------

    @Transactional
    public Client addClient(long lineId, ClientInput in) {
        Line line = forWrite(lineId);
        Checks checks = new Checks().valid(in);
        String c = Inputs.text(in.code());
        String n = Inputs.text(in.name());
        ClientKind k = checks.oneOf("kind", ClientKind.class, in.kind());
        String unit = Inputs.text(in.unitCode());
        checks.rule(k != ClientKind.MEMBER || unit != null, "unitCode", "RequiredForMember", "services.client.unit");
        if (k == ClientKind.MEMBER && unit != null) {
            memberUnits.check(line.schemeId(), "unitCode", unit, zones.today(country(line))).ifPresent(checks::add);
        }
        if (k != null && k != ClientKind.MEMBER) {
            // A landfill really serves non-member municipalities and firms (ASINORLU's regional landfill):
            // those clients are allowed, and carry no unit, so they never count as members.
            unit = null;
        }
        checks.rule(c == null || !jdbc.sql("select exists (select 1 from service_client where service_line_id = :l and code = :c)")
                .param("l", lineId).param("c", c).query(Boolean.class).single(), "code", "Unique", "services.client.duplicate", c);
        checks.orThrow();
        long id = jdbc.sql("""
                insert into service_client (service_line_id, code, name, kind, unit_code) values (:l, :c, :n, :k, :u) returning id""")
                .param("l", lineId).param("c", c).param("n", n).param("k", k.name()).param("u", unit).query(Long.class).single();
        Client client = new Client(id, lineId, c, n, k, unit);
        audit.record(Change.created("service_client", id, line.schemeId(), "Cliente " + n + " de " + line.name(),
                Map.of("code", c, "name", n, "kind", k.name(), "unitCode", unit == null ? "" : unit)));
        return client;
    }

    @Transactional(readOnly = true)
    public List<Client> clients(long lineId) {
        return jdbc.sql("select id, service_line_id, code, name, kind, unit_code from service_client where service_line_id = :l order by code")
                .param("l", lineId).query((rs, n) -> new Client(rs.getLong("id"), rs.getLong("service_line_id"), rs.getString("code"),
                        rs.getString("name"), ClientKind.valueOf(rs.getString("kind")), rs.getString("unit_code"))).list();
    }

    // ---- tariffs -----------------------------------------------------------------------------

    /** A tariff in effect from a date until the next one; setting the same date again replaces it. */
    @Transactional
    public Tariff setTariff(long lineId, TariffInput in) {
        Line line = forWrite(lineId);
        Checks checks = new Checks().valid(in);
        Money amount = checks.money("amount", in.amount(), "currency", line.currency().name(), false);
        TariffUnit u = checks.oneOf("unit", TariffUnit.class, in.unit());
        checks.orThrow();
        LocalDate validFrom = in.validFrom();
        var before = jdbc.sql("select amount from service_tariff where service_line_id = :l and valid_from = :d")
                .param("l", lineId).param("d", validFrom).query(BigDecimal.class).optional();
        jdbc.sql("""
                insert into service_tariff (service_line_id, valid_from, amount, unit) values (:l, :d, :a, :u)
                on conflict (service_line_id, valid_from) do update set amount = excluded.amount, unit = excluded.unit""")
                .param("l", lineId).param("d", validFrom).param("a", in.amount()).param("u", u.name()).update();
        Map<String, Object> after = Map.of("validFrom", validFrom.toString(), "amount", in.amount().toPlainString(), "unit", u.name());
        String key = lineId + "/" + validFrom;
        audit.record(before.isPresent()
                ? Change.updated("service_tariff", key, line.schemeId(), "Tarifa de " + line.name(),
                        Map.of("amount", before.get().toPlainString()), after)
                : Change.created("service_tariff", key, line.schemeId(), "Tarifa de " + line.name(), after));
        return new Tariff(lineId, validFrom, in.amount(), u);
    }

    @Transactional(readOnly = true)
    public List<Tariff> tariffs(long lineId) {
        return jdbc.sql("select service_line_id, valid_from, amount, unit from service_tariff where service_line_id = :l order by valid_from")
                .param("l", lineId).query((rs, n) -> new Tariff(rs.getLong("service_line_id"), rs.getObject("valid_from", LocalDate.class),
                        rs.getBigDecimal("amount"), TariffUnit.valueOf(rs.getString("unit")))).list();
    }

    @Transactional(readOnly = true)
    public Optional<Tariff> tariffAt(long lineId, LocalDate on) {
        return tariffs(lineId).stream().filter(t -> !t.validFrom().isAfter(on)).reduce((a, b) -> b);
    }

    // ---- waste types -------------------------------------------------------------------------

    @Transactional
    public WasteType setWasteType(long lineId, WasteTypeInput in) {
        Line line = forWrite(lineId);
        Checks checks = new Checks().valid(in);
        String c = Inputs.text(in.code());
        String n = Inputs.text(in.name());
        checks.rule(line.type() == Type.SOLID_WASTE, "code", "SolidWasteOnly", "services.waste.lineType");
        checks.orThrow();
        var before = jdbc.sql("select accepted from service_waste_type where service_line_id = :l and code = :c")
                .param("l", lineId).param("c", c).query(Boolean.class).optional();
        jdbc.sql("""
                insert into service_waste_type (service_line_id, code, name, accepted) values (:l, :c, :n, :a)
                on conflict (service_line_id, code) do update set name = excluded.name, accepted = excluded.accepted""")
                .param("l", lineId).param("c", c).param("n", n).param("a", in.accepted()).update();
        Map<String, Object> after = Map.of("code", c, "name", n, "accepted", in.accepted());
        audit.record(before.isPresent()
                ? Change.updated("service_waste_type", lineId + "/" + c, line.schemeId(), "Tipo de residuo " + n,
                        Map.of("accepted", before.get()), after)
                : Change.created("service_waste_type", lineId + "/" + c, line.schemeId(), "Tipo de residuo " + n, after));
        return new WasteType(c, n, in.accepted());
    }

    @Transactional(readOnly = true)
    public List<WasteType> wasteTypes(long lineId) {
        return jdbc.sql("select code, name, accepted from service_waste_type where service_line_id = :l order by code")
                .param("l", lineId).query((rs, n) -> new WasteType(rs.getString("code"), rs.getString("name"),
                        rs.getBoolean("accepted"))).list();
    }

    static Map<String, Object> state(Line line) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", line.type().name());
        m.put("name", line.name());
        m.put("currency", line.currency().name());
        m.put("subsidyStandard", line.subsidyStandard().toPlainString());
        m.put("subsidyPreferential", line.subsidyPreferential().toPlainString());
        return m;
    }

}
