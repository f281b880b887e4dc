package org.minga.identity;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.minga.support.ApiFixtures;
import org.minga.support.IntegrationTest;
import org.minga.support.TestData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Trivial and common passwords are refused, with the rule named, wherever a password is set: an
 * account made by an administrator, a citizen's sign-up, a change of one's own password.
 */
@IntegrationTest
class PasswordRulesTests {

    static final String PASSWORD = "una-clave-larga-1";
    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "'          '|Blank|solo espacios",
            "aaaaaaaaaa|Repeated|mismo carácter",
            "abcabcabcabc|Repeated|patrón corto",
            "1234567890|Sequence|secuencia",
            "0987654321|Sequence|secuencia",
            "abcdefghijk|Sequence|secuencia",
            "qwertyuiop|Common|más comunes",
            "password2026!|Common|más comunes",
            "Iloveyou123456|Common|más comunes",
            "xx-{user}-xx|ContainsUsername|nombre de usuario",
            "corta|Size|entre 10 y 128"})
    void anAdministratorCannotGiveATrivialPassword(String password, String rule, String message) throws Exception {
        String name = TestData.unique("clave");
        String body = "{\"username\":\"" + name + "\",\"fullName\":\"Persona\",\"password\":\""
                + password.replace("{user}", name) + "\",\"grant\":{\"role\":\"OBSERVER\"}}";
        mvc.perform(post("/api/v1/users").with(httpBasic("admin", IntegrationTest.ADMIN_PASSWORD))
                .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("password"))
                .andExpect(jsonPath("$.errors[0].rule").value(rule))
                .andExpect(jsonPath("$.errors[0].message").value(containsString(message)));
        assertThat(jdbc.sql("select count(*) from app_user where username = :u").param("u", name).query(Long.class).single())
                .isZero();
    }

    @Test
    void aLongUncommonPasswordIsAccepted() throws Exception {
        new ApiFixtures(mvc).user(TestData.unique("buena"), "cafe-de-la-vereda-2026", "OBSERVER", null, null);
    }

    @Test
    void aCitizenCannotSignUpWithTenSpaces() throws Exception {
        String name = TestData.unique("vecino");
        mvc.perform(post("/public/participation/register").with(csrf()).param("username", name)
                .param("fullName", "Vecino").param("password", "          ").param("unitCode", "54498"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("no puede ser solo espacios")));
        assertThat(jdbc.sql("select count(*) from app_user where username = :u").param("u", name).query(Long.class).single())
                .isZero();
    }

    @Test
    void nobodyChangesTheirPasswordToACommonOne() throws Exception {
        String name = TestData.unique("cambia");
        new ApiFixtures(mvc).user(name, PASSWORD, "OBSERVER", null, null);
        mvc.perform(post("/account/password").with(user(name)).with(csrf()).param("currentPassword", PASSWORD)
                .param("newPassword", "1qaz2wsx3edc").param("confirmation", "1qaz2wsx3edc"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("lista de contraseñas más comunes")));
        mvc.perform(get("/api/v1/me").with(httpBasic(name, PASSWORD))).andExpect(status().isOk());
    }
}
