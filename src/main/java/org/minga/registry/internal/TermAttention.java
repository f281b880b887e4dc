package org.minga.registry.internal;

import java.util.List;
import java.util.Map;

import org.minga.identity.Recipients.Recipient;
import org.minga.identity.Role;
import org.minga.notifications.AttentionItem;
import org.minga.notifications.AttentionSource;
import org.minga.platform.Zones;
import org.minga.registry.Schemes;
import org.springframework.stereotype.Component;

/** Board terms ending within {@link TermAlerts#DEFAULT_DAYS} days (or ended): to the scheme's administrators and staff. */
@Component
record TermAttention(TermAlerts alerts, Schemes schemes, Zones zones) implements AttentionSource {

    @Override
    public List<AttentionItem> itemsFor(Recipient person) {
        List<Long> schemeIds = person.schemesAs(Role.SCHEME_ADMIN, Role.SCHEME_STAFF);
        if (schemeIds.isEmpty()) {
            return List.of();
        }
        Map<Long, String> names = schemes.names(schemeIds);
        return schemeIds.stream().map(id -> new AttentionItem("registry.terms",
                alerts.of(id, zones.today(), TermAlerts.DEFAULT_DAYS).size(), names.get(id),
                "/registry/schemes/" + id, id)).toList();
    }
}
