/**
 * Self-evaluation campaigns, health index, continue/adjust/dissolve aid.
 * Not built yet: the module exists so that its boundary is drawn and verified from day one.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Evaluation")
package org.minga.evaluation;
