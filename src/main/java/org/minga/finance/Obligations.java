package org.minga.finance;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.minga.finance.Contributions.Base;
import org.minga.finance.Contributions.Generated;
import org.minga.finance.Contributions.Kind;
import org.minga.finance.Contributions.Obligation;
import org.minga.finance.Contributions.Rule;
import org.minga.finance.internal.Allocation;
import org.minga.platform.AuditLog;
import org.minga.platform.AuditLog.Change;
import org.minga.platform.InvalidInputException;
import org.minga.platform.Money;
import org.minga.registry.Scheme;
import org.minga.territory.Territory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What each member owes under a rule, per period of the rule's year, and the obligations due by a date. */
@Service
class Obligations {

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final Territory territory;
    private final ContributionRules rules;
    private final Ledger ledger;

    Obligations(JdbcClient jdbc, AuditLog audit, Territory territory, ContributionRules rules, Ledger ledger) {
        this.ledger = ledger;
        this.jdbc = jdbc;
        this.audit = audit;
        this.territory = territory;
        this.rules = rules;
    }

    /**
     * Creates the rule's obligations for every covered member and period of its year. Idempotent:
     * the obligations that already exist are left as they are, so a second run creates nothing.
     */
    @Transactional
    Generated generate(long schemeId, long ruleId) {
        Scheme scheme = rules.writable(schemeId);
        Rule rule = rules.get(schemeId, ruleId);
        if (rule.voided()) {
            throw new InvalidInputException("rule", "NotVoided", "finance.rule.alreadyVoided");
        }
        int created = 0;
        int existing = 0;
        for (var e : amounts(scheme, rule).entrySet()) {
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

    /**
     * Declares or corrects a member's base, and re-derives the amounts of the obligations already
     * generated from it (percentage rules of that year and currency in force): what was paid is
     * derived at every reading, so it follows by itself. Each changed amount is audited.
     */
    @Transactional
    Base declareBase(long schemeId, Integer year, String unitCode, BigDecimal amount, String currency, String reason) {
        Base base = rules.declareBase(schemeId, year, unitCode, amount, currency, reason);
        Scheme scheme = rules.writable(schemeId);
        for (Rule rule : rules.of(schemeId)) {
            if (rule.kind() != Kind.PERCENT_OF_BASE || rule.voided() || rule.year() != base.year()
                    || !rule.currency().equals(base.currency()) || !rule.members().contains(base.unitCode())) {
                continue;
            }
            List<BigDecimal> amounts = amounts(scheme, rule).get(base.unitCode());
            for (int p = 0; p < amounts.size(); p++) {
                LocalDate start = periodStart(rule, p);
                record Existing(long id, BigDecimal amount) {
                }
                var existing = jdbc.sql("""
                        select id, amount from contribution_obligation where rule_id = :r and unit_code = :u and period_start = :p""")
                        .param("r", rule.id()).param("u", base.unitCode()).param("p", start).query(Existing.class).optional();
                if (existing.isPresent() && existing.get().amount().compareTo(amounts.get(p)) != 0) {
                    jdbc.sql("update contribution_obligation set amount = :a where id = :id").param("a", amounts.get(p))
                            .param("id", existing.get().id()).update();
                    audit.record(Change.updated("contribution_obligation", existing.get().id(), schemeId,
                            "Obligación de " + base.unitCode() + " recalculada por la base corregida",
                            Map.of("amount", existing.get().amount().toPlainString()),
                            Map.of("amount", amounts.get(p).toPlainString())));
                }
            }
        }
        return base;
    }

    /** Obligations due by a date, with what the payments made by that date settled of each. */
    @Transactional(readOnly = true)
    List<Obligation> of(long schemeId, String unitCode, LocalDate dueUpTo) {
        return ledger.at(schemeId, unitCode, dueUpTo).obligations();
    }

    private static LocalDate periodStart(Rule rule, int period) {
        return LocalDate.of(rule.year(), 1, 1).plusMonths((long) period * (12 / rule.periodicity().periods()));
    }

    /** Each member's amount per period of the rule's year; every split adds up exactly to its total. */
    private Map<String, List<BigDecimal>> amounts(Scheme scheme, Rule rule) {
        int periods = rule.periodicity().periods();
        Map<String, BigDecimal> yearly = new TreeMap<>();
        switch (rule.kind()) {
            case FIXED -> {
                Map<String, List<BigDecimal>> fixed = new TreeMap<>();
                rule.members().forEach(m -> fixed.put(m, Collections.nCopies(periods, rule.amount())));
                return fixed;
            }
            case EQUAL_SPLIT -> yearly.putAll(Allocation.equal(rule.amount(), rule.members()));
            case BY_POPULATION -> yearly.putAll(Allocation.byWeight(rule.amount(), populations(scheme, rule)));
            case PERCENT_OF_BASE -> {
                Map<String, BigDecimal> bases = bases(scheme, rule);
                // A computed share: rounded half-even to cents, once (Money.times).
                rule.members().forEach(m -> yearly.put(m, Money.of(bases.get(m), org.minga.platform.Currency
                        .valueOf(rule.currency())).times(rule.percent().movePointLeft(2)).amount()));
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

    /** Each member's population at the end of the rule's year, the weights of a BY_POPULATION rule. */
    private Map<String, BigDecimal> populations(Scheme scheme, Rule rule) {
        Map<String, String> population = territory.attributeAt(scheme.getCountry().name(), rule.members(),
                "population", LocalDate.of(rule.year(), 12, 31));
        List<String> missing = rule.members().stream().filter(m -> number(population.get(m)) == null).toList();
        if (!missing.isEmpty()) {
            throw new InvalidInputException("members", "Population", "finance.rule.population",
                    String.join(", ", missing), rule.year());
        }
        Map<String, BigDecimal> weights = new TreeMap<>();
        rule.members().forEach(m -> weights.put(m, number(population.get(m))));
        return weights;
    }

    /** Each member's declared base for the rule's year and currency, the bases of a PERCENT_OF_BASE rule. */
    private Map<String, BigDecimal> bases(Scheme scheme, Rule rule) {
        Map<String, BigDecimal> bases = new TreeMap<>();
        jdbc.sql("""
                select unit_code, amount from contribution_base
                where scheme_id = :s and year = :y and currency = :c""").param("s", scheme.getId())
                .param("y", rule.year()).param("c", rule.currency())
                .query(rs -> {
                    bases.put(rs.getString("unit_code"), rs.getBigDecimal("amount"));
                });
        List<String> missing = rule.members().stream().filter(m -> !bases.containsKey(m)).toList();
        if (!missing.isEmpty()) {
            throw new InvalidInputException("members", "Base", "finance.rule.base", String.join(", ", missing),
                    rule.year(), rule.currency());
        }
        return bases;
    }

    private static BigDecimal number(String value) {
        try {
            return value == null ? null : new BigDecimal(value.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
