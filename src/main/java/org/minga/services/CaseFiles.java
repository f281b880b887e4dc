package org.minga.services;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.minga.services.Cases.Case;
import org.minga.services.Cases.CheckResult;
import org.minga.services.Cases.Comment;
import org.minga.services.Cases.Document;
import org.minga.services.Cases.Event;
import org.minga.services.Workflow.Decision;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Case files as stored: the case row with its history of states, the requirements met, the checks
 * recorded, comments and documents. A case changes state only through {@link #apply}, which
 * writes the new state and its event together. Rows are read by column name.
 */
@Component
record CaseFiles(JdbcClient jdbc) {

    private static final String SELECT = """
            select id, number, scheme_id, case_type_id, applicant_name, applicant_document, applicant_contact, unit_code, subject,
                state, opened_at, due_on, completed_at from service_case""";

    Optional<Case> find(long id) {
        return jdbc.sql(SELECT + " where id = :id").param("id", id).query((rs, n) -> row(rs)).optional();
    }

    Optional<Case> byNumber(String number) {
        return jdbc.sql(SELECT + " where number = :n").param("n", number).query((rs, n) -> row(rs)).optional();
    }

    /**
     * A scheme's cases, newest first, or by due date when only those due by {@code dueBy} and still open;
     * only a person's open cases, by due date, when {@code assigneeId} is given (service_case_assignee_open_idx).
     */
    List<Case> page(long schemeId, String state, LocalDate dueBy, Long assigneeId, int limit, int offset) {
        String where = " where scheme_id = :s" + (state == null ? "" : " and state = :st")
                + (dueBy == null ? "" : " and completed_at is null and due_on <= :soon")
                + (assigneeId == null ? "" : " and completed_at is null and assignee_id = :who");
        boolean byDue = dueBy != null || assigneeId != null;
        var q = jdbc.sql(SELECT + where + (byDue ? " order by due_on, id" : " order by id desc") + " limit :lim offset :off")
                .param("s", schemeId).param("lim", limit).param("off", offset);
        if (assigneeId != null) {
            q = q.param("who", assigneeId);
        }
        if (state != null) {
            q = q.param("st", state);
        }
        if (dueBy != null) {
            q = q.param("soon", dueBy);
        }
        return q.query((rs, n) -> row(rs)).list();
    }

    /** Assigns the case unless it already is to this person; answers whether it changed. */
    boolean assign(long caseId, long userId, Instant at) {
        return jdbc.sql("""
                update service_case set assignee_id = :u, assigned_at = :at, updated_at = :at
                where id = :id and assignee_id is distinct from :u""").param("u", userId).param("at", Timestamp.from(at))
                .param("id", caseId).update() == 1;
    }

    Optional<Cases.Assignee> assignee(long caseId) {
        return jdbc.sql("""
                select u.id, u.full_name, c.assigned_at from service_case c join app_user u on u.id = c.assignee_id
                where c.id = :id""").param("id", caseId)
                .query((rs, n) -> new Cases.Assignee(rs.getLong("id"), rs.getString("full_name"), instant(rs, "assigned_at")))
                .optional();
    }

    /** The next number of a type's cases in a year, counted apart for each type and year. */
    int next(long typeId, int year) {
        return jdbc.sql("""
                insert into case_counter (case_type_id, year, last) values (:t, :y, 1)
                on conflict (case_type_id, year) do update set last = case_counter.last + 1 returning last""")
                .param("t", typeId).param("y", year).query(Integer.class).single();
    }

    /** Files a new case in the type's initial state, with its first event. */
    long open(String number, long schemeId, CaseType type, Cases.CaseInput in, Instant at, LocalDate dueOn, String actor) {
        long id = jdbc.sql("""
                insert into service_case (number, scheme_id, case_type_id, applicant_name, applicant_document, applicant_contact,
                    unit_code, subject, state, opened_at, due_on, updated_at, created_by)
                values (:no, :s, :t, :a, :d, :c, :u, :sub, :st, :at, :due, :at, :by) returning id""")
                .param("no", number).param("s", schemeId).param("t", type.id()).param("a", in.applicantName())
                .param("d", in.applicantDocument()).param("c", in.applicantContact()).param("u", in.unitCode())
                .param("sub", in.subject()).param("st", type.initialState()).param("at", Timestamp.from(at))
                .param("due", dueOn).param("by", actor).query(Long.class).single();
        event(id, null, type.initialState(), at, actor, null);
        return id;
    }

    /** The one place a case changes state: the new state (completed when it stops the clock) and its event. */
    void apply(Case c, Decision.Allowed step, Instant at, String actor, String observation) {
        jdbc.sql("""
                update service_case set state = :to, updated_at = :now,
                    completed_at = case when :stops and completed_at is null then :now else completed_at end
                where id = :id""").param("to", step.step().to()).param("now", Timestamp.from(at))
                .param("stops", step.stopsClock()).param("id", c.id()).update();
        event(c.id(), c.state(), step.step().to(), at, actor, observation);
    }

    private void event(long caseId, String from, String to, Instant at, String actor, String observation) {
        jdbc.sql("insert into case_event (case_id, from_state, to_state, at, actor, observation) values (:c, :f, :t, :at, :a, :o)")
                .param("c", caseId).param("f", from).param("t", to).param("at", Timestamp.from(at)).param("a", actor)
                .param("o", observation).update();
    }

    List<Event> events(long caseId) {
        return jdbc.sql("select from_state, to_state, at, actor, observation from case_event where case_id = :c order by id")
                .param("c", caseId).query((rs, n) -> new Event(rs.getString("from_state"), rs.getString("to_state"),
                        instant(rs, "at"), rs.getString("actor"), rs.getString("observation"))).list();
    }

    // ---- requirements and checks ---------------------------------------------------------------

    Set<String> met(long caseId) {
        return new HashSet<>(jdbc.sql("select code from case_requirement where case_id = :c").param("c", caseId)
                .query(String.class).list());
    }

    void meet(long caseId, String code, boolean met, String actor) {
        if (met) {
            jdbc.sql("insert into case_requirement (case_id, code, met_at, actor) values (:c, :k, now(), :a) on conflict do nothing")
                    .param("c", caseId).param("k", code).param("a", actor).update();
        } else {
            jdbc.sql("delete from case_requirement where case_id = :c and code = :k").param("c", caseId).param("k", code).update();
        }
    }

    Map<String, CheckResult> checks(long caseId) {
        Map<String, CheckResult> m = new LinkedHashMap<>();
        jdbc.sql("select code, passed, note, checked_at, actor from case_check where case_id = :c").param("c", caseId)
                .query((rs, n) -> new CheckResult(rs.getString("code"), rs.getBoolean("passed"), rs.getString("note"),
                        instant(rs, "checked_at"), rs.getString("actor"))).list().forEach(r -> m.put(r.code(), r));
        return m;
    }

    void record(long caseId, CheckResult check) {
        jdbc.sql("""
                insert into case_check (case_id, code, passed, note, checked_at, actor) values (:c, :k, :p, :n, :at, :a)
                on conflict (case_id, code) do update set passed = excluded.passed, note = excluded.note,
                    checked_at = excluded.checked_at, actor = excluded.actor""").param("c", caseId).param("k", check.code())
                .param("p", check.passed()).param("n", check.note()).param("at", Timestamp.from(check.at()))
                .param("a", check.actor()).update();
    }

    // ---- comments and documents ----------------------------------------------------------------

    long comment(long caseId, Comment comment) {
        return jdbc.sql("insert into case_comment (case_id, at, actor, text) values (:c, :at, :a, :t) returning id")
                .param("c", caseId).param("at", Timestamp.from(comment.at())).param("a", comment.actor())
                .param("t", comment.text()).query(Long.class).single();
    }

    List<Comment> comments(long caseId) {
        return jdbc.sql("select at, actor, text from case_comment where case_id = :c order by id").param("c", caseId)
                .query((rs, n) -> new Comment(instant(rs, "at"), rs.getString("actor"), rs.getString("text"))).list();
    }

    long document(long caseId, UUID file, String name, Instant at, String actor) {
        return jdbc.sql("insert into case_document (case_id, file_id, name, at, actor) values (:c, :f, :n, :at, :a) returning id")
                .param("c", caseId).param("f", file).param("n", name).param("at", Timestamp.from(at)).param("a", actor)
                .query(Long.class).single();
    }

    List<Document> documents(long caseId) {
        return jdbc.sql("select id, file_id, name, at, actor from case_document where case_id = :c order by id")
                .param("c", caseId).query((rs, n) -> new Document(rs.getLong("id"), rs.getObject("file_id", UUID.class),
                        rs.getString("name"), instant(rs, "at"), rs.getString("actor"))).list();
    }

    Optional<UUID> documentFile(long caseId, long documentId) {
        return jdbc.sql("select file_id from case_document where id = :d and case_id = :c").param("d", documentId)
                .param("c", caseId).query(UUID.class).optional();
    }

    private static Case row(ResultSet rs) throws SQLException {
        Timestamp completed = rs.getTimestamp("completed_at");
        return new Case(rs.getLong("id"), rs.getString("number"), rs.getLong("scheme_id"), rs.getLong("case_type_id"),
                rs.getString("applicant_name"), rs.getString("applicant_document"), rs.getString("applicant_contact"),
                rs.getString("unit_code"), rs.getString("subject"), rs.getString("state"), instant(rs, "opened_at"),
                rs.getObject("due_on", LocalDate.class), completed == null ? null : completed.toInstant());
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getTimestamp(column).toInstant();
    }
}
