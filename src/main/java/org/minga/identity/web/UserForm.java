package org.minga.identity.web;

import org.minga.identity.Role;
import org.minga.identity.internal.Grant;
import org.minga.identity.internal.UserAdministration;

/** The new-user form and its first grant, bound as it is posted. */
public record UserForm(String username, String fullName, String email, String password, Role role, Long schemeId,
        String unitCode) {

    /** The same form with the unit as a code, once what was typed (a name or a code) is read. */
    UserForm withUnitCode(String code) {
        return new UserForm(username, fullName, email, password, role, schemeId, code);
    }

    UserAdministration.NewUser input() {
        return new UserAdministration.NewUser(username, fullName, email, password,
                role == null ? null : new Grant(role, schemeId, unitCode));
    }
}
