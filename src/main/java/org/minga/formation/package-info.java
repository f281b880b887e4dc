/**
 * Pertinence assessment and the formation route of a new scheme.
 * Not built yet: the module exists so that its boundary is drawn and verified from day one.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Formation")
package org.minga.formation;
