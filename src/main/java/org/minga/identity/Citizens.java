package org.minga.identity;

import java.time.Instant;
import java.util.Optional;

/**
 * Citizens' own accounts: people who sign up on the public site to report territorial issues,
 * vote in prioritisations and follow agreements. Holds the least personal data the platform
 * needs (Ley 1581 de 2012): a user name, a name, an optional e-mail, the unit where they live.
 */
public interface Citizens {

    /**
     * Creates the account with the CITIZEN role; anyone may call it (self sign-up), a limited number
     * of times per client address ({@link SignUpLimitReached}). The account starts unverified: a
     * code goes out through the {@link VerificationSender}.
     */
    Citizen register(NewCitizen input, String clientAddress);

    /** Whether the citizen confirmed the code sent at sign-up (accounts older than verification count as verified). */
    boolean isVerified(long citizenId);

    /** The signed-in citizen confirms their code; a wrong, expired or overused code is invalid input on "code". */
    void verifyCurrent(String code);

    /** Sends the signed-in citizen a new code (at most once a minute). */
    void resendCode();

    /** The signed-in user if they hold the CITIZEN role. */
    Optional<Citizen> current();

    Optional<Citizen> byUsername(String username);

    /**
     * Deletes the signed-in citizen's account and grants. The audit keeps only the account's id:
     * a deletion right that left the name in the log would not delete it.
     */
    void deleteCurrent();

    /** Too many sign-ups from one address in the window: answered 429 with a clear message. */
    class SignUpLimitReached extends RuntimeException {

        private final transient java.time.Duration window;

        public SignUpLimitReached(int max, java.time.Duration window) {
            super("Demasiados registros desde esta conexión: se permiten " + max + " cada "
                    + (window.toMinutes() >= 60 ? window.toHours() + " h" : window.toMinutes() + " min")
                    + ". Intente más tarde o regístrese en la oficina del esquema.");
            this.window = window;
        }

        public java.time.Duration window() {
            return window;
        }
    }

    record NewCitizen(String username, String fullName, String email, String password, String unitCode) {
    }

    record Citizen(long id, String username, String fullName, String email, String unitCode, Instant createdAt) {
    }
}
