package org.minga.participation.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.minga.identity.Recipients.Recipient;
import org.minga.identity.Role;
import org.minga.notifications.AttentionItem;
import org.minga.notifications.AttentionSource;
import org.minga.registry.Schemes;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Participation's items: to a scheme's administrators and staff, the reports waiting for moderation
 * (only they may moderate); to a citizen, their own reports moderated in the last week.
 */
@Component
record ParticipationAttention(JdbcClient jdbc, Schemes schemes) implements AttentionSource {

    private record Waiting(long schemeId, long count) {
    }

    @Override
    public List<AttentionItem> itemsFor(Recipient person) {
        List<AttentionItem> items = new ArrayList<>();
        List<Long> schemes = person.schemesAs(Role.SCHEME_ADMIN, Role.SCHEME_STAFF);
        if (!schemes.isEmpty()) {
            // territorial_issue_scheme_idx (scheme_id, moderation, id) answers each scheme's count.
            Map<Long, String> names = this.schemes.names(schemes);
            jdbc.sql("""
                    select scheme_id, count(*) as count from territorial_issue
                    where scheme_id in (:schemes) and moderation = 'SUBMITTED' and not reserved
                    group by scheme_id order by scheme_id""").param("schemes", schemes).query(Waiting.class).list()
                    .forEach(w -> items.add(new AttentionItem("participation.moderation", w.count(),
                            names.get(w.schemeId()), "/participation/schemes/" + w.schemeId(), w.schemeId())));
        }
        if (person.holds(Role.CITIZEN)) {
            jdbc.sql("""
                    select moderation, count(*) as count from territorial_issue
                    where reporter_id = :me and moderation <> 'SUBMITTED' and moderated_at > now() - interval '7 days'
                    group by moderation order by moderation""").param("me", person.id())
                    .query((rs, n) -> new AttentionItem("participation.mine." + rs.getString("moderation").toLowerCase(),
                            rs.getLong("count"), "", "/participation/my-reports", null))
                    .list().forEach(items::add);
        }
        return items;
    }
}
