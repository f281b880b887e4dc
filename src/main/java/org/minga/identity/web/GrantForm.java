package org.minga.identity.web;

import org.minga.identity.Role;
import org.minga.identity.internal.Grant;

/** A grant to add or revoke: role, scheme, unit. */
public class GrantForm {

    private Role role;
    private Long schemeId;
    private String unitCode;

    Grant grant() {
        return new Grant(role, schemeId, unitCode);
    }

    public Role getRole() { return role; }
    public void setRole(Role v) { role = v; }
    public Long getSchemeId() { return schemeId; }
    public void setSchemeId(Long v) { schemeId = v; }
    public String getUnitCode() { return unitCode; }
    public void setUnitCode(String v) { unitCode = v; }
}
