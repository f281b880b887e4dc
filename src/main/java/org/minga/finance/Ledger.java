package org.minga.finance;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.minga.finance.Contributions.Obligation;
import org.minga.finance.Contributions.Payment;
import org.minga.finance.internal.Applications;
import org.minga.finance.internal.Applications.Due;
import org.minga.finance.internal.Applications.Paid;
import org.minga.platform.Money;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The obligations and payments of a scheme (or one member) as of a date, with what was paid of each
 * obligation and applied of each payment derived by {@link Applications} from the obligations due
 * and the payments in force made by that date. Arrears, statements, obligation lists and payment
 * lists all read it, so they agree on every date.
 */
@Service
class Ledger {

    /** Obligations due by the date; payments made by it, voided ones included (applied nothing). */
    record View(List<Obligation> obligations, List<Payment> payments) {

        List<Payment> inForce() {
            return payments.stream().filter(p -> !p.voided()).toList();
        }
    }

    /** A date after every record: the applications to every obligation generated so far. */
    static final LocalDate ALWAYS = LocalDate.of(9999, 12, 31);

    private final JdbcClient jdbc;

    Ledger(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    View at(long schemeId, String unitCode, LocalDate at) {
        record DueRow(long id, long ruleId, String ruleName, String unitCode, LocalDate periodStart, LocalDate periodEnd,
                LocalDate dueOn, BigDecimal amount, String currency) {
        }
        record PaidRow(long id, String unitCode, LocalDate paidOn, BigDecimal amount, String currency,
                String reference, String kind, String description, Long obligationId, String voidReason,
                Long replacedBy) {
        }
        List<DueRow> dues = jdbc.sql("""
                select o.id, o.rule_id, r.name as rule_name, o.unit_code, o.period_start, o.period_end, o.due_on,
                       o.amount, o.currency
                from contribution_obligation o join contribution_rule r on r.id = o.rule_id
                where o.scheme_id = :s and (cast(:u as text) is null or o.unit_code = :u) and o.due_on <= :at
                  and o.amount > 0 and r.voided_at is null
                order by o.unit_code, o.due_on, o.period_start, r.name, o.id""")
                .param("s", schemeId).param("u", unitCode).param("at", at).query(DueRow.class).list();
        List<PaidRow> paid = jdbc.sql("""
                select id, unit_code, paid_on, amount, currency, reference, kind, description, obligation_id,
                       void_reason, replaced_by
                from contribution_payment
                where scheme_id = :s and (cast(:u as text) is null or unit_code = :u) and paid_on <= :at
                order by paid_on, id""").param("s", schemeId).param("u", unitCode).param("at", at)
                .query(PaidRow.class).list();
        Applications.Result result = Applications.apply(
                dues.stream().map(d -> new Due(d.id(), d.unitCode(), d.currency(), d.dueOn(), d.periodStart(),
                        d.ruleName(), d.amount())).toList(),
                paid.stream().filter(p -> p.voidReason() == null).map(p -> new Paid(p.id(), p.unitCode(), p.currency(),
                        p.paidOn(), p.amount(), p.reference(), p.obligationId())).toList());
        return new View(
                dues.stream().map(d -> new Obligation(d.id(), d.ruleId(), d.ruleName(), d.unitCode(), d.periodStart(),
                        d.periodEnd(), d.dueOn(), d.amount(), d.currency(), cents(result.paidOf(d.id())))).toList(),
                paid.stream().map(p -> new Payment(p.id(), p.unitCode(), p.paidOn(), p.amount(), p.currency(),
                        p.reference(), p.kind(), p.description(), cents(result.appliedOf(p.id())), p.voidReason(),
                        p.replacedBy())).toList());
    }

    /** Sums of amounts in cents stay in cents (zero included), as the database writes them. */
    private static BigDecimal cents(BigDecimal amount) {
        return amount.setScale(Money.SCALE);
    }
}
