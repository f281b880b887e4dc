package org.minga.projects.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.minga.platform.AuditLog.Change;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.minga.platform.Checks;
import org.minga.platform.Currency;
import org.minga.platform.Inputs;
import org.minga.platform.Money;
import org.minga.platform.NotFoundException;
import org.minga.platform.SystemActor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Co-financing of a project: who commits how much, on which date, and how much of it has been
 * disbursed. Totals are kept per currency; the gap is the cost minus what is committed in the
 * project's own currency. Amounts in other currencies are shown apart and never added in.
 */
@Service
public class Financing {

    public enum SourceType { MEMBER_MUNICIPALITY, DEPARTMENT, NATION, ROYALTIES_SGR, INTERNATIONAL_COOPERATION, PRIVATE, OWN }

    /** A line; a voided one keeps its reason and counts in no total and no benefit. */
    public record Line(long id, long projectId, SourceType sourceType, String entity, String unitCode,
            BigDecimal amount, String currency, LocalDate committedOn, BigDecimal disbursed, String voidReason) {

        public boolean voided() {
            return voidReason != null;
        }
    }

    /** Why a line no longer counts. */
    public record Voiding(@NotBlank @Size(max = 500) String reason) {
    }

    public record CurrencyTotal(String currency, BigDecimal committed, BigDecimal disbursed) {
    }

    /**
     * Totals of one project: per currency; the cost and its currency; the gap in that currency
     * (null without a cost; negative when more is committed than it costs) and the committed share
     * of the cost in percent.
     */
    public record Totals(BigDecimal cost, String currency, BigDecimal committed, BigDecimal disbursed, BigDecimal gap,
            BigDecimal committedPercent, List<CurrencyTotal> otherCurrencies) {
    }

    private final Bank bank;
    private final Projects projects;

    Financing(Bank bank, Projects projects) {
        this.bank = bank;
        this.projects = projects;
    }

    /**
     * A commitment as a form or the API sends it. Amounts are rounded half-even to cents (the
     * project bank's rule since its first release, which its tests keep), not refused.
     */
    public record NewLine(String sourceType, @Size(max = 300) String entity, String unitCode, BigDecimal amount,
            String currency, LocalDate committedOn, BigDecimal disbursed) {
    }

    @Transactional
    public Line add(long projectId, NewLine in) {
        Projects.Project p = projects.writable(projectId);
        String country = bank.country(p.schemeId());
        LocalDate today = bank.zones().today(country);
        Checks checks = new Checks().valid(in);
        SourceType type = Inputs.enumValue(SourceType.class, in.sourceType());
        checks.rule(type != null, "sourceType", "OneOf", "projects.financing.sourceType");
        String who = Inputs.text(in.entity());
        checks.rule(who != null, "entity", "NotBlank", "projects.financing.entity");
        String unit = Inputs.text(in.unitCode()) == null ? null : ProjectRules.unitCode(in.unitCode());
        checks.rule(type != SourceType.MEMBER_MUNICIPALITY || unit != null, "unitCode", "Required",
                "projects.financing.unit.required");
        LocalDate committedOn = in.committedOn();
        if (unit != null) {
            if (bank.territory().find(country, unit, today).isEmpty()) {
                checks.rule(false, "unitCode", "Exists", "projects.unit.unknown", country, unit);
            } else if (type == SourceType.MEMBER_MUNICIPALITY) {
                // Only this source type claims membership, on the day of the commitment. A department,
                // the nation, a cooperant or a neighbouring non-member municipality co-finances under
                // the other types and may name any unit that exists.
                bank.memberUnits().check(p.schemeId(), "unitCode", unit, committedOn == null ? today : committedOn)
                        .ifPresent(checks::add);
            }
        }
        Currency currency = checks.oneOf("currency", Currency.class,
                Inputs.text(in.currency()) == null ? p.currency() : in.currency());
        BigDecimal a = cents(in.amount());
        checks.rule(a != null && a.signum() > 0, "amount", "Positive", "projects.financing.amount");
        checks.rule(a == null || Money.fits(a), "amount", "Money", "Money", "amount", Money.SCALE,
                Money.INTEGER_DIGITS);
        if (committedOn == null) {
            checks.rule(false, "committedOn", "Required", "projects.financing.committedOn");
        } else {
            checks.rule(!committedOn.isAfter(today), "committedOn", "PastOrPresent",
                    "projects.financing.committedOn.future");
        }
        BigDecimal d = cents(in.disbursed() == null ? BigDecimal.ZERO : in.disbursed());
        if (d.signum() < 0) {
            checks.rule(false, "disbursed", "PositiveOrZero", "projects.financing.disbursed.negative");
        } else {
            checks.rule(a == null || d.compareTo(a) <= 0, "disbursed", "AtMostAmount",
                    "projects.financing.disbursed.max");
        }
        checks.orThrow();
        String c = currency.name();
        long id = bank.jdbc().sql("""
                insert into financing_line (project_id, source_type, entity, unit_code, amount, currency,
                    committed_on, disbursed)
                values (:p, :t, :e, :u, :a, :c, :on, :d) returning id
                """).param("p", projectId).param("t", type.name()).param("e", who).param("u", unit).param("a", a)
                .param("c", c).param("on", Date.valueOf(committedOn)).param("d", d).query(Long.class).single();
        Line line = new Line(id, projectId, type, who, unit, a, c, committedOn, d, null);
        Map<String, Object> state = Bank.state("projectId", projectId, "sourceType", type.name(), "entity", who,
                "unitCode", unit, "amount", a.toPlainString(), "currency", c, "committedOn", committedOn.toString(),
                "disbursed", d.toPlainString());
        bank.audit().record(Change.created("financing_line", id, p.schemeId(), "Cofinanciación de " + who + " al proyecto "
                + p.code(), state));
        return line;
    }

    /**
     * Voids a line with a reason, never deleting it: it stays listed with the reason, leaves the
     * totals, and the scheme's benefit ledger is rebuilt without it on its next read.
     */
    @Transactional
    public Line voidLine(long projectId, long lineId, Voiding why) {
        Projects.Project p = projects.writable(projectId);
        Line line = lines(projectId).stream().filter(l -> l.id() == lineId).findFirst()
                .orElseThrow(() -> new NotFoundException("línea de cofinanciación", lineId));
        Checks checks = new Checks().valid(why);
        checks.rule(!line.voided(), "reason", "NotVoided", "projects.financing.alreadyVoided");
        checks.orThrow();
        String reason = why.reason().strip();
        bank.jdbc().sql("""
                update financing_line set voided_at = now(), voided_by = :by, void_reason = :r where id = :id
                """).param("by", SystemActor.current()).param("r", reason).param("id", lineId).update();
        Map<String, Object> before = Bank.state("sourceType", line.sourceType().name(), "entity", line.entity(),
                "unitCode", line.unitCode(), "amount", line.amount().toPlainString(), "currency", line.currency(),
                "committedOn", line.committedOn().toString());
        Map<String, Object> after = new LinkedHashMap<>(before);
        after.put("voidReason", reason);
        bank.audit().record(Change.updated("financing_line", lineId, p.schemeId(), "Cofinanciación anulada de "
                + line.entity() + " al proyecto " + p.code() + ": " + reason, before, after));
        return lines(projectId).stream().filter(l -> l.id() == lineId).findFirst().orElseThrow();
    }

    /** The project's lines, voided ones included (with their reason). */
    public List<Line> lines(long projectId) {
        return bank.jdbc().sql("""
                select id, project_id, source_type, entity, unit_code, amount, currency, committed_on, disbursed, void_reason
                from financing_line where project_id = :p order by committed_on, id
                """).param("p", projectId).query((rs, n) -> new Line(rs.getLong("id"), rs.getLong("project_id"),
                        SourceType.valueOf(rs.getString("source_type")), rs.getString("entity"),
                        rs.getString("unit_code"), rs.getBigDecimal("amount"), rs.getString("currency").strip(),
                        rs.getDate("committed_on").toLocalDate(), rs.getBigDecimal("disbursed"),
                        rs.getString("void_reason"))).list();
    }

    public Totals totals(long projectId) {
        Projects.Project p = projects.get(projectId);
        return totals(p.cost(), p.currency(), lines(projectId));
    }

    /** The arithmetic of the totals, apart from the database so that it can be tested alone; voided lines left out. */
    public static Totals totals(BigDecimal cost, String currency, List<Line> lines) {
        Map<String, BigDecimal[]> byCurrency = new TreeMap<>();
        for (Line l : lines.stream().filter(l -> !l.voided()).toList()) {
            BigDecimal[] t = byCurrency.computeIfAbsent(l.currency(), k -> new BigDecimal[] {BigDecimal.ZERO
                    .setScale(2), BigDecimal.ZERO.setScale(2)});
            t[0] = t[0].add(l.amount());
            t[1] = t[1].add(l.disbursed());
        }
        BigDecimal[] own = byCurrency.getOrDefault(currency, new BigDecimal[] {BigDecimal.ZERO.setScale(2),
                BigDecimal.ZERO.setScale(2)});
        BigDecimal committed = cents(own[0]);
        BigDecimal gap = cost == null ? null : cents(cost.subtract(committed));
        BigDecimal percent = cost == null || cost.signum() == 0 ? null
                : committed.multiply(BigDecimal.valueOf(100)).divide(cost, 2, RoundingMode.HALF_EVEN);
        List<CurrencyTotal> others = byCurrency.entrySet().stream().filter(e -> !e.getKey().equals(currency))
                .map(e -> new CurrencyTotal(e.getKey(), cents(e.getValue()[0]), cents(e.getValue()[1])))
                .toList();
        return new Totals(cost, currency, committed, cents(own[1]), gap, percent, others);
    }

    /** An amount in cents, rounded half-even as {@link Money} rounds what Minga computes. */
    private static BigDecimal cents(BigDecimal amount) {
        return amount == null ? null : amount.setScale(Money.SCALE, Money.ROUNDING);
    }
}
