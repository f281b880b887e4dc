package org.minga.identity.web;

import org.minga.identity.Role;
import org.minga.identity.internal.Grant;

/** The new-user form and its first grant. */
public class UserForm {

    private String username;
    private String fullName;
    private String email;
    private String password;
    private Role role;
    private Long schemeId;
    private String unitCode;

    Grant grant() {
        return role == null ? null : new Grant(role, schemeId, unitCode);
    }

    public String getUsername() { return username; }
    public void setUsername(String v) { username = v; }
    public String getFullName() { return fullName; }
    public void setFullName(String v) { fullName = v; }
    public String getEmail() { return email; }
    public void setEmail(String v) { email = v; }
    public String getPassword() { return password; }
    public void setPassword(String v) { password = v; }
    public Role getRole() { return role; }
    public void setRole(Role v) { role = v; }
    public Long getSchemeId() { return schemeId; }
    public void setSchemeId(Long v) { schemeId = v; }
    public String getUnitCode() { return unitCode; }
    public void setUnitCode(String v) { unitCode = v; }
}
