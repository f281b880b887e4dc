package org.minga.identity.internal;

import java.util.List;
import java.util.Set;

import org.minga.identity.Role;
import org.minga.identity.Scopes;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * The current user's grants, read fresh from the database on every check so that a revoked grant
 * stops working at once, on every node.
 */
@Component
public record CurrentGrants(UserAccountRepository users, MessageSource messages) implements Scopes {

    /**
     * A refusal whose text is the message {@code identity.denied.<key>} in the request's language
     * (Spanish by default). Numbers are passed as text, so that an id reads 1234, not 1.234.
     */
    public AccessDeniedException denied(String key, Object... args) {
        Object[] texts = java.util.Arrays.stream(args).map(String::valueOf).toArray();
        return new AccessDeniedException(messages.getMessage("identity.denied." + key, texts,
                LocaleContextHolder.getLocale()));
    }

    Set<Grant> grants() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !auth.isAuthenticated()) {
            return Set.of();
        }
        return users.findByUsername(auth.getName()).filter(UserAccount::isEnabled).map(UserAccount::getGrants)
                .orElse(Set.of());
    }

    /** The signed-in user's account id, if signed in with an enabled account. */
    public java.util.Optional<Long> userId() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !auth.isAuthenticated()) {
            return java.util.Optional.empty();
        }
        return users.findByUsername(auth.getName()).filter(UserAccount::isEnabled).map(UserAccount::getId);
    }

    public boolean isPlatformAdmin() {
        return grants().stream().anyMatch(g -> g.role() == Role.PLATFORM_ADMIN);
    }

    /** The schemes where the current user is scheme administrator. */
    public List<Long> administeredSchemes() {
        return grants().stream().filter(g -> g.role() == Role.SCHEME_ADMIN).map(Grant::schemeId).distinct().toList();
    }

    /** The schemes where the current user holds a scheme role (staff, board, member official, administrator). */
    public List<Long> schemesWorkedIn() {
        return grants().stream().filter(g -> g.role().needsScheme()).map(Grant::schemeId).distinct().toList();
    }

    @Override
    public void requireSchemeWrite(long schemeId) {
        if (!canWriteScheme(schemeId)) {
            throw denied("schemeWrite", schemeId);
        }
    }

    @Override
    public boolean canWriteScheme(long schemeId) {
        return grants().stream().anyMatch(g -> g.allowsSchemeWrite(schemeId));
    }

    @Override
    public Set<Role> rolesIn(long schemeId) {
        var roles = java.util.EnumSet.noneOf(Role.class);
        grants().stream().filter(g -> g.role() == Role.PLATFORM_ADMIN || (g.schemeId() != null && g.schemeId() == schemeId))
                .forEach(g -> roles.add(g.role()));
        return roles;
    }

    @Override
    public void requireUnitWrite(long schemeId, String unitCode) {
        if (grants().stream().noneMatch(g -> g.allowsUnitWrite(schemeId, unitCode))) {
            throw denied("unitWrite", unitCode, schemeId);
        }
    }

    @Override
    public void requirePlatformAdmin() {
        if (!isPlatformAdmin()) {
            throw denied("platformAdmin");
        }
    }

    // Reads: see Scopes and docs/SECURITY.md ("Audiencias").

    private boolean readsEverything(Grant g) {
        return g.role() == Role.PLATFORM_ADMIN || g.role() == Role.OBSERVER;
    }

    private static boolean in(Grant g, long schemeId) {
        return g.schemeId() != null && g.schemeId() == schemeId;
    }

    @Override
    public boolean canReadScheme(long schemeId) {
        return grants().stream().anyMatch(g -> readsEverything(g) || (in(g, schemeId) && g.role().needsScheme()));
    }

    @Override
    public void requireSchemeRead(long schemeId) {
        if (!canReadScheme(schemeId)) {
            throw denied("schemeRead", schemeId);
        }
    }

    @Override
    public boolean canReadUnit(long schemeId, String unitCode) {
        return grants().stream().anyMatch(g -> readsEverything(g) || (in(g, schemeId) && (g.role() == Role.MEMBER_OFFICIAL
                ? unitCode.equals(g.unitCode()) : g.role().needsScheme())));
    }

    @Override
    public void requireUnitRead(long schemeId, String unitCode) {
        if (!canReadUnit(schemeId, unitCode)) {
            throw denied("unitRead", unitCode, schemeId);
        }
    }

    @Override
    public boolean canSeePersonalData(long schemeId) {
        return grants().stream().anyMatch(g -> g.allowsSchemeWrite(schemeId));
    }

    @Override
    public boolean canSeeUnitPersonalData(long schemeId, String unitCode) {
        return unitCode == null ? canSeePersonalData(schemeId)
                : grants().stream().anyMatch(g -> g.allowsUnitWrite(schemeId, unitCode));
    }

    @Override
    public boolean worksInSomeScheme() {
        return grants().stream().anyMatch(g -> g.role() != Role.CITIZEN);
    }

    @Override
    public boolean isObserver() {
        return grants().stream().anyMatch(this::readsEverything);
    }
}
