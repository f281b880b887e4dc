package org.minga.projects.internal;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import org.minga.identity.Scopes;
import org.minga.platform.AuditLog;
import org.minga.platform.Zones;
import org.minga.registry.MemberUnits;
import org.minga.registry.Schemes;
import org.minga.territory.Territory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What every service of the project bank works with, injected once: the database, the register's
 * schemes and member units, the territory, the scope checks, the audit and the calendar. A service
 * takes this and what is its own, so its write reads "scope, rules, SQL, audit" without a
 * constructor of seven assignments.
 */
@Component
public record Bank(JdbcClient jdbc, Schemes schemes, MemberUnits memberUnits, Scopes scopes, Territory territory,
        AuditLog audit, Zones zones) {

    /** A record's state as the audit keeps it: names and values in this order, a null value kept. */
    public static Map<String, Object> state(Object... namesAndValues) {
        Map<String, Object> state = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            state.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return state;
    }

    /** The scheme's country code (CO, SV); 404 when there is no such scheme. */
    public String country(long schemeId) {
        return schemes.get(schemeId).getCountry().name();
    }

    /** Today in the scheme's country. */
    public LocalDate today(long schemeId) {
        return zones.today(country(schemeId));
    }
}
