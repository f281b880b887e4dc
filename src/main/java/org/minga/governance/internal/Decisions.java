package org.minga.governance.internal;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.minga.governance.Majority;
import org.minga.platform.AuditLog.Change;
import org.minga.platform.Checks;
import org.minga.platform.InvalidInputException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Decisions a session adopts: only a held session with quorum adopts, with the votes for reaching
 * the majority the statutes in force that day ask for (a statute reform, the reform majority).
 * Each decision is numbered per body and year. A statute reform carries the new rules and they
 * apply from the session's date.
 */
@Service
public class Decisions {

    public enum Kind { AGREEMENT, RESOLUTION, STATUTE_REFORM }

    /** A decision as typed; the rule fields are read only for a statute reform. */
    public record DecisionInput(String kind, String title, String text, Integer votesFor, Integer votesAgainst,
            Integer abstentions, Integer quorumPercent, String majority, String reformMajority, Integer noticeDays,
            Integer extraordinaryNoticeDays, Integer sessionsPerYear) {
    }

    public record Decision(long id, long sessionId, long bodyId, String bodyName, Kind kind, int year, int number,
            String title, String text, int votesFor, int votesAgainst, int abstentions, LocalDate adoptedOn) {
    }

    /** A page of the scheme's decisions; {@code more} when an older page exists. */
    public record Page(List<Decision> decisions, int page, boolean more) {
    }

    private final GovernanceDesk desk;
    private final Sessions sessions;
    private final Statutes statutes;

    Decisions(GovernanceDesk desk, Sessions sessions, Statutes statutes) {
        this.desk = desk;
        this.sessions = sessions;
        this.statutes = statutes;
    }

    @Transactional
    public Decision adopt(long schemeId, long sessionId, DecisionInput input) {
        desk.writableScheme(schemeId);
        // The session's row lock also serialises the numbering of its body's decisions on that session.
        Sessions.Session session = sessions.lock(schemeId, sessionId);
        LocalDate on = session.startsAt().toLocalDate();
        if (!session.held()) {
            throw new InvalidInputException("session", "Attendance", "governance.decision.noAttendance");
        }
        Statutes.Rule rule = statutes.on(session.bodyId(), on).orElseThrow(() -> new InvalidInputException("session",
                "StatuteRules", "governance.session.noRules", session.bodyName(), on));
        if (!session.hasQuorum()) {
            throw new InvalidInputException("session", "Quorum", "governance.decision.noQuorum", session.present(),
                    session.seatsInTerm(), session.quorum(), rule.quorumPercent());
        }
        Checks checks = new Checks();
        Kind kind = checks.oneOf("kind", Kind.class, input.kind());
        String title = checks.text("title", input.title(), 300);
        String text = checks.text("text", input.text(), 20000);
        Integer votesFor = checks.range("votesFor", input.votesFor(), 0, 10000);
        Integer against = checks.range("votesAgainst", input.votesAgainst(), 0, 10000);
        Integer abstentions = checks.range("abstentions", input.abstentions(), 0, 10000);
        Statutes.Rule reform = null;
        if (kind == Kind.STATUTE_REFORM) {
            reform = statutes.checked(checks, session.bodyId(), new Statutes.RuleInput(session.bodyId(), on,
                    input.quorumPercent(), input.majority(), input.reformMajority(), input.noticeDays(),
                    input.extraordinaryNoticeDays(), input.sessionsPerYear()));
        }
        if (votesFor != null && against != null && abstentions != null && kind != null) {
            checks.rule(votesFor + against + abstentions <= session.present(), "votesFor", "Votes",
                    "governance.decision.votes", votesFor + against + abstentions, session.present());
            Majority majority = kind == Kind.STATUTE_REFORM ? rule.reformMajority() : rule.majority();
            int needed = majority.votesNeeded(against, session.seatsInTerm());
            checks.rule(votesFor >= needed, "votesFor", "Majority", "governance.decision.majority." + majority.name(),
                    votesFor, needed, rule.validFrom());
        }
        checks.orThrow();
        desk.jdbc().sql("select 1 from (select pg_advisory_xact_lock(120, cast(:b as integer))) l")
                .param("b", session.bodyId()).query(Integer.class).single();
        int number = desk.jdbc().sql("""
                select coalesce(max(number), 0) + 1 from governance_decision where body_id = :b and year = :y""")
                .param("b", session.bodyId()).param("y", on.getYear()).query(Integer.class).single();
        long id = desk.jdbc().sql("""
                insert into governance_decision (scheme_id, body_id, session_id, kind, year, number, title, text,
                    votes_for, votes_against, abstentions, adopted_on)
                values (:s, :b, :session, :k, :y, :n, :t, :x, :f, :a, :ab, :on) returning id""")
                .param("s", schemeId).param("b", session.bodyId()).param("session", sessionId).param("k", kind.name())
                .param("y", on.getYear()).param("n", number).param("t", title).param("x", text).param("f", votesFor)
                .param("a", against).param("ab", abstentions).param("on", java.sql.Date.valueOf(on))
                .query(Long.class).single();
        Decision decision = new Decision(id, sessionId, session.bodyId(), session.bodyName(), kind, on.getYear(),
                number, title, text, votesFor, against, abstentions, on);
        desk.audit().record(Change.created("governance_decision", id, schemeId, name(decision), state(decision)));
        if (reform != null) {
            statutes.insert(schemeId, new Statutes.Rule(0, reform.bodyId(), on, reform.quorumPercent(),
                    reform.majority(), reform.reformMajority(), reform.noticeDays(), reform.extraordinaryNoticeDays(),
                    reform.sessionsPerYear(), id), "Reforma de estatutos por " + name(decision));
        }
        return decision;
    }

    /** The decisions a session adopted, in their order. */
    public List<Decision> ofSession(long schemeId, long sessionId) {
        desk.readableScheme(schemeId);
        return desk.jdbc().sql(SELECT + " where d.scheme_id = :s and d.session_id = :session order by d.number")
                .param("s", schemeId).param("session", sessionId).query(Decisions::decision).list();
    }

    /** Decisions are public by nature: anyone may read a scheme's, newest first, a page at a time. */
    public Page published(long schemeId, int page, int size) {
        desk.schemes().get(schemeId);
        List<Decision> rows = desk.jdbc().sql(SELECT + " where d.scheme_id = :s order by d.adopted_on desc, d.id desc"
                + " limit :n offset :o")
                .param("s", schemeId).param("n", size + 1).param("o", Math.max(0, page) * size)
                .query(Decisions::decision).list();
        return new Page(rows.subList(0, Math.min(size, rows.size())), Math.max(0, page), rows.size() > size);
    }

    /** "Acuerdo 2 de 2026 de Junta Directiva": how a decision is named. */
    static String name(Decision d) {
        String kind = switch (d.kind()) {
            case AGREEMENT -> "Acuerdo";
            case RESOLUTION -> "Resolución";
            case STATUTE_REFORM -> "Reforma de estatutos";
        };
        return kind + " " + d.number() + " de " + d.year() + " de " + d.bodyName();
    }

    private static final String SELECT = """
            select d.id, d.session_id, d.body_id, b.name as body_name, d.kind, d.year, d.number, d.title, d.text,
                   d.votes_for, d.votes_against, d.abstentions, d.adopted_on
            from governance_decision d join governing_body b on b.id = d.body_id""";

    private static Decision decision(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Decision(rs.getLong("id"), rs.getLong("session_id"), rs.getLong("body_id"), rs.getString("body_name"),
                Kind.valueOf(rs.getString("kind")), rs.getInt("year"), rs.getInt("number"), rs.getString("title"),
                rs.getString("text"), rs.getInt("votes_for"), rs.getInt("votes_against"), rs.getInt("abstentions"),
                rs.getObject("adopted_on", LocalDate.class));
    }

    private static Map<String, Object> state(Decision d) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("sessionId", d.sessionId());
        state.put("bodyId", d.bodyId());
        state.put("kind", d.kind().name());
        state.put("year", d.year());
        state.put("number", d.number());
        state.put("title", d.title());
        state.put("text", d.text());
        state.put("votesFor", d.votesFor());
        state.put("votesAgainst", d.votesAgainst());
        state.put("abstentions", d.abstentions());
        state.put("adoptedOn", d.adoptedOn().toString());
        return state;
    }
}
