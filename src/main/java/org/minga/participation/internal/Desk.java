package org.minga.participation.internal;

import org.minga.identity.Citizens;
import org.minga.identity.Scopes;
import org.minga.platform.AuditLog;
import org.minga.platform.FileStore;
import org.minga.platform.Zones;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What every service of participation works with, injected once (as the project bank's {@code Bank}):
 * the database, the scope checks, the audit, the calendar, the stored files and the citizen signed
 * in. A service takes this and what is its own, without a constructor of seven assignments.
 */
@Component("participationDesk")
record Desk(JdbcClient jdbc, Scopes scopes, AuditLog audit, Zones zones, FileStore files, Citizens citizens) {
}
