package org.minga.projects.internal;

import java.sql.Date;
import java.util.ArrayList;
import java.util.List;

import org.minga.identity.Recipients.Grant;
import org.minga.identity.Recipients.Recipient;
import org.minga.identity.Role;
import org.minga.notifications.AttentionItem;
import org.minga.notifications.AttentionSource;
import org.minga.platform.Zones;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * To a member official, the projects benefiting their municipality that are being executed (contracted
 * or in execution) with a milestone past its planned date and not reached: what their municipality
 * can push the executor on, one item per project, linked to the project's page where the milestones
 * and reports are. Late as the project page judges it ({@link Monitoring}). The project bank's
 * beneficiary index ({@code project_beneficiary_unit_idx}) answers per unit; milestones by project.
 */
@Component
record ProjectAttention(JdbcClient jdbc, Zones zones) implements AttentionSource {

    private record Late(long id, long schemeId, String name, long milestones) {
    }

    @Override
    public List<AttentionItem> itemsFor(Recipient person) {
        List<AttentionItem> items = new ArrayList<>();
        for (Grant grant : person.grants()) {
            if (grant.role() != Role.MEMBER_OFFICIAL || grant.schemeId() == null || grant.unitCode() == null) {
                continue;
            }
            jdbc.sql("""
                    select p.id, p.scheme_id, p.name, count(*) as milestones
                    from project_beneficiary b
                    join project p on p.id = b.project_id
                    join project_milestone m on m.project_id = p.id
                    where b.unit_code = :unit and p.scheme_id = :scheme and p.stage in ('CONTRACTED', 'IN_EXECUTION')
                      and m.actual_on is null and m.planned_on < :today
                    group by p.id, p.scheme_id, p.name order by p.id""").param("unit", grant.unitCode())
                    .param("scheme", grant.schemeId()).param("today", Date.valueOf(zones.today()))
                    .query(Late.class).list()
                    .forEach(l -> items.add(new AttentionItem("projects.late", l.milestones(), l.name(),
                            "/projects/" + l.id(), l.schemeId())));
        }
        return items;
    }
}
