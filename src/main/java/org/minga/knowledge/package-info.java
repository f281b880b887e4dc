/**
 * The knowledge base: experiences, good practices scored on four criteria and technical documents,
 * tagged with the key factors and recommendation areas of associativity, with full-text search in
 * Spanish that ignores accents.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Knowledge", allowedDependencies = {"platform",
        "platform :: web", "identity", "registry"})
package org.minga.knowledge;
