package org.minga.notifications.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;

import org.junit.jupiter.api.Test;
import org.minga.identity.internal.LogVerificationSender;
import org.minga.participation.internal.PrioritisationExercises;
import org.minga.participation.internal.PrioritisationExercises.NewExercise;
import org.minga.participation.internal.TerritorialIssues;
import org.minga.support.ApiFixtures;
import org.minga.support.Axe;
import org.minga.support.BrowserTest;
import org.minga.support.TestData;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The desk of a citizen and of a member official, as they see it: a citizen finds a ballot open to
 * them and their report's state, votes from the desk's link, and the ballot leaves the desk; an
 * official finds their municipality's overdue quota and not another municipality's.
 */
class CitizenDeskBrowserTest extends BrowserTest {

    static final String PASSWORD = CitizenReports.PASSWORD;
    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TerritorialIssues issues;
    @Autowired
    PrioritisationExercises exercises;
    @Autowired
    LogVerificationSender codes;

    @Test
    void aCitizenVotesFromTheDeskAndTheBallotLeavesIt() throws Exception {
        CitizenReports reports = new CitizenReports(mvc, jdbc, issues, codes);
        String ana = reports.citizen();
        String mine = TestData.unique("Quebrada contaminada");
        long water = reports.report(ana, mine);
        reports.publish(water);
        long road = reports.report(reports.director, TestData.unique("Vía destapada"));
        reports.publish(road);
        String title = TestData.unique("Prioridades de Ocaña");
        long exercise = CitizenReports.as(reports.director, () -> exercises.create(reports.scheme, new NewExercise(title,
                "APPROVAL", null, "UNIT_CITIZENS", List.of("54498"), null, List.of(water, road), Map.of(), List.of())));
        long option = exercises.get(exercise).options().getFirst().id();

        try {
            logIn(ana, PASSWORD);
            assertThat(text("h1")).isEqualTo("Mi escritorio");
            assertThat(text("#desk-participation-ballots")).contains("Votaciones abiertas para usted")
                    .contains("Puede votar en «" + title + "»");
            assertThat(text("#desk-participation-mine-published")).contains("1 de sus reportes fueron publicados");
            assertThat(Axe.seriousViolations(browser)).as("axe on the citizen's desk").isEmpty();

            clickAndWait(By.cssSelector("#desk-participation-ballots a"));
            assertThat(browser.getCurrentUrl()).endsWith("/participation/prioritisations/" + exercise + "/vote");
            assertThat(text("h1")).isEqualTo(title);
            browser.findElement(By.id("vote-approve-" + option)).click();
            clickAndWait(By.cssSelector("form[action$='/vote'] button[type=submit]"));
            waitFor("main", "Su voto quedó registrado");

            browser.get(url("/"));
            assertThat(text("h1")).isEqualTo("Mi escritorio");
            // (Only this ballot: other tests may leave ballots open to Ocaña's citizens.)
            assertThat(browser.findElements(By.cssSelector("#main a[href$='/prioritisations/" + exercise + "/vote']")))
                    .isEmpty();
            assertThat(text("#desk-participation-mine-published")).contains("1 de sus reportes fueron publicados");
        } finally {
            // Closed, so it asks nothing of the citizens of Ocaña that other tests sign up.
            CitizenReports.as(reports.director, () -> exercises.close(exercise));
        }
    }

    @Test
    void aMemberOfficialSeesTheirMunicipalitysOverdueQuotaAndNotAnothers() throws Exception {
        CitizenReports reports = new CitizenReports(mvc, jdbc, issues, codes);
        ApiFixtures fixtures = new ApiFixtures(mvc);
        String ocana = TestData.unique("enlace-ocana");
        String abrego = TestData.unique("enlace-abrego");
        fixtures.user(ocana, PASSWORD, "MEMBER_OFFICIAL", reports.scheme, "54498");
        fixtures.user(abrego, PASSWORD, "MEMBER_OFFICIAL", reports.scheme, "54003");
        // Ocaña's 2024 quota, unpaid; Ábrego owes nothing.
        String finance = "/api/v1/finance/schemes/" + reports.scheme;
        String rule = mvc.perform(post(finance + "/rules").with(httpBasic(reports.director, PASSWORD))
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"year":2024,"name":"Cuota anual","kind":"FIXED","amount":1200000.00,"percent":null,
                         "periodicity":"YEARLY","currency":"COP","dueDay":10,"members":["54498"]}"""))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        mvc.perform(post(finance + "/rules/" + ((Number) JsonPath.read(rule, "$.id")).longValue() + "/obligations")
                .with(httpBasic(reports.director, PASSWORD))).andExpect(status().isOk());

        logIn(ocana, PASSWORD);
        assertThat(text("h1")).isEqualTo("Mi escritorio");
        assertThat(text("#desk-finance-arrears")).contains("1 aportes vencidos sin pagar en");
        assertThat(Axe.seriousViolations(browser)).as("axe on the official's desk").isEmpty();
        clickAndWait(By.cssSelector("#desk-finance-arrears a"));
        assertThat(browser.getCurrentUrl()).endsWith("/finance/schemes/" + reports.scheme);

        browser.manage().deleteAllCookies();
        logIn(abrego, PASSWORD);
        assertThat(text("h1")).isEqualTo("Mi escritorio");
        assertThat(browser.findElements(By.id("desk-finance-arrears"))).isEmpty();
    }
}
