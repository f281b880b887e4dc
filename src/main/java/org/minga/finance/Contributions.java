package org.minga.finance;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.minga.finance.internal.Allocation;
import org.minga.identity.Scopes;
import org.minga.platform.AuditLog;
import org.minga.platform.AuditLog.Change;
import org.minga.platform.InvalidInputException;
import org.minga.platform.InvalidInputException.Violation;
import org.minga.platform.NotFoundException;
import org.minga.registry.Scheme;
import org.minga.registry.Schemes;
import org.minga.territory.TerritorialUnit;
import org.minga.territory.Territory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The members' contributions to their scheme: rules per year, declared bases, obligations per
 * member and period, payments applied to the oldest open obligations, arrears by age and the
 * member's statement. Every write checks the scheme scope first and is audited in its transaction.
 */
@Service
public class Contributions {

    public enum Kind { FIXED, EQUAL_SPLIT, PERCENT_OF_BASE, BY_POPULATION, IN_KIND }

    public enum Periodicity {
        MONTHLY(12), QUARTERLY(4), YEARLY(1);

        private final int periods;

        Periodicity(int periods) {
            this.periods = periods;
        }

        public int periods() {
            return periods;
        }
    }

    public static final Set<String> CURRENCIES = Set.of("COP", "USD");

    public record RuleInput(Integer year, String name, String kind, BigDecimal amount, BigDecimal percent,
            String periodicity, String currency, Integer dueDay, List<String> members) {
    }

    public record Rule(long id, long schemeId, int year, String name, Kind kind, BigDecimal amount, BigDecimal percent,
            Periodicity periodicity, String currency, int dueDay, List<String> members) {
    }

    public record Base(long schemeId, int year, String unitCode, BigDecimal amount, String currency) {
    }

    public record Generated(long ruleId, int created, int existing) {
    }

    public record PaymentInput(String unitCode, LocalDate paidOn, BigDecimal amount, String currency, String reference) {
    }

    public record Payment(long id, String unitCode, LocalDate paidOn, BigDecimal amount, String currency,
            String reference, String kind, String description, BigDecimal applied) {
    }

    public record Obligation(long id, long ruleId, String ruleName, String unitCode, LocalDate periodStart,
            LocalDate periodEnd, LocalDate dueOn, BigDecimal amount, String currency, BigDecimal paid) {

        public BigDecimal open() {
            return amount.subtract(paid);
        }
    }

    /** Past-due amounts of one member in one currency by days past due as of a date. */
    public record Arrears(String unitCode, String name, String currency, BigDecimal upTo30, BigDecimal from31To90,
            BigDecimal over90, BigDecimal total) {
    }

    public record Balance(String currency, BigDecimal due, BigDecimal paid, BigDecimal balance) {
    }

    public record Statement(long schemeId, String schemeName, String unitCode, String name, LocalDate at,
            List<Obligation> obligations, List<Payment> payments, List<Balance> balances, List<Arrears> arrears) {
    }

    private final JdbcClient jdbc;
    private final Scopes scopes;
    private final AuditLog audit;
    private final Schemes schemes;
    private final Territory territory;

    Contributions(JdbcClient jdbc, Scopes scopes, AuditLog audit, Schemes schemes, Territory territory) {
        this.jdbc = jdbc;
        this.scopes = scopes;
        this.audit = audit;
        this.schemes = schemes;
        this.territory = territory;
    }

    // ---- rules -------------------------------------------------------------------------------

    @Transactional
    public Rule createRule(long schemeId, RuleInput in) {
        scopes.requireSchemeWrite(schemeId);
        Scheme scheme = schemes.get(schemeId);
        List<Violation> errors = new ArrayList<>();
        Kind kind = parse(Kind.class, in.kind(), "kind", errors);
        Periodicity periodicity = parse(Periodicity.class, in.periodicity(), "periodicity", errors);
        if (in.year() == null || in.year() < 1990 || in.year() > 2100) {
            errors.add(new Violation("year", "Range", "finance.rule.year"));
        }
        if (in.name() == null || in.name().isBlank()) {
            errors.add(new Violation("name", "NotBlank", "finance.rule.name"));
        }
        currency(in.currency(), errors);
        if (in.dueDay() == null || in.dueDay() < 1 || in.dueDay() > 28) {
            errors.add(new Violation("dueDay", "Range", "finance.rule.dueDay"));
        }
        boolean needsAmount = kind == Kind.FIXED || kind == Kind.EQUAL_SPLIT || kind == Kind.BY_POPULATION;
        if (needsAmount) {
            money(in.amount(), "amount", errors);
        }
        if (kind == Kind.PERCENT_OF_BASE && (in.percent() == null || in.percent().signum() <= 0
                || in.percent().compareTo(BigDecimal.valueOf(100)) > 0 || in.percent().scale() > 4)) {
            errors.add(new Violation("percent", "Range", "finance.rule.percent"));
        }
        List<String> members = in.members() == null ? List.of()
                : in.members().stream().filter(m -> m != null && !m.isBlank()).map(String::strip).distinct().sorted().toList();
        if (members.isEmpty()) {
            errors.add(new Violation("members", "NotEmpty", "finance.rule.members"));
        } else if (in.year() != null && in.year() >= 1990 && in.year() <= 2100) {
            List<String> missing = missingUnits(scheme, members, LocalDate.of(in.year(), 12, 31));
            if (!missing.isEmpty()) {
                errors.add(new Violation("members", "Exists", "finance.rule.unknownUnits", String.join(", ", missing)));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        long id = jdbc.sql("""
                insert into contribution_rule (scheme_id, year, name, kind, amount, percent, periodicity, currency, due_day, created_by)
                values (:s, :y, :n, :k, :a, :p, :per, :c, :d, :by) returning id""")
                .param("s", schemeId).param("y", in.year()).param("n", in.name().strip()).param("k", kind.name())
                .param("a", needsAmount ? in.amount() : null)
                .param("p", kind == Kind.PERCENT_OF_BASE ? in.percent() : null).param("per", periodicity.name())
                .param("c", in.currency()).param("d", in.dueDay()).param("by", actor()).query(Long.class).single();
        for (String m : members) {
            jdbc.sql("insert into contribution_rule_member (rule_id, unit_code) values (:r, :u)").param("r", id)
                    .param("u", m).update();
        }
        Rule rule = rule(schemeId, id);
        audit.record(Change.created("contribution_rule", id, schemeId, "Regla de aporte " + rule.name(), state(rule)));
        return rule;
    }

    @Transactional(readOnly = true)
    public List<Rule> rules(long schemeId) {
        schemes.get(schemeId);
        return jdbc.sql("select id from contribution_rule where scheme_id = :s order by year desc, id")
                .param("s", schemeId).query(Long.class).list().stream().map(id -> rule(schemeId, id)).toList();
    }

    @Transactional(readOnly = true)
    public Rule rule(long schemeId, long ruleId) {
        List<String> members = jdbc.sql("select unit_code from contribution_rule_member where rule_id = :r order by unit_code")
                .param("r", ruleId).query(String.class).list();
        return jdbc.sql("""
                select id, scheme_id, year, name, kind, amount, percent, periodicity, currency, due_day
                from contribution_rule where id = :r and scheme_id = :s""").param("r", ruleId).param("s", schemeId)
                .query((rs, n) -> new Rule(rs.getLong(1), rs.getLong(2), rs.getInt(3), rs.getString(4),
                        Kind.valueOf(rs.getString(5)), rs.getBigDecimal(6), rs.getBigDecimal(7),
                        Periodicity.valueOf(rs.getString(8)), rs.getString(9), rs.getInt(10), members))
                .optional().orElseThrow(() -> new NotFoundException("regla de aporte", ruleId));
    }

    /** Declares (or corrects) a member's base for a year, such as its FODES or SGP transfer. */
    @Transactional
    public Base declareBase(long schemeId, Integer year, String unitCode, BigDecimal amount, String currency) {
        scopes.requireSchemeWrite(schemeId);
        Scheme scheme = schemes.get(schemeId);
        List<Violation> errors = new ArrayList<>();
        if (year == null || year < 1990 || year > 2100) {
            errors.add(new Violation("year", "Range", "finance.rule.year"));
        }
        if (amount == null || amount.signum() < 0 || amount.scale() > 2) {
            errors.add(new Violation("amount", "Money", "finance.money"));
        }
        currency(currency, errors);
        String unit = unitCode == null ? "" : unitCode.strip();
        if (unit.isEmpty() || (year != null && year >= 1990 && year <= 2100
                && !missingUnits(scheme, List.of(unit), LocalDate.of(year, 12, 31)).isEmpty())) {
            errors.add(new Violation("unitCode", "Exists", "finance.unit", unit));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        var before = jdbc.sql("""
                select amount from contribution_base where scheme_id = :s and year = :y and unit_code = :u and currency = :c""")
                .param("s", schemeId).param("y", year).param("u", unit).param("c", currency).query(BigDecimal.class)
                .optional();
        jdbc.sql("""
                insert into contribution_base (scheme_id, year, unit_code, amount, currency) values (:s, :y, :u, :a, :c)
                on conflict (scheme_id, year, unit_code, currency) do update set amount = excluded.amount""")
                .param("s", schemeId).param("y", year).param("u", unit).param("a", amount).param("c", currency).update();
        Base base = new Base(schemeId, year, unit, amount.setScale(2), currency);
        Map<String, Object> after = Map.of("year", year, "unitCode", unit, "amount", base.amount().toPlainString(),
                "currency", currency);
        String key = year + "/" + unit + "/" + currency;
        audit.record(before.isPresent()
                ? Change.updated("contribution_base", key, schemeId, "Base de aporte " + key,
                        Map.of("amount", before.get().toPlainString()), after)
                : Change.created("contribution_base", key, schemeId, "Base de aporte " + key, after));
        return base;
    }

    @Transactional(readOnly = true)
    public List<Base> bases(long schemeId) {
        return jdbc.sql("""
                select scheme_id, year, unit_code, amount, currency from contribution_base
                where scheme_id = :s order by year desc, unit_code, currency""").param("s", schemeId)
                .query((rs, n) -> new Base(rs.getLong(1), rs.getInt(2), rs.getString(3), rs.getBigDecimal(4),
                        rs.getString(5))).list();
    }

    // ---- obligations -------------------------------------------------------------------------

    /**
     * Creates the rule's obligations for every covered member and period of its year. Idempotent:
     * the obligations that already exist are left as they are, so a second run creates nothing.
     */
    @Transactional
    public Generated generate(long schemeId, long ruleId) {
        scopes.requireSchemeWrite(schemeId);
        Scheme scheme = schemes.get(schemeId);
        Rule rule = rule(schemeId, ruleId);
        Map<String, List<BigDecimal>> amounts = amounts(scheme, rule);
        int created = 0;
        int existing = 0;
        for (var e : amounts.entrySet()) {
            for (int p = 0; p < e.getValue().size(); p++) {
                BigDecimal amount = e.getValue().get(p);
                if (amount.signum() <= 0) {
                    continue;
                }
                LocalDate start = periodStart(rule, p);
                LocalDate end = start.plusMonths(12 / rule.periodicity().periods()).minusDays(1);
                int n = jdbc.sql("""
                        insert into contribution_obligation (scheme_id, rule_id, unit_code, period_start, period_end, due_on, amount, currency)
                        values (:s, :r, :u, :start, :end, :due, :a, :c)
                        on conflict (rule_id, unit_code, period_start) do nothing""")
                        .param("s", schemeId).param("r", ruleId).param("u", e.getKey()).param("start", start)
                        .param("end", end).param("due", start.withDayOfMonth(rule.dueDay())).param("a", amount)
                        .param("c", rule.currency()).update();
                if (n == 1) {
                    created++;
                } else {
                    existing++;
                }
            }
        }
        if (created > 0) {
            audit.record(Change.created("contribution_obligations", ruleId, schemeId,
                    created + " obligaciones de la regla " + rule.name(), Map.of("rule", ruleId, "created", created)));
        }
        return new Generated(ruleId, created, existing);
    }

    private static LocalDate periodStart(Rule rule, int period) {
        return LocalDate.of(rule.year(), 1, 1).plusMonths((long) period * (12 / rule.periodicity().periods()));
    }

    /** Each member's amount per period of the rule's year; every split adds up exactly to its total. */
    Map<String, List<BigDecimal>> amounts(Scheme scheme, Rule rule) {
        int periods = rule.periodicity().periods();
        Map<String, BigDecimal> yearly = new TreeMap<>();
        switch (rule.kind()) {
            case FIXED -> {
                Map<String, List<BigDecimal>> fixed = new TreeMap<>();
                rule.members().forEach(m -> fixed.put(m, java.util.Collections.nCopies(periods, rule.amount())));
                return fixed;
            }
            case EQUAL_SPLIT -> yearly.putAll(Allocation.equal(rule.amount(), rule.members()));
            case BY_POPULATION -> {
                Map<String, String> population = territory.attributeAt(scheme.getCountry().name(), rule.members(),
                        "population", LocalDate.of(rule.year(), 12, 31));
                List<String> missing = rule.members().stream().filter(m -> parsePopulation(population.get(m)) == null)
                        .toList();
                if (!missing.isEmpty()) {
                    throw new InvalidInputException("members", "Population", "finance.rule.population",
                            String.join(", ", missing), rule.year());
                }
                Map<String, BigDecimal> weights = new TreeMap<>();
                rule.members().forEach(m -> weights.put(m, parsePopulation(population.get(m))));
                yearly.putAll(Allocation.byWeight(rule.amount(), weights));
            }
            case PERCENT_OF_BASE -> {
                Map<String, BigDecimal> bases = new TreeMap<>();
                jdbc.sql("""
                        select unit_code, amount from contribution_base
                        where scheme_id = :s and year = :y and currency = :c""").param("s", scheme.getId())
                        .param("y", rule.year()).param("c", rule.currency())
                        .query((rs, n) -> bases.put(rs.getString(1), rs.getBigDecimal(2))).list();
                List<String> missing = rule.members().stream().filter(m -> !bases.containsKey(m)).toList();
                if (!missing.isEmpty()) {
                    throw new InvalidInputException("members", "Base", "finance.rule.base", String.join(", ", missing),
                            rule.year(), rule.currency());
                }
                rule.members().forEach(m -> yearly.put(m, bases.get(m).multiply(rule.percent())
                        .divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_EVEN)));
            }
            case IN_KIND -> throw new InvalidInputException("rule", "InKind", "finance.rule.inKind");
        }
        List<String> keys = new ArrayList<>();
        for (int p = 0; p < periods; p++) {
            keys.add("%02d".formatted(p));
        }
        Map<String, List<BigDecimal>> result = new TreeMap<>();
        yearly.forEach((m, total) -> result.put(m, List.copyOf(Allocation.equal(total, keys).values())));
        return result;
    }

    private static BigDecimal parsePopulation(String value) {
        try {
            return value == null ? null : new BigDecimal(value.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    @Transactional(readOnly = true)
    public List<Obligation> obligations(long schemeId, String unitCode, LocalDate dueUpTo) {
        return jdbc.sql("""
                select o.id, o.rule_id, r.name, o.unit_code, o.period_start, o.period_end, o.due_on, o.amount, o.currency, o.paid
                from contribution_obligation o join contribution_rule r on r.id = o.rule_id
                where o.scheme_id = :s and (cast(:u as text) is null or o.unit_code = :u) and o.due_on <= :at
                order by o.unit_code, o.due_on, o.id""").param("s", schemeId).param("u", unitCode).param("at", dueUpTo)
                .query((rs, n) -> new Obligation(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                        rs.getDate(5).toLocalDate(), rs.getDate(6).toLocalDate(), rs.getDate(7).toLocalDate(),
                        rs.getBigDecimal(8), rs.getString(9), rs.getBigDecimal(10))).list();
    }

    // ---- payments ----------------------------------------------------------------------------

    /**
     * Records a payment and applies it to the member's oldest open obligations of its currency
     * (by due date); what is left over stays as a credit in the member's favour.
     */
    @Transactional
    public Payment pay(long schemeId, PaymentInput in) {
        scopes.requireSchemeWrite(schemeId);
        schemes.get(schemeId);
        List<Violation> errors = new ArrayList<>();
        String unit = in.unitCode() == null ? "" : in.unitCode().strip();
        if (unit.isEmpty() || !covered(schemeId, unit)) {
            errors.add(new Violation("unitCode", "Member", "finance.payment.member", unit));
        }
        if (in.paidOn() == null || in.paidOn().isAfter(LocalDate.now())) {
            errors.add(new Violation("paidOn", "PastOrPresent", "finance.payment.paidOn"));
        }
        money(in.amount(), "amount", errors);
        currency(in.currency(), errors);
        if (in.reference() != null && in.reference().length() > 200) {
            errors.add(new Violation("reference", "Size", "finance.payment.reference"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return record(schemeId, unit, in.paidOn(), in.amount(), in.currency(), blankToNull(in.reference()), "CASH", null, -1);
    }

    /**
     * Records a valued contribution in kind under an IN_KIND rule: it is both the member's obligation
     * (due on the date) and its payment, so it counts as paid in the statement and in equity.
     */
    @Transactional
    public Payment contributeInKind(long schemeId, long ruleId, String unitCode, LocalDate on, BigDecimal value,
            String description) {
        scopes.requireSchemeWrite(schemeId);
        Rule rule = rule(schemeId, ruleId);
        List<Violation> errors = new ArrayList<>();
        String unit = unitCode == null ? "" : unitCode.strip();
        if (rule.kind() != Kind.IN_KIND) {
            errors.add(new Violation("ruleId", "InKind", "finance.inKind.rule"));
        }
        if (!rule.members().contains(unit)) {
            errors.add(new Violation("unitCode", "Member", "finance.payment.member", unit));
        }
        if (on == null || on.isAfter(LocalDate.now()) || on.getYear() != rule.year()) {
            errors.add(new Violation("on", "InYear", "finance.inKind.on", rule.year()));
        }
        money(value, "amount", errors);
        if (description == null || description.isBlank()) {
            errors.add(new Violation("description", "NotBlank", "finance.inKind.description"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        jdbc.sql("""
                insert into contribution_obligation (scheme_id, rule_id, unit_code, period_start, period_end, due_on, amount, currency)
                values (:s, :r, :u, :on, :on, :on, :a, :c)
                on conflict (rule_id, unit_code, period_start) do update set amount = contribution_obligation.amount + excluded.amount""")
                .param("s", schemeId).param("r", ruleId).param("u", unit).param("on", on).param("a", value)
                .param("c", rule.currency()).update();
        long obligation = jdbc.sql("select id from contribution_obligation where rule_id = :r and unit_code = :u and period_start = :on")
                .param("r", ruleId).param("u", unit).param("on", on).query(Long.class).single();
        return record(schemeId, unit, on, value, rule.currency(), null, "IN_KIND", description.strip(), obligation);
    }

    private Payment record(long schemeId, String unit, LocalDate paidOn, BigDecimal amount, String currency,
            String reference, String kind, String description, long first) {
        long id = jdbc.sql("""
                insert into contribution_payment (scheme_id, unit_code, paid_on, amount, currency, reference, kind, description, recorded_by)
                values (:s, :u, :on, :a, :c, :ref, :k, :d, :by) returning id""").param("s", schemeId).param("u", unit)
                .param("on", paidOn).param("a", amount).param("c", currency).param("ref", reference).param("k", kind)
                .param("d", description).param("by", actor()).query(Long.class).single();
        record Open(long id, BigDecimal open) {
        }
        List<Open> open = jdbc.sql("""
                select id, amount - paid from contribution_obligation
                where scheme_id = :s and unit_code = :u and currency = :c and paid < amount
                order by id = :first desc, due_on, id for update""").param("first", first).param("s", schemeId).param("u", unit).param("c", currency)
                .query((rs, n) -> new Open(rs.getLong(1), rs.getBigDecimal(2))).list();
        BigDecimal left = amount;
        for (Open o : open) {
            if (left.signum() <= 0) {
                break;
            }
            BigDecimal applied = left.min(o.open());
            jdbc.sql("update contribution_obligation set paid = paid + :a where id = :id").param("a", applied)
                    .param("id", o.id()).update();
            jdbc.sql("insert into contribution_allocation (payment_id, obligation_id, amount) values (:p, :o, :a)")
                    .param("p", id).param("o", o.id()).param("a", applied).update();
            left = left.subtract(applied);
        }
        Payment payment = new Payment(id, unit, paidOn, amount.setScale(2), currency, reference, kind, description,
                amount.subtract(left).setScale(2));
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("unitCode", unit);
        after.put("paidOn", paidOn.toString());
        after.put("amount", payment.amount().toPlainString());
        after.put("currency", currency);
        after.put("kind", kind);
        after.put("applied", payment.applied().toPlainString());
        if (reference != null) {
            after.put("reference", reference);
        }
        audit.record(Change.created("contribution_payment", id, schemeId,
                ("IN_KIND".equals(kind) ? "Aporte en especie de " : "Pago de ") + unit, after));
        return payment;
    }

    @Transactional(readOnly = true)
    public List<Payment> payments(long schemeId, String unitCode, LocalDate upTo) {
        return jdbc.sql("""
                select p.id, p.unit_code, p.paid_on, p.amount, p.currency, p.reference, p.kind, p.description,
                       coalesce((select sum(a.amount) from contribution_allocation a where a.payment_id = p.id), 0)
                from contribution_payment p
                where p.scheme_id = :s and (cast(:u as text) is null or p.unit_code = :u) and p.paid_on <= :at
                order by p.paid_on, p.id""").param("s", schemeId).param("u", unitCode).param("at", upTo)
                .query((rs, n) -> new Payment(rs.getLong(1), rs.getString(2), rs.getDate(3).toLocalDate(),
                        rs.getBigDecimal(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8),
                        rs.getBigDecimal(9))).list();
    }

    // ---- arrears and statement ---------------------------------------------------------------

    /**
     * What each member owes past due as of a date, by days past due: 1 to 30, 31 to 90, more than 90.
     * An obligation is past due the day after its due date; payments count only if made by the date.
     */
    @Transactional(readOnly = true)
    public List<Arrears> arrears(long schemeId, LocalDate at, String unitCode) {
        Scheme scheme = schemes.get(schemeId);
        record Row(String unit, String currency, BigDecimal a, BigDecimal b, BigDecimal c) {
        }
        List<Row> rows = jdbc.sql("""
                with open as (
                    select o.unit_code, o.currency, :at - o.due_on as days,
                           o.amount - coalesce((select sum(a.amount) from contribution_allocation a
                               join contribution_payment p on p.id = a.payment_id
                               where a.obligation_id = o.id and p.paid_on <= :at), 0) as open
                    from contribution_obligation o
                    where o.scheme_id = :s and o.due_on < :at and (cast(:u as text) is null or o.unit_code = :u))
                select unit_code, currency,
                       coalesce(sum(open) filter (where days <= 30), 0),
                       coalesce(sum(open) filter (where days between 31 and 90), 0),
                       coalesce(sum(open) filter (where days > 90), 0)
                from open where open > 0 group by unit_code, currency order by unit_code, currency""")
                .param("s", schemeId).param("at", at).param("u", unitCode)
                .query((rs, n) -> new Row(rs.getString(1), rs.getString(2), rs.getBigDecimal(3), rs.getBigDecimal(4),
                        rs.getBigDecimal(5))).list();
        Map<String, String> names = names(scheme, rows.stream().map(Row::unit).toList(), at);
        return rows.stream().map(r -> new Arrears(r.unit(), names.getOrDefault(r.unit(), r.unit()), r.currency(),
                r.a().setScale(2), r.b().setScale(2), r.c().setScale(2), r.a().add(r.b()).add(r.c()).setScale(2)))
                .toList();
    }

    /** A member's obligations due and payments made up to a date, balance per currency and arrears. */
    @Transactional(readOnly = true)
    public Statement statement(long schemeId, String unitCode, LocalDate at) {
        Scheme scheme = schemes.get(schemeId);
        List<Obligation> obligations = obligations(schemeId, unitCode, at);
        List<Payment> payments = payments(schemeId, unitCode, at);
        if (obligations.isEmpty() && payments.isEmpty() && !covered(schemeId, unitCode)) {
            throw new NotFoundException("miembro con aportes", unitCode);
        }
        Map<String, BigDecimal[]> sums = new TreeMap<>();
        obligations.forEach(o -> sums.computeIfAbsent(o.currency(), c -> zeros())[0] = sums.get(o.currency())[0]
                .add(o.amount()));
        payments.forEach(p -> sums.computeIfAbsent(p.currency(), c -> zeros())[1] = sums.get(p.currency())[1]
                .add(p.amount()));
        List<Balance> balances = sums.entrySet().stream().map(e -> new Balance(e.getKey(), e.getValue()[0].setScale(2),
                e.getValue()[1].setScale(2), e.getValue()[0].subtract(e.getValue()[1]).setScale(2))).toList();
        String name = names(scheme, List.of(unitCode), at).getOrDefault(unitCode, unitCode);
        return new Statement(schemeId, scheme.getName(), unitCode, name, at, obligations, payments, balances,
                arrears(schemeId, at, unitCode));
    }

    /** The units covered by any rule of the scheme, by code. */
    @Transactional(readOnly = true)
    public Set<String> members(long schemeId) {
        return new LinkedHashSet<>(jdbc.sql("""
                select distinct m.unit_code from contribution_rule_member m join contribution_rule r on r.id = m.rule_id
                where r.scheme_id = :s order by m.unit_code""").param("s", schemeId).query(String.class).list());
    }

    /** Unit names as of a date (codes without a unit keep their code). */
    public Map<String, String> names(Scheme scheme, List<String> codes, LocalDate at) {
        Map<String, String> names = new TreeMap<>();
        if (codes.isEmpty()) {
            return names;
        }
        Map<String, TerritorialUnit> units = territory.findAll(scheme.getCountry().name(), codes, at);
        codes.forEach(c -> names.put(c, units.containsKey(c) ? units.get(c).name() : c));
        return names;
    }

    private boolean covered(long schemeId, String unit) {
        return jdbc.sql("""
                select exists (select 1 from contribution_rule_member m join contribution_rule r on r.id = m.rule_id
                where r.scheme_id = :s and m.unit_code = :u)""").param("s", schemeId).param("u", unit)
                .query(Boolean.class).single();
    }

    private List<String> missingUnits(Scheme scheme, List<String> codes, LocalDate at) {
        Map<String, TerritorialUnit> found = territory.findAll(scheme.getCountry().name(), codes, at);
        Map<String, TerritorialUnit> early = territory.findAll(scheme.getCountry().name(), codes, at.withDayOfYear(1));
        return codes.stream().filter(c -> !found.containsKey(c) && !early.containsKey(c)).toList();
    }

    private static BigDecimal[] zeros() {
        return new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO};
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value, String field, List<Violation> errors) {
        try {
            return Enum.valueOf(type, value == null ? "" : value.strip());
        } catch (IllegalArgumentException e) {
            errors.add(new Violation(field, "OneOf", "finance.oneOf", String.join(", ",
                    java.util.Arrays.stream(type.getEnumConstants()).map(Enum::name).toList())));
            return null;
        }
    }

    private static void currency(String currency, List<Violation> errors) {
        if (currency == null || !CURRENCIES.contains(currency)) {
            errors.add(new Violation("currency", "OneOf", "finance.currency"));
        }
    }

    private static void money(BigDecimal amount, String field, List<Violation> errors) {
        if (amount == null || amount.signum() <= 0 || amount.scale() > 2 || amount.precision() - amount.scale() > 16) {
            errors.add(new Violation(field, "Money", "finance.money"));
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static String actor() {
        var auth = SecurityContextHolder.getContext().getAuthentication();
        return auth == null ? "system" : auth.getName();
    }

    private static Map<String, Object> state(Rule rule) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("year", rule.year());
        m.put("name", rule.name());
        m.put("kind", rule.kind().name());
        if (rule.amount() != null) {
            m.put("amount", rule.amount().toPlainString());
        }
        if (rule.percent() != null) {
            m.put("percent", rule.percent().toPlainString());
        }
        m.put("periodicity", rule.periodicity().name());
        m.put("currency", rule.currency());
        m.put("dueDay", rule.dueDay());
        m.put("members", rule.members());
        return m;
    }
}
