package org.minga.finance.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.minga.finance.Contributions;
import org.minga.finance.Contributions.Obligation;
import org.minga.identity.Recipients;
import org.minga.identity.Recipients.Recipient;
import org.minga.identity.Role;
import org.minga.notifications.AttentionItem;
import org.minga.notifications.AttentionSource;
import org.minga.platform.Zones;
import org.minga.registry.Schemes;
import org.springframework.stereotype.Component;

/**
 * Members' contributions past due and unpaid (arrears) and due within 30 days: to a scheme's
 * administrators and staff for every member, to a member official for their own unit's quotas only.
 * What is open comes from the ledger as of the end of the window (payments applied by date, as on
 * the statement), so an item never says a quota is owed that a payment has settled; an official's
 * ledger is read for their unit only.
 */
@Component
record ArrearsAttention(Contributions contributions, Schemes schemes, Zones zones) implements AttentionSource {

    static final int SOON_DAYS = 30;

    @Override
    public List<AttentionItem> itemsFor(Recipient person) {
        List<Long> schemeIds = person.schemesAs(Role.SCHEME_ADMIN, Role.SCHEME_STAFF, Role.MEMBER_OFFICIAL);
        if (schemeIds.isEmpty()) {
            return List.of();
        }
        LocalDate today = zones.today();
        Map<Long, String> names = schemes.names(schemeIds);
        List<AttentionItem> items = new ArrayList<>();
        for (long scheme : schemeIds) {
            List<Obligation> open = ledgerUnits(person, scheme).stream()
                    .flatMap(unit -> contributions.obligations(scheme, unit, today.plusDays(SOON_DAYS)).stream())
                    .filter(o -> o.open().signum() > 0 && person.seesUnit(scheme, o.unitCode())).toList();
            String link = "/finance/schemes/" + scheme;
            items.add(new AttentionItem("finance.arrears", open.stream().filter(o -> o.dueOn().isBefore(today)).count(),
                    names.get(scheme), link, scheme));
            items.add(new AttentionItem("finance.dueSoon", open.stream().filter(o -> !o.dueOn().isBefore(today)).count(),
                    names.get(scheme), link, scheme));
        }
        return items;
    }

    /**
     * Whose ledger to read: the whole scheme's, once, for its administrators and staff; an official's
     * own unit only (the ledger then reads that member's rows alone), never every member's to keep one.
     */
    private static List<String> ledgerUnits(Recipient person, long scheme) {
        if (person.schemesAs(Role.SCHEME_ADMIN, Role.SCHEME_STAFF).contains(scheme)) {
            return java.util.Collections.singletonList(null);
        }
        return person.grants().stream().filter(g -> g.role() == Role.MEMBER_OFFICIAL && g.schemeId() != null
                && g.schemeId() == scheme && g.unitCode() != null).map(Recipients.Grant::unitCode).distinct().toList();
    }
}
