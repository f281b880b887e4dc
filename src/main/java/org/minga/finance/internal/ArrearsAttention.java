package org.minga.finance.internal;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.minga.identity.Recipients.Grant;
import org.minga.identity.Recipients.Recipient;
import org.minga.identity.Role;
import org.minga.notifications.AttentionItem;
import org.minga.notifications.AttentionSource;
import org.minga.platform.Zones;
import org.minga.registry.Schemes;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Members' contributions past due and unpaid (arrears) and due within 30 days: to a scheme's
 * administrators and staff for every member, to a member official for their own unit's quotas only.
 * One grouped query on the open obligations index ({@code contribution_obligation_open_idx}).
 */
@Component
record ArrearsAttention(JdbcClient jdbc, Schemes schemes, Zones zones) implements AttentionSource {

    static final int SOON_DAYS = 30;

    private record Open(long schemeId, String unitCode, long overdue, long soon) {
    }

    @Override
    public List<AttentionItem> itemsFor(Recipient person) {
        List<Grant> scopes = person.grants().stream().filter(g -> g.role() == Role.SCHEME_ADMIN
                || g.role() == Role.SCHEME_STAFF || g.role() == Role.MEMBER_OFFICIAL).toList();
        if (scopes.isEmpty()) {
            return List.of();
        }
        List<Long> schemeIds = scopes.stream().map(Grant::schemeId).distinct().toList();
        LocalDate today = zones.today();
        List<Open> rows = jdbc.sql("""
                select scheme_id, unit_code, count(*) filter (where due_on < :today) as overdue,
                       count(*) filter (where due_on >= :today) as soon
                from contribution_obligation where paid < amount and scheme_id in (:schemes) and due_on <= :until
                group by scheme_id, unit_code""").param("today", Date.valueOf(today))
                .param("until", Date.valueOf(today.plusDays(SOON_DAYS))).param("schemes", schemeIds)
                .query(Open.class).list();
        Map<Long, String> names = schemes.names(schemeIds);
        List<AttentionItem> items = new ArrayList<>();
        for (long scheme : schemeIds) {
            boolean wholeScheme = scopes.stream().anyMatch(g -> g.schemeId() == scheme && g.role() != Role.MEMBER_OFFICIAL);
            List<String> units = scopes.stream().filter(g -> g.schemeId() == scheme && g.unitCode() != null)
                    .map(Grant::unitCode).toList();
            List<Open> visible = rows.stream().filter(r -> r.schemeId() == scheme
                    && (wholeScheme || units.contains(r.unitCode()))).toList();
            String link = "/finance/schemes/" + scheme;
            items.add(new AttentionItem("finance.arrears", visible.stream().mapToLong(Open::overdue).sum(),
                    names.get(scheme), link, scheme));
            items.add(new AttentionItem("finance.dueSoon", visible.stream().mapToLong(Open::soon).sum(),
                    names.get(scheme), link, scheme));
        }
        return items;
    }
}
