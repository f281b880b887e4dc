package org.minga.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.minga.support.ApiFixtures;
import org.minga.support.IntegrationTest;
import org.minga.support.TerritoryFixtures;
import org.minga.support.TestData;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;

/**
 * The security review's hostile payloads (F2, F9, F12, F14, F15) fired at a representative set of
 * endpoints: each answers 400 (or 413) problem+json naming the field and the rule, nothing is
 * written, and the log holds no error with a stack trace.
 */
@IntegrationTest
class HostileInputTests {

    static final String PASSWORD = "una-clave-larga-1";
    static final String MEGABYTE = "N".repeat(1024 * 1024);
    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    long scheme;
    String director;
    ListAppender<ILoggingEvent> log = new ListAppender<>();

    @BeforeEach
    void setUp() throws Exception {
        TerritoryFixtures.importAll(mvc, jdbc);
        ApiFixtures fixtures = new ApiFixtures(mvc);
        scheme = fixtures.scheme(TestData.unique("Provincia hostil"));
        director = TestData.unique("directora");
        fixtures.user(director, PASSWORD, "SCHEME_ADMIN", scheme, null);
        log.start();
        ((Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME)).addAppender(log);
    }

    @AfterEach
    void noStackTraceLogged() {
        ((Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME)).detachAppender(log);
        assertThat(log.list).filteredOn(e -> e.getLevel().isGreaterOrEqual(Level.ERROR) || e.getThrowableProxy() != null)
                .as("errors or stack traces logged").isEmpty();
    }

    ResultActions json(String path, String body) throws Exception {
        return mvc.perform(post(path).with(httpBasic(director, PASSWORD)).contentType(MediaType.APPLICATION_JSON)
                .content(body));
    }

    ResultActions project(String fields) throws Exception {
        return json("/api/v1/projects/schemes/" + scheme + "/projects",
                "{\"code\":\"P-1\",\"name\":\"Placa huella\",\"sector\":\"Transporte\",\"cost\":1000,\"currency\":\"COP\","
                        + fields + "}");
    }

    ResultActions goal(String fields) throws Exception {
        return json("/api/v1/planning/schemes/" + scheme + "/goals", "{\"name\":\"Vías\",\"indicator\":\"km\","
                + "\"unit\":\"km\",\"baseline\":0,\"target\":5,\"periodicity\":\"YEARLY\",\"startsOn\":\"2026-01-01\","
                + "\"dueOn\":\"2027-12-31\",\"source\":\"s\",\"responsible\":\"r\"," + fields + "}");
    }

    static void refused(ResultActions result, String field, String rule) throws Exception {
        result.andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.errors[0].field").value(field))
                .andExpect(jsonPath("$.errors[0].rule").value(rule))
                .andExpect(jsonPath("$.errors[0].message").isNotEmpty());
    }

    @Test
    void textsWithControlCharactersOrPastTheirLengthAreRefusedNamingTheField() throws Exception {
        refused(project("\"name\":\"abc\\u0000def\""), "name", "Control");
        refused(project("\"name\":\"una\\nlínea\""), "name", "Control");
        refused(project("\"name\":\"" + MEGABYTE + "\""), "name", "Size");
        refused(project("\"description\":\"" + "d".repeat(20_001) + "\""), "description", "Size");
        refused(project("\"name\":\"\\ud800x\""), "name", "Control");
        refused(goal("\"name\":\"" + MEGABYTE + "\""), "name", "Size");
        refused(goal("\"indicator\":\"a\\u0007b\""), "indicator", "Control");
        // A long text keeps its line breaks and tabs.
        project("\"code\":\"P-ML\",\"description\":\"Primera línea\\n\\tsegunda\"").andExpect(status().isCreated());
        assertThat(jdbc.sql("select count(*) from project where scheme_id = :s").param("s", scheme).query(Long.class)
                .single()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from plan_goal where scheme_id = :s").param("s", scheme)
                .query(Long.class).single()).isZero();
    }

    @Test
    void numbersPastTheColumnsAndWrongTypesNameTheField() throws Exception {
        refused(project("\"cost\":1e30"), "cost", "Range");
        refused(project("\"cost\":1e400"), "cost", "Range");
        refused(project("\"cost\":\"mucho\""), "cost", "Type");
        refused(project("\"beneficiaries\":[{\"unitCode\":\"54498\",\"people\":\"muchas\"}]"), "beneficiaries[0].people",
                "Type");
        refused(project("\"beneficiaries\":[{\"unitCode\":\"54498\",\"people\":99999999999}]"), "beneficiaries[0].people",
                "Type");
        refused(goal("\"target\":1e308"), "target", "Range");
        assertThat(jdbc.sql("select count(*) from project where scheme_id = :s").param("s", scheme).query(Long.class)
                .single()).isZero();
    }

    @Test
    void datesOutside1900To2100AndImpossibleDatesAreRefused() throws Exception {
        refused(goal("\"startsOn\":\"0000-01-01\""), "startsOn", "Range");
        refused(goal("\"startsOn\":\"-0001-01-01\""), "startsOn", "Range");
        refused(goal("\"dueOn\":\"+10000-01-01\""), "dueOn", "Range");
        refused(goal("\"dueOn\":\"2026-02-30\""), "dueOn", "Type");
        refused(json("/api/v1/finance/schemes/" + scheme + "/payments",
                "{\"unitCode\":\"54498\",\"paidOn\":\"0000-01-01\",\"amount\":100,\"currency\":\"COP\"}"), "paidOn", "Range");
        assertThat(jdbc.sql("select count(*) from plan_goal where scheme_id = :s").param("s", scheme)
                .query(Long.class).single()).isZero();
    }

    @Test
    void queryParametersAndFormFieldsObeyTheSameRules() throws Exception {
        refused(mvc.perform(get("/api/v1/projects/schemes/" + scheme + "/projects").param("q", "a\u0000b")
                .with(httpBasic(director, PASSWORD))), "q", "Control");
        refused(mvc.perform(get("/api/v1/knowledge/search").param("q", "a\u0000b").with(httpBasic(director, PASSWORD))),
                "q", "Control");
        refused(mvc.perform(get("/api/v1/projects/schemes/" + scheme + "/projects").param("q", "x".repeat(2_001))
                .with(httpBasic(director, PASSWORD))), "q", "Size");
        // The public case lookup redirected with CR/LF in a header (500); now a 400 page, anonymous.
        mvc.perform(get("/public/services/cases").param("number", "a\r\nSet-Cookie:x=y"))
                .andExpect(status().isBadRequest()).andExpect(status().reason(containsString("number: El texto tiene")));
        // A page form: the error page says which field and why.
        mvc.perform(post("/planning/schemes/" + scheme + "/goals").with(user(director).roles("SCHEME_ADMIN")).with(csrf())
                .param("name", "Vías\u0000").param("indicator", "km").param("unit", "km").param("baseline", "0")
                .param("target", "3").param("periodicity", "YEARLY").param("startsOn", "2025-01-01")
                .param("dueOn", "2027-01-01").param("source", "INVIAS").param("responsible", "Dirección"))
                .andExpect(status().isBadRequest()).andExpect(status().reason(containsString("name: El texto tiene")));
        mvc.perform(post("/planning/schemes/" + scheme + "/goals").with(user(director).roles("SCHEME_ADMIN")).with(csrf())
                .param("name", "Vías").param("indicator", "km").param("unit", "km").param("baseline", "0")
                .param("target", "3").param("periodicity", "YEARLY").param("startsOn", "0000-01-01")
                .param("dueOn", "2027-01-01").param("source", "INVIAS").param("responsible", "Dirección"))
                .andExpect(status().isBadRequest()).andExpect(status().reason(containsString("La fecha debe estar entre")));
        assertThat(jdbc.sql("select count(*) from plan_goal where scheme_id = :s").param("s", scheme)
                .query(Long.class).single()).isZero();
    }

    @Test
    void aJsonBodyPastTwoMegabytesIsRefusedUnread() throws Exception {
        json("/api/v1/planning/schemes/" + scheme + "/goals", "{\"name\":\"" + "N".repeat(3 * 1024 * 1024) + "\"}")
                .andExpect(status().isContentTooLarge())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"));
        assertThat(jdbc.sql("select count(*) from plan_goal where scheme_id = :s").param("s", scheme)
                .query(Long.class).single()).isZero();
    }
}
