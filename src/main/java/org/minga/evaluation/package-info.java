/**
 * Self-evaluation campaigns with questionnaires from templates (RINDE's dimensions, the feedback
 * groups of Catatumbo), results by dimension and group and the actions they lead to; the health
 * index of a scheme from live data; RINDE's continue-or-dissolve decision aid.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Evaluation", allowedDependencies = {"platform",
        "platform :: web", "identity", "registry", "projects", "finance", "planning",
        "governance"})
package org.minga.evaluation;
