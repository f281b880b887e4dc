package org.minga.identity;

import java.util.List;
import java.util.Optional;
import java.util.Set;

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

        /** The schemes in which the person holds one of these roles. */
        public List<Long> schemesAs(Role... roles) {
            Set<Role> wanted = Set.of(roles);
            return grants.stream().filter(g -> g.schemeId() != null && wanted.contains(g.role())).map(Grant::schemeId)
                    .distinct().toList();
        }

        /** Whether a member unit's records of a scheme are theirs to see: every unit for its staff, their own for an official. */
        public boolean seesUnit(long schemeId, String unitCode) {
            return grants.stream().anyMatch(g -> g.schemeId() != null && g.schemeId() == schemeId
                    && (g.role() == Role.SCHEME_ADMIN || g.role() == Role.SCHEME_STAFF
                            || g.role() == Role.MEMBER_OFFICIAL && g.unitCode() != null && g.unitCode().equals(unitCode)));
        }
    }

    /** Enabled accounts with an id above {@code afterId}, by id, at most {@code size}: keyset pages. */
    List<Recipient> after(long afterId, int size);

    Optional<Recipient> find(long id);

    Optional<Recipient> byUsername(String username);
}
