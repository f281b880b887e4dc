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
    LIQUIDATION("Liquidación"),
    /** The vote that forms a metropolitan area (Ley 1625 de 2013), in place of council acts. */
    POPULAR_CONSULTATION("Consulta popular"),
    /** The prior opinion a RAP needs (Ley 1454 de 2011, art. 30, as Ley 1962 de 2019 rewrote it). */
    SENATE_COMMISSION_OPINION("Concepto de la Comisión de Ordenamiento Territorial del Senado");

    private final String spanishName;

    ActType(String spanishName) {
        this.spanishName = spanishName;
    }

    public String spanishName() {
        return spanishName;
    }
}
