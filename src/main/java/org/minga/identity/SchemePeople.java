package org.minga.identity;

/** Who belongs to a scheme: the people whose accounts hold a role in it (staff, board, member officials). */
public interface SchemePeople {

    /** True when the enabled account {@code username} holds a role in the scheme. */
    boolean holdsRoleIn(String username, long schemeId);
}
