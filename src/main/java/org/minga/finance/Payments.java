package org.minga.finance;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.minga.finance.Contributions.Kind;
import org.minga.finance.Contributions.Payment;
import org.minga.finance.Contributions.PaymentCorrection;
import org.minga.finance.Contributions.PaymentInput;
import org.minga.finance.Contributions.Rule;
import org.minga.finance.Contributions.Voiding;
import org.minga.platform.AuditLog;
import org.minga.platform.AuditLog.Change;
import org.minga.platform.Checks;
import org.minga.platform.Inputs;
import org.minga.platform.Money;
import org.minga.platform.NotFoundException;
import org.minga.platform.SystemActor;
import org.minga.platform.Zones;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Payments and contributions in kind, and their corrections. What a payment settles is never stored:
 * the {@link Ledger} derives it at every reading (oldest open obligations of its currency first; what
 * is left over is a credit that settles obligations generated later). A payment is never deleted: it
 * is voided with a reason, or corrected (voided, pointing to the payment that replaces it).
 */
@Service
class Payments {

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final ContributionRules rules;
    private final Zones zones;
    private final Ledger ledger;

    Payments(JdbcClient jdbc, AuditLog audit, ContributionRules rules, Zones zones, Ledger ledger) {
        this.ledger = ledger;
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
        return record(schemeId, unit, in.paidOn(), amount, Inputs.text(in.reference()), "CASH", null, null);
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
        checks.rule(!rule.voided(), "ruleId", "NotVoided", "finance.rule.alreadyVoided");
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
        return ledger.at(schemeId, unitCode, upTo).payments();
    }

    @Transactional
    Payment voidPayment(long schemeId, long paymentId, Voiding why) {
        rules.writable(schemeId);
        Stored old = stored(schemeId, paymentId);
        Checks checks = new Checks().valid(why);
        checks.rule(old.voidReason() == null, "reason", "NotVoided", "finance.payment.alreadyVoided");
        checks.orThrow();
        voidStored(schemeId, old, why.reason().strip(), null);
        return find(schemeId, paymentId);
    }

    /**
     * The payment as it should have been: a new payment in force, and the original voided with the
     * reason and a pointer to it. A contribution in kind is corrected by voiding it and recording it
     * anew, since it carries its own obligation.
     */
    @Transactional
    Payment correct(long schemeId, long paymentId, PaymentCorrection in) {
        var scheme = rules.writable(schemeId);
        LocalDate today = zones.today(scheme.getCountry().name());
        Stored old = stored(schemeId, paymentId);
        Checks checks = new Checks().valid(in);
        checks.rule(old.voidReason() == null, "reason", "NotVoided", "finance.payment.alreadyVoided");
        checks.rule("CASH".equals(old.kind()), "reason", "InKind", "finance.payment.correctInKind");
        String unit = in.unitCode() == null ? "" : in.unitCode().strip();
        checks.rule(!unit.isEmpty() && rules.covers(schemeId, unit), "unitCode", "Member",
                "finance.payment.member", unit);
        checks.rule(in.paidOn() != null && !in.paidOn().isAfter(today), "paidOn", "PastOrPresent",
                "finance.payment.paidOn");
        Money amount = checks.money("amount", in.amount(), "currency", in.currency(), true);
        checks.orThrow();
        Payment replacement = record(schemeId, unit, in.paidOn(), amount, Inputs.text(in.reference()), "CASH", null,
                null);
        voidStored(schemeId, old, in.reason().strip(), replacement.id());
        return replacement;
    }

    record Stored(long id, String unitCode, LocalDate paidOn, BigDecimal amount, String currency, String reference,
            String kind, Long obligationId, String voidReason) {
    }

    private Stored stored(long schemeId, long paymentId) {
        return jdbc.sql("""
                select id, unit_code, paid_on, amount, currency, reference, kind, obligation_id, void_reason
                from contribution_payment where id = :p and scheme_id = :s for update""")
                .param("p", paymentId).param("s", schemeId).query(Stored.class).optional()
                .orElseThrow(() -> new NotFoundException("pago", paymentId));
    }

    /** Voids in place (never deleted); an in-kind contribution takes its value out of its own obligation. */
    private void voidStored(long schemeId, Stored old, String reason, Long replacedBy) {
        jdbc.sql("""
                update contribution_payment set voided_at = now(), voided_by = :by, void_reason = :r, replaced_by = :n
                where id = :p""").param("by", SystemActor.current()).param("r", reason).param("n", replacedBy)
                .param("p", old.id()).update();
        if (old.obligationId() != null) {
            jdbc.sql("update contribution_obligation set amount = greatest(amount - :a, 0) where id = :o")
                    .param("a", old.amount()).param("o", old.obligationId()).update();
        }
        Map<String, Object> before = new LinkedHashMap<>();
        before.put("unitCode", old.unitCode());
        before.put("paidOn", old.paidOn().toString());
        before.put("amount", old.amount().toPlainString());
        before.put("currency", old.currency());
        before.put("kind", old.kind());
        if (old.reference() != null) {
            before.put("reference", old.reference());
        }
        Map<String, Object> after = new LinkedHashMap<>(before);
        after.put("voidReason", reason);
        if (replacedBy != null) {
            after.put("replacedBy", replacedBy);
        }
        audit.record(Change.updated("contribution_payment", old.id(), schemeId,
                (replacedBy == null ? "Pago anulado de " : "Pago corregido de ") + old.unitCode() + ": " + reason,
                before, after));
    }

    /** The payment with what it settles of every obligation generated so far. */
    private Payment find(long schemeId, long paymentId) {
        String unit = jdbc.sql("select unit_code from contribution_payment where id = :p").param("p", paymentId)
                .query(String.class).single();
        return ledger.at(schemeId, unit, Ledger.ALWAYS).payments().stream().filter(p -> p.id() == paymentId)
                .findFirst().orElseThrow();
    }

    /** Stores the payment (a contribution in kind linked to its own obligation) and reads it back applied. */
    private Payment record(long schemeId, String unit, LocalDate paidOn, Money amount, String reference, String kind,
            String description, Long obligation) {
        String currency = amount.currency().name();
        long id = jdbc.sql("""
                insert into contribution_payment (scheme_id, unit_code, paid_on, amount, currency, reference, kind, description, obligation_id, recorded_by)
                values (:s, :u, :on, :a, :c, :ref, :k, :d, :o, :by) returning id""").param("s", schemeId).param("u", unit)
                .param("on", paidOn).param("a", amount.amount()).param("c", currency).param("ref", reference)
                .param("k", kind).param("d", description).param("o", obligation).param("by", SystemActor.current())
                .query(Long.class).single();
        Payment payment = find(schemeId, id);
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
