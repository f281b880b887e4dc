package org.minga.registry.internal;

import org.minga.identity.Scopes;
import org.minga.platform.AuditLog;
import org.minga.registry.Scheme;
import org.minga.registry.Schemes;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What every service of the register works with, injected once (as participation's {@code Desk}): the
 * database, the schemes, the scope checks, the audit and the scheme's timeline. A service takes this
 * and what is its own.
 */
@Component("registryDesk")
record Desk(JdbcClient jdbc, Schemes schemes, Scopes scopes, AuditLog audit, SchemeEvents events) {

    /** The scheme, when the current user may write its records; refused first, then 404 if there is none. */
    Scheme writableScheme(long schemeId) {
        scopes.requireSchemeWrite(schemeId);
        return schemes.get(schemeId);
    }
}
