/**
 * Government periods per country, mayors, elections and candidates; handover and candidate dossiers
 * as PDF generated from live data, identified by the hash of their content; the distribution log and
 * the neutrality report of an election.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Transitions", allowedDependencies = {"platform",
        "platform :: web", "identity", "registry", "projects", "finance", "planning",
        "notifications"})
package org.minga.transitions;
