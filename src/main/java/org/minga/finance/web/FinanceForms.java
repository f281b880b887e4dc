package org.minga.finance.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import org.minga.finance.Contributions;
import org.springframework.format.annotation.DateTimeFormat;

/** The forms of the contributions page; each is bound, then handed to the service as its input. Defaults (today, this year) come from the controller's clock. */
final class FinanceForms {

    private FinanceForms() {
    }

    record RuleForm(Integer year, String name, String kind, BigDecimal amount, BigDecimal percent, String periodicity,
            String currency, Integer dueDay, String members) {

        /** A fixed monthly rule in pesos, due on the tenth. */
        static RuleForm blank(int year) {
            return new RuleForm(year, null, "FIXED", null, null, "MONTHLY", "COP", 10, null);
        }

        /** The rule as the service takes it; members are codes separated by commas, semicolons or spaces. */
        Contributions.RuleInput input() {
            List<String> list = members == null ? List.of()
                    : Arrays.stream(members.split("[,;\\s]+")).filter(s -> !s.isBlank()).toList();
            return new Contributions.RuleInput(year, name, kind, amount, percent, periodicity, currency, dueDay, list);
        }
    }

    record BaseForm(Integer year, String unitCode, BigDecimal amount, String currency, String reason) {

        static BaseForm blank(int year) {
            return new BaseForm(year, null, null, "COP", null);
        }
    }

    record PaymentForm(String unitCode, @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate paidOn, BigDecimal amount,
            String currency, String reference) {

        static PaymentForm blank(LocalDate today) {
            return new PaymentForm(null, today, null, "COP", null);
        }

        Contributions.PaymentInput input() {
            return new Contributions.PaymentInput(unitCode, paidOn, amount, currency, reference);
        }
    }

    record InKindForm(Long ruleId, String unitCode, @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on,
            BigDecimal amount, String description) {

        static InKindForm blank(LocalDate today) {
            return new InKindForm(null, null, today, null, null);
        }
    }

    /** A payment as it should have been, and why; the original is the one with {@code paymentId}. */
    record CorrectionForm(Long paymentId, String unitCode, @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate paidOn,
            BigDecimal amount, String currency, String reference, String reason) {

        static CorrectionForm blank() {
            return new CorrectionForm(null, null, null, null, "COP", null, null);
        }

        Contributions.PaymentCorrection input() {
            return new Contributions.PaymentCorrection(unitCode, paidOn, amount, currency, reference, reason);
        }
    }
}
