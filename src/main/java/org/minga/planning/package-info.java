/**
 * Vision, strategic pillars, agenda, work plans, goals, indicators, measurements.
 * Not built yet: the module exists so that its boundary is drawn and verified from day one.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Planning")
package org.minga.planning;
