package org.minga.formation;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.minga.support.ApiFixtures;
import org.minga.support.TerritoryFixtures;
import org.minga.support.TestData;
import org.minga.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** The formation page: plain forms, Spanish messages beside the fields, and scoping. */
@IntegrationTest
class FormationPageTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    long scheme;
    String director;
    String stranger;

    @BeforeEach
    void setUp() throws Exception {
        TerritoryFixtures.importAll(mvc, jdbc);
        ApiFixtures fixtures = new ApiFixtures(mvc);
        scheme = fixtures.scheme(TestData.unique("Provincia en conformación"));
        long other = fixtures.scheme(TestData.unique("Otra provincia"));
        director = TestData.unique("directora");
        stranger = TestData.unique("ajeno");
        fixtures.user(director, "una-clave-larga-1", "SCHEME_ADMIN", scheme, null);
        fixtures.user(stranger, "una-clave-larga-1", "SCHEME_ADMIN", other, null);
    }

    @Test
    void thePageShowsTheMomentsTheMembersAndThePertinence() throws Exception {
        mvc.perform(get("/formation/schemes/" + scheme).with(user(director))).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("1. Construyendo las bases: aprestamiento"),
                        containsString("3. Transformando la región / subregión"), containsString("Sociograma"),
                        containsString("0 de 20 entregables hechos"),
                        containsString("¿Los municipios están realmente interesados en su conformación?"),
                        containsString("Sin dato de categoría"),
                        containsString("/formation/schemes/" + scheme + "/deliverables/SOCIOGRAMA"))));
        mvc.perform(get("/registry/schemes/" + scheme).with(user(director)))
                .andExpect(content().string(containsString("/formation/schemes/" + scheme)));
    }

    @Test
    void formsSaveAndShowSpanishErrorsBesideTheirFields() throws Exception {
        mvc.perform(post("/formation/schemes/" + scheme + "/deliverables/SOCIOGRAMA").with(user(director)).with(csrf())
                .param("status", "DONE").param("notes", "Actores mapeados").param("evidence", "")
                .param("doneOn", ""))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/formation/schemes/" + scheme + "#route"));
        mvc.perform(post("/formation/schemes/" + scheme + "/prospective-members").with(user(director)).with(csrf())
                .param("unitCode", "54498").param("authorisation", "PENDING"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/formation/schemes/" + scheme + "/prospective-members").with(user(director)).with(csrf())
                .param("unitCode", "99999").param("authorisation", "PENDING"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("No existe la unidad territorial CO 99999")));
        mvc.perform(post("/formation/schemes/" + scheme + "/prospective-members/54498").with(user(director)).with(csrf())
                .param("authorisation", "AUTHORISED").param("actNumber", "").param("actDate", ""))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("necesita el número del acuerdo del concejo")));
        mvc.perform(post("/formation/schemes/" + scheme + "/pertinence/LIDERAZGO").with(user(director)).with(csrf())
                .param("answer", "YES").param("justification", " "))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("la justificación es obligatoria")));
        mvc.perform(get("/formation/schemes/" + scheme + "/deliverables/SOCIOGRAMA").with(user(director)))
                .andExpect(status().isOk()).andExpect(content().string(allOf(containsString("Entregable: Sociograma"),
                        containsString("Actores mapeados"))));
        mvc.perform(get("/formation/schemes/" + scheme + "/prospective-members/54498").with(user(director)))
                .andExpect(status().isOk()).andExpect(content().string(containsString("Autorización del concejo: Ocaña")));
        mvc.perform(get("/formation/schemes/" + scheme + "/pertinence/SUPERPOSICION").with(user(director)))
                .andExpect(status().isOk()).andExpect(content().string(containsString("Favorable si: No")));
        mvc.perform(get("/formation/schemes/" + scheme).with(user(director)))
                .andExpect(content().string(allOf(containsString("1 de 20 entregables hechos"),
                        containsString("Actores mapeados"), containsString("Ocaña"))));
    }

    @Test
    void anotherSchemesAdministratorNeitherReadsNorChangesThePage() throws Exception {
        mvc.perform(get("/formation/schemes/" + scheme).with(user(stranger))).andExpect(status().isForbidden())
                .andExpect(content().string(not(containsString("/deliverables/SOCIOGRAMA"))));
        mvc.perform(get("/formation/schemes/" + scheme + "/deliverables/SOCIOGRAMA").with(user(stranger)))
                .andExpect(status().isForbidden());
        mvc.perform(post("/formation/schemes/" + scheme + "/deliverables/SOCIOGRAMA").with(user(stranger)).with(csrf())
                .param("status", "DONE")).andExpect(status().isForbidden());
    }
}
