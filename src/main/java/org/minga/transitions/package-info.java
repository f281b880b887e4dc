/**
 * Government periods, candidates, handover and candidate dossiers.
 * Not built yet: the module exists so that its boundary is drawn and verified from day one.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Transitions")
package org.minga.transitions;
