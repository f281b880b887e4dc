package org.minga.participation.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.minga.participation.internal.Agreements.Action;
import org.minga.participation.internal.Agreements.Agreement;
import org.minga.participation.internal.Agreements.Document;
import org.minga.participation.internal.Agreements.DocumentKind;
import org.minga.participation.internal.Agreements.Level;
import org.minga.participation.internal.Agreements.Line;
import org.minga.participation.internal.Agreements.LinkedAction;
import org.minga.participation.internal.Agreements.Party;
import org.minga.participation.internal.Agreements.Summary;
import org.minga.participation.internal.Agreements.Update;
import org.minga.platform.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** An agreement read whole (parties, lines, actions with their updates, documents), rows by column name. */
@Component
record AgreementReads(JdbcClient jdbc) {

    /** The scheme's latest agreements with their progress, in one query. */
    List<Summary> ofScheme(long schemeId) {
        return jdbc.sql("""
                select c.id, c.title, coalesce(round(avg(coalesce(u.progress, 0)), 1), 0) as progress
                from ctt_agreement c
                left join agreement_action a on a.agreement_id = c.id
                left join lateral (select progress from action_update where action_id = a.id
                                   order by reported_on desc, id desc limit 1) u on true
                where c.scheme_id = :s group by c.id, c.title order by c.id desc limit 100""").param("s", schemeId)
                .query((rs, n) -> new Summary(rs.getLong("id"), rs.getString("title"), rs.getBigDecimal("progress")))
                .list();
    }

    Agreement get(long id) {
        Agreement agreement = jdbc.sql("select id, scheme_id, title, objective, created_at from ctt_agreement where id = :id")
                .param("id", id).query((rs, n) -> new Agreement(rs.getLong("id"), rs.getLong("scheme_id"),
                        rs.getString("title"), rs.getString("objective"), rs.getTimestamp("created_at").toInstant(),
                        new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>()))
                .optional().orElseThrow(() -> new NotFoundException("Acuerdo", id));
        jdbc.sql("select id, name, level from agreement_party where agreement_id = :a order by id").param("a", id)
                .query((rs, n) -> agreement.parties().add(new Party(rs.getLong("id"), rs.getString("name"),
                        Level.valueOf(rs.getString("level"))))).list();
        Map<Long, Line> lines = new LinkedHashMap<>();
        jdbc.sql("select id, name from agreement_line where agreement_id = :a order by id").param("a", id)
                .query((rs, n) -> lines.put(rs.getLong("id"), new Line(rs.getLong("id"), rs.getString("name"),
                        new ArrayList<>())))
                .list();
        Map<Long, Action> actions = new LinkedHashMap<>();
        jdbc.sql(ACTION_SELECT + " where agreement_id = :a order by line_id, id").param("a", id)
                .query(AgreementReads::actionRow).list().forEach(a -> {
                    actions.put(a.id(), a);
                    lines.get(a.lineId()).actions().add(a);
                });
        loadUpdates(actions);
        agreement.lines().addAll(lines.values());
        jdbc.sql("select id, kind, signed_on, signatories, name from agreement_document where agreement_id = :a order by signed_on, id")
                .param("a", id).query((rs, n) -> agreement.documents().add(new Document(rs.getLong("id"),
                        DocumentKind.valueOf(rs.getString("kind")), rs.getObject("signed_on", LocalDate.class),
                        rs.getString("signatories"), rs.getString("name")))).list();
        agreement.issueIds().addAll(jdbc.sql("select issue_id from agreement_issue where agreement_id = :a order by 1")
                .param("a", id).query(Long.class).list());
        return agreement;
    }

    /** Where an action that answers an issue stands: its agreement and line. */
    private record ActionPlace(long actionId, long agreementId, String agreementTitle, String lineName) {
    }

    List<LinkedAction> actionsForIssue(long issueId) {
        List<ActionPlace> places = jdbc.sql("""
                select a.id as action_id, c.id as agreement_id, c.title as agreement_title, l.name as line_name
                from agreement_action a join ctt_agreement c on c.id = a.agreement_id
                join agreement_line l on l.id = a.line_id where a.issue_id = :i order by a.id""").param("i", issueId)
                .query(ActionPlace.class).list();
        Map<Long, Action> actions = new LinkedHashMap<>();
        if (!places.isEmpty()) {
            jdbc.sql(ACTION_SELECT + " where id in (:ids) order by id")
                    .param("ids", places.stream().map(ActionPlace::actionId).toList()).query(AgreementReads::actionRow)
                    .list().forEach(a -> actions.put(a.id(), a));
        }
        loadUpdates(actions);
        return places.stream().map(p -> new LinkedAction(p.agreementId(), p.agreementTitle(), p.lineName(),
                actions.get(p.actionId()))).toList();
    }

    private static final String ACTION_SELECT = """
            select id, line_id, title, responsible, level, investment, currency, indicator, target, starts_on, ends_on,
                   issue_id, created_at from agreement_action""";

    Action action(long id) {
        return jdbc.sql(ACTION_SELECT + " where id = :id").param("id", id).query(AgreementReads::actionRow).optional()
                .orElseThrow(() -> new NotFoundException("Acción", id));
    }

    long schemeOfAction(long actionId) {
        return jdbc.sql("select c.scheme_id from agreement_action a join ctt_agreement c on c.id = a.agreement_id where a.id = :id")
                .param("id", actionId).query(Long.class).single();
    }

    private void loadUpdates(Map<Long, Action> actions) {
        if (actions.isEmpty()) {
            return;
        }
        jdbc.sql("""
                select action_id, id, reported_on, progress, note, evidence_name, recorded_by from action_update
                where action_id in (:ids) order by action_id, reported_on desc, id desc""")
                .param("ids", List.copyOf(actions.keySet()))
                .query((rs, n) -> actions.get(rs.getLong("action_id")).updates().add(new Update(rs.getLong("id"),
                        rs.getObject("reported_on", LocalDate.class), rs.getBigDecimal("progress"), rs.getString("note"),
                        rs.getString("evidence_name"), rs.getString("recorded_by")))).list();
    }

    private static Action actionRow(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Action(rs.getLong("id"), rs.getLong("line_id"), rs.getString("title"), rs.getString("responsible"),
                Level.valueOf(rs.getString("level")), rs.getBigDecimal("investment"), rs.getString("currency"),
                rs.getString("indicator"), rs.getString("target"), rs.getObject("starts_on", LocalDate.class),
                rs.getObject("ends_on", LocalDate.class), rs.getObject("issue_id", Long.class),
                rs.getTimestamp("created_at").toInstant(), new ArrayList<>());
    }
}
