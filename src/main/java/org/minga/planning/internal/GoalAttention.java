package org.minga.planning.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.minga.identity.Recipients.Recipient;
import org.minga.identity.Role;
import org.minga.notifications.AttentionItem;
import org.minga.notifications.AttentionSource;
import org.minga.planning.Indicators;
import org.minga.planning.Plans;
import org.minga.platform.Zones;
import org.minga.registry.Schemes;
import org.springframework.stereotype.Component;

/** Goals late or off track today, judged as the dashboard judges them: to the scheme's administrators and staff. */
@Component
record GoalAttention(Plans plans, Schemes schemes, Zones zones) implements AttentionSource {

    @Override
    public List<AttentionItem> itemsFor(Recipient person) {
        List<Long> schemeIds = person.schemesAs(Role.SCHEME_ADMIN, Role.SCHEME_STAFF);
        if (schemeIds.isEmpty()) {
            return List.of();
        }
        Map<Long, String> names = schemes.names(schemeIds);
        List<AttentionItem> items = new ArrayList<>();
        for (long scheme : schemeIds) {
            var statuses = plans.statuses(scheme, zones.today());
            long late = statuses.stream().filter(s -> s.assessment().status() == Indicators.Status.LATE).count();
            long off = statuses.stream().filter(s -> s.assessment().status() == Indicators.Status.OFF_TRACK).count();
            String link = "/planning/schemes/" + scheme;
            items.add(new AttentionItem("planning.late", late, names.get(scheme), link, scheme));
            items.add(new AttentionItem("planning.offTrack", off, names.get(scheme), link, scheme));
        }
        return items;
    }
}
