package org.minga.platform;

import java.util.Map;

/**
 * Records who changed what, when, with the state before and after. Call it inside the
 * transaction of the change, so the record and the change commit or fail together.
 */
public interface AuditLog {

    void record(Change change);

    /**
     * One change to business data. {@code before} is null for a creation, {@code after} null for a
     * deletion; both are plain maps so that secrets (such as password hashes) never reach the log.
     */
    record Change(String action, String entityType, Object entityId, Long schemeId, String summary,
            Map<String, ?> before, Map<String, ?> after) {

        public static Change created(String entityType, Object id, Long schemeId, String summary, Map<String, ?> after) {
            return new Change("CREATE", entityType, id, schemeId, summary, null, after);
        }

        public static Change updated(String entityType, Object id, Long schemeId, String summary, Map<String, ?> before,
                Map<String, ?> after) {
            return new Change("UPDATE", entityType, id, schemeId, summary, before, after);
        }

        public static Change deleted(String entityType, Object id, Long schemeId, String summary, Map<String, ?> before) {
            return new Change("DELETE", entityType, id, schemeId, summary, before, null);
        }
    }
}
