package org.minga.identity;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The schemes a grant may name. Identity does not own schemes; the register implements this so
 * that identity need not depend on it.
 */
public interface SchemeDirectory {

    List<SchemeRef> all();

    Optional<SchemeRef> find(long id);

    /** Names of the given schemes, in one query. */
    Map<Long, String> names(Collection<Long> ids);

    record SchemeRef(long id, String name, String country) {
    }
}
