package org.minga.identity;

import java.util.List;

/** Who belongs to a scheme: the people whose accounts hold a role in it (staff, board, member officials). */
public interface SchemePeople {

    /** An account as others pick it: by the person's name. */
    record Person(long id, String fullName, String username) {
    }

    /** True when the enabled account {@code username} holds a role in the scheme. */
    boolean holdsRoleIn(String username, long schemeId);

    /**
     * The enabled accounts that work in the scheme's team (its administrators and staff), by name: the
     * people a case of the scheme may be assigned to.
     */
    List<Person> staff(long schemeId);
}
