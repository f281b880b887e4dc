package org.minga;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** The module boundaries of docs/ARCHITECTURE.md, checked and drawn from the code itself. */
class ModularityTests {

    static final ApplicationModules MODULES = ApplicationModules.of(MingaApplication.class);

    @Test
    void modulesRespectTheirBoundaries() {
        MODULES.verify();
    }

    @Test
    void writesModuleDiagrams() {
        new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder("target/spring-modulith-docs"))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml()
                .writeModuleCanvases();
    }
}
