package org.minga.planning;

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

import java.time.LocalDate;
import java.util.List;

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

/**
 * A measurement is corrected or voided with a reason: the original stays in the goal's history and
 * in the audit, the status follows, and bad or refused requests change nothing.
 */
@IntegrationTest
class MeasurementCorrectionTests {

    static final String PASSWORD = "una-clave-larga-1";
    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    long scheme;
    long goal;
    String director;
    String outsider;
    String base;

    @BeforeEach
    void setUp() throws Exception {
        var fixtures = new ApiFixtures(mvc);
        scheme = fixtures.scheme(TestData.unique("Correcciones"));
        long other = fixtures.scheme(TestData.unique("Otro"));
        director = TestData.unique("planeadora");
        outsider = TestData.unique("ajena");
        fixtures.user(director, PASSWORD, "SCHEME_ADMIN", scheme, null);
        fixtures.user(outsider, PASSWORD, "SCHEME_ADMIN", other, null);
        base = "/api/v1/planning/schemes/" + scheme;
        // Quarterly from 0 to 100 over two years, one year in: about half is expected.
        goal = id(write(post(base + "/goals"), director, "{\"name\":\"Familias con agua\",\"indicator\":\"Familias\","
                + "\"unit\":\"familias\",\"baseline\":0,\"target\":100,\"periodicity\":\"QUARTERLY\",\"startsOn\":\""
                + LocalDate.now().minusMonths(13) + "\",\"dueOn\":\"" + LocalDate.now().plusMonths(11)
                + "\",\"source\":\"Operador\",\"responsible\":\"Dirección\"}").andExpect(status().isCreated()));
    }

    @Test
    void aCorrectionVoidsTheOriginalKeepsItInTheHistoryAndTheStatusFollows() throws Exception {
        LocalDate on = LocalDate.now().minusDays(10);
        long original = id(measure(on, "45").andExpect(status().isCreated()));
        read(base + "/dashboard").andExpect(jsonPath("$.goals[0].assessment.status").value("ON_TRACK"));

        long corrected = id(write(post(base + "/goals/" + goal + "/measurements/" + original + "/correction"), director,
                "{\"measuredOn\":\"" + on + "\",\"value\":10,\"reason\":\"El operador contó viviendas, no familias\"}")
                .andExpect(status().isCreated()).andExpect(jsonPath("$.correctsId").value(original)));
        read(base + "/dashboard").andExpect(jsonPath("$.goals[0].assessment.status").value("OFF_TRACK"))
                .andExpect(jsonPath("$.goals[0].assessment.achieved").value(0.1))
                .andExpect(jsonPath("$.goals[0].measurements").value(1));
        read(base + "/goals/" + goal).andExpect(jsonPath("$.measurements.length()").value(2))
                .andExpect(jsonPath("$.measurements[?(@.id == " + original + ")].voidReason")
                        .value("El operador contó viviendas, no familias"))
                .andExpect(jsonPath("$.measurements[?(@.id == " + original + ")].voidedBy").value(director))
                .andExpect(jsonPath("$.measurements[?(@.id == " + original + ")].value").value(45));
        assertThat(jdbc.sql("""
                select before_state ->> 'value' from audit_event where entity_type = 'goal_measurement' and entity_id = :id
                and action = 'UPDATE'""").param("id", Long.toString(original)).query(String.class).single()).isEqualTo("45");

        // The page shows the achieved share beside the value, and the voided original with its reason.
        var asDirector = user(director).roles("SCHEME_ADMIN");
        mvc.perform(get("/planning/schemes/" + scheme).with(asDirector)).andExpect(status().isOk())
                .andExpect(content().string(containsString("<td class=\"achieved\">10 %</td>")));
        mvc.perform(get("/planning/schemes/" + scheme + "/goals/" + goal).with(asDirector)).andExpect(status().isOk())
                .andExpect(content().string(containsString("Anulada: El operador contó viviendas, no familias")))
                .andExpect(content().string(containsString("Vigente; corrige la medición n.º " + original)));

        // Voiding the correction from the page: no measurement left in force, two periods unmeasured.
        mvc.perform(post("/planning/schemes/" + scheme + "/goals/" + goal + "/measurements/void").with(asDirector).with(csrf())
                .param("measurementId", Long.toString(corrected)).param("reason", "Informe retirado por el operador"))
                .andExpect(status().is3xxRedirection());
        read(base + "/dashboard").andExpect(jsonPath("$.goals[0].assessment.status").value("OFF_TRACK"))
                .andExpect(jsonPath("$.goals[0].assessment.reason").value("Faltan las mediciones de los dos últimos periodos."))
                .andExpect(jsonPath("$.goals[0].measurements").value(0));
        assertThat(jdbc.sql("select count(*) from goal_measurement where goal_id = :g").param("g", goal).query(Long.class)
                .single()).isEqualTo(2);
    }

    @Test
    void badOrRefusedCorrectionsChangeNothing() throws Exception {
        LocalDate on = LocalDate.now().minusDays(10);
        long original = id(measure(on, "45").andExpect(status().isCreated()));
        String correction = base + "/goals/" + goal + "/measurements/" + original + "/correction";
        write(post(correction), director, "{\"measuredOn\":\"" + on + "\",\"value\":10}").andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.errors[0].field").value("reason"));
        write(post(correction), outsider, "{\"measuredOn\":\"" + on + "\",\"value\":10,\"reason\":\"x\"}")
                .andExpect(status().isForbidden());
        write(post(base + "/goals/" + goal + "/measurements/" + original + "/void"), outsider, "{\"reason\":\"x\"}")
                .andExpect(status().isForbidden());
        // A second measurement on the same day is a correction, not another record.
        measure(on, "50").andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("measuredOn"))
                .andExpect(jsonPath("$.errors[0].rule").value("Unique"));
        // On the page the missing reason is refused in Spanish beside its field.
        mvc.perform(post("/planning/schemes/" + scheme + "/goals/" + goal + "/measurements/void")
                .with(user(director).roles("SCHEME_ADMIN")).with(csrf()).param("measurementId", Long.toString(original)))
                .andExpect(status().isOk()).andExpect(content().string(containsString("void-reason-error")));
        assertThat(jdbc.sql("select count(*) from goal_measurement where goal_id = :g and voided_at is null")
                .param("g", goal).query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from goal_measurement where goal_id = :g").param("g", goal).query(Long.class)
                .single()).isEqualTo(1);

        // Once voided, it cannot be corrected again: the one in force is.
        write(post(base + "/goals/" + goal + "/measurements/" + original + "/void"), director, "{\"reason\":\"Duplicada\"}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.voidReason").value("Duplicada"));
        write(post(correction), director, "{\"measuredOn\":\"" + on + "\",\"value\":10,\"reason\":\"x\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].rule").value("InForce"));
        assertThat(jdbc.sql("select count(*) from goal_measurement where goal_id = :g").param("g", goal).query(Long.class)
                .single()).isEqualTo(1);
    }

    @Test
    void theSameMeasurementsEnteredInAnyOrderGiveTheSameStatusAtEveryDate() throws Exception {
        long twin = id(write(post(base + "/goals"), director, "{\"name\":\"Familias con agua (gemela)\",\"indicator\":\"Familias\","
                + "\"unit\":\"familias\",\"baseline\":0,\"target\":100,\"periodicity\":\"QUARTERLY\",\"startsOn\":\""
                + LocalDate.now().minusMonths(13) + "\",\"dueOn\":\"" + LocalDate.now().plusMonths(11)
                + "\",\"source\":\"Operador\",\"responsible\":\"Dirección\"}").andExpect(status().isCreated()));
        List<String[]> records = List.of(new String[] {LocalDate.now().minusMonths(11).toString(), "5"},
                new String[] {LocalDate.now().minusMonths(8).toString(), "30"},
                new String[] {LocalDate.now().minusMonths(2).toString(), "20"},
                new String[] {LocalDate.now().minusDays(1).toString(), "48"});
        for (String[] r : records) {
            write(post(base + "/goals/" + goal + "/measurements"), director,
                    "{\"measuredOn\":\"" + r[0] + "\",\"value\":" + r[1] + "}").andExpect(status().isCreated());
        }
        for (String[] r : records.reversed()) {
            write(post(base + "/goals/" + twin + "/measurements"), director,
                    "{\"measuredOn\":\"" + r[0] + "\",\"value\":" + r[1] + "}").andExpect(status().isCreated());
        }
        for (int months = 13; months >= 0; months--) {
            String at = LocalDate.now().minusMonths(months).toString();
            String body = read(base + "/dashboard?at=" + at).andReturn().getResponse().getContentAsString();
            Object first = JsonPath.read(body, "$.goals[?(@.goal.id == " + goal + ")].assessment");
            Object second = JsonPath.read(body, "$.goals[?(@.goal.id == " + twin + ")].assessment");
            assertThat(second).as("at %s", at).isEqualTo(first);
        }
    }

    private ResultActions measure(LocalDate on, String value) throws Exception {
        return write(post(base + "/goals/" + goal + "/measurements"), director,
                "{\"measuredOn\":\"" + on + "\",\"value\":" + value + "}");
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
