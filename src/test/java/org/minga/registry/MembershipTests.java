package org.minga.registry;

import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.minga.support.IntegrationTest;
import org.minga.support.TerritoryFixtures;
import org.minga.support.TestData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import com.jayway.jsonpath.JsonPath;

/** Members in time, as the register answers "who were the members on date D". */
@IntegrationTest
class MembershipTests {

    static final String PASSWORD = "una-clave-larga-1";
    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    long scheme;
    long other;
    String director;

    @BeforeEach
    void setUp() throws Exception {
        TerritoryFixtures.importAll(mvc, jdbc);
        scheme = svScheme(TestData.unique("Mancomunidad de prueba"));
        other = svScheme(TestData.unique("Otra mancomunidad"));
        director = TestData.unique("directora");
        new org.minga.support.ApiFixtures(mvc).user(director, PASSWORD, "SCHEME_ADMIN", scheme, null);
    }

    @Test
    void aSalvadoranMemberSurvivesThe2024ReformAsADistrictOfItsNewMunicipality() throws Exception {
        join(scheme, "D097", "2015-03-01").andExpect(status().isCreated());
        join(scheme, "D098", "2015-03-01").andExpect(status().isCreated());
        members(scheme, "2020-01-01")
                .andExpect(jsonPath("$[?(@.code == 'D097')].level").value(hasItem("MUNICIPALITY")))
                .andExpect(jsonPath("$[?(@.code == 'D097')].parentName").value(hasItem("San Salvador")));
        members(scheme, "2025-01-01")
                .andExpect(jsonPath("$[?(@.code == 'D097')].level").value(hasItem("DISTRICT")))
                .andExpect(jsonPath("$[?(@.code == 'D097')].parentName").value(hasItem("San Salvador Norte")));
        members(scheme, "2015-02-28").andExpect(jsonPath("$", hasSize(0)));
    }

    @Test
    void aMemberThatLeftIsAMemberBeforeAndNotAfter() throws Exception {
        join(scheme, "D097", "2015-03-01").andExpect(status().isCreated());
        join(scheme, "D098", "2015-03-01").andExpect(status().isCreated());
        mvc.perform(post("/api/v1/registry/schemes/" + scheme + "/members/D098/leave").with(httpBasic(director, PASSWORD))
                .contentType(MediaType.APPLICATION_JSON).content("{\"leftOn\":\"2022-12-31\"}"))
                .andExpect(status().isOk());
        members(scheme, "2022-12-31").andExpect(jsonPath("$", hasSize(2)));
        members(scheme, "2023-01-01").andExpect(jsonPath("$", hasSize(1)));
        mvc.perform(get("/api/v1/registry/schemes/" + scheme + "/timeline").with(httpBasic(director, PASSWORD)))
                .andExpect(jsonPath("$[0].type").value("CREATED"))
                .andExpect(jsonPath("$[1].type").value("MEMBER_LEFT"))
                .andExpect(jsonPath("$[*].type", hasItem("MEMBER_JOINED")));
    }

    @Test
    void badMembersAreRefusedNamingTheFieldAndNothingIsWritten() throws Exception {
        join(scheme, "D999", "2015-03-01").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("unitCode"))
                .andExpect(jsonPath("$.errors[0].rule").value("Exists"));
        // The 2024 municipalities did not exist in 2015.
        join(scheme, "M21", "2015-03-01").andExpect(status().isBadRequest());
        join(scheme, "D097", "2015-03-01").andExpect(status().isCreated());
        join(scheme, "D097", "2016-01-01").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].rule").value("Unique"));
        members(scheme, "2020-01-01").andExpect(jsonPath("$", hasSize(1)));
    }

    @Test
    void aSchemeAdministratorCannotTouchAnotherSchemesMembers() throws Exception {
        join(other, "D097", "2015-03-01").andExpect(status().isForbidden())
                .andExpect(jsonPath("$.type").value("/problems/forbidden"));
        mvc.perform(post("/api/v1/registry/schemes/" + other + "/members/D097/leave").with(httpBasic(director, PASSWORD))
                .contentType(MediaType.APPLICATION_JSON).content("{\"leftOn\":\"2022-12-31\"}"))
                .andExpect(status().isForbidden());
        members(other, "2020-01-01").andExpect(jsonPath("$", hasSize(0)));
    }

    @Test
    void theSchemePageShowsTodaysMembersTheirFindingsAndTheTimeline() throws Exception {
        String body = mvc.perform(post("/api/v1/registry/schemes").with(httpBasic("admin", IntegrationTest.ADMIN_PASSWORD))
                .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"" + TestData.unique("Micro Región")
                        + "\",\"country\":\"SV\",\"figure\":\"ASOCIACION_MUNICIPIOS\"}"))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.figure").value("ASOCIACION_MUNICIPIOS"))
                .andReturn().getResponse().getContentAsString();
        long id = ((Number) JsonPath.read(body, "$.id")).longValue();
        new org.minga.support.ApiFixtures(mvc).user(TestData.unique("tecnico"), PASSWORD, "SCHEME_STAFF", id, null);
        mvc.perform(post("/api/v1/registry/schemes/" + id + "/members").with(httpBasic("admin", IntegrationTest.ADMIN_PASSWORD))
                .contentType(MediaType.APPLICATION_JSON).content("{\"unitCode\":\"D097\",\"joinedOn\":\"2015-03-01\"}"))
                .andExpect(status().isCreated());
        mvc.perform(get("/registry/schemes/" + id).with(
                org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user("admin")
                        .roles("PLATFORM_ADMIN")))
                .andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content().string(
                        org.hamcrest.Matchers.allOf(org.hamcrest.Matchers.containsString("Esta figura exige al menos 2 miembros"),
                                org.hamcrest.Matchers.containsString("Aguilares"),
                                org.hamcrest.Matchers.containsString("San Salvador Norte"),
                                org.hamcrest.Matchers.containsString("Aguilares (D097) ingresa"))));
    }

    private ResultActions join(long id, String code, String on) throws Exception {
        return mvc.perform(post("/api/v1/registry/schemes/" + id + "/members").with(httpBasic(director, PASSWORD))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"unitCode\":\"" + code + "\",\"joinedOn\":\"" + on + "\",\"authorisingAct\":\"Acuerdo 12\"}"));
    }

    private ResultActions members(long id, String at) throws Exception {
        return mvc.perform(get("/api/v1/registry/schemes/" + id + "/members").param("at", at)
                .with(httpBasic(director, PASSWORD))).andExpect(status().isOk());
    }

    private long svScheme(String name) throws Exception {
        String body = mvc.perform(post("/api/v1/registry/schemes").with(httpBasic("admin", IntegrationTest.ADMIN_PASSWORD))
                .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"" + name + "\",\"country\":\"SV\"}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return ((Number) JsonPath.read(body, "$.id")).longValue();
    }
}
