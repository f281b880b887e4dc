package org.minga.identity;

import java.time.Instant;
import java.util.Optional;

/**
 * Citizens' own accounts: people who sign up on the public site to report territorial issues,
 * vote in prioritisations and follow agreements. Holds the least personal data the platform
 * needs (Ley 1581 de 2012): a user name, a name, an optional e-mail, the unit where they live.
 */
public interface Citizens {

    /** Creates the account with the CITIZEN role; anyone may call it (self sign-up). */
    Citizen register(NewCitizen input);

    /** The signed-in user if they hold the CITIZEN role. */
    Optional<Citizen> current();

    Optional<Citizen> byUsername(String username);

    /**
     * Deletes the signed-in citizen's account and grants. The audit keeps only the account's id:
     * a deletion right that left the name in the log would not delete it.
     */
    void deleteCurrent();

    record NewCitizen(String username, String fullName, String email, String password, String unitCode) {
    }

    record Citizen(long id, String username, String fullName, String email, String unitCode, Instant createdAt) {
    }
}
