/**
 * The national observatory and the open-data catalogue: how associativity is doing across a country
 * on a date (schemes by figure, status and department, municipalities in one or several schemes,
 * members per scheme, foundations and dissolutions, competences, project investment), and the DCAT-AP
 * catalogue of every public dataset. A read model: it counts over the register's, the territory's and
 * the project bank's tables in SQL, a few grouped queries for the whole country, because the modules'
 * Java doors answer one scheme at a time. It writes nothing.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Observatory", allowedDependencies = {"platform",
        "platform :: web"})
package org.minga.observatory;
