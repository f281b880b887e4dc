package org.minga.identity.internal;

import org.minga.identity.Role;
import org.springframework.data.relational.core.mapping.Table;

/** A role within a scope: a scheme, and for member officials one territorial unit of it. */
@Table("user_grant")
public record Grant(Role role, Long schemeId, String unitCode) {

    String describe() {
        return role + (schemeId == null ? "" : " @esquema " + schemeId) + (unitCode == null ? "" : " @unidad " + unitCode);
    }

    boolean allowsSchemeWrite(long scheme) {
        return role == Role.PLATFORM_ADMIN
                || (schemeId != null && schemeId == scheme && (role == Role.SCHEME_ADMIN || role == Role.SCHEME_STAFF));
    }

    boolean allowsUnitWrite(long scheme, String unit) {
        return allowsSchemeWrite(scheme)
                || (role == Role.MEMBER_OFFICIAL && schemeId != null && schemeId == scheme && unit.equals(unitCode));
    }
}
