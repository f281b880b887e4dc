/**
 * Pertinence assessment and the formation route of a new scheme: the DNP's three moments and their
 * deliverables, the councils' authorisations of the prospective members, RINDE's questions answered
 * by people and the integrating elements Minga computes from the territory and the register.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Formation", allowedDependencies = {"platform",
        "platform :: web", "identity", "territory", "registry"})
package org.minga.formation;
