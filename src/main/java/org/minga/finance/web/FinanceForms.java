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

    public static class RuleForm {
        private Integer year;
        private String name;
        private String kind = "FIXED";
        private BigDecimal amount;
        private BigDecimal percent;
        private String periodicity = "MONTHLY";
        private String currency = "COP";
        private Integer dueDay = 10;
        private String members;

        public RuleForm() {
        }

        RuleForm(int year) {
            this.year = year;
        }

        /** The rule as the service takes it; members are codes separated by commas, semicolons or spaces. */
        Contributions.RuleInput input() {
            List<String> list = members == null ? List.of()
                    : Arrays.stream(members.split("[,;\\s]+")).filter(s -> !s.isBlank()).toList();
            return new Contributions.RuleInput(year, name, kind, amount, percent, periodicity, currency, dueDay, list);
        }

        public Integer getYear() { return year; }
        public void setYear(Integer year) { this.year = year; }
        public String getName() { return name; }
        public void setName(String name) { this.name = name; }
        public String getKind() { return kind; }
        public void setKind(String kind) { this.kind = kind; }
        public BigDecimal getAmount() { return amount; }
        public void setAmount(BigDecimal amount) { this.amount = amount; }
        public BigDecimal getPercent() { return percent; }
        public void setPercent(BigDecimal percent) { this.percent = percent; }
        public String getPeriodicity() { return periodicity; }
        public void setPeriodicity(String periodicity) { this.periodicity = periodicity; }
        public String getCurrency() { return currency; }
        public void setCurrency(String currency) { this.currency = currency; }
        public Integer getDueDay() { return dueDay; }
        public void setDueDay(Integer dueDay) { this.dueDay = dueDay; }
        public String getMembers() { return members; }
        public void setMembers(String members) { this.members = members; }
    }

    public static class BaseForm {
        private Integer year;
        private String unitCode;
        private BigDecimal amount;
        private String currency = "COP";

        public BaseForm() {
        }

        BaseForm(int year) {
            this.year = year;
        }

        public Integer getYear() { return year; }
        public void setYear(Integer year) { this.year = year; }
        public String getUnitCode() { return unitCode; }
        public void setUnitCode(String unitCode) { this.unitCode = unitCode; }
        public BigDecimal getAmount() { return amount; }
        public void setAmount(BigDecimal amount) { this.amount = amount; }
        public String getCurrency() { return currency; }
        public void setCurrency(String currency) { this.currency = currency; }
    }

    public static class PaymentForm {
        private String unitCode;
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
        private LocalDate paidOn;
        private BigDecimal amount;
        private String currency = "COP";
        private String reference;

        public PaymentForm() {
        }

        PaymentForm(LocalDate today) {
            this.paidOn = today;
        }

        Contributions.PaymentInput input() {
            return new Contributions.PaymentInput(unitCode, paidOn, amount, currency, reference);
        }

        public String getUnitCode() { return unitCode; }
        public void setUnitCode(String unitCode) { this.unitCode = unitCode; }
        public LocalDate getPaidOn() { return paidOn; }
        public void setPaidOn(LocalDate paidOn) { this.paidOn = paidOn; }
        public BigDecimal getAmount() { return amount; }
        public void setAmount(BigDecimal amount) { this.amount = amount; }
        public String getCurrency() { return currency; }
        public void setCurrency(String currency) { this.currency = currency; }
        public String getReference() { return reference; }
        public void setReference(String reference) { this.reference = reference; }
    }

    public static class InKindForm {
        private Long ruleId;
        private String unitCode;
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
        private LocalDate on;
        private BigDecimal amount;
        private String description;

        public InKindForm() {
        }

        InKindForm(LocalDate today) {
            this.on = today;
        }

        public Long getRuleId() { return ruleId; }
        public void setRuleId(Long ruleId) { this.ruleId = ruleId; }
        public String getUnitCode() { return unitCode; }
        public void setUnitCode(String unitCode) { this.unitCode = unitCode; }
        public LocalDate getOn() { return on; }
        public void setOn(LocalDate on) { this.on = on; }
        public BigDecimal getAmount() { return amount; }
        public void setAmount(BigDecimal amount) { this.amount = amount; }
        public String getDescription() { return description; }
        public void setDescription(String description) { this.description = description; }
    }
}
