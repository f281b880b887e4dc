/**
 * Actors, events, territorial issues, prioritisation, CTT agreements, monitoring.
 * Built so far: the stateless prioritisation computation ({@code POST
 * /api/v1/participation/prioritisations/compute}: Schulze, Borda, approval, participatory budget),
 * pure methods in {@code internal.voting}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Participation")
package org.minga.participation;
