/**
 * Countries, departments, municipalities and districts in time; boundaries; adjacency.
 * Not built yet: the module exists so that its boundary is drawn and verified from day one.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Territory")
package org.minga.territory;
