/**
 * Shared services: service lines, cases and their workflows, weighing, billing.
 * Not built yet: the module exists so that its boundary is drawn and verified from day one.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Services")
package org.minga.services;
