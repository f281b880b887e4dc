package org.minga.services.internal;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.minga.identity.Recipients.Recipient;
import org.minga.identity.Role;
import org.minga.notifications.AttentionItem;
import org.minga.notifications.AttentionSource;
import org.minga.platform.Zones;
import org.minga.registry.Schemes;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Open cases past their due date, and due within a week: to a scheme's administrators and staff for
 * the whole scheme, to a member official for their own unit only. One grouped query on the open-cases
 * index ({@code service_case_open_due_idx}) per person.
 */
@Component
record CaseAttention(JdbcClient jdbc, Schemes schemes, Zones zones) implements AttentionSource {

    static final int SOON_DAYS = 7;

    private record Due(long schemeId, String unitCode, long overdue, long soon) {
    }

    @Override
    public List<AttentionItem> itemsFor(Recipient person) {
        List<Long> schemeIds = person.schemesAs(Role.SCHEME_ADMIN, Role.SCHEME_STAFF, Role.MEMBER_OFFICIAL);
        if (schemeIds.isEmpty()) {
            return List.of();
        }
        LocalDate today = zones.today();
        List<Due> rows = jdbc.sql("""
                select scheme_id, unit_code, count(*) filter (where due_on < :today) as overdue,
                       count(*) filter (where due_on >= :today) as soon
                from service_case where completed_at is null and scheme_id in (:schemes) and due_on <= :until
                group by scheme_id, unit_code""").param("today", Date.valueOf(today))
                .param("until", Date.valueOf(today.plusDays(SOON_DAYS))).param("schemes", schemeIds)
                .query(Due.class).list();
        Map<Long, String> names = schemes.names(schemeIds);
        List<AttentionItem> items = new ArrayList<>();
        for (long scheme : schemeIds) {
            // Staff see every unit's cases; an official only their unit's.
            List<Due> visible = rows.stream().filter(r -> r.schemeId() == scheme && person.seesUnit(scheme, r.unitCode()))
                    .toList();
            long overdue = visible.stream().mapToLong(Due::overdue).sum();
            long soon = visible.stream().mapToLong(Due::soon).sum();
            String link = "/services/schemes/" + scheme;
            items.add(new AttentionItem("services.overdue", overdue, names.get(scheme), link, scheme));
            items.add(new AttentionItem("services.dueSoon", soon, names.get(scheme), link, scheme));
        }
        return items;
    }
}
