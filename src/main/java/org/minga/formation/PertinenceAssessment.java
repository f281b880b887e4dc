package org.minga.formation;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.validation.constraints.Size;

import org.minga.formation.internal.IntegratingElementsCalculator;
import org.minga.identity.Scopes;
import org.minga.platform.AuditLog;
import org.minga.platform.AuditLog.Change;
import org.minga.platform.Inputs;
import org.minga.platform.SystemActor;
import org.minga.platform.NotFoundException;
import org.minga.registry.Scheme;
import org.minga.registry.Schemes;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Is forming this scheme pertinent? RINDE's checks (rinde L93–160) and Asomunicipios' integrating
 * elements (catatumbo L335–361) answered by people, beside what Minga computes from the territory
 * and the register. The verdict counts and warns; it never blocks the formation.
 */
@Service
public class PertinenceAssessment {

    public enum Answer { YES, NO, PARTLY }

    public record Question(String code, String question, String source, Answer favourable, Answer answer,
            String justification, String answeredBy, Instant answeredAt) {

        /** True or false once answered YES or NO; PARTLY and unanswered are neither. */
        Boolean isFavourable() {
            return answer == null || answer == Answer.PARTLY ? null : answer == favourable;
        }
    }

    public record Verdict(int favourable, int unfavourable, int partly, int unanswered, int warnings) {
    }

    public record Assessment(long schemeId, LocalDate at, List<String> prospectiveMembers, List<Question> questions,
            IntegratingElements elements, Verdict verdict) {
    }

    /** An answer as it is entered: YES, NO or PARTLY, and why. */
    public record AnswerInput(String answer, @Size(max = 4000) String justification) {
    }

    private static final String ENTITY = "pertinence_answer";
    private final JdbcClient jdbc;
    private final Schemes schemes;
    private final Scopes scopes;
    private final AuditLog audit;
    private final ProspectiveMembers prospects;
    private final IntegratingElementsCalculator calculator;

    PertinenceAssessment(JdbcClient jdbc, Schemes schemes, Scopes scopes, AuditLog audit,
            ProspectiveMembers prospects, IntegratingElementsCalculator calculator) {
        this.jdbc = jdbc;
        this.schemes = schemes;
        this.scopes = scopes;
        this.audit = audit;
        this.prospects = prospects;
        this.calculator = calculator;
    }

    /** The answers so far and the elements computed for the prospective members as of the date. */
    public Assessment of(long schemeId, LocalDate at) {
        Scheme scheme = schemes.get(schemeId);
        List<String> codes = prospects.codes(schemeId);
        List<Question> questions = questions(schemeId, null);
        IntegratingElements elements = calculator.compute(schemeId, scheme.getCountry().name(), codes, at);
        int favourable = 0;
        int unfavourable = 0;
        int partly = 0;
        int unanswered = 0;
        for (Question q : questions) {
            if (q.answer() == null) {
                unanswered++;
            } else if (q.answer() == Answer.PARTLY) {
                partly++;
            } else if (q.isFavourable()) {
                favourable++;
            } else {
                unfavourable++;
            }
        }
        return new Assessment(schemeId, at, codes, questions, elements,
                new Verdict(favourable, unfavourable, partly, unanswered, elements.warnings().size()));
    }

    public Question question(long schemeId, String code) {
        schemes.get(schemeId);
        return questions(schemeId, code).stream().findFirst()
                .orElseThrow(() -> new NotFoundException("pregunta de pertinencia", code));
    }

    /** Answers one question; a justification is required, since the answer is a judgement people must explain. */
    @Transactional
    public Question answer(long schemeId, String code, AnswerInput in) {
        scopes.requireSchemeWrite(schemeId);
        Scheme scheme = schemes.get(schemeId);
        Question before = question(schemeId, code);
        Answer value = Inputs.enumValue(Answer.class, in.answer());
        String justification = Inputs.text(in.justification());
        ProspectiveMembers.inFormation(scheme)
                .rule(value != null, "answer", "OneOf", "formation.answer.answer")
                .rule(justification != null, "justification", "NotBlank", "formation.answer.justification")
                .valid(in).orThrow();
        jdbc.sql("""
                insert into pertinence_answer (scheme_id, question, answer, justification, answered_by, answered_at)
                values (:s, :q, :a, :j, :by, now())
                on conflict (scheme_id, question) do update set answer = excluded.answer,
                    justification = excluded.justification, answered_by = excluded.answered_by,
                    answered_at = excluded.answered_at
                """).param("s", schemeId).param("q", before.code()).param("a", value.name())
                .param("j", justification).param("by", SystemActor.current()).update();
        Question after = question(schemeId, code);
        audit.record(before.answer() == null
                ? Change.created(ENTITY, schemeId + "/" + code, schemeId, "Pertinencia: " + after.question(),
                        auditState(after))
                : Change.updated(ENTITY, schemeId + "/" + code, schemeId, "Pertinencia: " + after.question(),
                        auditState(before), auditState(after)));
        return after;
    }

    private List<Question> questions(long schemeId, String code) {
        return jdbc.sql("""
                select q.code, q.question, q.source, q.favourable, a.answer, a.justification, a.answered_by,
                       a.answered_at
                from pertinence_question q
                left join pertinence_answer a on a.question = q.code and a.scheme_id = :s
                where (cast(:code as text) is null or q.code = :code)
                order by q.position
                """).param("s", schemeId).param("code", code)
                .query((rs, n) -> {
                    Timestamp at = rs.getTimestamp("answered_at");
                    String a = rs.getString("answer");
                    return new Question(rs.getString("code"), rs.getString("question"), rs.getString("source"),
                            Answer.valueOf(rs.getString("favourable")), a == null ? null : Answer.valueOf(a),
                            rs.getString("justification"), rs.getString("answered_by"),
                            at == null ? null : at.toInstant());
                }).list();
    }

    private static Map<String, Object> auditState(Question q) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("answer", q.answer() == null ? null : q.answer().name());
        state.put("justification", q.justification());
        return state;
    }
}
