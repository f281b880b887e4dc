package org.minga.governance.internal;

import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.minga.identity.Recipients.Recipient;
import org.minga.identity.Role;
import org.minga.notifications.AttentionItem;
import org.minga.notifications.AttentionSource;
import org.minga.platform.CountryFormat;
import org.minga.platform.Zones;
import org.minga.registry.Schemes;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Board members (the role governance reads for them: seats in the register name people, not accounts):
 * the next session of each body of their scheme, and the sessions held whose minutes have no signed
 * copy yet, since the body's officers sign them. The model has no vote or signature per person, so
 * these are what waits for a board member.
 */
@Component
record BoardAttention(JdbcClient jdbc, Schemes schemes, Zones zones) implements AttentionSource {

    private record Next(long id, long schemeId, String bodyName, LocalDateTime startsAt) {
    }

    private record Unsigned(long schemeId, long count, long firstId) {
    }

    @Override
    public List<AttentionItem> itemsFor(Recipient person) {
        List<Long> schemeIds = person.schemesAs(Role.BOARD_MEMBER);
        if (schemeIds.isEmpty()) {
            return List.of();
        }
        // A session's time is local to its scheme's country; one held earlier today stays "next" until the day ends.
        List<Next> next = jdbc.sql("""
                select distinct on (s.body_id) s.id, s.scheme_id, b.name as body_name, s.starts_at
                from governance_session s join governing_body b on b.id = s.body_id
                where s.scheme_id in (:schemes) and s.starts_at >= :today and s.present is null
                order by s.body_id, s.starts_at, s.id""").param("schemes", schemeIds)
                .param("today", Timestamp.valueOf(zones.today().atStartOfDay()))
                .query((rs, n) -> new Next(rs.getLong("id"), rs.getLong("scheme_id"), rs.getString("body_name"),
                        rs.getTimestamp("starts_at").toLocalDateTime())).list();
        List<Unsigned> unsigned = jdbc.sql("""
                select s.scheme_id, count(*) as count, min(s.id) as first_id from governance_session s
                where s.scheme_id in (:schemes) and s.present is not null
                  and not exists (select 1 from governance_signed_minutes m where m.session_id = s.id)
                group by s.scheme_id""").param("schemes", schemeIds).query(Unsigned.class).list();
        Map<Long, String> names = schemes.names(schemeIds);
        List<AttentionItem> items = new ArrayList<>();
        for (Next n : next) {
            items.add(new AttentionItem("governance.nextSession", 1,
                    CountryFormat.DATE_TIME.format(n.startsAt()) + " — " + n.bodyName() + " (" + names.get(n.schemeId()) + ")",
                    "/governance/schemes/" + n.schemeId() + "/sessions/" + n.id(), n.schemeId()));
        }
        for (Unsigned u : unsigned) {
            // One session: straight to it; more: the scheme's sessions.
            String link = "/governance/schemes/" + u.schemeId() + (u.count() == 1 ? "/sessions/" + u.firstId() : "");
            items.add(new AttentionItem("governance.minutesToSign", u.count(), names.get(u.schemeId()), link, u.schemeId()));
        }
        return items;
    }
}
