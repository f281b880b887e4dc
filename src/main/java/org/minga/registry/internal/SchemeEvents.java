package org.minga.registry.internal;

import java.sql.Date;
import java.time.LocalDate;
import java.util.List;

import org.minga.platform.SystemActor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The dated log of a scheme's life (BANATIC-style): what happened on which day, by whom recorded.
 * Written in the same transaction as the change it describes, so the log never tells a story the
 * register does not hold.
 */
@Service
public class SchemeEvents {

    /** The kinds of event the timeline shows; each has a label in the message bundles (event.TYPE). */
    public enum Type {
        CREATED, MEMBER_JOINED, MEMBER_LEFT, COMPETENCE_ADDED, COMPETENCE_REMOVED, STATUTES_REFORMED,
        BOARD_ELECTED, STATUS_CHANGED, ACT_RECORDED
    }

    public record Event(LocalDate occurredOn, Type type, String summary, String recordedBy) {
    }

    private final JdbcClient jdbc;

    SchemeEvents(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void record(long schemeId, LocalDate on, Type type, String summary) {
        jdbc.sql("""
                insert into scheme_event (scheme_id, occurred_on, type, summary, recorded_by)
                values (:s, :on, :t, :summary, :by)
                """).param("s", schemeId).param("on", Date.valueOf(on)).param("t", type.name())
                .param("summary", summary)
                .param("by", SystemActor.current()).update();
    }

    /** The most recent events first; a scheme's life rarely has more than a few hundred. */
    public List<Event> of(long schemeId) {
        return jdbc.sql("""
                select occurred_on, type, summary, recorded_by from scheme_event where scheme_id = :s
                order by occurred_on desc, id desc limit 500
                """).param("s", schemeId)
                .query(Event.class)
                .list();
    }
}
