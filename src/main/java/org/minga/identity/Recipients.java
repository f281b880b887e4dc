package org.minga.identity;

import java.util.List;
import java.util.Optional;

/**
 * Enabled accounts with their grants, for work done on a person's behalf outside a request (the
 * notifications digest): what they may see is decided from these grants, the same ones {@link Scopes}
 * reads for the signed-in person.
 */
public interface Recipients {

    record Grant(Role role, Long schemeId, String unitCode) {
    }

    record Recipient(long id, String username, String fullName, String email, List<Grant> grants) {

        public boolean holds(Role role) {
            return grants.stream().anyMatch(g -> g.role() == role);
        }
    }

    /** Enabled accounts with an id above {@code afterId}, by id, at most {@code size}: keyset pages. */
    List<Recipient> after(long afterId, int size);

    Optional<Recipient> find(long id);

    Optional<Recipient> byUsername(String username);
}
