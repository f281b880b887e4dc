package org.minga.identity;

/** What a user may do; scheme roles are always granted within one scheme. */
public enum Role {
    /** Runs the platform: users, legal rules, imports; every scheme. */
    PLATFORM_ADMIN(Scope.NONE),
    /** Directs one scheme: its data and its users. */
    SCHEME_ADMIN(Scope.SCHEME),
    /** Works in one scheme's technical team. */
    SCHEME_STAFF(Scope.SCHEME),
    /** Speaks for one member municipality (or district) inside one scheme. */
    MEMBER_OFFICIAL(Scope.SCHEME_AND_UNIT),
    /** Sits on a scheme's board or assembly. */
    BOARD_MEMBER(Scope.SCHEME),
    /** Reads every scheme (national or departmental government, cooperants). */
    OBSERVER(Scope.NONE),
    /** Reports and follows territorial issues; may name the unit where they live. */
    CITIZEN(Scope.OPTIONAL_UNIT);

    /** Which scope a grant of this role carries. */
    public enum Scope { NONE, SCHEME, SCHEME_AND_UNIT, OPTIONAL_UNIT }

    private final Scope scope;

    Role(Scope scope) {
        this.scope = scope;
    }

    public Scope scope() {
        return scope;
    }

    public boolean needsScheme() {
        return scope == Scope.SCHEME || scope == Scope.SCHEME_AND_UNIT;
    }
}
