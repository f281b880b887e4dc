package org.minga.identity.internal;

import java.time.Instant;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.minga.identity.Role;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/** A person who signs in, with the grants that scope what they may do. */
@Table("app_user")
public class UserAccount {

    @Id
    private Long id;
    private String username;
    private String fullName;
    private String email;
    private String passwordHash;
    private boolean enabled = true;
    private Instant passwordChangedAt;
    private Instant createdAt;
    private Instant updatedAt;
    private Long createdBy;
    @Version
    private Integer version;
    @MappedCollection(idColumn = "app_user")
    private Set<Grant> grants = new HashSet<>();

    protected UserAccount() {
    }

    UserAccount(String username, String fullName, String email, String passwordHash, Instant now) {
        this.username = username;
        this.fullName = fullName;
        this.email = email;
        this.passwordHash = passwordHash;
        this.passwordChangedAt = now;
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** What the audit log keeps of a user: never the password hash. */
    Map<String, Object> auditState() {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("username", username);
        state.put("fullName", fullName);
        state.put("email", email);
        state.put("enabled", enabled);
        state.put("grants", sortedGrants().stream().map(Grant::describe).toList());
        return state;
    }

    public List<Grant> sortedGrants() {
        return grants.stream().sorted(Comparator.comparing(Grant::role).thenComparing(g -> String.valueOf(g.schemeId()))
                .thenComparing(g -> String.valueOf(g.unitCode()))).toList();
    }

    boolean hasRole(Role role) {
        return grants.stream().anyMatch(g -> g.role() == role);
    }

    void touch(Instant now) {
        this.updatedAt = now;
    }

    void changePassword(String newHash, Instant now) {
        this.passwordHash = newHash;
        this.passwordChangedAt = now;
        touch(now);
    }

    public Long getId() { return id; }
    public String getUsername() { return username; }
    public String getFullName() { return fullName; }
    public String getEmail() { return email; }
    String getPasswordHash() { return passwordHash; }
    public boolean isEnabled() { return enabled; }
    public Instant getCreatedAt() { return createdAt; }
    public Set<Grant> getGrants() { return grants; }
    Long getCreatedBy() { return createdBy; }

    void setFullName(String fullName) { this.fullName = fullName; }
    void setEmail(String email) { this.email = email; }
    void setEnabled(boolean enabled) { this.enabled = enabled; }
    void setCreatedBy(Long createdBy) { this.createdBy = createdBy; }
}
