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
 * Open cases past their due date, and due within a week. A scheme's administrators and staff see the
 * cases assigned to them apart from the scheme's cases nobody has yet (a colleague's cases are the
 * colleague's); a member official sees every case of their own unit. One grouped query on the
 * open-cases index ({@code service_case_open_due_idx}) per person.
 */
@Component
record CaseAttention(JdbcClient jdbc, Schemes schemes, Zones zones) implements AttentionSource {

    static final int SOON_DAYS = 7;

    private record Due(long schemeId, String unitCode, long overdue, long soon, long unassignedOverdue,
            long unassignedSoon, long mineOverdue, long mineSoon) {
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
                       count(*) filter (where due_on >= :today) as soon,
                       count(*) filter (where due_on < :today and assignee_id is null) as unassigned_overdue,
                       count(*) filter (where due_on >= :today and assignee_id is null) as unassigned_soon,
                       count(*) filter (where due_on < :today and assignee_id = :me) as mine_overdue,
                       count(*) filter (where due_on >= :today and assignee_id = :me) as mine_soon
                from service_case where completed_at is null and scheme_id in (:schemes) and due_on <= :until
                group by scheme_id, unit_code""").param("today", Date.valueOf(today))
                .param("until", Date.valueOf(today.plusDays(SOON_DAYS))).param("schemes", schemeIds)
                .param("me", person.id()).query(Due.class).list();
        Map<Long, String> names = schemes.names(schemeIds);
        List<Long> team = person.schemesAs(Role.SCHEME_ADMIN, Role.SCHEME_STAFF);
        List<AttentionItem> items = new ArrayList<>();
        for (long scheme : schemeIds) {
            List<Due> inScheme = rows.stream().filter(r -> r.schemeId() == scheme).toList();
            String link = "/services/schemes/" + scheme;
            if (team.contains(scheme)) {
                items.add(new AttentionItem("services.assigned.overdue", sum(inScheme, Due::mineOverdue), names.get(scheme),
                        link + "?mine=true", scheme));
                items.add(new AttentionItem("services.assigned.dueSoon", sum(inScheme, Due::mineSoon), names.get(scheme),
                        link + "?mine=true", scheme));
                items.add(new AttentionItem("services.overdue", sum(inScheme, Due::unassignedOverdue), names.get(scheme), link,
                        scheme));
                items.add(new AttentionItem("services.dueSoon", sum(inScheme, Due::unassignedSoon), names.get(scheme), link,
                        scheme));
            } else {
                // An official: their unit's cases, whoever has them.
                List<Due> visible = inScheme.stream().filter(r -> person.seesUnit(scheme, r.unitCode())).toList();
                items.add(new AttentionItem("services.overdue", sum(visible, Due::overdue), names.get(scheme), link, scheme));
                items.add(new AttentionItem("services.dueSoon", sum(visible, Due::soon), names.get(scheme), link, scheme));
            }
        }
        return items;
    }

    private static long sum(List<Due> rows, java.util.function.ToLongFunction<Due> count) {
        return rows.stream().mapToLong(count).sum();
    }
}
