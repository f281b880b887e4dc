package org.minga.finance;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.minga.finance.Contributions.Kind;
import org.minga.finance.Contributions.Payment;
import org.minga.finance.Contributions.PaymentInput;
import org.minga.finance.Contributions.Rule;
import org.minga.platform.AuditLog;
import org.minga.platform.AuditLog.Change;
import org.minga.platform.Checks;
import org.minga.platform.Inputs;
import org.minga.platform.Money;
import org.minga.platform.SystemActor;
import org.minga.platform.Zones;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Payments and contributions in kind. A payment goes to the member's oldest open obligations of its
 * currency (by due date); what is left over stays as a credit in the member's favour.
 */
@Service
class Payments {

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final ContributionRules rules;
    private final Zones zones;

    Payments(JdbcClient jdbc, AuditLog audit, ContributionRules rules, Zones zones) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.rules = rules;
        this.zones = zones;
    }

    @Transactional
    Payment pay(long schemeId, PaymentInput in) {
        var scheme = rules.writable(schemeId);
        LocalDate today = zones.today(scheme.getCountry().name());
        Checks checks = new Checks().valid(in);
        String unit = in.unitCode() == null ? "" : in.unitCode().strip();
        checks.rule(!unit.isEmpty() && rules.covers(schemeId, unit), "unitCode", "Member",
                "finance.payment.member", unit);
        checks.rule(in.paidOn() != null && !in.paidOn().isAfter(today), "paidOn", "PastOrPresent",
                "finance.payment.paidOn");
        Money amount = checks.money("amount", in.amount(), "currency", in.currency(), true);
        checks.orThrow();
        return record(schemeId, unit, in.paidOn(), amount, Inputs.text(in.reference()), "CASH", null, -1);
    }

    /**
     * A valued contribution in kind under an IN_KIND rule: it is both the member's obligation (due on
     * the date) and its payment, so it counts as paid in the statement and in equity.
     */
    @Transactional
    Payment inKind(long schemeId, long ruleId, String unitCode, LocalDate on, BigDecimal value, String description) {
        LocalDate today = zones.today(rules.writable(schemeId).getCountry().name());
        Rule rule = rules.get(schemeId, ruleId);
        Checks checks = new Checks();
        String unit = unitCode == null ? "" : unitCode.strip();
        checks.rule(rule.kind() == Kind.IN_KIND, "ruleId", "InKind", "finance.inKind.rule");
        checks.rule(rule.members().contains(unit), "unitCode", "Member", "finance.payment.member", unit);
        checks.rule(on != null && !on.isAfter(today) && on.getYear() == rule.year(), "on", "InYear",
                "finance.inKind.on", rule.year());
        Money amount = checks.money("amount", value, "currency", rule.currency(), true);
        checks.rule(description != null && !description.isBlank(), "description", "NotBlank",
                "finance.inKind.description");
        String text = checks.optionalText("description", description, 1000);
        checks.orThrow();
        jdbc.sql("""
                insert into contribution_obligation (scheme_id, rule_id, unit_code, period_start, period_end, due_on, amount, currency)
                values (:s, :r, :u, :on, :on, :on, :a, :c)
                on conflict (rule_id, unit_code, period_start) do update set amount = contribution_obligation.amount + excluded.amount""")
                .param("s", schemeId).param("r", ruleId).param("u", unit).param("on", on).param("a", amount.amount())
                .param("c", rule.currency()).update();
        long obligation = jdbc.sql("select id from contribution_obligation where rule_id = :r and unit_code = :u and period_start = :on")
                .param("r", ruleId).param("u", unit).param("on", on).query(Long.class).single();
        return record(schemeId, unit, on, amount, null, "IN_KIND", text, obligation);
    }

    @Transactional(readOnly = true)
    List<Payment> of(long schemeId, String unitCode, LocalDate upTo) {
        return jdbc.sql("""
                select p.id, p.unit_code, p.paid_on, p.amount, p.currency, p.reference, p.kind, p.description,
                       coalesce((select sum(a.amount) from contribution_allocation a where a.payment_id = p.id), 0) as applied
                from contribution_payment p
                where p.scheme_id = :s and (cast(:u as text) is null or p.unit_code = :u) and p.paid_on <= :at
                order by p.paid_on, p.id""").param("s", schemeId).param("u", unitCode).param("at", upTo)
                .query(Payment.class).list();
    }

    /** Stores the payment and applies it, {@code first} obligation first, then the oldest open ones. */
    private Payment record(long schemeId, String unit, LocalDate paidOn, Money amount, String reference, String kind,
            String description, long first) {
        String currency = amount.currency().name();
        long id = jdbc.sql("""
                insert into contribution_payment (scheme_id, unit_code, paid_on, amount, currency, reference, kind, description, recorded_by)
                values (:s, :u, :on, :a, :c, :ref, :k, :d, :by) returning id""").param("s", schemeId).param("u", unit)
                .param("on", paidOn).param("a", amount.amount()).param("c", currency).param("ref", reference)
                .param("k", kind).param("d", description).param("by", SystemActor.current()).query(Long.class).single();
        record Open(long id, BigDecimal open) {
        }
        List<Open> open = jdbc.sql("""
                select id, amount - paid as open from contribution_obligation
                where scheme_id = :s and unit_code = :u and currency = :c and paid < amount
                order by id = :first desc, due_on, id for update""").param("first", first).param("s", schemeId)
                .param("u", unit).param("c", currency).query(Open.class).list();
        Money left = amount;
        for (Open o : open) {
            if (left.signum() <= 0) {
                break;
            }
            Money due = Money.of(o.open(), amount.currency());
            Money applied = left.compareTo(due) <= 0 ? left : due;
            jdbc.sql("update contribution_obligation set paid = paid + :a where id = :id").param("a", applied.amount())
                    .param("id", o.id()).update();
            jdbc.sql("insert into contribution_allocation (payment_id, obligation_id, amount) values (:p, :o, :a)")
                    .param("p", id).param("o", o.id()).param("a", applied.amount()).update();
            left = left.minus(applied);
        }
        Payment payment = new Payment(id, unit, paidOn, amount.amount(), currency, reference, kind, description,
                amount.minus(left).amount());
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
}
