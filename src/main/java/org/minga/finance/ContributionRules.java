package org.minga.finance;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.minga.finance.Contributions.Base;
import org.minga.finance.Contributions.Kind;
import org.minga.finance.Contributions.Periodicity;
import org.minga.finance.Contributions.Rule;
import org.minga.finance.Contributions.RuleInput;
import org.minga.finance.Contributions.Voiding;
import org.minga.identity.Scopes;
import org.minga.platform.AuditLog;
import org.minga.platform.AuditLog.Change;
import org.minga.platform.Checks;
import org.minga.platform.Money;
import org.minga.platform.NotFoundException;
import org.minga.platform.SystemActor;
import org.minga.registry.Scheme;
import org.minga.registry.Schemes;
import org.minga.territory.TerritorialUnit;
import org.minga.territory.Territory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.SqlArrayValue;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A scheme's contribution rules per year and the bases its members declare for percentage rules. */
@Service
class ContributionRules {

    static final int FIRST_YEAR = 1990;
    static final int LAST_YEAR = 2100;

    private final JdbcClient jdbc;
    private final Scopes scopes;
    private final AuditLog audit;
    private final Schemes schemes;
    private final Territory territory;

    ContributionRules(JdbcClient jdbc, Scopes scopes, AuditLog audit, Schemes schemes, Territory territory) {
        this.jdbc = jdbc;
        this.scopes = scopes;
        this.audit = audit;
        this.schemes = schemes;
        this.territory = territory;
    }

    @Transactional
    Rule create(long schemeId, RuleInput in) {
        Scheme scheme = writable(schemeId);
        Checks checks = new Checks().valid(in);
        Kind kind = checks.oneOf("kind", Kind.class, in.kind());
        Periodicity periodicity = checks.oneOf("periodicity", Periodicity.class, in.periodicity());
        boolean year = year(checks, in.year());
        checks.rule(in.dueDay() != null && in.dueDay() >= 1 && in.dueDay() <= 28, "dueDay", "Range",
                "finance.rule.dueDay");
        boolean needsAmount = kind == Kind.FIXED || kind == Kind.EQUAL_SPLIT || kind == Kind.BY_POPULATION;
        Money amount = needsAmount ? checks.money("amount", in.amount(), "currency", in.currency(), true) : null;
        if (!needsAmount) {
            checks.oneOf("currency", org.minga.platform.Currency.class, in.currency());
        }
        checks.rule(kind != Kind.PERCENT_OF_BASE || (in.percent() != null && in.percent().signum() > 0
                && in.percent().compareTo(BigDecimal.valueOf(100)) <= 0 && in.percent().scale() <= 4),
                "percent", "Range", "finance.rule.percent");
        List<String> members = in.members() == null ? List.of() : in.members().stream()
                .filter(m -> m != null && !m.isBlank()).map(String::strip).distinct().sorted().toList();
        checks.rule(!members.isEmpty(), "members", "NotEmpty", "finance.rule.members");
        if (!members.isEmpty() && year) {
            List<String> missing = missingUnits(scheme, members, LocalDate.of(in.year(), 12, 31));
            checks.rule(missing.isEmpty(), "members", "Exists", "finance.rule.unknownUnits", String.join(", ", missing));
        }
        checks.orThrow();
        long id = jdbc.sql("""
                insert into contribution_rule (scheme_id, year, name, kind, amount, percent, periodicity, currency, due_day, created_by)
                values (:s, :y, :n, :k, :a, :p, :per, :c, :d, :by) returning id""")
                .param("s", schemeId).param("y", in.year()).param("n", in.name().strip()).param("k", kind.name())
                .param("a", amount == null ? null : amount.amount())
                .param("p", kind == Kind.PERCENT_OF_BASE ? in.percent() : null).param("per", periodicity.name())
                .param("c", in.currency()).param("d", in.dueDay()).param("by", SystemActor.current())
                .query(Long.class).single();
        jdbc.sql("insert into contribution_rule_member (rule_id, unit_code) select :r, unnest(:u)").param("r", id)
                .param("u", new SqlArrayValue("text", members.toArray())).update();
        Rule rule = get(schemeId, id);
        audit.record(Change.created("contribution_rule", id, schemeId, "Regla de aporte " + rule.name(), state(rule)));
        return rule;
    }

    /** The scheme, when the current user may write in it (403 otherwise): the opening of every contribution write. */
    Scheme writable(long schemeId) {
        scopes.requireSchemeWrite(schemeId);
        return schemes.get(schemeId);
    }

    @Transactional(readOnly = true)
    List<Rule> of(long schemeId) {
        schemes.get(schemeId);
        return jdbc.sql("select id from contribution_rule where scheme_id = :s order by year desc, id")
                .param("s", schemeId).query(Long.class).list().stream().map(id -> get(schemeId, id)).toList();
    }

    @Transactional(readOnly = true)
    Rule get(long schemeId, long ruleId) {
        List<String> members = jdbc.sql("select unit_code from contribution_rule_member where rule_id = :r order by unit_code")
                .param("r", ruleId).query(String.class).list();
        return jdbc.sql("""
                select id, scheme_id, year, name, kind, amount, percent, periodicity, currency, due_day, void_reason
                from contribution_rule where id = :r and scheme_id = :s""").param("r", ruleId).param("s", schemeId)
                .query((rs, n) -> new Rule(rs.getLong("id"), rs.getLong("scheme_id"), rs.getInt("year"),
                        rs.getString("name"), Kind.valueOf(rs.getString("kind")), rs.getBigDecimal("amount"),
                        rs.getBigDecimal("percent"), Periodicity.valueOf(rs.getString("periodicity")),
                        rs.getString("currency"), rs.getInt("due_day"), members,
                        rs.getString("void_reason")))
                .optional().orElseThrow(() -> new NotFoundException("regla de aporte", ruleId));
    }

    /**
     * Voids a rule with a reason, never deleting it: its obligations stay in the database and in its
     * history but no longer count, so what was paid under it becomes the members' credit.
     */
    @Transactional
    Rule voidRule(long schemeId, long ruleId, Voiding why) {
        writable(schemeId);
        Rule rule = get(schemeId, ruleId);
        Checks checks = new Checks().valid(why);
        checks.rule(!rule.voided(), "reason", "NotVoided", "finance.rule.alreadyVoided");
        checks.orThrow();
        String reason = why.reason().strip();
        jdbc.sql("update contribution_rule set voided_at = now(), voided_by = :by, void_reason = :r where id = :id")
                .param("by", SystemActor.current()).param("r", reason).param("id", ruleId).update();
        Rule voided = get(schemeId, ruleId);
        Map<String, Object> after = state(voided);
        after.put("voidReason", reason);
        audit.record(Change.updated("contribution_rule", ruleId, schemeId, "Regla de aporte anulada " + rule.name()
                + ": " + reason, state(rule), after));
        return voided;
    }

    /**
     * Declares a member's base, or corrects it: a different amount for a base already declared needs
     * a reason, and the audit keeps the amount before it. The caller re-derives the obligations.
     */
    @Transactional
    Base declareBase(long schemeId, Integer year, String unitCode, BigDecimal amount, String currency, String reason) {
        Scheme scheme = writable(schemeId);
        Checks checks = new Checks();
        boolean validYear = year(checks, year);
        Money base = checks.money("amount", amount, "currency", currency, false);
        String unit = unitCode == null ? "" : unitCode.strip();
        checks.rule(!unit.isEmpty() && !(validYear
                && !missingUnits(scheme, List.of(unit), LocalDate.of(year, 12, 31)).isEmpty()),
                "unitCode", "Exists", "finance.unit", unit);
        checks.orThrow();
        Optional<BigDecimal> before = jdbc.sql("""
                select amount from contribution_base where scheme_id = :s and year = :y and unit_code = :u and currency = :c""")
                .param("s", schemeId).param("y", year).param("u", unit).param("c", currency).query(BigDecimal.class)
                .optional();
        String why = reason == null || reason.isBlank() ? null : reason.strip();
        boolean corrected = before.isPresent() && before.get().compareTo(base.amount()) != 0;
        checks.rule(!corrected || why != null, "reason", "NotBlank", "finance.base.reason");
        checks.rule(why == null || why.length() <= 500, "reason", "Size", "Size", "reason", 500);
        checks.orThrow();
        jdbc.sql("""
                insert into contribution_base (scheme_id, year, unit_code, amount, currency) values (:s, :y, :u, :a, :c)
                on conflict (scheme_id, year, unit_code, currency) do update set amount = excluded.amount""")
                .param("s", schemeId).param("y", year).param("u", unit).param("a", base.amount()).param("c", currency)
                .update();
        Map<String, Object> after = new LinkedHashMap<>(Map.of("year", year, "unitCode", unit, "amount",
                base.amount().toPlainString(), "currency", currency));
        if (why != null) {
            after.put("reason", why);
        }
        String key = year + "/" + unit + "/" + currency;
        audit.record(before.isPresent()
                ? Change.updated("contribution_base", key, schemeId, "Base de aporte " + key + (why == null ? "" : ": " + why),
                        Map.of("amount", before.get().toPlainString()), after)
                : Change.created("contribution_base", key, schemeId, "Base de aporte " + key, after));
        return new Base(schemeId, year, unit, base.amount(), currency);
    }

    @Transactional(readOnly = true)
    List<Base> bases(long schemeId) {
        return jdbc.sql("""
                select scheme_id, year, unit_code, amount, currency from contribution_base
                where scheme_id = :s order by year desc, unit_code, currency""").param("s", schemeId)
                .query(Base.class).list();
    }

    /** Whether a rule of the scheme covers the unit. */
    boolean covers(long schemeId, String unit) {
        return jdbc.sql("""
                select exists (select 1 from contribution_rule_member m join contribution_rule r on r.id = m.rule_id
                where r.scheme_id = :s and m.unit_code = :u)""").param("s", schemeId).param("u", unit)
                .query(Boolean.class).single();
    }

    /** A rule's year: from 1990 to 2100, with finance's own words. */
    private static boolean year(Checks checks, Integer year) {
        boolean valid = year != null && year >= FIRST_YEAR && year <= LAST_YEAR;
        checks.rule(valid, "year", "Range", "finance.rule.year");
        return valid;
    }

    /** The codes that are no unit of the scheme's country at the end of the year, nor at its start. */
    private List<String> missingUnits(Scheme scheme, List<String> codes, LocalDate at) {
        Map<String, TerritorialUnit> found = territory.findAll(scheme.getCountry().name(), codes, at);
        Map<String, TerritorialUnit> early = territory.findAll(scheme.getCountry().name(), codes, at.withDayOfYear(1));
        return codes.stream().filter(c -> !found.containsKey(c) && !early.containsKey(c)).toList();
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
