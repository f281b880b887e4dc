/**
 * Contribution rules, obligations, payments, arrears, and equity among members (contributions
 * paid against the benefits they receive from the projects and the shared services).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Finance", allowedDependencies = {"platform",
        "platform :: web", "identity", "territory", "registry", "projects", "services", "notifications"})
package org.minga.finance;
