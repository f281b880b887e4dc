/**
 * Investment needs, project bank, co-financing, funding calls, cooperants, execution.
 * Not built yet: the module exists so that its boundary is drawn and verified from day one.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Projects")
package org.minga.projects;
