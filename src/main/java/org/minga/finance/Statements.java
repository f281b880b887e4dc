package org.minga.finance;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.minga.finance.Contributions.Arrears;
import org.minga.finance.Contributions.Balance;
import org.minga.finance.Contributions.Obligation;
import org.minga.finance.Contributions.Payment;
import org.minga.finance.Contributions.Statement;
import org.minga.platform.Currency;
import org.minga.platform.Money;
import org.minga.platform.NotFoundException;
import org.minga.registry.Scheme;
import org.minga.registry.Schemes;
import org.minga.territory.TerritorialUnit;
import org.minga.territory.Territory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What members owe past due, their statements, and who the scheme's contributions cover. */
@Service
class Statements {

    private final JdbcClient jdbc;
    private final Schemes schemes;
    private final Territory territory;
    private final Obligations obligations;
    private final Payments payments;
    private final ContributionRules rules;

    Statements(JdbcClient jdbc, Schemes schemes, Territory territory, Obligations obligations, Payments payments,
            ContributionRules rules) {
        this.rules = rules;
        this.jdbc = jdbc;
        this.schemes = schemes;
        this.territory = territory;
        this.obligations = obligations;
        this.payments = payments;
    }

    /**
     * What each member owes past due as of a date, by days past due: 1 to 30, 31 to 90, more than 90.
     * An obligation is past due the day after its due date; payments count only if made by the date.
     */
    @Transactional(readOnly = true)
    List<Arrears> arrears(long schemeId, LocalDate at, String unitCode) {
        Scheme scheme = schemes.get(schemeId);
        record Row(String unitCode, String currency, BigDecimal upTo30, BigDecimal from31To90, BigDecimal over90) {
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
                       coalesce(sum(open) filter (where days <= 30), 0) as up_to30,
                       coalesce(sum(open) filter (where days between 31 and 90), 0) as from31_to90,
                       coalesce(sum(open) filter (where days > 90), 0) as over90
                from open where open > 0 group by unit_code, currency order by unit_code, currency""")
                .param("s", schemeId).param("at", at).param("u", unitCode).query(Row.class).list();
        Map<String, String> names = names(scheme, rows.stream().map(Row::unitCode).toList(), at);
        return rows.stream().map(r -> {
            Currency c = Currency.valueOf(r.currency());
            Money a = Money.of(r.upTo30(), c);
            Money b = Money.of(r.from31To90(), c);
            Money d = Money.of(r.over90(), c);
            return new Arrears(r.unitCode(), names.getOrDefault(r.unitCode(), r.unitCode()), r.currency(), a.amount(),
                    b.amount(), d.amount(), a.plus(b).plus(d).amount());
        }).toList();
    }

    /** A member's obligations due and payments made up to a date, balance per currency and arrears. */
    @Transactional(readOnly = true)
    Statement statement(long schemeId, String unitCode, LocalDate at) {
        Scheme scheme = schemes.get(schemeId);
        List<Obligation> due = obligations.of(schemeId, unitCode, at);
        List<Payment> paid = payments.of(schemeId, unitCode, at);
        if (due.isEmpty() && paid.isEmpty() && !rules.covers(schemeId, unitCode)) {
            throw new NotFoundException("miembro con aportes", unitCode);
        }
        Map<Currency, Money> dueBy = new TreeMap<>();
        Map<Currency, Money> paidBy = new TreeMap<>();
        due.forEach(o -> add(dueBy, o.amount(), o.currency()));
        paid.forEach(p -> add(paidBy, p.amount(), p.currency()));
        Set<Currency> currencies = new java.util.TreeSet<>(dueBy.keySet());
        currencies.addAll(paidBy.keySet());
        List<Balance> balances = currencies.stream().map(c -> {
            Money d = dueBy.getOrDefault(c, Money.zero(c));
            Money p = paidBy.getOrDefault(c, Money.zero(c));
            return new Balance(c.name(), d.amount(), p.amount(), d.minus(p).amount());
        }).toList();
        String name = names(scheme, List.of(unitCode), at).getOrDefault(unitCode, unitCode);
        return new Statement(schemeId, scheme.getName(), unitCode, name, at, due, paid, balances,
                arrears(schemeId, at, unitCode));
    }

    /** The units covered by any rule of the scheme, by code. */
    @Transactional(readOnly = true)
    Set<String> members(long schemeId) {
        return new LinkedHashSet<>(jdbc.sql("""
                select distinct m.unit_code from contribution_rule_member m join contribution_rule r on r.id = m.rule_id
                where r.scheme_id = :s order by m.unit_code""").param("s", schemeId).query(String.class).list());
    }

    /** Unit names as of a date (codes without a unit keep their code). */
    Map<String, String> names(Scheme scheme, List<String> codes, LocalDate at) {
        Map<String, String> names = new TreeMap<>();
        if (codes.isEmpty()) {
            return names;
        }
        Map<String, TerritorialUnit> units = territory.findAll(scheme.getCountry().name(), codes, at);
        codes.forEach(c -> names.put(c, units.containsKey(c) ? units.get(c).name() : c));
        return names;
    }

    private static void add(Map<Currency, Money> sums, BigDecimal amount, String currency) {
        Currency c = Currency.valueOf(currency);
        sums.merge(c, Money.of(amount, c), Money::plus);
    }
}
