package org.minga.governance.internal;

import java.sql.Date;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.minga.governance.Majority;
import org.minga.platform.AuditLog.Change;
import org.minga.platform.Checks;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The statutes' rules of each governing body, in versions from a date: what quorum it needs, which
 * majority its decisions and its statute reforms need, how many days of notice its ordinary and
 * extraordinary sessions need, and how many sessions a year it must hold (none: no requirement).
 * A question about a date reads the version in force that day.
 */
@Service
public class Statutes {

    /** The rules as a person types them (from the statutes as registered); majorities by name. */
    public record RuleInput(Long bodyId, LocalDate validFrom, Integer quorumPercent, String majority,
            String reformMajority, Integer noticeDays, Integer extraordinaryNoticeDays, Integer sessionsPerYear) {
    }

    public record Rule(long id, long bodyId, LocalDate validFrom, int quorumPercent, Majority majority,
            Majority reformMajority, int noticeDays, int extraordinaryNoticeDays, Integer sessionsPerYear,
            Long decisionId) {
    }

    private final GovernanceDesk desk;

    Statutes(GovernanceDesk desk) {
        this.desk = desk;
    }

    @Transactional
    public Rule set(long schemeId, RuleInput input) {
        desk.writableScheme(schemeId);
        Checks checks = new Checks();
        checks.required("bodyId", input.bodyId());
        Rule rule = checked(checks, input.bodyId() == null ? 0 : input.bodyId(), input);
        if (input.bodyId() != null) {
            desk.body(schemeId, input.bodyId());
        }
        checks.orThrow();
        return insert(schemeId, rule, "Reglas de los estatutos del órgano desde " + rule.validFrom());
    }

    /** The rules a reform adopts: checked as a person's, dated on the decision's adoption. */
    Rule checked(Checks checks, long bodyId, RuleInput input) {
        checks.required("validFrom", input.validFrom());
        Integer quorum = checks.range("quorumPercent", input.quorumPercent(), 1, 100);
        Majority majority = checks.oneOf("majority", Majority.class, input.majority());
        Majority reform = checks.oneOf("reformMajority", Majority.class, input.reformMajority());
        Integer notice = checks.range("noticeDays", input.noticeDays(), 0, 365);
        Integer extraordinary = checks.range("extraordinaryNoticeDays", input.extraordinaryNoticeDays(), 0, 365);
        if (input.sessionsPerYear() != null) {
            checks.range("sessionsPerYear", input.sessionsPerYear(), 1, 365);
        }
        if (input.validFrom() != null && bodyId != 0) {
            checks.rule(desk.jdbc().sql("select count(*) = 0 from governance_rule where body_id = :b and valid_from = :f")
                    .param("b", bodyId).param("f", Date.valueOf(input.validFrom())).query(Boolean.class).single(),
                    "validFrom", "Unique", "governance.rule.validFrom.taken", input.validFrom());
        }
        if (!checks.ok()) {
            return null;
        }
        return new Rule(0, bodyId, input.validFrom(), quorum, majority, reform, notice, extraordinary,
                input.sessionsPerYear(), null);
    }

    Rule insert(long schemeId, Rule rule, String summary) {
        long id = desk.jdbc().sql("""
                insert into governance_rule (scheme_id, body_id, valid_from, quorum_percent, majority, reform_majority,
                    notice_days, extraordinary_notice_days, sessions_per_year, decision_id)
                values (:s, :b, :f, :q, :m, :rm, :n, :en, :spy, :d) returning id""")
                .param("s", schemeId).param("b", rule.bodyId()).param("f", Date.valueOf(rule.validFrom()))
                .param("q", rule.quorumPercent()).param("m", rule.majority().name())
                .param("rm", rule.reformMajority().name()).param("n", rule.noticeDays())
                .param("en", rule.extraordinaryNoticeDays()).param("spy", rule.sessionsPerYear())
                .param("d", rule.decisionId()).query(Long.class).single();
        Rule saved = new Rule(id, rule.bodyId(), rule.validFrom(), rule.quorumPercent(), rule.majority(),
                rule.reformMajority(), rule.noticeDays(), rule.extraordinaryNoticeDays(), rule.sessionsPerYear(),
                rule.decisionId());
        desk.audit().record(Change.created("governance_rule", id, schemeId, summary, state(saved)));
        return saved;
    }

    /** The version in force on a date, if the statutes' rules were recorded by then. */
    public Optional<Rule> on(long bodyId, LocalDate date) {
        return desk.jdbc().sql(SELECT + " where body_id = :b and valid_from <= :d order by valid_from desc limit 1")
                .param("b", bodyId).param("d", Date.valueOf(date)).query(Statutes::rule).optional();
    }

    /** Every version of every body of the scheme, the most recent first (a few per body). */
    public List<Rule> of(long schemeId) {
        desk.readableScheme(schemeId);
        return desk.jdbc().sql(SELECT + " where scheme_id = :s order by body_id, valid_from desc")
                .param("s", schemeId).query(Statutes::rule).list();
    }

    private static final String SELECT = """
            select id, body_id, valid_from, quorum_percent, majority, reform_majority, notice_days,
                   extraordinary_notice_days, sessions_per_year, decision_id from governance_rule""";

    private static Rule rule(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Rule(rs.getLong("id"), rs.getLong("body_id"), rs.getObject("valid_from", LocalDate.class),
                rs.getInt("quorum_percent"), Majority.valueOf(rs.getString("majority")),
                Majority.valueOf(rs.getString("reform_majority")), rs.getInt("notice_days"),
                rs.getInt("extraordinary_notice_days"), rs.getObject("sessions_per_year", Integer.class),
                rs.getObject("decision_id", Long.class));
    }

    static Map<String, Object> state(Rule rule) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("bodyId", rule.bodyId());
        state.put("validFrom", rule.validFrom().toString());
        state.put("quorumPercent", rule.quorumPercent());
        state.put("majority", rule.majority().name());
        state.put("reformMajority", rule.reformMajority().name());
        state.put("noticeDays", rule.noticeDays());
        state.put("extraordinaryNoticeDays", rule.extraordinaryNoticeDays());
        state.put("sessionsPerYear", rule.sessionsPerYear());
        state.put("decisionId", rule.decisionId());
        return state;
    }
}
