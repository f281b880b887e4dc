/**
 * Cross-cutting pieces every module uses: the web shell, errors, audit, jobs and the database.
 * Its public types live here; the rest is in {@code internal} and {@code web}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Platform")
package org.minga.platform;
