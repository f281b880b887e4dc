package org.minga.platform;

import java.util.Map;

/**
 * Records who changed what, when, with the state before and after. Call it inside the
 * transaction of the change, so the record and the change commit or fail together.
 */
public interface AuditLog {

    void record(Change change);

    /**
     * A person who exercised their right to deletion (Ley 1581 de 2012) keeps their place in the log
     * under a pseudonym: every event they did is re-attributed to {@code pseudonym}, and their name is
     * replaced in the summaries of the events about their own record ({@code entityType}, {@code entityId}).
     */
    void pseudonymise(String actor, String pseudonym, String entityType, Object entityId);

    /**
     * The latest change recorded anywhere, or null before the first. Every write is audited, so this is
     * the version of everything public pages show (their ETag and Last-Modified).
     */
    Latest latest();

    /** The id and time of a recorded change. */
    record Latest(long id, java.time.Instant at) {
    }

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
