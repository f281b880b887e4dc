/**
 * Users, their roles, and the grants that scope each user to schemes and territorial units.
 * Other modules ask {@link org.minga.identity.Scopes} before every write.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Identity", allowedDependencies = {"platform",
        "platform :: web"})
package org.minga.identity;
