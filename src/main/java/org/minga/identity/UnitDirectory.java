package org.minga.identity;

/**
 * The unit a grant's field names, typed as a name or a code. Identity does not own the territory;
 * the territory implements this so that identity need not depend on it.
 */
public interface UnitDirectory {

    /**
     * The code of the municipality or district of the country (null: any) that the text names: its
     * name (accents and case aside), "Nombre, Departamento" or its code. Blank is null; an unknown or
     * ambiguous name is refused on {@code field} with its candidates ({@code InvalidInputException}).
     */
    String localUnitCode(String field, String text, String country);
}
