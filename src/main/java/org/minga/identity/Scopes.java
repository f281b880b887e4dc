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

    // Reads (issue 15). A scheme's name and members are public through the register; its records are not.

    /**
     * Administrators, staff, board members and member officials of the scheme, observers and platform
     * administrators: who may read the scheme's non-personal records.
     */
    boolean canReadScheme(long schemeId);

    /** As {@link #canReadScheme}; throws {@code AccessDeniedException} (403) otherwise. */
    void requireSchemeRead(long schemeId);

    /** As {@link #canReadScheme}, except member officials of another unit of the scheme. */
    boolean canReadUnit(long schemeId, String unitCode);

    /** As {@link #canReadUnit}; throws {@code AccessDeniedException} (403) otherwise. */
    void requireUnitRead(long schemeId, String unitCode);

    /**
     * Whether the current user may see personal data held by the scheme (applicants, firm owners,
     * attendees, parcel owners and values, contacts of people): its administrators and staff and
     * platform administrators. Board members, member officials and observers get redacted views.
     */
    boolean canSeePersonalData(long schemeId);

    /** As {@link #canSeePersonalData}, plus the member official of that unit for the unit's own records (a null unit: the scheme's rule). */
    boolean canSeeUnitPersonalData(long schemeId, String unitCode);

    /** Holds a role beyond citizen: any scheme role, observer or platform administrator. */
    boolean worksInSomeScheme();

    /** Observers and platform administrators. */
    boolean isObserver();
}
