package org.minga.identity.web;

import org.minga.identity.Role;
import org.minga.identity.internal.Grant;

/** A grant to add or revoke: role, scheme, unit. */
public record GrantForm(Role role, Long schemeId, String unitCode) {

    Grant grant() {
        return new Grant(role, schemeId, unitCode);
    }

    /** The same grant with the unit as a code, once what was typed (a name or a code) is read. */
    GrantForm withUnitCode(String code) {
        return new GrantForm(role, schemeId, code);
    }
}
