/**
 * The register of schemes. For now the scheme itself (the unit every grant and every write is
 * scoped to); legal figures, members in time, acts and bodies come with the register issue.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Registry", allowedDependencies = {"platform",
        "platform :: web", "identity", "territory", "notifications"})
package org.minga.registry;
