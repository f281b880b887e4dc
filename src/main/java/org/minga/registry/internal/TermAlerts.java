package org.minga.registry.internal;

import java.sql.Date;
import java.time.LocalDate;
import java.util.List;

import org.minga.platform.InvalidInputException;
import org.minga.registry.Schemes;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Seats whose term ends soon or has ended with nobody in their place, so a scheme calls its
 * election before the board is left without mandate (a change of mayors empties boards of mayors).
 * A seat counts as replaced when a later seat of the same body has the same role and represents the
 * same unit; a seat someone ended on purpose is no longer open, so it raises no alert.
 */
@Service
public record TermAlerts(JdbcClient jdbc, Schemes schemes) {

    public static final int DEFAULT_DAYS = 90;

    public record Alert(long seatId, long bodyId, String bodyName, String personName, GoverningBodies.SeatRole role,
            String unitCode, LocalDate termEnd, boolean expired) {
    }

    /** Open seats whose term ends on or before {@code today + days}, the soonest first. */
    public List<Alert> of(long schemeId, LocalDate today, int days) {
        if (days < 0 || days > 3650) {
            throw new InvalidInputException("days", "Range", "alerts.days.range", 0, 3650);
        }
        schemes.get(schemeId);
        return jdbc.sql("""
                select s.id as seat_id, b.id as body_id, b.name as body_name, s.person_name, s.role, s.unit_code, s.term_end
                from body_seat s join governing_body b on b.id = s.body_id
                where b.scheme_id = :scheme and s.ended_on is null and s.term_end is not null and s.term_end <= :until
                  and not exists (select 1 from body_seat r where r.body_id = s.body_id and r.role = s.role
                                  and r.unit_code is not distinct from s.unit_code and r.term_start > s.term_start)
                order by s.term_end, b.name, s.id limit 500
                """).param("scheme", schemeId).param("until", Date.valueOf(today.plusDays(days)))
                .query((rs, n) -> new Alert(rs.getLong("seat_id"), rs.getLong("body_id"), rs.getString("body_name"),
                        rs.getString("person_name"), GoverningBodies.SeatRole.valueOf(rs.getString("role")),
                        rs.getString("unit_code"), rs.getObject("term_end", LocalDate.class),
                        rs.getObject("term_end", LocalDate.class).isBefore(today)))
                .list();
    }
}
