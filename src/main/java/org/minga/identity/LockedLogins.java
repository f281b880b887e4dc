package org.minga.identity;

import java.time.Instant;
import java.util.List;

/**
 * Accounts whose sign-in is locked now by the login throttle (too many wrong passwords for their user
 * name from some address), for the platform administrators who may unlock them.
 */
public interface LockedLogins {

    record Locked(long userId, String username, Instant until) {
    }

    /** The accounts locked now, the latest lock first, at most {@code limit}. */
    List<Locked> now(int limit);
}
