package org.minga.identity;

/**
 * Delivers a citizen's verification code. Minga has no mail yet: without another implementation
 * the code goes to the application log (LogVerificationSender), where the operator reads it to the
 * person, e.g. at the scheme's office. Issue 20 adds an SMTP implementation for when mail is configured.
 */
public interface VerificationSender {

    /** Sends {@code code} to the person; {@code email} may be null when they gave none. */
    void send(String username, String email, String code);
}
