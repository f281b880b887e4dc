package org.minga.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;

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
 * Review F10: every write that names a unit (or a scheme) as a member is refused with 400 naming
 * the field and the rule when it is a member of another scheme (05001, of B) or of none (11001),
 * and nothing is written; the non-members a write may name on purpose are still accepted.
 */
@IntegrationTest
class MembershipOnWritesTests {

    static final String PASSWORD = "una-clave-larga-1";
    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    long a;
    long b;
    String admin;
    long project;

    @BeforeEach
    void setUp() throws Exception {
        TerritoryFixtures.importAll(mvc, jdbc);
        ApiFixtures fixtures = new ApiFixtures(mvc);
        a = fixtures.scheme(TestData.unique("Provincia A"));
        b = fixtures.scheme(TestData.unique("Provincia B"));
        fixtures.members(a, "54498", "54003");
        fixtures.members(b, "05001");
        admin = TestData.unique("admina");
        fixtures.user(admin, PASSWORD, "SCHEME_ADMIN", a, null);
        String body = api(post("/api/v1/projects/schemes/" + a + "/projects"), "{\"code\":\"" + TestData.unique("P")
                + "\",\"name\":\"Placa huella\",\"sector\":\"Transporte\",\"cost\":1000,\"currency\":\"COP\","
                + "\"beneficiaries\":[{\"unitCode\":\"54498\"}]}").andExpect(status().isCreated()).andReturn()
                .getResponse().getContentAsString();
        project = ((Number) JsonPath.read(body, "$.id")).longValue();
    }

    ResultActions api(MockHttpServletRequestBuilder request, String body) throws Exception {
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON).content(body);
        }
        return mvc.perform(request.with(httpBasic(admin, PASSWORD)));
    }

    void refused(ResultActions result, String field, String unit) throws Exception {
        result.andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value(field))
                .andExpect(jsonPath("$.errors[0].rule").value("Member"))
                .andExpect(jsonPath("$.errors[0].message").value(containsString(unit + " no es miembro del esquema")));
    }

    int count(String sql) {
        return jdbc.sql(sql).param("a", a).param("p", project).query(Integer.class).single();
    }

    @Test
    void projectWritesRefuseUnitsThatAreNotMembers() throws Exception {
        int beneficiaries = count("select count(*) from project_beneficiary where project_id = :p");
        refused(api(post("/api/v1/projects/" + project + "/beneficiaries"), "{\"unitCode\":\"05001\",\"people\":10}"),
                "unitCode", "05001");
        refused(api(post("/api/v1/projects/schemes/" + a + "/projects"), "{\"code\":\"" + TestData.unique("Q")
                + "\",\"name\":\"Otro\",\"sector\":\"Transporte\",\"beneficiaries\":[{\"unitCode\":\"54498\"},"
                + "{\"unitCode\":\"11001\"}]}"), "beneficiaries[1].unitCode", "11001");
        assertThat(count("select count(*) from project_beneficiary where project_id = :p")).isEqualTo(beneficiaries);

        String financing = "{\"sourceType\":\"%s\",\"entity\":\"%s\",\"unitCode\":\"%s\",\"amount\":999,"
                + "\"currency\":\"COP\",\"committedOn\":\"" + LocalDate.now() + "\"}";
        refused(api(post("/api/v1/projects/" + project + "/financing"),
                financing.formatted("MEMBER_MUNICIPALITY", "Medellín", "05001")), "unitCode", "05001");
        assertThat(count("select count(*) from financing_line where project_id = :p")).isZero();
        // A department or a neighbouring non-member co-finances under another source type: accepted.
        api(post("/api/v1/projects/" + project + "/financing"), financing.formatted("DEPARTMENT", "Antioquia", "05"))
                .andExpect(status().isCreated());
        api(post("/api/v1/projects/" + project + "/financing"),
                financing.formatted("MEMBER_MUNICIPALITY", "Ocaña", "54498")).andExpect(status().isCreated());

        int needs = count("select count(*) from investment_need where scheme_id = :a");
        refused(api(post("/api/v1/projects/schemes/" + a + "/needs"), "{\"unitCode\":\"05001\",\"sector\":\"Agua\","
                + "\"description\":\"Acueducto\",\"priority\":1,\"origin\":\"COMMUNITY_WORKSHOP\"}"), "unitCode", "05001");
        assertThat(count("select count(*) from investment_need where scheme_id = :a")).isEqualTo(needs);
        // Medellín's list of projects does not show scheme A's project.
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                .get("/api/v1/projects/units/05001/projects").with(httpBasic("admin", IntegrationTest.ADMIN_PASSWORD)))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("\"id\":" + project + ","))));
    }

    @Test
    void propertyTaxIsOnlyForMembers() throws Exception {
        int bands = count("select count(*) from fiscal_rate_band where scheme_id = :a");
        for (String unit : new String[] {"05001", "11001"}) {
            refused(api(post("/api/v1/fiscal/schemes/" + a + "/municipalities/" + unit + "/years/2026/rates"),
                    "{\"ratePerMil\":16}"), "municipality", unit);
        }
        assertThat(count("select count(*) from fiscal_rate_band where scheme_id = :a")).isEqualTo(bands);
        int cadastres = jdbc.sql("select count(*) from fiscal_cadastre").query(Integer.class).single();
        refused(mvc.perform(post("/api/v1/fiscal/schemes/" + a + "/municipalities/05001/years/2026/cadastre")
                .with(httpBasic(admin, PASSWORD)).contentType("text/csv").content("numero\n")), "municipality", "05001");
        assertThat(jdbc.sql("select count(*) from fiscal_cadastre").query(Integer.class).single()).isEqualTo(cadastres);
        api(post("/api/v1/fiscal/schemes/" + a + "/municipalities/54498/years/2026/rates"), "{\"ratePerMil\":16}")
                .andExpect(status().isCreated());
    }

    @Test
    void aMemberClientMustBeAMemberButALandfillMayServeOthers() throws Exception {
        String base = "/api/v1/services/schemes/" + a + "/lines";
        String body = api(post(base), "{\"type\":\"SOLID_WASTE\",\"name\":\"Relleno regional\",\"currency\":\"COP\"}")
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        long line = ((Number) JsonPath.read(body, "$.id")).longValue();
        refused(api(post(base + "/" + line + "/clients"),
                "{\"code\":\"CM\",\"name\":\"Medellín\",\"kind\":\"MEMBER\",\"unitCode\":\"05001\"}"), "unitCode", "05001");
        assertThat(jdbc.sql("select count(*) from service_client where service_line_id = :l").param("l", line)
                .query(Integer.class).single()).isZero();
        api(post(base + "/" + line + "/clients"), "{\"code\":\"CM\",\"name\":\"Medellín\",\"kind\":\"NON_MEMBER\","
                + "\"unitCode\":\"05001\"}").andExpect(status().isCreated()).andExpect(jsonPath("$.unitCode").isEmpty());
        api(post(base + "/" + line + "/clients"), "{\"code\":\"EM\",\"name\":\"Empresa\",\"kind\":\"PRIVATE_FIRM\"}")
                .andExpect(status().isCreated());
        api(post(base + "/" + line + "/clients"), "{\"code\":\"OC\",\"name\":\"Ocaña\",\"kind\":\"MEMBER\","
                + "\"unitCode\":\"54498\"}").andExpect(status().isCreated());
    }

    @Test
    void anAssociationOfMunicipalitiesTakesNoSchemeAsMember() throws Exception {
        int members = count("select count(*) from membership where scheme_id = :a");
        mvc.perform(post("/api/v1/registry/schemes/" + a + "/members").with(httpBasic(admin, PASSWORD))
                .contentType(MediaType.APPLICATION_JSON).content("{\"memberSchemeId\":" + b + ",\"joinedOn\":\"2024-01-01\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("memberSchemeId"))
                .andExpect(jsonPath("$.errors[0].rule").value("MemberFigure"));
        assertThat(count("select count(*) from membership where scheme_id = :a")).isEqualTo(members);
    }
}
