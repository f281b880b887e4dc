package org.minga.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.minga.support.ApiFixtures;
import org.minga.support.IntegrationTest;
import org.minga.support.TestData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import com.jayway.jsonpath.JsonPath;

/**
 * A scheme administrator grants roles only to users of their schemes or users they created; any
 * other account is "not found", exactly as an id that does not exist, for grants and for reads.
 */
@IntegrationTest
class GrantScopeTests {

    static final String PASSWORD = "una-clave-larga-1";
    static final long MISSING = 987_654_321L;
    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    ApiFixtures fixtures;
    long schemeA;
    String adminA;
    long adminB;
    long citizen;

    @BeforeEach
    void setUp() throws Exception {
        fixtures = new ApiFixtures(mvc);
        schemeA = fixtures.scheme(TestData.unique("Esquema A"));
        long schemeB = fixtures.scheme(TestData.unique("Esquema B"));
        adminA = TestData.unique("admina");
        fixtures.user(adminA, PASSWORD, "SCHEME_ADMIN", schemeA, null);
        adminB = fixtures.user(TestData.unique("adminb"), PASSWORD, "SCHEME_ADMIN", schemeB, null);
        citizen = fixtures.user(TestData.unique("ciudadano"), PASSWORD, "CITIZEN", null, "54498");
    }

    String grantStaffOfA() {
        return "{\"role\":\"SCHEME_STAFF\",\"schemeId\":" + schemeA + "}";
    }

    /** The problem for an id, with the id itself masked: what an enumerator could compare. */
    String notFound(org.springframework.test.web.servlet.RequestBuilder request, long id) throws Exception {
        String body = mvc.perform(request).andExpect(status().isNotFound()).andReturn().getResponse().getContentAsString();
        return body.replace("/users/" + id, "/users/ID").replace("usuario " + id, "usuario ID");
    }

    @Test
    void anAccountOutsideTheSchemesAnswersExactlyLikeOneThatDoesNotExist() throws Exception {
        long grantsBefore = jdbc.sql("select count(*) from user_grant").query(Long.class).single();
        for (long target : new long[] {adminB, citizen, 1L}) {
            assertThat(notFound(post("/api/v1/users/" + target + "/grants").with(httpBasic(adminA, PASSWORD))
                    .contentType(MediaType.APPLICATION_JSON).content(grantStaffOfA()), target))
                    .isEqualTo(notFound(post("/api/v1/users/" + MISSING + "/grants").with(httpBasic(adminA, PASSWORD))
                            .contentType(MediaType.APPLICATION_JSON).content(grantStaffOfA()), MISSING));
            assertThat(notFound(delete("/api/v1/users/" + target + "/grants").with(httpBasic(adminA, PASSWORD))
                    .contentType(MediaType.APPLICATION_JSON).content(grantStaffOfA()), target))
                    .isEqualTo(notFound(delete("/api/v1/users/" + MISSING + "/grants").with(httpBasic(adminA, PASSWORD))
                            .contentType(MediaType.APPLICATION_JSON).content(grantStaffOfA()), MISSING));
            assertThat(notFound(get("/api/v1/users/" + target).with(httpBasic(adminA, PASSWORD)), target))
                    .isEqualTo(notFound(get("/api/v1/users/" + MISSING).with(httpBasic(adminA, PASSWORD)), MISSING));
            mvc.perform(get("/admin/users/" + target).with(user(adminA).roles("SCHEME_ADMIN")))
                    .andExpect(status().isNotFound());
        }
        assertThat(jdbc.sql("select count(*) from user_grant").query(Long.class).single()).isEqualTo(grantsBefore);
        // The list shows only the administrator's own people.
        String list = mvc.perform(get("/api/v1/users").param("size", "200").with(httpBasic(adminA, PASSWORD)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(JsonPath.<java.util.List<Integer>>read(list, "$[*].id")).doesNotContain((int) adminB, (int) citizen, 1);
    }

    @Test
    void aSchemeAdministratorKeepsTheUsersTheyCreated() throws Exception {
        String body = mvc.perform(post("/api/v1/users").with(httpBasic(adminA, PASSWORD))
                .contentType(MediaType.APPLICATION_JSON).content("{\"username\":\"" + TestData.unique("tecnica")
                        + "\",\"fullName\":\"Técnica\",\"password\":\"" + PASSWORD + "\",\"grant\":" + grantStaffOfA() + "}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        long created = ((Number) JsonPath.read(body, "$.id")).longValue();
        mvc.perform(delete("/api/v1/users/" + created + "/grants").with(httpBasic(adminA, PASSWORD))
                .contentType(MediaType.APPLICATION_JSON).content(grantStaffOfA())).andExpect(status().isOk());
        // No role in scheme A any more, but still theirs: visible, listed, and granted again.
        mvc.perform(get("/api/v1/users/" + created).with(httpBasic(adminA, PASSWORD))).andExpect(status().isOk());
        String list = mvc.perform(get("/api/v1/users").param("size", "200").with(httpBasic(adminA, PASSWORD)))
                .andReturn().getResponse().getContentAsString();
        assertThat(JsonPath.<java.util.List<Integer>>read(list, "$[*].id")).contains((int) created);
        mvc.perform(post("/api/v1/users/" + created + "/grants").with(httpBasic(adminA, PASSWORD))
                .contentType(MediaType.APPLICATION_JSON).content(grantStaffOfA()))
                .andExpect(status().isOk()).andExpect(jsonPath("$.grants[0].role").value("SCHEME_STAFF"));
    }
}
