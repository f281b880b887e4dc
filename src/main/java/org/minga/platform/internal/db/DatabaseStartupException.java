package org.minga.platform.internal.db;

/**
 * The database could not be reached or started. Carries the plain explanation and the action a
 * person should take; {@link DatabaseFailureAnalyzer} prints both instead of a stack trace.
 */
public class DatabaseStartupException extends RuntimeException {

    private final String action;

    public DatabaseStartupException(String description, String action, Throwable cause) {
        super(description, cause);
        this.action = action;
    }

    public String action() {
        return action;
    }
}
