package org.minga.transitions.internal;

import java.sql.Date;
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
 * A scheme's administrators and staff: each election not yet held whose candidates have not all been
 * handed their dossier. The election day is the deadline (the cut-off date only fixes the data the
 * dossiers show); after it a missing dossier can no longer serve the candidate.
 */
@Component
record DossierAttention(JdbcClient jdbc, Schemes schemes, Zones zones) implements AttentionSource {

    private record Pending(long id, long schemeId, String name, long undelivered) {
    }

    @Override
    public List<AttentionItem> itemsFor(Recipient person) {
        List<Long> schemeIds = person.schemesAs(Role.SCHEME_ADMIN, Role.SCHEME_STAFF);
        if (schemeIds.isEmpty()) {
            return List.of();
        }
        // election_scheme_idx, then each candidate's deliveries on dossier_delivery_election_idx.
        List<Pending> pending = jdbc.sql("""
                select e.id, e.scheme_id, e.name, count(*) as undelivered
                from election e join candidate c on c.election_id = e.id
                where e.scheme_id in (:schemes) and e.held_on >= :today
                  and not exists (select 1 from dossier_delivery d where d.election_id = e.id and d.candidate_id = c.id)
                group by e.id, e.scheme_id, e.name, e.held_on order by e.held_on, e.id""")
                .param("schemes", schemeIds).param("today", Date.valueOf(zones.today())).query(Pending.class).list();
        Map<Long, String> names = schemes.names(schemeIds);
        return pending.stream().map(p -> new AttentionItem("transitions.dossiers", p.undelivered(),
                p.name() + " (" + names.get(p.schemeId()) + ")",
                "/transitions/schemes/" + p.schemeId() + "/elections/" + p.id(), p.schemeId())).toList();
    }
}
