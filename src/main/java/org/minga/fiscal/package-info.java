/**
 * Cadastre, property-tax liquidation with the legal limits, simulations and arrears, for a
 * municipality or for every member of a scheme that manages their cadastre.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Fiscal", allowedDependencies = {"platform",
        "platform :: web", "identity", "territory", "registry"})
package org.minga.fiscal;
