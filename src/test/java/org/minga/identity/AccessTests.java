package org.minga.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
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

/** Who may come in, and who may write where: the refusals as much as the successes. */
@IntegrationTest
class AccessTests {

    static final String PASSWORD = "una-clave-larga-1";

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    ApiFixtures fixtures;

    @BeforeEach
    void setUp() {
        fixtures = new ApiFixtures(mvc);
    }

    @Test
    void anonymousApiCallGets401ProblemJsonNotARedirect() throws Exception {
        mvc.perform(get("/api/v1/me"))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(401))
                .andExpect(jsonPath("$.type").value("/problems/unauthenticated"))
                .andExpect(header().doesNotExist("Location"))
                .andExpect(header().doesNotExist("Set-Cookie"));
    }

    @Test
    void wrongPasswordIsRefusedOnTheApiAndOnTheLoginForm() throws Exception {
        mvc.perform(get("/api/v1/me").with(httpBasic("admin", "not-the-password")))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.type").value("/problems/unauthenticated"));
        mvc.perform(formLogin("/login").user("admin").password("not-the-password"))
                .andExpect(redirectedUrl("/login?error"));
        mvc.perform(formLogin("/login").user("admin").password(IntegrationTest.ADMIN_PASSWORD))
                .andExpect(redirectedUrl("/"));
    }

    @Test
    void fiveFailuresLockTheUserNameEvenForTheRightPassword() throws Exception {
        String name = TestData.unique("lock");
        fixtures.user(name, PASSWORD, "OBSERVER", null, null);
        for (int i = 0; i < 5; i++) {
            mvc.perform(formLogin("/login").user(name).password("wrong-" + i)).andExpect(redirectedUrl("/login?error"));
        }
        mvc.perform(formLogin("/login").user(name).password(PASSWORD)).andExpect(redirectedUrl("/login?throttled"));
        mvc.perform(get("/api/v1/me").with(httpBasic(name, PASSWORD)))
                .andExpect(status().isTooManyRequests())
                .andExpect(header().exists("Retry-After"))
                .andExpect(jsonPath("$.type").value("/problems/login-throttled"));
        mvc.perform(get("/login").param("throttled", ""))
                .andExpect(content().string(containsString("Demasiados intentos fallidos")));
    }

    @Test
    void browserFormsNeedTheCsrfTokenButTheApiDoesNot() throws Exception {
        String name = TestData.unique("Esquema CSRF");
        mvc.perform(post("/registry/schemes").with(user("admin").roles("PLATFORM_ADMIN"))
                .param("name", name).param("country", "CO"))
                .andExpect(status().isForbidden());
        assertThat(schemesNamed(name)).isZero();
        mvc.perform(post("/registry/schemes").with(user("admin").roles("PLATFORM_ADMIN")).with(csrf())
                .param("name", name).param("country", "CO"))
                .andExpect(status().is3xxRedirection());
        assertThat(schemesNamed(name)).isOne();
        fixtures.scheme(TestData.unique("Esquema API sin CSRF"));
    }

    @Test
    void schemeAdministratorWritesOnlyInsideTheirScheme() throws Exception {
        long own = fixtures.scheme(TestData.unique("Esquema propio"));
        long other = fixtures.scheme(TestData.unique("Esquema ajeno"));
        String director = TestData.unique("director");
        fixtures.user(director, PASSWORD, "SCHEME_ADMIN", own, null);
        String otherName = nameOf(other);
        long auditBefore = auditCount();

        // API: renaming the other scheme is refused with 403 problem+json, and nothing changes.
        mvc.perform(put("/api/v1/registry/schemes/" + other).with(httpBasic(director, PASSWORD))
                .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"Tomado\"}"))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value(containsString("esquema " + other)));
        // API: granting a role in the other scheme is refused too.
        mvc.perform(post("/api/v1/users").with(httpBasic(director, PASSWORD))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"username\":\"" + TestData.unique("intruso") + "\",\"fullName\":\"X\",\"password\":\""
                        + PASSWORD + "\",\"grant\":{\"role\":\"SCHEME_STAFF\",\"schemeId\":" + other + "}}"))
                .andExpect(status().isForbidden());
        // UI: the same refusals, as a message a person can read.
        mvc.perform(post("/registry/schemes/" + other).with(user(director).roles("SCHEME_ADMIN")).with(csrf())
                .param("name", "Tomado"))
                .andExpect(status().isForbidden())
                .andExpect(content().string(containsString("No tiene permiso para modificar datos del esquema")));
        mvc.perform(post("/admin/users").with(user(director).roles("SCHEME_ADMIN")).with(csrf())
                .param("username", TestData.unique("intruso")).param("fullName", "X").param("password", PASSWORD)
                .param("role", "SCHEME_STAFF").param("schemeId", String.valueOf(other)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("No tiene permiso para asignar esa función")));
        // Platform-wide roles are never theirs to give.
        mvc.perform(post("/api/v1/users").with(httpBasic(director, PASSWORD))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"username\":\"" + TestData.unique("intruso") + "\",\"fullName\":\"X\",\"password\":\""
                        + PASSWORD + "\",\"grant\":{\"role\":\"PLATFORM_ADMIN\"}}"))
                .andExpect(status().isForbidden());
        assertThat(nameOf(other)).isEqualTo(otherName);
        assertThat(auditCount()).isEqualTo(auditBefore);

        // Inside their own scheme the same writes succeed and are audited.
        mvc.perform(put("/api/v1/registry/schemes/" + own).with(httpBasic(director, PASSWORD))
                .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"" + TestData.unique("Renombrado") + "\"}"))
                .andExpect(status().isOk());
        String staff = TestData.unique("tecnica");
        mvc.perform(post("/api/v1/users").with(httpBasic(director, PASSWORD))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"username\":\"" + staff + "\",\"fullName\":\"Técnica\",\"password\":\"" + PASSWORD
                        + "\",\"grant\":{\"role\":\"MEMBER_OFFICIAL\",\"schemeId\":" + own + ",\"unitCode\":\"54498\"}}"))
                .andExpect(status().isCreated());
        mvc.perform(get("/api/v1/audit").with(httpBasic("admin", IntegrationTest.ADMIN_PASSWORD))
                .param("actor", director))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.entries[*].action", hasItem("UPDATE")))
                .andExpect(jsonPath("$.entries[*].summary", hasItem("Usuario " + staff)))
                .andExpect(jsonPath("$.entries[?(@.summary == 'Usuario " + staff + "')].after.username")
                        .value(hasItem(staff)));
    }

    @Test
    void onlyAdministratorsReadTheAuditLog() throws Exception {
        String observer = TestData.unique("observador");
        fixtures.user(observer, PASSWORD, "OBSERVER", null, null);
        mvc.perform(get("/api/v1/audit").with(httpBasic(observer, PASSWORD)))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.type").value("/problems/forbidden"));
        mvc.perform(get("/admin/audit").with(user(observer).roles("OBSERVER"))).andExpect(status().isForbidden());
    }

    @Test
    void invalidInputNamesTheFieldAndTheRuleAndChangesNothing() throws Exception {
        long scheme = fixtures.scheme(TestData.unique("Esquema validación"));
        long users = jdbc.sql("select count(*) from app_user").query(Long.class).single();
        mvc.perform(post("/api/v1/users").with(httpBasic("admin", IntegrationTest.ADMIN_PASSWORD))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"username\":\"Ana María\",\"fullName\":\"Ana\",\"password\":\"corta\","
                        + "\"grant\":{\"role\":\"MEMBER_OFFICIAL\",\"schemeId\":" + scheme + ",\"unitCode\":\"Ocaña\"}}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[?(@.field == 'username')].rule").value(hasItem("Pattern")))
                .andExpect(jsonPath("$.errors[?(@.field == 'password')].rule").value(hasItem("Size")))
                .andExpect(jsonPath("$.errors[?(@.field == 'unitCode')].rule").value(hasItem("Pattern")))
                .andExpect(jsonPath("$.errors[?(@.field == 'password')].message")
                        .value(hasItem(containsString("10"))));
        assertThat(jdbc.sql("select count(*) from app_user").query(Long.class).single()).isEqualTo(users);
        // The same rules on the page, beside the field, in the visitor's language.
        mvc.perform(post("/admin/users").with(user("admin").roles("PLATFORM_ADMIN")).with(csrf())
                .param("username", "Ana María").param("fullName", "Ana").param("password", "corta"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("La contraseña debe tener entre 10 y 128 caracteres")));
        mvc.perform(post("/admin/users").with(user("admin").roles("PLATFORM_ADMIN")).with(csrf())
                .param("lang", "en").param("username", "Ana María").param("fullName", "Ana").param("password", "corta"))
                .andExpect(content().string(containsString("The password must have between 10 and 128 characters")));
    }

    @Test
    void usersChangeTheirOwnPasswordKnowingTheCurrentOne() throws Exception {
        String name = TestData.unique("cambio");
        fixtures.user(name, PASSWORD, "OBSERVER", null, null);
        mvc.perform(post("/account/password").with(user(name)).with(csrf())
                .param("currentPassword", "no-es-la-actual").param("newPassword", "otra-clave-larga")
                .param("confirmation", "otra-clave-larga"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("La contraseña actual no es correcta")));
        mvc.perform(post("/account/password").with(user(name)).with(csrf())
                .param("currentPassword", PASSWORD).param("newPassword", "otra-clave-larga")
                .param("confirmation", "otra-clave-larga"))
                .andExpect(redirectedUrl("/"));
        mvc.perform(get("/api/v1/me").with(httpBasic(name, PASSWORD))).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/v1/me").with(httpBasic(name, "otra-clave-larga")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.username").value(name));
    }

    @Test
    void aRevokedGrantOrADisabledAccountStopsAnOpenSessionAtOnce() throws Exception {
        long scheme = fixtures.scheme(TestData.unique("Esquema revocación"));
        String name = TestData.unique("revocada");
        long id = fixtures.user(name, PASSWORD, "SCHEME_ADMIN", scheme, null);
        var session = (org.springframework.mock.web.MockHttpSession) mvc
                .perform(formLogin("/login").user(name).password(PASSWORD))
                .andExpect(redirectedUrl("/")).andReturn().getRequest().getSession();
        mvc.perform(get("/admin/users").session(session)).andExpect(status().isOk());

        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete("/api/v1/users/" + id + "/grants")
                .with(httpBasic("admin", IntegrationTest.ADMIN_PASSWORD)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"role\":\"SCHEME_ADMIN\",\"schemeId\":" + scheme + "}"))
                .andExpect(status().isOk());
        mvc.perform(get("/admin/users").session(session)).andExpect(status().isForbidden());

        mvc.perform(post("/admin/users/" + id + "/enabled").with(user("admin").roles("PLATFORM_ADMIN")).with(csrf())
                .param("enabled", "false")).andExpect(status().is3xxRedirection());
        mvc.perform(get("/").session(session)).andExpect(redirectedUrl("/login?expired"));
        mvc.perform(get("/api/v1/me").with(httpBasic(name, PASSWORD))).andExpect(status().isUnauthorized());
    }

    @Test
    void aBadParameterIsAProblemNamingIt() throws Exception {
        mvc.perform(get("/api/v1/audit").param("before", "abc").with(httpBasic("admin", IntegrationTest.ADMIN_PASSWORD)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("/problems/invalid-input"))
                .andExpect(jsonPath("$.errors[0].field").value("before"))
                .andExpect(jsonPath("$.errors[0].rule").value("Type"));
    }

    @Test
    void pagesCarryTheSecurityHeaders() throws Exception {
        mvc.perform(get("/login"))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Security-Policy", containsString("script-src 'self'")))
                .andExpect(header().string("X-Frame-Options", "DENY"))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(header().string("Referrer-Policy", "same-origin"));
    }

    @Test
    void errorsAreProblemsForTheApiAndAFriendlyPageForPeople() throws Exception {
        mvc.perform(get("/api/v1/registry/schemes/999999999").with(httpBasic("admin", IntegrationTest.ADMIN_PASSWORD)))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(get("/registry/schemes/999999999").with(user("admin").roles("PLATFORM_ADMIN")))
                .andExpect(status().isNotFound())
                .andExpect(content().string(containsString("No encontramos esa página")))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("Exception"))));
    }

    private long schemesNamed(String name) {
        return jdbc.sql("select count(*) from scheme where name = :n").param("n", name).query(Long.class).single();
    }

    private String nameOf(long scheme) {
        return jdbc.sql("select name from scheme where id = :id").param("id", scheme).query(String.class).single();
    }

    private long auditCount() {
        return jdbc.sql("select count(*) from audit_event").query(Long.class).single();
    }
}
