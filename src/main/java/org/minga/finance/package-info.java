/**
 * Contribution rules, obligations, payments, arrears, and equity among members (contributions
 * paid against the benefits of the projects they receive).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Finance", allowedDependencies = {"platform",
        "platform :: web", "identity", "territory", "registry", "projects", "notifications"})
package org.minga.finance;
