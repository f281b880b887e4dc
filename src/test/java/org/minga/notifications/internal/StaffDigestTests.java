package org.minga.notifications.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import com.jayway.jsonpath.JsonPath;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.minga.identity.Recipients;
import org.minga.support.ApiFixtures;
import org.minga.support.IntegrationTest;
import org.minga.support.TestData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The daily digest takes the new kinds with no change of its own (every AttentionSource is asked): a
 * staff member's digest has their overdue assigned case and the call closing this week; their
 * director's has neither the case (it is the staff member's) nor anything when nothing else waits.
 */
@IntegrationTest
class StaffDigestTests {

    static final String PASSWORD = "una-clave-larga-1";
    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Digests digests;
    @Autowired
    Recipients recipients;
    final List<Long> calls = new ArrayList<>();

    /**
     * The calls are a platform-wide catalogue in the suite's one database: one closing this week would
     * be on every Colombian scheme team's desk in the other tests, so they go when this test ends.
     */
    @AfterEach
    void deleteCalls() throws Exception {
        for (long id : calls) {
            mvc.perform(delete("/api/v1/projects/calls/" + id).with(httpBasic("admin", IntegrationTest.ADMIN_PASSWORD)))
                    .andExpect(status().is2xxSuccessful());
        }
    }

    @Test
    void aStaffMembersDigestHasTheirAssignedCaseAndTheCallClosingThisWeek() throws Exception {
        ApiFixtures api = new ApiFixtures(mvc);
        long scheme = api.scheme(TestData.unique("Esquema del resumen"));
        String director = TestData.unique("directora");
        String staff = TestData.unique("tecnico");
        api.user(director, PASSWORD, "SCHEME_ADMIN", scheme, null);
        long staffId = api.user(staff, PASSWORD, "SCHEME_STAFF", scheme, null);
        // An invented unit code (the territory is not imported here); the membership row as the register writes it.
        jdbc.sql("insert into membership (scheme_id, unit_code, joined_on) values (:s, 'D097', date '2020-01-01')")
                .param("s", scheme).update();
        String services = "/api/v1/services/schemes/" + scheme;
        long line = id(api(director, services + "/lines", "{\"type\":\"LAND_USE_PERMITS\",\"name\":\"Licencias\",\"currency\":\"COP\"}"));
        long type = id(api(director, services + "/case-types/permit", "{\"serviceLineId\":" + line + "}"));
        long caseId = id(api(director, services + "/cases", "{\"caseTypeId\":" + type
                + ",\"applicantName\":\"José Ayala\",\"unitCode\":\"D097\",\"subject\":\"Lotificación\"}"));
        mvc.perform(post("/services/schemes/" + scheme + "/cases/" + caseId + "/assignee").with(user(director)).with(csrf())
                .param("assigneeId", String.valueOf(staffId))).andExpect(status().is3xxRedirection());
        jdbc.sql("update service_case set due_on = current_date - 1 where id = :id").param("id", caseId).update();
        String call = TestData.unique("Convocatoria del resumen");
        LocalDate today = LocalDate.now();
        long callId = id(api("admin", IntegrationTest.ADMIN_PASSWORD, "/api/v1/projects/calls", "{\"owner\":\"DNP\",\"name\":\""
                + call + "\",\"country\":\"CO\",\"opensOn\":\"" + today.minusDays(5) + "\",\"closesOn\":\"" + today.plusDays(2)
                + "\",\"sectors\":[\"Transporte\"],\"maxAmount\":1000,\"currency\":\"COP\",\"units\":[],\"pdetOnly\":false,"
                + "\"categories\":[]}"));
        calls.add(callId);
        LocalDate day = LocalDate.of(2026, 12, 5);

        assertThat(digests.write(recipients.byUsername(staff).orElseThrow(), day)).isTrue();
        String body = jdbc.sql("select body from notification_message where unique_key = :k")
                .param("k", "digest:" + staffId + ":" + day).query(String.class).single();
        assertThat(body).contains("1 trámites asignados a usted vencidos en")
                .contains("/services/schemes/" + scheme + "?mine=true")
                .contains("Convocatoria que cierra en los próximos 7 días: " + call)
                .contains("/projects/schemes/" + scheme + "/calls/" + callId + "/eligibility");

        long directorId = recipients.byUsername(director).orElseThrow().id();
        digests.write(recipients.byUsername(director).orElseThrow(), day);
        assertThat(jdbc.sql("select body from notification_message where unique_key = :k")
                .param("k", "digest:" + directorId + ":" + day).query(String.class).optional().orElse(""))
                .doesNotContain("asignados a usted").doesNotContain("trámites vencidos en");
    }

    private String api(String as, String path, String json) throws Exception {
        return api(as, PASSWORD, path, json);
    }

    private String api(String as, String password, String path, String json) throws Exception {
        return mvc.perform(post(path).with(httpBasic(as, password)).contentType(MediaType.APPLICATION_JSON).content(json))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
    }

    private static long id(String json) {
        return ((Number) JsonPath.read(json, "$.id")).longValue();
    }
}
