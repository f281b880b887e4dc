/**
 * Countries, departments, municipalities and districts in time; boundaries; adjacency.
 * Every question may be asked "as of" a date and gets that date's answer.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Territory", allowedDependencies = {"platform",
        "platform :: web", "identity"})
package org.minga.territory;
