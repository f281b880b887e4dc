package org.minga.registry.internal;

/**
 * The kinds of legal act a scheme's life produces (DOMAIN.md: acuerdo del concejo, ordenanza, acto
 * de constitución, estatutos, convenio...). The Spanish name goes into the stored event log; pages
 * use the bundles (act.type.X).
 */
public enum ActType {
    COUNCIL_AUTHORISATION("Acuerdo del concejo"),
    DEPARTMENTAL_ORDINANCE("Ordenanza departamental"),
    ASSEMBLY_AUTHORISATION("Autorización de la asamblea"),
    CONSTITUTION_ACT("Acta de constitución"),
    STATUTES("Estatutos"),
    STATUTES_REFORM("Reforma de estatutos"),
    ASSOCIATION_AGREEMENT("Convenio de asociación"),
    REGISTRATION("Registro"),
    LIQUIDATION("Liquidación");

    private final String spanishName;

    ActType(String spanishName) {
        this.spanishName = spanishName;
    }

    public String spanishName() {
        return spanishName;
    }
}
