package org.minga.services;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.minga.identity.Scopes;
import org.minga.platform.AuditLog;
import org.minga.platform.AuditLog.Change;
import org.minga.platform.InvalidInputException;
import org.minga.platform.InvalidInputException.Violation;
import org.minga.platform.NotFoundException;
import org.minga.platform.SystemActor;
import org.minga.registry.Schemes;
import org.minga.services.internal.LargestRemainder;
import org.minga.services.internal.Rules;
import org.minga.territory.Territory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A service's costs for a period allocated among its members (its member clients) by a driver,
 * in whole currency units with the arithmetic kept; and cost recovery: whether the service's
 * revenue covers its costs, or members must still contribute (ASINORLU stopped contributions six
 * months in, when disposal fees covered the landfill's costs).
 */
@Service
public class CostAllocation {

    public enum Driver { TONNES, CASES, POPULATION, EQUAL, CUSTOM }

    public record PoolInput(LocalDate periodFrom, LocalDate periodTo, BigDecimal amount, String driver, String description,
            Map<String, BigDecimal> weights) {
    }

    public record Share(String unitCode, String name, BigDecimal basis, BigDecimal quota, BigDecimal whole,
            BigDecimal fraction, boolean extraUnit, BigDecimal share) {
    }

    public record Pool(long id, long lineId, LocalDate periodFrom, LocalDate periodTo, BigDecimal amount, String currency,
            Driver driver, String description, BigDecimal totalBasis, List<Share> shares) {
    }

    public record Recovery(long lineId, LocalDate from, LocalDate to, String currency, BigDecimal cost, BigDecimal revenue,
            BigDecimal ratio, boolean contributionsNeeded, BigDecimal gap, Map<String, BigDecimal> revenueByMonth) {
    }

    private final JdbcClient jdbc;
    private final Scopes scopes;
    private final AuditLog audit;
    private final ServiceLines lines;
    private final Schemes schemes;
    private final Territory territory;

    CostAllocation(JdbcClient jdbc, Scopes scopes, AuditLog audit, ServiceLines lines, Schemes schemes, Territory territory) {
        this.jdbc = jdbc;
        this.scopes = scopes;
        this.audit = audit;
        this.lines = lines;
        this.schemes = schemes;
        this.territory = territory;
    }

    @Transactional
    public Pool allocate(long lineId, PoolInput in) {
        ServiceLines.Line line = lines.line(lineId);
        scopes.requireSchemeWrite(line.schemeId());
        List<Violation> errors = new ArrayList<>();
        Rules.required(in.periodFrom(), "periodFrom", errors);
        Rules.required(in.periodTo(), "periodTo", errors);
        if (in.periodFrom() != null && in.periodTo() != null && in.periodTo().isBefore(in.periodFrom())) {
            errors.add(new Violation("periodTo", "AfterFrom", "services.pool.period"));
        }
        if (in.amount() == null || in.amount().signum() <= 0 || in.amount().stripTrailingZeros().scale() > 0
                || in.amount().compareTo(new BigDecimal("1e15")) >= 0) {
            errors.add(new Violation("amount", "WholeUnits", "services.pool.amount"));
        }
        Driver driver = Rules.oneOf(Driver.class, in.driver(), "driver", errors);
        String description = Rules.text(in.description(), "description", errors);
        Rules.throwIfAny(errors);
        List<String> members = members(lineId);
        if (members.isEmpty()) {
            throw new InvalidInputException("driver", "NoMembers", "services.pool.noMembers");
        }
        Map<String, BigDecimal> bases = bases(line, driver, members, in);
        if (bases.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add).signum() <= 0) {
            throw new InvalidInputException("driver", "ZeroBasis", "services.pool.zeroBasis");
        }
        List<LargestRemainder.Part> parts = LargestRemainder.split(in.amount().setScale(0), bases);
        long id = jdbc.sql("""
                insert into cost_pool (service_line_id, period_from, period_to, amount, driver, description, created_by)
                values (:l, :f, :t, :a, :d, :x, :by) returning id""").param("l", lineId).param("f", in.periodFrom())
                .param("t", in.periodTo()).param("a", in.amount()).param("d", driver.name()).param("x", description)
                .param("by", SystemActor.current()).query(Long.class).single();
        for (var p : parts) {
            jdbc.sql("insert into cost_pool_share (pool_id, unit_code, basis, quota, share) values (:p, :u, :b, :q, :s)")
                    .param("p", id).param("u", p.code()).param("b", p.basis()).param("q", p.quota()).param("s", p.share()).update();
        }
        Pool pool = pool(id);
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("period", in.periodFrom() + "/" + in.periodTo());
        state.put("amount", in.amount().toPlainString());
        state.put("driver", driver.name());
        Map<String, String> shares = new TreeMap<>();
        pool.shares().forEach(s -> shares.put(s.unitCode(), s.share().toPlainString()));
        state.put("shares", shares);
        audit.record(Change.created("cost_pool", id, line.schemeId(), "Distribución de costos de " + line.name() + ": " + description,
                state));
        return pool;
    }

    /** The member units of a line: its member clients' units, each once. */
    List<String> members(long lineId) {
        return jdbc.sql("select distinct unit_code from service_client where service_line_id = :l and kind = 'MEMBER' order by 1")
                .param("l", lineId).query(String.class).list();
    }

    private Map<String, BigDecimal> bases(ServiceLines.Line line, Driver driver, List<String> members, PoolInput in) {
        Map<String, BigDecimal> bases = new LinkedHashMap<>();
        members.forEach(m -> bases.put(m, BigDecimal.ZERO));
        switch (driver) {
            case EQUAL -> members.forEach(m -> bases.put(m, BigDecimal.ONE));
            case TONNES -> jdbc.sql("""
                    select c.unit_code, sum(t.net_kg) from weighing_ticket t join service_client c on c.id = t.client_id
                    where t.service_line_id = :l and c.kind = 'MEMBER' and t.refusal_reason is null
                      and t.weighed_at >= :f and t.weighed_at < :t group by c.unit_code""").param("l", line.id())
                    .param("f", in.periodFrom().atStartOfDay()).param("t", in.periodTo().plusDays(1).atStartOfDay())
                    .query((rs, n) -> Map.entry(rs.getString(1), BigDecimal.valueOf(rs.getLong(2), 3))).list()
                    .forEach(e -> bases.put(e.getKey(), e.getValue()));
            case CASES -> jdbc.sql("""
                    select s.unit_code, count(*) from service_case s join case_type t on t.id = s.case_type_id
                    where t.service_line_id = :l and s.opened_at >= :f and s.opened_at < :t and s.unit_code in (:u)
                    group by s.unit_code""").param("l", line.id())
                    .param("f", java.sql.Timestamp.valueOf(in.periodFrom().atStartOfDay()))
                    .param("t", java.sql.Timestamp.valueOf(in.periodTo().plusDays(1).atStartOfDay())).param("u", members)
                    .query((rs, n) -> Map.entry(rs.getString(1), BigDecimal.valueOf(rs.getLong(2)))).list()
                    .forEach(e -> bases.put(e.getKey(), e.getValue()));
            case POPULATION -> {
                String country = schemes.get(line.schemeId()).getCountry().name();
                Map<String, String> population = territory.attributeAt(country, members, "population", in.periodTo());
                List<String> missing = new ArrayList<>();
                for (String m : members) {
                    BigDecimal p = parse(population.get(m));
                    if (p == null) {
                        missing.add(m);
                    } else {
                        bases.put(m, p);
                    }
                }
                if (!missing.isEmpty()) {
                    throw new InvalidInputException("driver", "Population", "services.pool.population", String.join(", ", missing));
                }
            }
            case CUSTOM -> {
                Map<String, BigDecimal> weights = in.weights() == null ? Map.of() : in.weights();
                List<String> unknown = weights.keySet().stream().filter(k -> !members.contains(k)).sorted().toList();
                List<String> missing = members.stream().filter(m -> weights.get(m) == null).toList();
                if (!unknown.isEmpty() || !missing.isEmpty()
                        || weights.values().stream().anyMatch(w -> w == null || w.signum() < 0 || w.scale() > 6)) {
                    throw new InvalidInputException("weights", "OnePerMember", "services.pool.weights",
                            String.join(", ", members));
                }
                members.forEach(m -> bases.put(m, weights.get(m)));
            }
        }
        return bases;
    }

    private static BigDecimal parse(String value) {
        try {
            BigDecimal v = value == null ? null : new BigDecimal(value.strip());
            return v == null || v.signum() <= 0 ? null : v;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    @Transactional(readOnly = true)
    public Pool pool(long id) {
        var head = jdbc.sql("""
                select p.service_line_id, p.period_from, p.period_to, p.amount, l.currency, p.driver, p.description, l.scheme_id
                from cost_pool p join service_line l on l.id = p.service_line_id where p.id = :id""").param("id", id)
                .query((rs, n) -> new Object[] {rs.getLong(1), rs.getObject(2, LocalDate.class), rs.getObject(3, LocalDate.class),
                        rs.getBigDecimal(4), rs.getString(5), Driver.valueOf(rs.getString(6)), rs.getString(7), rs.getLong(8)})
                .optional().orElseThrow(() -> new NotFoundException("distribución de costos", id));
        BigDecimal amount = (BigDecimal) head[3];
        var rows = jdbc.sql("select unit_code, basis, quota, share from cost_pool_share where pool_id = :p order by unit_code")
                .param("p", id).query((rs, n) -> new Object[] {rs.getString(1), rs.getBigDecimal(2), rs.getBigDecimal(3),
                        rs.getBigDecimal(4)}).list();
        BigDecimal total = rows.stream().map(r -> (BigDecimal) r[1]).reduce(BigDecimal.ZERO, BigDecimal::add);
        Map<String, String> names = new LinkedHashMap<>();
        jdbc.sql("select unit_code, min(name) from service_client where service_line_id = :l and kind = 'MEMBER' group by unit_code")
                .param("l", head[0]).query((rs, n) -> Map.entry(rs.getString(1), rs.getString(2))).list()
                .forEach(e -> names.put(e.getKey(), e.getValue()));
        // The arithmetic is recomputed from the stored bases (the split is deterministic); the shares are the stored ones.
        Map<String, BigDecimal> bases = new LinkedHashMap<>();
        rows.forEach(r -> bases.put((String) r[0], (BigDecimal) r[1]));
        Map<String, BigDecimal> stored = new LinkedHashMap<>();
        rows.forEach(r -> stored.put((String) r[0], ((BigDecimal) r[3]).setScale(0)));
        List<Share> shares = new ArrayList<>();
        if (total.signum() > 0) {
            for (var p : LargestRemainder.split(amount.setScale(0), bases)) {
                shares.add(new Share(p.code(), names.getOrDefault(p.code(), p.code()), p.basis().stripTrailingZeros(), p.quota(),
                        p.whole(), p.fraction(), p.extra(), stored.get(p.code())));
            }
        }
        return new Pool(id, (Long) head[0], (LocalDate) head[1], (LocalDate) head[2], amount.setScale(0), (String) head[4],
                (Driver) head[5], (String) head[6], total, shares);
    }

    @Transactional(readOnly = true)
    public List<Pool> pools(long lineId) {
        return jdbc.sql("select id from cost_pool where service_line_id = :l order by period_from desc, id desc limit 100")
                .param("l", lineId).query(Long.class).list().stream().map(this::pool).toList();
    }

    /**
     * Revenue against cost for a period: invoices issued for its months plus the firms' shares of
     * subsidised assistance, against the cost pools inside it. Contributions are still needed while
     * revenue falls short of cost.
     */
    @Transactional(readOnly = true)
    public Recovery recovery(long lineId, LocalDate from, LocalDate to) {
        ServiceLines.Line line = lines.line(lineId);
        if (from == null || to == null || to.isBefore(from)) {
            throw new InvalidInputException("to", "AfterFrom", "services.pool.period");
        }
        BigDecimal cost = jdbc.sql("""
                select coalesce(sum(amount), 0) from cost_pool where service_line_id = :l and period_from >= :f and period_to <= :t""")
                .param("l", lineId).param("f", from).param("t", to).query(BigDecimal.class).single();
        Map<String, BigDecimal> byMonth = new TreeMap<>();
        jdbc.sql("""
                select to_char(month, 'YYYY-MM'), sum(total) from service_invoice where service_line_id = :l
                  and month >= date_trunc('month', cast(:f as date)) and month <= :t group by 1
                union all
                select to_char(a.approved_on, 'YYYY-MM'), sum(a.firm_share) from bc_assistance a join bc_firm f on f.id = a.firm_id
                where f.service_line_id = :l and a.approved_on between :f and :t group by 1""")
                .param("l", lineId).param("f", from).param("t", to)
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getBigDecimal(2))).list()
                .forEach(e -> byMonth.merge(e.getKey(), e.getValue(), BigDecimal::add));
        BigDecimal revenue = byMonth.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add).setScale(2);
        BigDecimal ratio = cost.signum() == 0 ? null : revenue.divide(cost, 4, RoundingMode.HALF_EVEN);
        boolean needed = revenue.compareTo(cost) < 0;
        return new Recovery(lineId, from, to, line.currency(), cost.setScale(2), revenue, ratio, needed,
                needed ? cost.subtract(revenue).setScale(2) : BigDecimal.ZERO.setScale(2), byMonth);
    }
}
