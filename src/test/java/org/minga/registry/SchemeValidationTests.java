package org.minga.registry;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.minga.support.IntegrationTest;
import org.minga.support.TerritoryFixtures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** The legal figures' rules, on real territory: one test per case the register issue names. */
@IntegrationTest
class SchemeValidationTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void territory() throws Exception {
        TerritoryFixtures.importAll(mvc, jdbc);
    }

    @Test
    void aMetropolitanAreaNeedsACore() throws Exception {
        validate("CO", "AREA_METROPOLITANA", "[\"54001\",\"54874\",\"54405\"]", null, "2025-01-01")
                .andExpect(jsonPath("$.valid").value(false))
                .andExpect(jsonPath("$.findings[*].rule", hasItem("CORE_REQUIRED")));
        validate("CO", "AREA_METROPOLITANA", "[\"54001\",\"54874\",\"54405\"]", "\"54001\"", "2025-01-01")
                .andExpect(jsonPath("$.valid").value(true));
    }

    @Test
    void aProvinceSpanningTwoDepartmentsIsRefused() throws Exception {
        validate("CO", "PROVINCIA_ADMINISTRATIVA_PLANIFICACION", "[\"54498\",\"20614\"]", null, "2025-01-01")
                .andExpect(jsonPath("$.valid").value(false))
                .andExpect(jsonPath("$.findings[?(@.rule == 'SAME_DEPARTMENT')].reference")
                        .value(hasItem("Ley 1454 de 2011, art. 16")))
                .andExpect(jsonPath("$.findings[?(@.rule == 'SAME_DEPARTMENT')].message")
                        .value(hasItem(containsString("Norte de Santander"))));
    }

    @Test
    void aProvinceOfNonContiguousMunicipalitiesIsRefusedNamingTheGroups() throws Exception {
        validate("CO", "PROVINCIA_ADMINISTRATIVA_PLANIFICACION", "[\"54498\",\"54003\",\"54874\"]", null, "2025-01-01")
                .andExpect(jsonPath("$.valid").value(false))
                .andExpect(jsonPath("$.findings[?(@.rule == 'CONTIGUITY')].message")
                        .value(hasItem(containsString("[Ocaña, Ábrego]"))))
                .andExpect(jsonPath("$.findings[*].rule", not(hasItem("SAME_DEPARTMENT"))));
    }

    @Test
    void aRapOfContiguousDepartmentsIsValidAndOneWithTheIslandsIsNot() throws Exception {
        validate("CO", "REGION_ADMINISTRATIVA_PLANIFICACION", "[\"54\",\"68\",\"20\"]", null, "2025-01-01")
                .andExpect(jsonPath("$.valid").value(true))
                .andExpect(jsonPath("$.findings").isEmpty());
        validate("CO", "REGION_ADMINISTRATIVA_PLANIFICACION", "[\"08\",\"13\",\"88\"]", null, "2025-01-01")
                .andExpect(jsonPath("$.valid").value(false))
                .andExpect(jsonPath("$.findings[*].rule", hasItem("CONTIGUITY")));
    }

    @Test
    void anAssociationOfMunicipalitiesMaySpanTwoDepartments() throws Exception {
        validate("CO", "ASOCIACION_MUNICIPIOS", "[\"54498\",\"20614\"]", null, "2025-01-01")
                .andExpect(jsonPath("$.valid").value(true));
    }

    @Test
    void unknownCodesAndUnitsThatDidNotExistYetAreNamed() throws Exception {
        validate("CO", "ASOCIACION_MUNICIPIOS", "[\"54498\",\"99999\"]", null, "2025-01-01")
                .andExpect(jsonPath("$.valid").value(false))
                .andExpect(jsonPath("$.findings[?(@.rule == 'UNKNOWN_UNIT')].message")
                        .value(hasItem(containsString("99999"))));
        // The 44 Salvadoran municipalities exist only since 1 May 2024.
        validate("SV", "ASOCIACION_MUNICIPIOS", "[\"M21\",\"M22\"]", null, "2020-01-01")
                .andExpect(jsonPath("$.valid").value(false))
                .andExpect(jsonPath("$.findings[*].rule", hasItem("UNKNOWN_UNIT")));
        validate("SV", "ASOCIACION_MUNICIPIOS", "[\"D097\",\"D098\"]", null, "2020-01-01")
                .andExpect(jsonPath("$.findings[*].rule", not(hasItem("UNKNOWN_UNIT"))));
    }

    @Test
    void membersOfTheWrongLevelAndDuplicatesAreErrors() throws Exception {
        validate("CO", "REGION_ADMINISTRATIVA_PLANIFICACION", "[\"54\",\"54498\",\"54\"]", null, "2025-01-01")
                .andExpect(jsonPath("$.findings[*].rule", hasItem("MEMBER_LEVEL")))
                .andExpect(jsonPath("$.findings[*].rule", hasItem("DUPLICATE_MEMBER")));
    }

    @Test
    void aNewRuleVersionAppliesFromItsDateAndOldValidationsKeepTheirAnswer() throws Exception {
        // SV associations: from 2030 (a hypothetical reform) at least 3 members.
        mvc.perform(post("/api/v1/registry/legal-rules").with(httpBasic("admin", IntegrationTest.ADMIN_PASSWORD))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"country\":\"SV\",\"figure\":\"ASOCIACION_MUNICIPIOS\",\"rule\":\"MIN_MEMBERS\","
                        + "\"severity\":\"ERROR\",\"parameter\":\"3\",\"reference\":\"Reforma de prueba, art. 1\","
                        + "\"validFrom\":\"2030-01-01\"}"))
                .andExpect(status().isCreated());
        validate("SV", "ASOCIACION_MUNICIPIOS", "[\"D097\",\"D098\"]", null, "2025-01-01")
                .andExpect(jsonPath("$.findings[*].rule", not(hasItem("MIN_MEMBERS"))));
        validate("SV", "ASOCIACION_MUNICIPIOS", "[\"D097\",\"D098\"]", null, "2030-06-01")
                .andExpect(jsonPath("$.findings[?(@.rule == 'MIN_MEMBERS')].reference")
                        .value(hasItem("Reforma de prueba, art. 1")));
    }

    @Test
    void onlyPlatformAdministratorsAddRuleVersionsAndBadOnesNameTheField() throws Exception {
        String observer = org.minga.support.TestData.unique("observa");
        new org.minga.support.ApiFixtures(mvc).user(observer, "una-clave-larga-1", "OBSERVER", null, null);
        String body = "{\"country\":\"CO\",\"figure\":\"ASOCIACION_MUNICIPIOS\",\"rule\":\"MIN_MEMBERS\","
                + "\"severity\":\"ERROR\",\"parameter\":\"dos\",\"reference\":\"x\",\"validFrom\":\"2031-01-01\"}";
        mvc.perform(post("/api/v1/registry/legal-rules").with(httpBasic(observer, "una-clave-larga-1"))
                .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/registry/legal-rules").with(httpBasic("admin", IntegrationTest.ADMIN_PASSWORD))
                .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("parameter"));
    }

    @Test
    void anUnknownFigureIsAProblemNamingTheField() throws Exception {
        validate("CO", "CONFEDERACION", "[\"54498\"]", null, "2025-01-01")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("figure"))
                .andExpect(jsonPath("$.errors[0].message", containsString("PROVINCIA_ADMINISTRATIVA_PLANIFICACION")));
    }

    private ResultActions validate(String country, String figure, String members, String core, String at)
            throws Exception {
        return mvc.perform(post("/api/v1/registry/validations").with(httpBasic("admin", IntegrationTest.ADMIN_PASSWORD))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"country\":\"" + country + "\",\"figure\":\"" + figure + "\",\"members\":" + members
                        + ",\"core\":" + core + ",\"at\":\"" + at + "\"}"))
                .andExpect(status().is(org.hamcrest.Matchers.anyOf(org.hamcrest.Matchers.is(200),
                        org.hamcrest.Matchers.is(400))));
    }
}
