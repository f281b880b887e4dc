package org.minga.finance;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.minga.registry.Scheme;
import org.springframework.stereotype.Service;

/**
 * The members' contributions to their scheme, as other modules and the web layer see them: rules
 * per year and declared bases ({@link ContributionRules}), obligations per member and period
 * ({@link Obligations}), payments ({@link Payments}) applied to the oldest open obligations by a
 * rule derived at every reading ({@link Ledger}), arrears by age and the member's statement
 * ({@link Statements}). Every write checks the scheme scope first
 * and is audited in its transaction. Amounts follow {@link org.minga.platform.Money}'s rule: entered
 * with at most two decimals (more is refused), computed shares rounded half-even to cents.
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

    /** A new rule as entered; the kind decides whether it needs an amount or a percentage. */
    public record RuleInput(Integer year, @NotBlank @Size(max = 200) String name, String kind, BigDecimal amount,
            BigDecimal percent, String periodicity, String currency, Integer dueDay, List<String> members) {
    }

    /** A rule; a voided one keeps its reason and its obligations no longer count. */
    public record Rule(long id, long schemeId, int year, String name, Kind kind, BigDecimal amount, BigDecimal percent,
            Periodicity periodicity, String currency, int dueDay, List<String> members, String voidReason) {

        public boolean voided() {
            return voidReason != null;
        }
    }

    public record Base(long schemeId, int year, String unitCode, BigDecimal amount, String currency) {
    }

    public record Generated(long ruleId, int created, int existing) {
    }

    public record PaymentInput(String unitCode, LocalDate paidOn, BigDecimal amount, String currency,
            @Size(max = 200) String reference) {
    }

    /**
     * A payment as of a date: {@code applied} is what it settled of the obligations due by then (the
     * rest is the member's credit). A voided payment keeps its reason and, when corrected, the payment
     * that replaced it; it applies nothing.
     */
    public record Payment(long id, String unitCode, LocalDate paidOn, BigDecimal amount, String currency,
            String reference, String kind, String description, BigDecimal applied, String voidReason,
            Long replacedBy) {

        public boolean voided() {
            return voidReason != null;
        }
    }

    /** Why a payment, or a rule, no longer counts. */
    public record Voiding(@NotBlank @Size(max = 500) String reason) {
    }

    /** A payment as it should have been recorded, and why: the original is voided and points to it. */
    public record PaymentCorrection(String unitCode, LocalDate paidOn, BigDecimal amount, String currency,
            @Size(max = 200) String reference, @NotBlank @Size(max = 500) String reason) {
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

    public record Statement(long schemeId, String schemeName, String country, String unitCode, String name, LocalDate at,
            List<Obligation> obligations, List<Payment> payments, List<Balance> balances, List<Arrears> arrears) {
    }

    private final ContributionRules rules;
    private final Obligations obligations;
    private final Payments payments;
    private final Statements statements;

    Contributions(ContributionRules rules, Obligations obligations, Payments payments, Statements statements) {
        this.rules = rules;
        this.obligations = obligations;
        this.payments = payments;
        this.statements = statements;
    }

    public Rule createRule(long schemeId, RuleInput in) {
        return rules.create(schemeId, in);
    }

    public List<Rule> rules(long schemeId) {
        return rules.of(schemeId);
    }

    public Rule rule(long schemeId, long ruleId) {
        return rules.get(schemeId, ruleId);
    }

    /**
     * Declares a member's base for a year, such as its FODES or SGP transfer, or corrects it with a
     * reason; the obligations already generated from it follow.
     */
    public Base declareBase(long schemeId, Integer year, String unitCode, BigDecimal amount, String currency,
            String reason) {
        return obligations.declareBase(schemeId, year, unitCode, amount, currency, reason);
    }

    public List<Base> bases(long schemeId) {
        return rules.bases(schemeId);
    }

    /** Creates the rule's obligations for every covered member and period of its year; idempotent. */
    public Generated generate(long schemeId, long ruleId) {
        return obligations.generate(schemeId, ruleId);
    }

    public List<Obligation> obligations(long schemeId, String unitCode, LocalDate dueUpTo) {
        return obligations.of(schemeId, unitCode, dueUpTo);
    }

    /** Records a payment and applies it to the member's oldest open obligations of its currency. */
    public Payment pay(long schemeId, PaymentInput in) {
        return payments.pay(schemeId, in);
    }

    /** Records a valued contribution in kind under an IN_KIND rule: both its obligation and its payment. */
    public Payment contributeInKind(long schemeId, long ruleId, String unitCode, LocalDate on, BigDecimal value,
            String description) {
        return payments.inKind(schemeId, ruleId, unitCode, on, value, description);
    }

    /** Payments made up to a date, voided ones included, with what each applied as of that date. */
    public List<Payment> payments(long schemeId, String unitCode, LocalDate upTo) {
        return payments.of(schemeId, unitCode, upTo);
    }

    /** Voids a payment with a reason: it stays visible and counts for nothing; everything derived follows. */
    public Payment voidPayment(long schemeId, long paymentId, Voiding why) {
        return payments.voidPayment(schemeId, paymentId, why);
    }

    /** Records the payment as it should have been and voids the original, pointing to the new one. */
    public Payment correctPayment(long schemeId, long paymentId, PaymentCorrection in) {
        return payments.correct(schemeId, paymentId, in);
    }

    /** Voids a rule with a reason: its obligations stay visible in its history and no longer count. */
    public Rule voidRule(long schemeId, long ruleId, Voiding why) {
        return rules.voidRule(schemeId, ruleId, why);
    }

    /** What each member owes past due as of a date, by days past due: 1 to 30, 31 to 90, more than 90. */
    public List<Arrears> arrears(long schemeId, LocalDate at, String unitCode) {
        return statements.arrears(schemeId, at, unitCode);
    }

    /** A member's obligations due and payments made up to a date, balance per currency and arrears. */
    public Statement statement(long schemeId, String unitCode, LocalDate at) {
        return statements.statement(schemeId, unitCode, at);
    }

    /** The units covered by any rule of the scheme, by code. */
    public Set<String> members(long schemeId) {
        return statements.members(schemeId);
    }

    /** Unit names as of a date (codes without a unit keep their code). */
    public Map<String, String> names(Scheme scheme, List<String> codes, LocalDate at) {
        return statements.names(scheme, codes, at);
    }
}
