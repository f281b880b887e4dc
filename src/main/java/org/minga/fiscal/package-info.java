/**
 * Cadastre, property-tax liquidation with legal caps, arrears.
 * Not built yet: the module exists so that its boundary is drawn and verified from day one.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Fiscal")
package org.minga.fiscal;
