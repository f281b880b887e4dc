package org.minga.finance;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
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
    private final Ledger ledger;
    private final ContributionRules rules;

    Statements(JdbcClient jdbc, Schemes schemes, Territory territory, Ledger ledger, ContributionRules rules) {
        this.rules = rules;
        this.jdbc = jdbc;
        this.schemes = schemes;
        this.territory = territory;
        this.ledger = ledger;
    }

    /**
     * What each member owes past due as of a date, by days past due: 1 to 30, 31 to 90, more than 90.
     * An obligation is past due the day after its due date; only payments made by the date count, and
     * they settle the oldest obligations first whatever the order in which they were recorded.
     */
    @Transactional(readOnly = true)
    List<Arrears> arrears(long schemeId, LocalDate at, String unitCode) {
        return arrears(schemes.get(schemeId), ledger.at(schemeId, unitCode, at), at);
    }

    private List<Arrears> arrears(Scheme scheme, Ledger.View view, LocalDate at) {
        record Key(String unitCode, String currency) implements Comparable<Key> {
            public int compareTo(Key o) {
                int c = unitCode.compareTo(o.unitCode);
                return c != 0 ? c : currency.compareTo(o.currency);
            }
        }
        Map<Key, BigDecimal[]> buckets = new TreeMap<>();
        for (Obligation o : view.obligations()) {
            long days = ChronoUnit.DAYS.between(o.dueOn(), at);
            if (days < 1 || o.open().signum() <= 0) {
                continue;
            }
            BigDecimal[] b = buckets.computeIfAbsent(new Key(o.unitCode(), o.currency()),
                    k -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO});
            int i = days <= 30 ? 0 : days <= 90 ? 1 : 2;
            b[i] = b[i].add(o.open());
        }
        Map<String, String> names = names(scheme, buckets.keySet().stream().map(Key::unitCode).distinct().toList(), at);
        return buckets.entrySet().stream().map(e -> {
            Currency c = Currency.valueOf(e.getKey().currency());
            Money a = Money.of(e.getValue()[0], c);
            Money b = Money.of(e.getValue()[1], c);
            Money d = Money.of(e.getValue()[2], c);
            String unit = e.getKey().unitCode();
            return new Arrears(unit, names.getOrDefault(unit, unit), c.name(), a.amount(), b.amount(), d.amount(),
                    a.plus(b).plus(d).amount());
        }).toList();
    }

    /**
     * A member's obligations due and payments in force made up to a date, balance per currency and
     * arrears, all from one derivation of the applications as of that date.
     */
    @Transactional(readOnly = true)
    Statement statement(long schemeId, String unitCode, LocalDate at) {
        Scheme scheme = schemes.get(schemeId);
        Ledger.View view = ledger.at(schemeId, unitCode, at);
        List<Obligation> due = view.obligations();
        List<Payment> paid = view.inForce();
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
        return new Statement(schemeId, scheme.getName(), scheme.getCountry().name(), unitCode, name, at, due, paid, balances,
                arrears(scheme, view, at));
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
