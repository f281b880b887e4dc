package org.minga.notifications.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.forwardedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;

import com.jayway.jsonpath.JsonPath;

import org.junit.jupiter.api.Test;
import org.minga.identity.internal.LogVerificationSender;
import org.minga.participation.internal.TerritorialIssues;
import org.minga.support.ApiFixtures;
import org.minga.support.IntegrationTest;
import org.minga.support.TestData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The desk at {@code /}: a director sees the scheme's overdue quotas and ending terms with their links,
 * grouped with counts; staff of another scheme see none of them; an item goes when handled.
 */
@IntegrationTest
class DeskTests {

    static final String PASSWORD = CitizenReports.PASSWORD;
    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TerritorialIssues issues;
    @Autowired
    LogVerificationSender codes;

    @Test
    void aDirectorSeesTheSchemesItemsAndStaffOfAnotherSchemeSeeNoneOfThem() throws Exception {
        CitizenReports reports = new CitizenReports(mvc, jdbc, issues, codes);
        long scheme = reports.scheme;
        String director = reports.director;
        ApiFixtures fixtures = new ApiFixtures(mvc);
        long other = fixtures.scheme(TestData.unique("Esquema vecino"));
        String outsider = TestData.unique("equipo-ajeno");
        fixtures.user(outsider, PASSWORD, "SCHEME_STAFF", other, null);

        // An overdue 2024 quota for both members.
        String finance = "/api/v1/finance/schemes/" + scheme;
        long rule = id(mvc.perform(post(finance + "/rules").with(httpBasic(director, PASSWORD))
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"year":2024,"name":"Cuota anual","kind":"FIXED","amount":1200000.00,"percent":null,
                         "periodicity":"YEARLY","currency":"COP","dueDay":10,"members":["54498","54003"]}"""))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString());
        mvc.perform(post(finance + "/rules/" + rule + "/obligations").with(httpBasic(director, PASSWORD)))
                .andExpect(status().isOk());
        // A board term ending in 30 days.
        String bodies = "/api/v1/registry/schemes/" + scheme + "/bodies";
        long board = id(mvc.perform(post(bodies).with(httpBasic(director, PASSWORD)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"kind\":\"BOARD\",\"name\":\"Junta Directiva\"}")).andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString());
        LocalDate today = LocalDate.now();
        long seat = id(mvc.perform(post(bodies + "/" + board + "/seats").with(httpBasic(director, PASSWORD))
                .contentType(MediaType.APPLICATION_JSON).content("{\"personName\":\"María Pérez\",\"role\":\"PRESIDENT\","
                        + "\"unitCode\":\"54498\",\"termStart\":\"" + today.minusYears(2) + "\",\"termEnd\":\""
                        + today.plusDays(30) + "\"}")).andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString());

        String desk = desk(director);
        assertThat(desk).contains("Mi escritorio").contains("id=\"desk-finance-arrears\"")
                .contains("2 aportes vencidos sin pagar en").contains("id=\"desk-registry-terms\"")
                .contains("1 periodos en órganos de gobierno terminan")
                .doesNotContain("Nada pendiente");
        String outsiders = desk(outsider);
        assertThat(outsiders).doesNotContain("/schemes/" + scheme + "\"").doesNotContain("/schemes/" + scheme + "/")
                .contains("Nada pendiente");

        // Handled: the seat is ended, and the term is gone from the desk; the quotas stay.
        mvc.perform(post(bodies + "/" + board + "/seats/" + seat + "/end").with(httpBasic(director, PASSWORD))
                .contentType(MediaType.APPLICATION_JSON).content("{\"endedOn\":\"" + today + "\"}"))
                .andExpect(status().isOk());
        assertThat(desk(director)).doesNotContain("id=\"desk-registry-terms\"").contains("id=\"desk-finance-arrears\"");
    }

    @Test
    void anAdministratorIsToldOnTheDeskThatMailIsOffAndOthersAreNot() throws Exception {
        assertThat(mvc.perform(get("/desk").with(user("admin").roles("PLATFORM_ADMIN"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString()).contains("id=\"mail-off\"").contains("Mi escritorio");
        CitizenReports reports = new CitizenReports(mvc, jdbc, issues, codes);
        // (Not "Nada pendiente": a citizen of Ocaña is asked to vote in the ballots other tests leave open.)
        assertThat(desk(reports.citizen())).doesNotContain("id=\"mail-off\"").contains("Mi escritorio");
    }

    /** {@code /} forwards a signed-in person to the desk (MockMvc does not follow forwards, so the desk is asked next). */
    private String desk(String username) throws Exception {
        mvc.perform(get("/").with(user(username))).andExpect(status().isOk()).andExpect(forwardedUrl("/desk"));
        return mvc.perform(get("/desk").with(user(username))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
    }

    private static long id(String json) {
        return ((Number) JsonPath.read(json, "$.id")).longValue();
    }
}
