package org.minga.services;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.minga.platform.AuditLog;
import org.minga.platform.AuditLog.Change;
import org.minga.platform.Checks;
import org.minga.platform.Currency;
import org.minga.platform.Inputs;
import org.minga.platform.InvalidInputException;
import org.minga.platform.Money;
import org.minga.platform.NotFoundException;
import org.minga.platform.SystemActor;
import org.minga.services.internal.LargestRemainder;
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

    public record PoolInput(LocalDate periodFrom, LocalDate periodTo, BigDecimal amount, String driver,
            @NotBlank @Size(max = 500) String description, Map<String, BigDecimal> weights) {
    }

    public record Share(String unitCode, String name, BigDecimal basis, BigDecimal quota, BigDecimal whole,
            BigDecimal fraction, boolean extraUnit, BigDecimal share) {
    }

    public record Pool(long id, long lineId, LocalDate periodFrom, LocalDate periodTo, BigDecimal amount, Currency currency,
            Driver driver, String description, BigDecimal totalBasis, List<Share> shares) {
    }

    public record Recovery(long lineId, LocalDate from, LocalDate to, Currency currency, BigDecimal cost, BigDecimal revenue,
            BigDecimal ratio, boolean contributionsNeeded, BigDecimal gap, Map<String, BigDecimal> revenueByMonth) {
    }

    private static final BigDecimal LIMIT = BigDecimal.TEN.pow(Money.INTEGER_DIGITS);

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final ServiceLines lines;
    private final Territory territory;

    CostAllocation(JdbcClient jdbc, AuditLog audit, ServiceLines lines, Territory territory) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.lines = lines;
        this.territory = territory;
    }

    @Transactional
    public Pool allocate(long lineId, PoolInput in) {
        ServiceLines.Line line = lines.forWrite(lineId);
        Checks checks = new Checks().valid(in);
        checks.required("periodFrom", in.periodFrom());
        checks.required("periodTo", in.periodTo());
        checks.rule(in.periodFrom() == null || in.periodTo() == null || !in.periodTo().isBefore(in.periodFrom()), "periodTo",
                "AfterFrom", "services.pool.period");
        // Shares are whole currency units (see LargestRemainder), so the amount is too.
        checks.rule(in.amount() != null && in.amount().signum() > 0 && in.amount().stripTrailingZeros().scale() <= 0
                && in.amount().compareTo(LIMIT) < 0, "amount", "WholeUnits", "services.pool.amount");
        Driver driver = checks.oneOf("driver", Driver.class, in.driver());
        checks.orThrow();
        String description = Inputs.text(in.description());
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
                    select c.unit_code, sum(t.net_kg) as kg from weighing_ticket t join service_client c on c.id = t.client_id
                    where t.service_line_id = :l and c.kind = 'MEMBER' and t.refusal_reason is null and t.voided_at is null
                      and t.weighed_at >= :f and t.weighed_at < :t group by c.unit_code""").param("l", line.id())
                    .param("f", in.periodFrom().atStartOfDay()).param("t", in.periodTo().plusDays(1).atStartOfDay())
                    .query((rs, n) -> Map.entry(rs.getString("unit_code"), BigDecimal.valueOf(rs.getLong("kg"), 3))).list()
                    .forEach(e -> bases.put(e.getKey(), e.getValue()));
            case CASES -> jdbc.sql("""
                    select s.unit_code, count(*) as cases from service_case s join case_type t on t.id = s.case_type_id
                    where t.service_line_id = :l and s.opened_at >= :f and s.opened_at < :t and s.unit_code in (:u)
                    group by s.unit_code""").param("l", line.id())
                    .param("f", java.sql.Timestamp.valueOf(in.periodFrom().atStartOfDay()))
                    .param("t", java.sql.Timestamp.valueOf(in.periodTo().plusDays(1).atStartOfDay())).param("u", members)
                    .query((rs, n) -> Map.entry(rs.getString("unit_code"), BigDecimal.valueOf(rs.getLong("cases")))).list()
                    .forEach(e -> bases.put(e.getKey(), e.getValue()));
            case POPULATION -> {
                Map<String, String> population = territory.attributeAt(lines.country(line), members, "population",
                        in.periodTo());
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

    /** A pool's head row. */
    record Head(long serviceLineId, LocalDate periodFrom, LocalDate periodTo, BigDecimal amount, Currency currency, Driver driver,
            String description) {
    }

    /** A member's stored part of a pool. */
    record Part(String unitCode, BigDecimal basis, BigDecimal quota, BigDecimal share) {
    }

    @Transactional(readOnly = true)
    public Pool pool(long id) {
        Head head = jdbc.sql("""
                select p.service_line_id, p.period_from, p.period_to, p.amount, l.currency, p.driver, p.description
                from cost_pool p join service_line l on l.id = p.service_line_id where p.id = :id""").param("id", id)
                .query(Head.class).optional().orElseThrow(() -> new NotFoundException("distribución de costos", id));
        List<Part> parts = jdbc.sql("select unit_code, basis, quota, share from cost_pool_share where pool_id = :p order by unit_code")
                .param("p", id).query(Part.class).list();
        BigDecimal total = parts.stream().map(Part::basis).reduce(BigDecimal.ZERO, BigDecimal::add);
        Map<String, String> names = new LinkedHashMap<>();
        jdbc.sql("select unit_code, min(name) as name from service_client where service_line_id = :l and kind = 'MEMBER' group by unit_code")
                .param("l", head.serviceLineId()).query((rs, n) -> Map.entry(rs.getString("unit_code"), rs.getString("name"))).list()
                .forEach(e -> names.put(e.getKey(), e.getValue()));
        // The arithmetic is recomputed from the stored bases (the split is deterministic); the shares are the stored ones.
        Map<String, BigDecimal> bases = new LinkedHashMap<>();
        Map<String, BigDecimal> stored = new LinkedHashMap<>();
        parts.forEach(p -> {
            bases.put(p.unitCode(), p.basis());
            stored.put(p.unitCode(), p.share().setScale(0));
        });
        List<Share> shares = new ArrayList<>();
        if (total.signum() > 0) {
            for (var p : LargestRemainder.split(head.amount().setScale(0), bases)) {
                shares.add(new Share(p.code(), names.getOrDefault(p.code(), p.code()), p.basis().stripTrailingZeros(), p.quota(),
                        p.whole(), p.fraction(), p.extra(), stored.get(p.code())));
            }
        }
        return new Pool(id, head.serviceLineId(), head.periodFrom(), head.periodTo(), head.amount().setScale(0), head.currency(),
                head.driver(), head.description(), total, shares);
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
                select to_char(month, 'YYYY-MM') as month, sum(total) as revenue from service_invoice where service_line_id = :l and voided_at is null
                  and month >= date_trunc('month', cast(:f as date)) and month <= :t group by 1
                union all
                select to_char(a.approved_on, 'YYYY-MM'), sum(a.firm_share) from bc_assistance a join bc_firm f on f.id = a.firm_id
                where f.service_line_id = :l and a.approved_on between :f and :t group by 1""")
                .param("l", lineId).param("f", from).param("t", to)
                .query((rs, n) -> Map.entry(rs.getString("month"), rs.getBigDecimal("revenue"))).list()
                .forEach(e -> byMonth.merge(e.getKey(), e.getValue(), BigDecimal::add));
        BigDecimal revenue = byMonth.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add).setScale(2);
        BigDecimal ratio = cost.signum() == 0 ? null : revenue.divide(cost, 4, RoundingMode.HALF_EVEN);
        boolean needed = revenue.compareTo(cost) < 0;
        return new Recovery(lineId, from, to, line.currency(), cost.setScale(2), revenue, ratio, needed,
                needed ? cost.subtract(revenue).setScale(2) : BigDecimal.ZERO.setScale(2), byMonth);
    }
}
