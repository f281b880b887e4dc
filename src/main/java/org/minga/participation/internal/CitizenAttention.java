package org.minga.participation.internal;

import java.util.ArrayList;
import java.util.List;

import org.minga.identity.Citizens;
import org.minga.identity.Recipients.Grant;
import org.minga.identity.Recipients.Recipient;
import org.minga.identity.Role;
import org.minga.notifications.AttentionItem;
import org.minga.notifications.AttentionSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A citizen's own items, beside what {@link ParticipationAttention} tells them of their reports'
 * moderation: the prioritisation ballots open to them (their unit is among the exercise's, they have
 * not voted, and their account is verified, as an online ballot needs) and progress recorded on
 * their published reports since they last opened "Mis reportes".
 */
@Component
record CitizenAttention(JdbcClient jdbc, Citizens citizens, OwnReports reports) implements AttentionSource {

    private record Open(long id, long schemeId, String title) {
    }

    @Override
    public List<AttentionItem> itemsFor(Recipient person) {
        if (!person.holds(Role.CITIZEN)) {
            return List.of();
        }
        List<AttentionItem> items = new ArrayList<>();
        List<String> units = person.grants().stream().filter(g -> g.role() == Role.CITIZEN && g.unitCode() != null)
                .map(Grant::unitCode).distinct().toList();
        if (!units.isEmpty() && citizens.isVerified(person.id())) {
            // prioritisation_unit_unit_idx finds the exercises of the unit; the ballot's unique key, their vote.
            jdbc.sql("""
                    select p.id, p.scheme_id, p.title from prioritisation p
                    where p.status = 'OPEN' and p.eligibility = 'UNIT_CITIZENS'
                      and p.id in (select prioritisation_id from prioritisation_unit where unit_code in (:units))
                      and not exists (select 1 from ballot b where b.prioritisation_id = p.id and b.voter_key = :key)
                    order by p.id""").param("units", units).param("key", "citizen:" + person.id())
                    .query(Open.class).list()
                    .forEach(o -> items.add(new AttentionItem("participation.ballots", 1, o.title(),
                            "/participation/prioritisations/" + o.id() + "/vote", o.schemeId())));
        }
        reports.news(person.id()).forEach(n -> items.add(new AttentionItem("participation.mine.updated", n.updates(),
                n.title(), "/participation/my-reports", n.schemeId())));
        return items;
    }
}
