package org.minga.platform.web;

/**
 * Who may call a web handler, from the widest audience to the narrowest. Scheme-scoped readers take
 * the scheme from the path variable that follows a {@code schemes/} segment; a handler whose path has
 * no scheme (an id-only path such as {@code /projects/{id}}) sets {@link Audience#byRecord()} and its
 * service resolves the record's scheme and checks it. docs/SECURITY.md ("Audiencias") has the table.
 */
public enum Reader {
    /** Anyone, without an account: published content and open data only. */
    PUBLIC,
    /** Any signed-in person, a self-registered citizen included: their own data and published content. */
    ACCOUNT,
    /**
     * Anyone who works in some scheme (any scheme role), observers and platform administrators; not a
     * bare citizen. For the platform's shared catalogues (cooperants, funding calls' eligibility).
     */
    TEAM,
    /**
     * One member unit's records: the scheme's administrators, staff and board, the member official of
     * that unit (not of another unit), observers and platform administrators. The unit is the path
     * variable after {@code members/} or {@code municipalities/}.
     */
    MEMBER_OFFICIAL,
    /**
     * A scheme's non-personal records: its administrators, staff, board and member officials (any unit),
     * observers and platform administrators. Personal data inside is shown only to
     * {@link #SCHEME_STAFF}; the others get a redacted view.
     */
    SCHEME,
    /** A scheme's administrators and staff, and platform administrators: the people who run its operations. */
    SCHEME_STAFF,
    /**
     * Scheme administrators (for the users of their schemes) and platform administrators: user
     * administration; the service narrows each list and change to the caller's schemes.
     */
    SCHEME_ADMIN,
    /** Observers (national analysts, cooperants) and platform administrators: cross-scheme analysis. */
    OBSERVER,
    /** Platform administrators only. */
    PLATFORM_ADMIN
}
