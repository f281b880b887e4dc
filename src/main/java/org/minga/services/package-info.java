/**
 * Shared services: service lines with clients and tariffs in time, cases and their workflows,
 * landfill weighing and billing, the business centre, cost allocation and dashboards.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Services", allowedDependencies = {"platform",
        "platform :: web", "identity", "territory", "registry", "notifications"})
package org.minga.services;
