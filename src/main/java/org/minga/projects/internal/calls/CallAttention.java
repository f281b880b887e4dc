package org.minga.projects.internal.calls;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.minga.identity.Recipients.Recipient;
import org.minga.identity.Role;
import org.minga.notifications.AttentionItem;
import org.minga.notifications.AttentionSource;
import org.minga.platform.CountryFormat;
import org.minga.platform.Zones;
import org.minga.projects.internal.Bank;
import org.minga.registry.Scheme;
import org.minga.registry.Schemes;
import org.springframework.stereotype.Component;

/**
 * A scheme's administrators and staff: the funding calls open now that close within a week and that
 * the scheme could apply to, those of its country open to any unit or to one of its members. Each
 * links to the call's eligibility for the scheme, where the members and projects that qualify are listed.
 */
@Component
record CallAttention(Bank bank, Schemes schemes, Zones zones) implements AttentionSource {

    static final int CLOSING_DAYS = 7;

    private record Closing(long id, String name, String country, LocalDate closesOn, List<String> units) {
    }

    @Override
    public List<AttentionItem> itemsFor(Recipient person) {
        List<Long> schemeIds = person.schemesAs(Role.SCHEME_ADMIN, Role.SCHEME_STAFF);
        if (schemeIds.isEmpty()) {
            return List.of();
        }
        LocalDate today = zones.today();
        // funding_call_window_idx; calls are a short platform-wide catalogue.
        List<Closing> closing = bank.jdbc().sql("""
                select id, name, country, closes_on, units from funding_call
                where opens_on <= :today and closes_on between :today and :until order by closes_on, id""")
                .param("today", Date.valueOf(today)).param("until", Date.valueOf(today.plusDays(CLOSING_DAYS)))
                .query((rs, n) -> new Closing(rs.getLong("id"), rs.getString("name"), rs.getString("country"),
                        rs.getObject("closes_on", LocalDate.class), FundingCalls.strings(rs.getArray("units")))).list();
        if (closing.isEmpty()) {
            return List.of();
        }
        List<AttentionItem> items = new ArrayList<>();
        for (Scheme scheme : schemes.all(schemeIds)) {
            List<String> members = schemes.memberUnits(scheme.getId(), today);
            for (Closing call : closing) {
                if (call.country().equals(scheme.getCountry().name())
                        && (call.units().isEmpty() || call.units().stream().anyMatch(members::contains))) {
                    items.add(new AttentionItem("projects.callClosing", 1,
                            call.name() + " (" + CountryFormat.DATE.format(call.closesOn())
                                    + ", " + scheme.getName() + ")",
                            "/projects/schemes/" + scheme.getId() + "/calls/" + call.id() + "/eligibility", scheme.getId()));
                }
            }
        }
        return items;
    }
}
