package org.minga.services;


import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.minga.identity.Scopes;
import org.minga.platform.AuditLog;
import org.minga.platform.AuditLog.Change;
import org.minga.platform.InvalidInputException.Violation;
import org.minga.platform.NotFoundException;
import org.minga.registry.MemberUnits;
import org.minga.registry.Schemes;
import org.minga.services.internal.Rules;
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

    public record Line(long id, long schemeId, Type type, String name, String currency, BigDecimal subsidyStandard,
            BigDecimal subsidyPreferential) {
    }

    public record Client(long id, long lineId, String code, String name, ClientKind kind, String unitCode) {
    }

    public record Tariff(long lineId, LocalDate validFrom, BigDecimal amount, TariffUnit unit) {
    }

    public record WasteType(String code, String name, boolean accepted) {
    }

    private final JdbcClient jdbc;
    private final Scopes scopes;
    private final AuditLog audit;
    private final Schemes schemes;
    private final MemberUnits memberUnits;

    ServiceLines(JdbcClient jdbc, Scopes scopes, AuditLog audit, Schemes schemes, MemberUnits memberUnits) {
        this.memberUnits = memberUnits;
        this.jdbc = jdbc;
        this.scopes = scopes;
        this.audit = audit;
        this.schemes = schemes;
    }

    @Transactional
    public Line create(long schemeId, String type, String name, String currency) {
        scopes.requireSchemeWrite(schemeId);
        schemes.get(schemeId);
        List<Violation> errors = new ArrayList<>();
        Type t = Rules.oneOf(Type.class, type, "type", errors);
        String n = Rules.text(name, "name", errors);
        Rules.currency(currency, "currency", errors);
        if (n != null && jdbc.sql("select count(*) from service_line where scheme_id = :s and name = :n").param("s", schemeId)
                .param("n", n).query(Integer.class).single() > 0) {
            errors.add(new Violation("name", "Unique", "services.line.duplicate", n));
        }
        Rules.throwIfAny(errors);
        long id = jdbc.sql("insert into service_line (scheme_id, type, name, currency) values (:s, :t, :n, :c) returning id")
                .param("s", schemeId).param("t", t.name()).param("n", n).param("c", currency).query(Long.class).single();
        Line line = line(id);
        audit.record(Change.created("service_line", id, schemeId, "Servicio " + n, state(line)));
        return line;
    }

    /** Sets the business centre's subsidised percents (standard, and for women-owned, rural or associative firms). */
    @Transactional
    public Line setCostShares(long lineId, BigDecimal standard, BigDecimal preferential) {
        Line before = line(lineId);
        scopes.requireSchemeWrite(before.schemeId());
        List<Violation> errors = new ArrayList<>();
        for (var p : List.of(Map.entry("subsidyStandard", Optional.ofNullable(standard)),
                Map.entry("subsidyPreferential", Optional.ofNullable(preferential)))) {
            BigDecimal v = p.getValue().orElse(null);
            if (v == null || v.signum() < 0 || v.compareTo(BigDecimal.valueOf(100)) > 0 || v.stripTrailingZeros().scale() > 2) {
                errors.add(new Violation(p.getKey(), "Range", "services.percent"));
            }
        }
        if (errors.isEmpty() && preferential.compareTo(standard) < 0) {
            errors.add(new Violation("subsidyPreferential", "AtLeastStandard", "services.subsidy.preferential"));
        }
        Rules.throwIfAny(errors);
        jdbc.sql("update service_line set subsidy_standard = :a, subsidy_preferential = :b where id = :id")
                .param("a", standard).param("b", preferential).param("id", lineId).update();
        Line after = line(lineId);
        audit.record(Change.updated("service_line", lineId, after.schemeId(), "Cofinanciación de " + after.name(),
                state(before), state(after)));
        return after;
    }

    @Transactional(readOnly = true)
    public Line line(long id) {
        return jdbc.sql("""
                select id, scheme_id, type, name, currency, subsidy_standard, subsidy_preferential from service_line where id = :id""")
                .param("id", id).query((rs, n) -> new Line(rs.getLong(1), rs.getLong(2), Type.valueOf(rs.getString(3)),
                        rs.getString(4), rs.getString(5), rs.getBigDecimal(6), rs.getBigDecimal(7)))
                .optional().orElseThrow(() -> new NotFoundException("servicio", id));
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
        return jdbc.sql("select id from service_line where scheme_id = :s order by id").param("s", schemeId)
                .query(Long.class).list().stream().map(this::line).toList();
    }

    // ---- clients -----------------------------------------------------------------------------

    @Transactional
    public Client addClient(long lineId, String code, String name, String kind, String unitCode) {
        Line line = line(lineId);
        scopes.requireSchemeWrite(line.schemeId());
        List<Violation> errors = new ArrayList<>();
        String c = Rules.text(code, "code", errors);
        String n = Rules.text(name, "name", errors);
        ClientKind k = Rules.oneOf(ClientKind.class, kind, "kind", errors);
        String unit = Rules.optional(unitCode);
        if (k == ClientKind.MEMBER && unit == null) {
            errors.add(new Violation("unitCode", "RequiredForMember", "services.client.unit"));
        }
        if (k == ClientKind.MEMBER && unit != null) {
            memberUnits.check(line.schemeId(), "unitCode", unit, LocalDate.now()).ifPresent(errors::add);
        }
        if (k != null && k != ClientKind.MEMBER) {
            // A landfill really serves non-member municipalities and firms (ASINORLU's regional landfill):
            // those clients are allowed, and carry no unit, so they never count as members.
            unit = null;
        }
        if (c != null && jdbc.sql("select count(*) from service_client where service_line_id = :l and code = :c")
                .param("l", lineId).param("c", c).query(Integer.class).single() > 0) {
            errors.add(new Violation("code", "Unique", "services.client.duplicate", c));
        }
        Rules.throwIfAny(errors);
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
                .param("l", lineId).query((rs, n) -> new Client(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                        ClientKind.valueOf(rs.getString(5)), rs.getString(6))).list();
    }

    // ---- tariffs -----------------------------------------------------------------------------

    /** A tariff in effect from a date until the next one; setting the same date again replaces it. */
    @Transactional
    public Tariff setTariff(long lineId, LocalDate validFrom, BigDecimal amount, String unit) {
        Line line = line(lineId);
        scopes.requireSchemeWrite(line.schemeId());
        List<Violation> errors = new ArrayList<>();
        Rules.required(validFrom, "validFrom", errors);
        Rules.money(amount, "amount", false, errors);
        TariffUnit u = Rules.oneOf(TariffUnit.class, unit, "unit", errors);
        Rules.throwIfAny(errors);
        var before = jdbc.sql("select amount from service_tariff where service_line_id = :l and valid_from = :d")
                .param("l", lineId).param("d", validFrom).query(BigDecimal.class).optional();
        jdbc.sql("""
                insert into service_tariff (service_line_id, valid_from, amount, unit) values (:l, :d, :a, :u)
                on conflict (service_line_id, valid_from) do update set amount = excluded.amount, unit = excluded.unit""")
                .param("l", lineId).param("d", validFrom).param("a", amount).param("u", u.name()).update();
        Map<String, Object> after = Map.of("validFrom", validFrom.toString(), "amount", amount.toPlainString(), "unit", u.name());
        String key = lineId + "/" + validFrom;
        audit.record(before.isPresent()
                ? Change.updated("service_tariff", key, line.schemeId(), "Tarifa de " + line.name(),
                        Map.of("amount", before.get().toPlainString()), after)
                : Change.created("service_tariff", key, line.schemeId(), "Tarifa de " + line.name(), after));
        return new Tariff(lineId, validFrom, amount, u);
    }

    @Transactional(readOnly = true)
    public List<Tariff> tariffs(long lineId) {
        return jdbc.sql("select service_line_id, valid_from, amount, unit from service_tariff where service_line_id = :l order by valid_from")
                .param("l", lineId).query((rs, n) -> new Tariff(rs.getLong(1), rs.getObject(2, LocalDate.class),
                        rs.getBigDecimal(3), TariffUnit.valueOf(rs.getString(4)))).list();
    }

    @Transactional(readOnly = true)
    public Optional<Tariff> tariffAt(long lineId, LocalDate on) {
        return tariffs(lineId).stream().filter(t -> !t.validFrom().isAfter(on)).reduce((a, b) -> b);
    }

    // ---- waste types -------------------------------------------------------------------------

    @Transactional
    public WasteType setWasteType(long lineId, String code, String name, Boolean accepted) {
        Line line = line(lineId);
        scopes.requireSchemeWrite(line.schemeId());
        List<Violation> errors = new ArrayList<>();
        String c = Rules.text(code, "code", errors);
        String n = Rules.text(name, "name", errors);
        Rules.required(accepted, "accepted", errors);
        if (line.type() != Type.SOLID_WASTE) {
            errors.add(new Violation("code", "SolidWasteOnly", "services.waste.lineType"));
        }
        Rules.throwIfAny(errors);
        var before = jdbc.sql("select accepted from service_waste_type where service_line_id = :l and code = :c")
                .param("l", lineId).param("c", c).query(Boolean.class).optional();
        jdbc.sql("""
                insert into service_waste_type (service_line_id, code, name, accepted) values (:l, :c, :n, :a)
                on conflict (service_line_id, code) do update set name = excluded.name, accepted = excluded.accepted""")
                .param("l", lineId).param("c", c).param("n", n).param("a", accepted).update();
        Map<String, Object> after = Map.of("code", c, "name", n, "accepted", accepted);
        audit.record(before.isPresent()
                ? Change.updated("service_waste_type", lineId + "/" + c, line.schemeId(), "Tipo de residuo " + n,
                        Map.of("accepted", before.get()), after)
                : Change.created("service_waste_type", lineId + "/" + c, line.schemeId(), "Tipo de residuo " + n, after));
        return new WasteType(c, n, accepted);
    }

    @Transactional(readOnly = true)
    public List<WasteType> wasteTypes(long lineId) {
        return jdbc.sql("select code, name, accepted from service_waste_type where service_line_id = :l order by code")
                .param("l", lineId).query((rs, n) -> new WasteType(rs.getString(1), rs.getString(2), rs.getBoolean(3))).list();
    }

    static Map<String, Object> state(Line line) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", line.type().name());
        m.put("name", line.name());
        m.put("currency", line.currency());
        m.put("subsidyStandard", line.subsidyStandard().toPlainString());
        m.put("subsidyPreferential", line.subsidyPreferential().toPlainString());
        return m;
    }

}
