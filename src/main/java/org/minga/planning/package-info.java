/**
 * A scheme's shared vision with its horizon, strategic pillars and bets, work plans, goals with
 * their indicators and dated measurements, links to external plans and projects, and the status
 * dashboard (on track, late, off track) computed from the measurements and the periodicity.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Planning", allowedDependencies = {"platform",
        "platform :: web", "identity", "registry", "projects", "notifications"})
package org.minga.planning;
