package org.minga.governance.internal;

import java.util.Map;

/** The Spanish name of a seat's role (as the register names it) for the minutes, which are in Spanish. */
final class Roles {

    private static final Map<String, String> SPANISH = Map.of("PRESIDENT", "Presidencia", "VICE_PRESIDENT",
            "Vicepresidencia", "SECRETARY", "Secretaría", "TREASURER", "Tesorería", "SYNDIC", "Sindicatura", "MEMBER",
            "Vocal", "ALTERNATE", "Suplencia", "DIRECTOR", "Dirección", "COORDINATOR", "Coordinación");

    private Roles() {
    }

    static String spanish(String role) {
        return SPANISH.getOrDefault(role, role);
    }
}
