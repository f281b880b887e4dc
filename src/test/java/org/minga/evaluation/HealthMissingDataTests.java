package org.minga.evaluation;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

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
import org.springframework.test.web.servlet.ResultActions;

/**
 * A scheme just registered has members and nothing else: the components without data are left out
 * of the health index, and RINDE's aid says there is not enough data instead of suggesting to dissolve.
 */
@IntegrationTest
class HealthMissingDataTests {

    static final String PASSWORD = "una-clave-larga-1";
    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    long scheme;
    String director;
    String base;

    @BeforeEach
    void setUp() throws Exception {
        TerritoryFixtures.importAll(mvc, jdbc);
        var fixtures = new ApiFixtures(mvc);
        scheme = fixtures.scheme(TestData.unique("Recién registrado"));
        director = TestData.unique("directora");
        fixtures.user(director, PASSWORD, "SCHEME_ADMIN", scheme, null);
        for (String code : List.of("54498", "54003", "54206")) {
            admin(post("/api/v1/registry/schemes/" + scheme + "/members"),
                    "{\"unitCode\":\"" + code + "\",\"joinedOn\":\"2020-01-01\"}").andExpect(status().is2xxSuccessful());
        }
        base = "/api/v1/evaluation/schemes/" + scheme;
    }

    @Test
    void aNewSchemeHasItsEmptyComponentsLeftOutAndIsNotToldToDissolve() throws Exception {
        read(base + "/health")
                .andExpect(jsonPath("$.components[?(@.key == 'bodies')].explanation").value("evaluation.health.bodies.unregistered"))
                .andExpect(jsonPath("$.components[?(@.key == 'participation')].explanation")
                        .value("evaluation.health.participation.noEvaluation"))
                .andExpect(jsonPath("$.index").doesNotExist());
        read(base + "/checklist").andExpect(jsonPath("$.suggested").doesNotExist())
                .andExpect(jsonPath("$.enoughData").value(false)).andExpect(jsonPath("$.componentsNeeded").value(3));
        mvc.perform(get("/evaluation/schemes/" + scheme).with(user(director).roles("SCHEME_ADMIN")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("No hay datos suficientes para sugerir una ruta")))
                .andExpect(content().string(not(containsString("revisar si el esquema sigue vigente"))));

        // A body registered with no seat occupied is a finding (0), not missing data; one component is still not enough.
        admin(post("/api/v1/registry/schemes/" + scheme + "/bodies"), "{\"kind\":\"ASSEMBLY\",\"name\":\"Asamblea\"}")
                .andExpect(status().isCreated());
        read(base + "/health").andExpect(jsonPath("$.components[?(@.key == 'bodies')].score").value(0.0))
                .andExpect(jsonPath("$.index").value(0.0));
        read(base + "/checklist").andExpect(jsonPath("$.suggested").doesNotExist())
                .andExpect(jsonPath("$.enoughData").value(false)).andExpect(jsonPath("$.componentsWithData").value(1));
    }

    private ResultActions read(String url) throws Exception {
        return mvc.perform(get(url).with(httpBasic(director, PASSWORD))).andExpect(status().isOk());
    }

    private ResultActions admin(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request,
            String json) throws Exception {
        return mvc.perform(request.with(httpBasic("admin", IntegrationTest.ADMIN_PASSWORD))
                .contentType(MediaType.APPLICATION_JSON).content(json));
    }
}
