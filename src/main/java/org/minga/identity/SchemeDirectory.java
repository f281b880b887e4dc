package org.minga.identity;

import java.util.List;
import java.util.Optional;

/**
 * The schemes a grant may name. Identity does not own schemes; the register implements this so
 * that identity need not depend on it.
 */
public interface SchemeDirectory {

    List<SchemeRef> all();

    Optional<SchemeRef> find(long id);

    record SchemeRef(long id, String name, String country) {
    }
}
