/**
 * Participation and territorial agreements (the national strategy of Cooperación Técnica
 * Territorial): actors and their relations, events with disaggregated attendance, territorial
 * issues reported by citizens and moderated, prioritisation exercises over issues or projects with one ballot per eligible
 * person (Schulze, Borda, approval, participatory budget; pure methods in {@code internal.voting},
 * also offered stateless at {@code POST /api/v1/participation/prioritisations/compute}), CTT
 * agreements with lines, actions and signed documents, participatory monitoring, and citizens'
 * own data (export and deletion).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Participation", allowedDependencies = {"platform",
        "platform :: web", "identity", "territory", "registry", "projects", "notifications"})
package org.minga.participation;
