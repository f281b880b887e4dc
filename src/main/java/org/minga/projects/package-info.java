/**
 * Investment needs, the project bank with its lifecycle, co-financing, funding calls, cooperants
 * and execution monitoring.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Projects", allowedDependencies = {"platform",
        "platform :: web", "identity", "territory", "registry", "notifications"})
package org.minga.projects;
