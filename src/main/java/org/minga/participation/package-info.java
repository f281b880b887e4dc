/**
 * Actors, events, territorial issues, prioritisation, CTT agreements, monitoring.
 * Not built yet: the module exists so that its boundary is drawn and verified from day one.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Participation")
package org.minga.participation;
