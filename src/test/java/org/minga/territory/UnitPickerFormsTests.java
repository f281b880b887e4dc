package org.minga.territory;

import static org.assertj.core.api.Assertions.assertThat;
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
import org.minga.support.ClientAddress;
import org.minga.support.IntegrationTest;
import org.minga.support.TerritoryFixtures;
import org.minga.support.TestData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import com.jayway.jsonpath.JsonPath;

/**
 * Every form that asks for a unit takes its name: a name alone is accepted, an ambiguous one is
 * refused beside the field with its candidates and nothing is written; codes still work.
 */
@IntegrationTest
class UnitPickerFormsTests {

    static final String AMBIGUOUS = "nombra varias unidades";

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;

    ApiFixtures api;
    long scheme;

    @BeforeEach
    void setUp() throws Exception {
        TerritoryFixtures.importAll(mvc, jdbc);
        api = new ApiFixtures(mvc);
        scheme = api.scheme(TestData.unique("Esquema de nombres"));
    }

    static RequestPostProcessor admin() {
        return user("admin").roles("PLATFORM_ADMIN");
    }

    @Test
    void theSuggestionsNameEachUnitWithItsDepartmentForAnyone() throws Exception {
        mvc.perform(get("/public/territory/suggestions").param("field", "unitCode").param("id", "grant-unit")
                .param("country", "CO").param("level", "MUNICIPALITY").param("unitCode", "sonson"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("data-code=\"05756\"")))
                .andExpect(content().string(containsString("Sonsón, Antioquia")))
                .andExpect(content().string(containsString("id=\"grant-unit-option-0\"")))
                .andExpect(content().string(containsString("1 sugerencia")));
        mvc.perform(get("/public/territory/suggestions").param("field", "unitCode").param("country", "SV")
                .param("unitCode", "ocana"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("Ninguna unidad coincide")));
        // A grant form sends its scheme: its country narrows the suggestions, for whoever may read the scheme only.
        var bySchemeCountry = get("/public/territory/suggestions").param("field", "unitCode")
                .param("schemeId", String.valueOf(scheme)).param("unitCode", "sonson");
        mvc.perform(bySchemeCountry.with(admin())).andExpect(content().string(containsString("1 sugerencia;")));
        mvc.perform(get("/public/territory/suggestions").param("field", "unitCode")
                .param("schemeId", String.valueOf(scheme)).param("unitCode", "sonson"))
                .andExpect(content().string(containsString("Sonsonate")));
    }

    @Test
    void aGrantTakesTheUnitByNameInTheSchemesCountry() throws Exception {
        long person = api.user(TestData.unique("funcionaria"), "una-clave-larga-1", "OBSERVER", null, null);
        mvc.perform(post("/admin/users/" + person + "/grants").with(admin()).with(csrf())
                .param("role", "MEMBER_OFFICIAL").param("schemeId", String.valueOf(scheme)).param("unitCode", "San Pedro"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(AMBIGUOUS)))
                .andExpect(content().string(containsString("San Pedro, Sucre (CO 70717)")));
        assertThat(grants(person)).isZero();
        mvc.perform(post("/admin/users/" + person + "/grants").with(admin()).with(csrf())
                .param("role", "MEMBER_OFFICIAL").param("schemeId", String.valueOf(scheme)).param("unitCode", "sonson"))
                .andExpect(redirectedUrl("/admin/users/" + person));
        assertThat(jdbc.sql("select unit_code from user_grant where app_user = :u and role = 'MEMBER_OFFICIAL'")
                .param("u", person).query(String.class).single()).isEqualTo("05756");
        mvc.perform(post("/admin/users/" + person + "/grants").with(admin()).with(csrf())
                .param("role", "MEMBER_OFFICIAL").param("schemeId", String.valueOf(scheme)).param("unitCode", "54498"))
                .andExpect(redirectedUrl("/admin/users/" + person));
        assertThat(grants(person)).isEqualTo(2);
    }

    @Test
    void aNewUserTakesTheUnitOfTheFirstGrantByName() throws Exception {
        String name = TestData.unique("nuevo");
        mvc.perform(post("/admin/users").with(admin()).with(csrf()).param("username", name)
                .param("fullName", "Nuevo Funcionario").param("password", "una-clave-larga-1")
                .param("role", "MEMBER_OFFICIAL").param("schemeId", String.valueOf(scheme)).param("unitCode", "ocana"))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("select g.unit_code from user_grant g join app_user u on u.id = g.app_user"
                + " where u.username = :n").param("n", name).query(String.class).single()).isEqualTo("54498");
    }

    @Test
    void aMemberJoinsByName() throws Exception {
        mvc.perform(post("/registry/schemes/" + scheme + "/members").with(admin()).with(csrf())
                .param("unitCode", "san pedro").param("role", "MEMBER").param("joinedOn", "2020-01-01"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(AMBIGUOUS)))
                .andExpect(content().string(containsString("San Pedro, Valle del Cauca (CO 76670)")));
        assertThat(members()).isZero();
        mvc.perform(post("/registry/schemes/" + scheme + "/members").with(admin()).with(csrf())
                .param("unitCode", "Sonson").param("role", "MEMBER").param("joinedOn", "2020-01-01"))
                .andExpect(redirectedUrl("/registry/schemes/" + scheme));
        assertThat(jdbc.sql("select unit_code from membership where scheme_id = :s").param("s", scheme)
                .query(String.class).list()).containsExactly("05756");
    }

    @Test
    void aCitizenSignsUpNamingWhereTheyLive() throws Exception {
        String refused = TestData.unique("vecina");
        mvc.perform(post("/public/participation/register").with(csrf()).with(ClientAddress.from("10.44.0.1"))
                .param("username", refused).param("fullName", "Vecina").param("password", "cafe-de-la-vereda-2026")
                .param("unitCode", "San Pedro"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(AMBIGUOUS)))
                .andExpect(content().string(containsString("San Pedro, Sucre (CO 70717)")));
        assertThat(jdbc.sql("select count(*) from app_user where username = :u").param("u", refused)
                .query(Long.class).single()).isZero();
        String accepted = TestData.unique("vecino");
        mvc.perform(post("/public/participation/register").with(csrf()).with(ClientAddress.from("10.44.0.2"))
                .param("username", accepted).param("fullName", "Vecino").param("password", "cafe-de-la-vereda-2026")
                .param("unitCode", "aguilares"))
                .andExpect(redirectedUrl("/login?registered"));
        assertThat(jdbc.sql("select g.unit_code from user_grant g join app_user u on u.id = g.app_user"
                + " where u.username = :n").param("n", accepted).query(String.class).single()).isEqualTo("D097");
    }

    @Test
    void thePropertyTaxOffersTheSchemesMembersByName() throws Exception {
        api.members(scheme, "05756", "54498");
        mvc.perform(get("/fiscal/schemes/" + scheme).with(admin()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<option value=\"05756\">Sonsón (05756)</option>")))
                .andExpect(content().string(containsString("<option value=\"54498\">Ocaña (54498)</option>")))
                .andExpect(content().string(not(containsString("name=\"municipality\" inputmode"))));
    }

    @Test
    void aProspectiveMemberIsNamedWithoutItsCode() throws Exception {
        String base = "/formation/schemes/" + scheme + "/prospective-members";
        mvc.perform(post(base).with(admin()).with(csrf()).param("unitCode", "San Pedro").param("authorisation", "PENDING"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(AMBIGUOUS)))
                .andExpect(content().string(containsString("San Pedro, Sucre (CO 70717)")));
        mvc.perform(post(base).with(admin()).with(csrf()).param("unitCode", "sonson").param("authorisation", "PENDING"))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("select unit_code from formation_prospect where scheme_id = :s").param("s", scheme)
                .query(String.class).list()).containsExactly("05756");
    }

    @Test
    void aCaseIsOpenedForAUnitNamedWithoutItsCode() throws Exception {
        String api = "/api/v1/services/schemes/" + scheme;
        var basic = org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
                .httpBasic("admin", IntegrationTest.ADMIN_PASSWORD);
        String line = mvc.perform(post(api + "/lines").with(basic).contentType(MediaType.APPLICATION_JSON)
                .content("{\"type\":\"LAND_USE_PERMITS\",\"name\":\"Permisos\",\"currency\":\"COP\"}"))
                .andReturn().getResponse().getContentAsString();
        String type = mvc.perform(post(api + "/case-types/permit").with(basic).contentType(MediaType.APPLICATION_JSON)
                .content("{\"serviceLineId\":" + JsonPath.read(line, "$.id") + "}"))
                .andReturn().getResponse().getContentAsString();
        var open = post("/services/schemes/" + scheme + "/cases").with(admin()).with(csrf())
                .param("caseTypeId", String.valueOf((Number) JsonPath.read(type, "$.id")))
                .param("applicantName", "Ana Solicitante").param("subject", "Licencia de construcción");
        mvc.perform(open.param("unitCode", "san pedro"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(AMBIGUOUS)))
                .andExpect(content().string(containsString("San Pedro, Valle del Cauca (CO 76670)")));
        assertThat(cases()).isZero();
        mvc.perform(post("/services/schemes/" + scheme + "/cases").with(admin()).with(csrf())
                .param("caseTypeId", String.valueOf((Number) JsonPath.read(type, "$.id")))
                .param("applicantName", "Ana Solicitante").param("subject", "Licencia de construcción")
                .param("unitCode", "Sonsón, Antioquia"))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("select unit_code from service_case where scheme_id = :s").param("s", scheme)
                .query(String.class).list()).containsExactly("05756");
    }

    @Test
    void theRegisterIsFilteredByADepartmentChosenByName() throws Exception {
        api.members(scheme, "05756");
        mvc.perform(get("/registry/schemes").with(admin()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<option value=\"05\">CO · Antioquia</option>")));
    }

    private long cases() {
        return jdbc.sql("select count(*) from service_case where scheme_id = :s").param("s", scheme).query(Long.class)
                .single();
    }

    private long grants(long person) {
        return jdbc.sql("select count(*) from user_grant where app_user = :u and role = 'MEMBER_OFFICIAL'")
                .param("u", person).query(Long.class).single();
    }

    private long members() {
        return jdbc.sql("select count(*) from membership where scheme_id = :s").param("s", scheme).query(Long.class)
                .single();
    }
}
