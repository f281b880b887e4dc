package org.minga.formation;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.minga.support.ApiFixtures;
import org.minga.support.IntegrationTest;
import org.minga.support.TerritoryFixtures;
import org.minga.support.TestData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** Pertinence: answers given by people beside the integrating elements Minga computes on a date. */
@IntegrationTest
class PertinenceTests {

    static final String PASSWORD = "una-clave-larga-1";
    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    ApiFixtures fixtures;
    long scheme;
    FormationApi api;

    @BeforeEach
    void setUp() throws Exception {
        TerritoryFixtures.importAll(mvc, jdbc);
        fixtures = new ApiFixtures(mvc);
        scheme = fixtures.scheme(TestData.unique("Propuesta"));
        String director = TestData.unique("directora");
        fixtures.user(director, PASSWORD, "SCHEME_ADMIN", scheme, null);
        api = new FormationApi(mvc, director, PASSWORD);
    }

    @Test
    void farApartMunicipalitiesAreNotContiguousAndTheGroupsAreNamed() throws Exception {
        for (String code : new String[] {"54498", "20614", "05001"}) {
            api.addUnit(scheme, code).andExpect(status().isCreated());
        }
        // 2023: before the categories other tests import for Ocaña (2024).
        api.pertinence(scheme, "2023-06-01").andExpect(status().isOk())
                .andExpect(jsonPath("$.prospectiveMembers", hasSize(3)))
                .andExpect(jsonPath("$.elements.contiguity.contiguous").value(false))
                .andExpect(jsonPath("$.elements.contiguity.groups", hasSize(2)))
                .andExpect(jsonPath("$.elements.contiguity.groups[0][0].name").value("Medellín"))
                .andExpect(jsonPath("$.elements.contiguity.groups[1][*].name",
                        org.hamcrest.Matchers.containsInAnyOrder("Ocaña", "Río de Oro")))
                .andExpect(jsonPath("$.elements.warnings[?(@.code == 'contiguity')].message")
                        .value(hasItem(containsString("2 grupos sin frontera común: [Medellín], [Río de Oro, Ocaña]"))))
                // No categories were imported for these units: Minga says so instead of guessing.
                .andExpect(jsonPath("$.elements.categories.similarity").value("UNKNOWN"))
                .andExpect(jsonPath("$.elements.warnings[*].code", hasItem("categoryUnknown")))
                .andExpect(jsonPath("$.verdict.unanswered").value(13));
    }

    @Test
    void neighboursAreContiguous() throws Exception {
        api.addUnit(scheme, "54498").andExpect(status().isCreated());
        api.addUnit(scheme, "20614").andExpect(status().isCreated());
        api.pertinence(scheme, null).andExpect(jsonPath("$.elements.contiguity.contiguous").value(true))
                .andExpect(jsonPath("$.elements.warnings[*].code", not(hasItem("contiguity"))));
    }

    @Test
    void aSchemeThatAlreadyHoldsAProspectiveMemberIsNamedWithTheSharedMembers() throws Exception {
        String name = TestData.unique("Asociación existente");
        long existing = fixtures.scheme(name);
        // A member from 2020 to 2021, so the overlap is a fact of that period only.
        mvc.perform(post("/api/v1/registry/schemes/" + existing + "/members")
                .with(httpBasic("admin", IntegrationTest.ADMIN_PASSWORD)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"unitCode\":\"54498\",\"joinedOn\":\"2020-01-01\"}")).andExpect(status().isCreated());
        mvc.perform(post("/api/v1/registry/schemes/" + existing + "/members/54498/leave")
                .with(httpBasic("admin", IntegrationTest.ADMIN_PASSWORD)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"leftOn\":\"2021-12-31\"}")).andExpect(status().isOk());
        api.addUnit(scheme, "54498").andExpect(status().isCreated());
        api.addUnit(scheme, "20614").andExpect(status().isCreated());
        api.pertinence(scheme, "2021-06-01")
                .andExpect(jsonPath("$.elements.overlaps[?(@.schemeId == " + existing + ")].schemeName").value(name))
                .andExpect(jsonPath("$.elements.overlaps[?(@.schemeId == " + existing + ")].sharedMembers[0].name")
                        .value("Ocaña"))
                .andExpect(jsonPath("$.elements.warnings[?(@.code == 'overlap')].message")
                        .value(hasItem("Se superpone con " + name + ", que ya tiene como miembros a: Ocaña.")));
        api.pertinence(scheme, "2022-06-01")
                .andExpect(jsonPath("$.elements.overlaps[*].schemeId", not(hasItem((int) existing))));
    }

    @Test
    void categoriesAreComparedAsOfTheDateAndMissingOnesAreNamed() throws Exception {
        for (String[] row : new String[][] {{"54003", "6"}, {"54206", "6"}, {"54001", "1"}}) {
            jdbc.sql("""
                    insert into territorial_attribute (country, code, year, attribute, value)
                    values ('CO', :code, 2020, 'category', :value) on conflict do nothing
                    """).param("code", row[0]).param("value", row[1]).update();
        }
        for (String code : new String[] {"54003", "54206", "54245"}) {
            api.addUnit(scheme, code).andExpect(status().isCreated());
        }
        api.pertinence(scheme, "2025-01-01")
                .andExpect(jsonPath("$.elements.categories.similarity").value("SIMILAR"))
                .andExpect(jsonPath("$.elements.categories.units[?(@.code == '54003')].category").value(hasItem("6")))
                .andExpect(jsonPath("$.elements.warnings[?(@.code == 'categoryMissing')].message")
                        .value(hasItem(containsString("El Carmen"))));
        api.pertinence(scheme, "2019-06-01").andExpect(jsonPath("$.elements.categories.similarity").value("UNKNOWN"));
        api.addUnit(scheme, "54001").andExpect(status().isCreated());
        api.pertinence(scheme, "2025-01-01")
                .andExpect(jsonPath("$.elements.categories.similarity").value("DISSIMILAR"))
                .andExpect(jsonPath("$.elements.warnings[?(@.code == 'categories')].message")
                        .value(hasItem(containsString("Cúcuta: 1"))));
    }

    @Test
    void answersAreCountedForOrAgainstAndNeedAJustification() throws Exception {
        api.answer(scheme, "INTERES_MUNICIPIOS", "{\"answer\":\"YES\",\"justification\":\"Actas de los alcaldes\"}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.answer").value("YES"))
                .andExpect(jsonPath("$.answeredBy").value(api.user()));
        // Overlapping an existing scheme speaks against forming a new one.
        api.answer(scheme, "SUPERPOSICION", "{\"answer\":\"YES\",\"justification\":\"Comparte la provincia\"}")
                .andExpect(status().isOk());
        api.answer(scheme, "COSTO_MENOR", "{\"answer\":\"PARTLY\",\"justification\":\"Falta el estudio\"}")
                .andExpect(status().isOk());
        api.answer(scheme, "LIDERAZGO", "{\"answer\":\"SI\",\"justification\":\"\"}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", org.hamcrest.Matchers.containsInAnyOrder("answer",
                        "justification")));
        api.answer(scheme, "NO_EXISTE", "{\"answer\":\"YES\",\"justification\":\"x\"}").andExpect(status().isNotFound());
        api.pertinence(scheme, null).andExpect(jsonPath("$.verdict.favourable").value(1))
                .andExpect(jsonPath("$.verdict.unfavourable").value(1))
                .andExpect(jsonPath("$.verdict.partly").value(1))
                .andExpect(jsonPath("$.verdict.unanswered").value(10))
                .andExpect(jsonPath("$.questions[?(@.code == 'LIDERAZGO')].answer").value(hasItem((Object) null)));
    }
}
