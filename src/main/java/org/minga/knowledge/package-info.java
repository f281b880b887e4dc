/**
 * Experiences, lessons, good practices, technical documents, search.
 * Not built yet: the module exists so that its boundary is drawn and verified from day one.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Knowledge")
package org.minga.knowledge;
