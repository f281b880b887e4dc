/**
 * Contribution rules, obligations, payments, arrears, cost allocation, equity.
 * Not built yet: the module exists so that its boundary is drawn and verified from day one.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Finance")
package org.minga.finance;
