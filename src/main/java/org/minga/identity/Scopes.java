package org.minga.identity;

/**
 * Whether the current user may act on a scheme or a territorial unit. Every write in every
 * module calls one of the {@code require} methods first; they throw Spring Security's
 * {@code AccessDeniedException}, which the API answers with 403 and pages with a message.
 */
public interface Scopes {

    /** Scheme administrators and staff of the scheme, and platform administrators. */
    void requireSchemeWrite(long schemeId);

    /** As {@link #requireSchemeWrite}, plus the member official of that unit in that scheme. */
    void requireUnitWrite(long schemeId, String unitCode);

    /** Platform administrators only. */
    void requirePlatformAdmin();

    boolean canWriteScheme(long schemeId);

    /** The current user's roles in the scheme ({@code PLATFORM_ADMIN} included when held); empty when anonymous. */
    java.util.Set<Role> rolesIn(long schemeId);
}
