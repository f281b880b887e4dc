package org.minga.projects;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
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
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import com.jayway.jsonpath.JsonPath;

/**
 * Funding calls: eligibility of members and projects (listed units, PDET only, categories, sectors,
 * maximum, window), alternatives for excluded members, and platform-only writes. Attributes are
 * written for the year 2090 and calls open in 2090, so other tests' attributes never interfere.
 */
@IntegrationTest
class FundingCallTests {

    static final String ADMIN = IntegrationTest.ADMIN_PASSWORD;
    static final String PASSWORD = "una-clave-larga-1";
    static final String AT = "2090-06-01";
    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    String tag;
    long scheme;
    String director;

    @BeforeEach
    void setUp() throws Exception {
        TerritoryFixtures.importAll(mvc, jdbc);
        tag = TestData.unique("Conv");
        scheme = new ApiFixtures(mvc).scheme(tag + " Asociación del Catatumbo");
        director = TestData.unique("director");
        new ApiFixtures(mvc).user(director, PASSWORD, "SCHEME_ADMIN", scheme, null);
        for (String code : List.of("54498", "54003", "54206")) {
            jdbc.sql("insert into membership (scheme_id, unit_code, joined_on) values (:s, :u, date '2020-01-01')")
                    .param("s", scheme).param("u", code).update();
        }
        attribute("54498", "pdet", "false");
        attribute("54498", "category", "2");
        attribute("54003", "pdet", "true");
        attribute("54003", "category", "6");
        attribute("54206", "pdet", "true");
        attribute("54206", "category", "6");
    }

    @Test
    void pdetOnlyCallExcludesANonPdetMemberAndPointsItToTheOpenCallsItQualifiesFor() throws Exception {
        long pdet = call("PDET vías", "24", "1000000000", "[]", true, "[]", "2090-01-01", "2090-12-31");
        long byCategory = call("Categorías 1 a 3", "24", "1000000000", "[]", false, "[\"1\",\"2\",\"3\"]",
                "2090-01-01", "2090-12-31");
        long closed = call("Cerrada", "24", "1000000000", "[]", false, "[]", "2089-01-01", "2089-12-31");
        long listed = call("Solo Convención", "24,19", "1000000000", "[\"54206\"]", false, "[]",
                "2090-01-01", "2090-12-31");

        long eligible = project("P1", "Transporte", "500000000", "APPROVED", "54003", "54206");
        long withOcana = project("P2", "Transporte", "500000000", "VIABLE", "54498", "54003");
        long health = project("P3", "Salud y protección social", "500000000", "VIABLE", "54003");
        long tooDear = project("P4", "Transporte", "2000000000", "FORMULATED", "54003");
        long contracted = project("P5", "Transporte", "500000000", "CONTRACTED", "54003");

        read("/api/v1/projects/schemes/" + scheme + "/calls/" + pdet + "/eligibility?at=" + AT)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.open").value(true))
                .andExpect(jsonPath("$.eligibleMembers[*].unitCode", org.hamcrest.Matchers.contains("54003", "54206")))
                .andExpect(jsonPath("$.excludedMembers[0].unitCode").value("54498"))
                .andExpect(jsonPath("$.excludedMembers[0].reasons[0]").value(containsString("solo para municipios PDET")))
                .andExpect(jsonPath("$.excludedMembers[0].alternatives[*].id", hasItem((int) byCategory)))
                .andExpect(jsonPath("$.excludedMembers[0].alternatives[*].id", not(hasItem((int) closed))))
                .andExpect(jsonPath("$.excludedMembers[0].alternatives[*].id", not(hasItem((int) listed))))
                .andExpect(jsonPath("$.eligibleProjects[*].id", org.hamcrest.Matchers.contains((int) eligible)))
                .andExpect(jsonPath("$.excludedProjects[?(@.project.id == " + withOcana + ")].reasons[0]",
                        hasItem(containsString("Beneficia a"))))
                .andExpect(jsonPath("$.excludedProjects[?(@.project.id == " + health + ")].reasons[0]",
                        hasItem(containsString("sector"))))
                .andExpect(jsonPath("$.excludedProjects[?(@.project.id == " + tooDear + ")].reasons[0]",
                        hasItem(containsString("supera el monto máximo"))))
                .andExpect(jsonPath("$.excludedProjects[*].project.id", not(hasItem((int) contracted))));

        read("/api/v1/projects/schemes/" + scheme + "/calls/" + byCategory + "/eligibility?at=" + AT)
                .andExpect(jsonPath("$.eligibleMembers[*].unitCode", org.hamcrest.Matchers.contains("54498")))
                .andExpect(jsonPath("$.excludedMembers[?(@.unitCode == '54003')].reasons[0]",
                        hasItem(containsString("categoría municipal (6)"))));

        read("/api/v1/projects/schemes/" + scheme + "/calls/" + listed + "/eligibility?at=" + AT)
                .andExpect(jsonPath("$.eligibleMembers[*].unitCode", org.hamcrest.Matchers.contains("54206")))
                .andExpect(jsonPath("$.excludedMembers[?(@.unitCode == '54003')].reasons[0]",
                        hasItem(containsString("No está entre las unidades"))))
                // Ábrego qualifies for the PDET call, which is open: its alternative.
                .andExpect(jsonPath("$.excludedMembers[?(@.unitCode == '54003')].alternatives[*].id",
                        hasItem((int) pdet)))
                .andExpect(jsonPath("$.eligibleProjects[*].id", not(hasItem((int) eligible))));

        read("/api/v1/projects/schemes/" + scheme + "/calls/" + closed + "/eligibility?at=" + AT)
                .andExpect(jsonPath("$.open").value(false));
        read("/api/v1/projects/calls?open=true&at=" + AT)
                .andExpect(jsonPath("$[*].id", hasItem((int) pdet)))
                .andExpect(jsonPath("$[*].id", not(hasItem((int) closed))));
        read("/api/v1/projects/calls?open=true&at=2089-06-01")
                .andExpect(jsonPath("$[*].id", hasItem((int) closed)))
                .andExpect(jsonPath("$[*].id", not(hasItem((int) pdet))));
        assertThat(jdbc.sql("select count(*) from audit_event where entity_type = 'funding_call' and entity_id = :id")
                .param("id", String.valueOf(pdet)).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aCallNeedsItsFieldsAndKnownSectors() throws Exception {
        write(post("/api/v1/projects/calls"), "admin", ADMIN, "{\"owner\":\"DNP\",\"name\":\"" + tag + "\","
                + "\"country\":\"CO\",\"opensOn\":\"2090-02-01\",\"closesOn\":\"2090-01-01\",\"sectors\":[\"NOPE\"],"
                + "\"maxAmount\":0,\"currency\":\"EUR\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItem("closesOn")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("sectors")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("maxAmount")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("currency")))
                .andExpect(jsonPath("$.errors[*].rule", hasItem("OneOf")));
    }

    @Test
    void onlyPlatformAdministratorsWriteCallsAndNothingIsWrittenOnRefusal() throws Exception {
        long id = call("Protegida", "24", "1000", "[]", false, "[]", "2090-01-01", "2090-12-31");
        long before = jdbc.sql("select count(*) from funding_call").query(Long.class).single();
        String body = body("Intrusa", "24", "1000", "[]", false, "[]", "2090-01-01", "2090-12-31");
        write(post("/api/v1/projects/calls"), director, PASSWORD, body).andExpect(status().isForbidden());
        write(put("/api/v1/projects/calls/" + id), director, PASSWORD, body).andExpect(status().isForbidden());
        mvc.perform(delete("/api/v1/projects/calls/" + id).with(httpBasic(director, PASSWORD)))
                .andExpect(status().isForbidden());
        assertThat(jdbc.sql("select count(*) from funding_call").query(Long.class).single()).isEqualTo(before);
        assertThat(jdbc.sql("select name from funding_call where id = :id").param("id", id).query(String.class)
                .single()).isEqualTo(tag + " Protegida");
        write(put("/api/v1/projects/calls/" + id), "admin", ADMIN, body).andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value(tag + " Intrusa"));
        mvc.perform(delete("/api/v1/projects/calls/" + id).with(httpBasic("admin", ADMIN)))
                .andExpect(status().isNoContent());
        read("/api/v1/projects/calls/" + id).andExpect(status().isNotFound());
    }

    @Test
    void pagesListCallsShowEligibilityWithReasonsAndPutRuleViolationsBesideTheFields() throws Exception {
        long pdet = call("Página PDET", "Transporte", "1000000000", "[]", true, "[]", "2090-01-01", "2090-12-31");
        var admin = user("admin").roles("PLATFORM_ADMIN");
        mvc.perform(get("/projects/calls").with(admin)).andExpect(status().isOk())
                .andExpect(content().string(containsString(tag + " Página PDET")))
                .andExpect(content().string(containsString("Registrar una convocatoria")));
        mvc.perform(get("/projects/calls/" + pdet + "?schemeId=" + scheme + "&at=" + AT).with(user(director)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("la unidad no es PDET")))
                .andExpect(content().string(containsString("Miembros excluidos")));
        mvc.perform(post("/projects/calls").with(admin).with(csrf()).param("owner", "ART").param("name", tag + " Mal")
                .param("country", "CO").param("opensOn", "2090-02-01").param("closesOn", "2090-01-01")
                .param("maxAmount", "100").param("currency", "COP"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("El cierre no puede ser antes de la apertura")))
                .andExpect(content().string(containsString("Elija al menos un sector")));
        mvc.perform(post("/projects/calls").with(admin).with(csrf()).param("owner", "ART").param("name", tag + " Bien")
                .param("country", "CO").param("opensOn", "2090-01-01").param("closesOn", "2090-03-01")
                .param("sectors", "Transporte", "Salud y protección social").param("maxAmount", "100").param("currency", "COP")
                .param("categories", "5, 6").param("pdetOnly", "true"))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("select array_to_string(categories, ',') from funding_call where name = :n")
                .param("n", tag + " Bien").query(String.class).single()).isEqualTo("5,6");
        assertThat(jdbc.sql("select array_to_string(sectors, ',') from funding_call where name = :n")
                .param("n", tag + " Bien").query(String.class).single()).isEqualTo("Transporte,Salud y protección social");
        mvc.perform(get("/projects/cooperation/matrix").with(user(director))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Matriz de cooperación")));
        mvc.perform(get("/projects/cooperants").with(admin)).andExpect(status().isOk())
                .andExpect(content().string(containsString("Registrar un cooperante")));
    }

    void attribute(String code, String attribute, String value) {
        jdbc.sql("""
                insert into territorial_attribute (country, code, year, attribute, value)
                values ('CO', :c, 2090, :a, :v) on conflict do nothing
                """).param("c", code).param("a", attribute).param("v", value).update();
    }

    String body(String name, String sectors, String max, String units, boolean pdet, String categories, String opens,
            String closes) {
        String s = String.join("\",\"", sectors.split(","));
        return "{\"owner\":\"Agencia de Renovación del Territorio\",\"name\":\"" + tag + " " + name + "\","
                + "\"country\":\"CO\",\"opensOn\":\"" + opens + "\",\"closesOn\":\"" + closes + "\",\"sectors\":[\""
                + s + "\"],\"maxAmount\":" + max + ",\"currency\":\"COP\",\"units\":" + units + ",\"pdetOnly\":"
                + pdet + ",\"categories\":" + categories + "}";
    }

    long call(String name, String sectors, String max, String units, boolean pdet, String categories, String opens,
            String closes) throws Exception {
        String response = write(post("/api/v1/projects/calls"), "admin", ADMIN,
                body(name, sectors, max, units, pdet, categories, opens, closes))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return ((Number) JsonPath.read(response, "$.id")).longValue();
    }

    long project(String code, String sector, String cost, String stage, String... beneficiaries) {
        long id = jdbc.sql("""
                insert into project (scheme_id, code, name, sector, stage, stage_since, cost, currency)
                values (:s, :c, :n, :sector, :stage, date '2090-01-01', cast(:cost as numeric), 'COP') returning id
                """).param("s", scheme).param("c", code).param("n", "Proyecto " + code).param("sector", sector)
                .param("stage", stage).param("cost", cost).query(Long.class).single();
        for (String b : beneficiaries) {
            jdbc.sql("insert into project_beneficiary (project_id, unit_code) values (:p, :u)").param("p", id)
                    .param("u", b).update();
        }
        return id;
    }

    ResultActions read(String path) throws Exception {
        return mvc.perform(get(path).with(httpBasic(director, PASSWORD)));
    }

    ResultActions write(MockHttpServletRequestBuilder request, String user, String password, String json)
            throws Exception {
        return mvc.perform(request.with(httpBasic(user, password)).contentType(MediaType.APPLICATION_JSON)
                .content(json));
    }
}
