package org.minga.governance.internal;

import org.minga.identity.Scopes;
import org.minga.platform.AuditLog;
import org.minga.platform.NotFoundException;
import org.minga.platform.Zones;
import org.minga.registry.Scheme;
import org.minga.registry.SchemeFacts;
import org.minga.registry.Schemes;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** What every governance service works with, injected once (as registry's {@code Desk}). */
@Component("governanceDesk")
record GovernanceDesk(JdbcClient jdbc, Schemes schemes, SchemeFacts facts, Scopes scopes, AuditLog audit, Zones zones) {

    /** The scheme, when the current user may write its records; refused first, then 404 if there is none. */
    Scheme writableScheme(long schemeId) {
        scopes.requireSchemeWrite(schemeId);
        return schemes.get(schemeId);
    }

    /** The scheme, when the current user may read its records (its roles, observers, platform admins). */
    Scheme readableScheme(long schemeId) {
        scopes.requireSchemeRead(schemeId);
        return schemes.get(schemeId);
    }

    SchemeFacts.Body body(long schemeId, long bodyId) {
        return facts.body(schemeId, bodyId).orElseThrow(() -> new NotFoundException("órgano de gobierno", bodyId));
    }
}
