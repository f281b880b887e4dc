package org.minga.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItems;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;

import com.jayway.jsonpath.JsonPath;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.minga.support.ApiFixtures;
import org.minga.support.IntegrationTest;
import org.minga.support.TestData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** Vision, pillars, work plans, goals, measurements and the dashboard, through the API and the pages. */
@IntegrationTest
class PlanningTests {

    static final String PASSWORD = "una-clave-larga-1";
    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    long scheme;
    String director;
    String outsider;
    String base;
    LocalDate start = LocalDate.now().minusMonths(13);
    LocalDate due = LocalDate.now().plusMonths(11);

    @BeforeEach
    void setUp() throws Exception {
        var fixtures = new ApiFixtures(mvc);
        scheme = fixtures.scheme(TestData.unique("Planeación"));
        long other = fixtures.scheme(TestData.unique("Otro esquema"));
        director = TestData.unique("planeadora");
        outsider = TestData.unique("ajena");
        fixtures.user(director, PASSWORD, "SCHEME_ADMIN", scheme, null);
        fixtures.user(outsider, PASSWORD, "SCHEME_ADMIN", other, null);
        base = "/api/v1/planning/schemes/" + scheme;
    }

    @Test
    void aGoalTurnsLateWhenItsLatestMeasurementFallsBehindAndTheDashboardCountsIt() throws Exception {
        write(put(base + "/vision"), director, """
                {"name":"Agenda Regional 2032","statement":"Un Catatumbo en paz","horizonYear":2032}""")
                .andExpect(status().isOk());
        long pillar = id(write(post(base + "/pillars"), director, "{\"name\":\"Desarrollo rural\",\"bets\":\"Electrificación\"}"));
        long plan = id(write(post(base + "/work-plans"), director, "{\"name\":\"Plan 2025-2027\",\"startsOn\":\"" + start
                + "\",\"endsOn\":\"" + due + "\"}"));
        long goal = goal(pillar, plan);
        measure(goal, LocalDate.now().minusDays(10), "45").andExpect(status().isCreated());
        read(base + "/dashboard").andExpect(jsonPath("$.counts.ON_TRACK").value(1))
                .andExpect(jsonPath("$.goals[0].assessment.status").value("ON_TRACK"));
        measure(goal, LocalDate.now().minusDays(2), "30").andExpect(status().isCreated());
        read(base + "/dashboard").andExpect(jsonPath("$.counts.LATE").value(1)).andExpect(jsonPath("$.counts.ON_TRACK").value(0))
                .andExpect(jsonPath("$.goals[0].assessment.status").value("LATE"))
                .andExpect(jsonPath("$.goals[0].measurements").value(2));
        write(post(base + "/goals/" + goal + "/links"), director, "{\"kind\":\"NATIONAL_DEVELOPMENT_PLAN\",\"reference\":\"PND 2022-2026\"}")
                .andExpect(status().isCreated());
        read(base + "/goals/" + goal).andExpect(jsonPath("$.links[0].kind").value("NATIONAL_DEVELOPMENT_PLAN"))
                .andExpect(jsonPath("$.measurements.length()").value(2));
        assertThat(jdbc.sql("select count(*) from audit_event where entity_type in ('plan_goal', 'goal_measurement', 'plan_vision', 'goal_link') and scheme_id = :s")
                .param("s", scheme).query(Long.class).single()).isEqualTo(5);

        mvc.perform(get("/planning/schemes/" + scheme).with(user(director).roles("SCHEME_ADMIN")))
                .andExpect(status().isOk()).andExpect(content().string(containsString("Agenda Regional 2032")))
                .andExpect(content().string(containsString("data-status=\"LATE\"")))
                .andExpect(content().string(containsString("Atrasada")));
    }

    @Test
    void badInputNamesTheFieldsAndRulesAndWritesNothing() throws Exception {
        write(post(base + "/goals"), director, """
                {"name":"","indicator":"Familias","unit":"familias","baseline":5,"target":5,"periodicity":"WEEKLY",
                 "startsOn":"2025-01-01","dueOn":"2024-01-01","source":"Informe","responsible":"Dirección"}""")
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.errors[*].field", hasItems("name", "target", "periodicity", "dueOn")))
                .andExpect(jsonPath("$.errors[?(@.field == 'target')].rule").value("DiffersFromBaseline"));
        assertThat(goals()).isZero();
        long goal = goal(null, null);
        measure(goal, LocalDate.now().plusDays(3), "10").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("measuredOn"));
        write(post(base + "/goals/" + goal + "/links"), director, "{\"kind\":\"PROJECT\",\"projectId\":-1}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("projectId"));
        assertThat(jdbc.sql("select count(*) from goal_measurement where goal_id = :g").param("g", goal).query(Long.class).single()).isZero();

        // On the page the error is in Spanish beside its field.
        mvc.perform(post("/planning/schemes/" + scheme + "/goals").with(user(director).roles("SCHEME_ADMIN")).with(csrf())
                .param("name", "Vías").param("indicator", "km").param("unit", "km").param("baseline", "3").param("target", "3")
                .param("periodicity", "YEARLY").param("startsOn", "2025-01-01").param("dueOn", "2027-01-01")
                .param("source", "INVIAS").param("responsible", "Dirección"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("El valor meta es obligatorio y debe ser distinto de la línea base.")));
        assertThat(goals()).isEqualTo(1);
    }

    @Test
    void onlyThoseWhoMayWriteTheSchemeChangeItsPlanAndNothingIsWrittenWhenRefused() throws Exception {
        long goal = goal(null, null);
        String body = goalJson(null, null);
        write(post(base + "/goals"), outsider, body).andExpect(status().isForbidden());
        write(put(base + "/vision"), outsider, "{\"name\":\"X\",\"statement\":\"Y\",\"horizonYear\":2030}")
                .andExpect(status().isForbidden());
        measure(goal, LocalDate.now(), "1", outsider).andExpect(status().isForbidden());
        mvc.perform(post(base + "/goals").contentType(MediaType.APPLICATION_JSON).content(body)).andExpect(status().isUnauthorized());
        mvc.perform(post("/planning/schemes/" + scheme + "/pillars").with(user(outsider).roles("SCHEME_ADMIN")).with(csrf())
                .param("name", "Intruso")).andExpect(status().isForbidden());
        assertThat(goals()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from goal_measurement where goal_id = :g").param("g", goal).query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from plan_vision where scheme_id = :s").param("s", scheme).query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from plan_pillar where scheme_id = :s").param("s", scheme).query(Long.class).single()).isZero();
    }

    private long goals() {
        return jdbc.sql("select count(*) from plan_goal where scheme_id = :s").param("s", scheme).query(Long.class).single();
    }

    private String goalJson(Long pillar, Long plan) {
        return "{\"name\":\"Familias rurales electrificadas\",\"indicator\":\"Familias con energía\",\"unit\":\"familias\","
                + "\"baseline\":0,\"target\":100,\"periodicity\":\"QUARTERLY\",\"startsOn\":\"" + start + "\",\"dueOn\":\"" + due
                + "\",\"source\":\"Informe del operador de red\",\"responsible\":\"Dirección ejecutiva\",\"pillarId\":" + pillar
                + ",\"workPlanId\":" + plan + "}";
    }

    private long goal(Long pillar, Long plan) throws Exception {
        return id(write(post(base + "/goals"), director, goalJson(pillar, plan)).andExpect(status().isCreated()));
    }

    private ResultActions measure(long goal, LocalDate on, String value) throws Exception {
        return measure(goal, on, value, director);
    }

    private ResultActions measure(long goal, LocalDate on, String value, String as) throws Exception {
        return write(post(base + "/goals/" + goal + "/measurements"), as, "{\"measuredOn\":\"" + on + "\",\"value\":" + value + "}");
    }

    private static long id(ResultActions r) throws Exception {
        return ((Number) JsonPath.read(r.andReturn().getResponse().getContentAsString(), "$.id")).longValue();
    }

    private ResultActions read(String url) throws Exception {
        return mvc.perform(get(url).with(httpBasic(director, PASSWORD))).andExpect(status().isOk());
    }

    private ResultActions write(MockHttpServletRequestBuilder request, String as, String json) throws Exception {
        return mvc.perform(request.with(httpBasic(as, PASSWORD)).contentType(MediaType.APPLICATION_JSON).content(json));
    }
}
