package org.minga.territory.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UnitNamesTests {

    @Test
    void namesReadAsPeopleWriteThem() {
        assertThat(UnitNames.titleCase("SAN JOSÉ DEL GUAVIARE")).isEqualTo("San José del Guaviare");
        assertThat(UnitNames.titleCase("BOGOTÁ, D.C.")).isEqualTo("Bogotá, D.C.");
        assertThat(UnitNames.withoutDepartmentSuffix("Lislique UN")).isEqualTo("Lislique");
        assertThat(UnitNames.withoutDepartmentSuffix("San Salvador Centro")).isEqualTo("San Salvador Centro");
        assertThat(UnitNames.searchable("Ocaña")).isEqualTo("ocana");
    }
}
