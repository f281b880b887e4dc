package org.minga.projects.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.minga.identity.Scopes;
import org.minga.platform.AuditLog;
import org.minga.platform.AuditLog.Change;
import org.minga.platform.InvalidInputException.Violation;
import org.minga.registry.MemberUnits;
import org.minga.registry.Schemes;
import org.minga.territory.Territory;
import org.springframework.jdbc.core.simple.JdbcClient;
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

    public record Line(long id, long projectId, SourceType sourceType, String entity, String unitCode,
            BigDecimal amount, String currency, LocalDate committedOn, BigDecimal disbursed) {
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

    private final JdbcClient jdbc;
    private final Projects projects;
    private final Schemes schemes;
    private final MemberUnits memberUnits;
    private final Scopes scopes;
    private final Territory territory;
    private final AuditLog audit;

    Financing(JdbcClient jdbc, Projects projects, Schemes schemes, MemberUnits memberUnits, Scopes scopes,
            Territory territory, AuditLog audit) {
        this.jdbc = jdbc;
        this.memberUnits = memberUnits;
        this.projects = projects;
        this.schemes = schemes;
        this.scopes = scopes;
        this.territory = territory;
        this.audit = audit;
    }

    @Transactional
    public Line add(long projectId, String sourceType, String entity, String unitCode, BigDecimal amount,
            String currency, LocalDate committedOn, BigDecimal disbursed) {
        Projects.Project p = projects.get(projectId);
        scopes.requireSchemeWrite(p.schemeId());
        List<Violation> problems = new ArrayList<>();
        SourceType type = Guard.parse(SourceType.class, sourceType);
        if (type == null) {
            problems.add(new Violation("sourceType", "OneOf", "projects.financing.sourceType"));
        }
        String who = Guard.required("entity", entity, 300, "projects.financing.entity", problems);
        String unit = Guard.blankToNull(unitCode) == null ? null : unitCode.strip().toUpperCase();
        if (type == SourceType.MEMBER_MUNICIPALITY && unit == null) {
            problems.add(new Violation("unitCode", "Required", "projects.financing.unit.required"));
        }
        if (unit != null) {
            String country = schemes.get(p.schemeId()).getCountry().name();
            if (territory.find(country, unit, LocalDate.now()).isEmpty()) {
                problems.add(new Violation("unitCode", "Exists", "projects.unit.unknown", country, unit));
            } else if (type == SourceType.MEMBER_MUNICIPALITY) {
                // Only this source type claims membership, on the day of the commitment. A department,
                // the nation, a cooperant or a neighbouring non-member municipality co-finances under
                // the other types and may name any unit that exists.
                memberUnits.check(p.schemeId(), "unitCode", unit, committedOn == null ? LocalDate.now() : committedOn)
                        .ifPresent(problems::add);
            }
        }
        BigDecimal a = Guard.money(amount);
        if (a == null || a.signum() <= 0) {
            problems.add(new Violation("amount", "Positive", "projects.financing.amount"));
        }
        String c = Guard.currency("currency", currency == null || currency.isBlank() ? p.currency() : currency,
                problems);
        if (committedOn == null) {
            problems.add(new Violation("committedOn", "Required", "projects.financing.committedOn"));
        } else if (committedOn.isAfter(LocalDate.now())) {
            problems.add(new Violation("committedOn", "PastOrPresent", "projects.financing.committedOn.future"));
        }
        BigDecimal d = Guard.money(disbursed == null ? BigDecimal.ZERO : disbursed);
        if (d.signum() < 0) {
            problems.add(new Violation("disbursed", "PositiveOrZero", "projects.financing.disbursed.negative"));
        } else if (a != null && d.compareTo(a) > 0) {
            problems.add(new Violation("disbursed", "AtMostAmount", "projects.financing.disbursed.max"));
        }
        Guard.throwIfAny(problems);
        long id = jdbc.sql("""
                insert into financing_line (project_id, source_type, entity, unit_code, amount, currency,
                    committed_on, disbursed)
                values (:p, :t, :e, :u, :a, :c, :on, :d) returning id
                """).param("p", projectId).param("t", type.name()).param("e", who).param("u", unit).param("a", a)
                .param("c", c).param("on", Date.valueOf(committedOn)).param("d", d).query(Long.class).single();
        Line line = new Line(id, projectId, type, who, unit, a, c, committedOn, d);
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("projectId", projectId);
        state.put("sourceType", type.name());
        state.put("entity", who);
        state.put("unitCode", unit);
        state.put("amount", a.toPlainString());
        state.put("currency", c);
        state.put("committedOn", committedOn.toString());
        state.put("disbursed", d.toPlainString());
        audit.record(Change.created("financing_line", id, p.schemeId(), "Cofinanciación de " + who + " al proyecto "
                + p.code(), state));
        return line;
    }

    public List<Line> lines(long projectId) {
        return jdbc.sql("""
                select id, project_id, source_type, entity, unit_code, amount, currency, committed_on, disbursed
                from financing_line where project_id = :p order by committed_on, id
                """).param("p", projectId).query((rs, n) -> new Line(rs.getLong(1), rs.getLong(2),
                        SourceType.valueOf(rs.getString(3)), rs.getString(4), rs.getString(5), rs.getBigDecimal(6),
                        rs.getString(7).strip(), rs.getDate(8).toLocalDate(), rs.getBigDecimal(9))).list();
    }

    public Totals totals(long projectId) {
        Projects.Project p = projects.get(projectId);
        return totals(p.cost(), p.currency(), lines(projectId));
    }

    /** The arithmetic of the totals, apart from the database so that it can be tested alone. */
    public static Totals totals(BigDecimal cost, String currency, List<Line> lines) {
        Map<String, BigDecimal[]> byCurrency = new TreeMap<>();
        for (Line l : lines) {
            BigDecimal[] t = byCurrency.computeIfAbsent(l.currency(), k -> new BigDecimal[] {BigDecimal.ZERO
                    .setScale(2), BigDecimal.ZERO.setScale(2)});
            t[0] = t[0].add(l.amount());
            t[1] = t[1].add(l.disbursed());
        }
        BigDecimal[] own = byCurrency.getOrDefault(currency, new BigDecimal[] {BigDecimal.ZERO.setScale(2),
                BigDecimal.ZERO.setScale(2)});
        BigDecimal committed = Guard.money(own[0]);
        BigDecimal gap = cost == null ? null : Guard.money(cost.subtract(committed));
        BigDecimal percent = cost == null || cost.signum() == 0 ? null
                : committed.multiply(BigDecimal.valueOf(100)).divide(cost, 2, RoundingMode.HALF_EVEN);
        List<CurrencyTotal> others = byCurrency.entrySet().stream().filter(e -> !e.getKey().equals(currency))
                .map(e -> new CurrencyTotal(e.getKey(), Guard.money(e.getValue()[0]), Guard.money(e.getValue()[1])))
                .toList();
        return new Totals(cost, currency, committed, Guard.money(own[1]), gap, percent, others);
    }
}
