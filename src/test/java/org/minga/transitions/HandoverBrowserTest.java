package org.minga.transitions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;

import com.jayway.jsonpath.JsonPath;

import org.junit.jupiter.api.Test;
import org.minga.support.ApiFixtures;
import org.minga.support.Browser;
import org.minga.support.BrowserTest;
import org.minga.support.IntegrationTest;
import org.minga.support.TerritoryFixtures;
import org.minga.support.TestData;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The director defines a goal with its indicator and records measurements until it turns late,
 * sees it late on the dashboard and in the health index; then delivers the candidate dossier to
 * both candidates of an election, reads that they match, moves a project, and sees the next dossier
 * flagged as a different version.
 */
class HandoverBrowserTest extends BrowserTest {

    static final String PASSWORD = "una-clave-larga-1";
    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aGoalTurnsLateAndCandidatesGetTheSameDossierUntilAProjectChanges() throws Exception {
        TerritoryFixtures.importAll(mvc, jdbc);
        ApiFixtures fixtures = new ApiFixtures(mvc);
        long scheme = fixtures.scheme(TestData.unique("Asomunicipios"));
        for (String code : List.of("54498", "54003", "54206")) {
            mvc.perform(post("/api/v1/registry/schemes/" + scheme + "/members")
                    .with(httpBasic("admin", IntegrationTest.ADMIN_PASSWORD)).contentType(MediaType.APPLICATION_JSON)
                    .content("{\"unitCode\":\"" + code + "\",\"joinedOn\":\"2020-01-01\"}")).andExpect(status().is2xxSuccessful());
        }
        String body = mvc.perform(post("/api/v1/projects/schemes/" + scheme + "/projects")
                .with(httpBasic("admin", IntegrationTest.ADMIN_PASSWORD)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"code\":\"VIA-7\",\"name\":\"Placa huella El Salobre\",\"sector\":\"Transporte\",\"cost\":900000000,"
                        + "\"currency\":\"COP\",\"beneficiaries\":[{\"unitCode\":\"54498\",\"people\":800}]}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        long project = ((Number) JsonPath.read(body, "$.id")).longValue();
        String director = TestData.unique("directora");
        fixtures.user(director, PASSWORD, "SCHEME_ADMIN", scheme, null);

        logIn(director);
        browser.get(url("/registry/schemes/" + scheme));
        clickAndWait(By.linkText("Planeación y metas"));
        WebElement goal = browser.findElement(By.id("goal-form"));
        fill(goal, "name", "Familias rurales electrificadas");
        fill(goal, "indicator", "Familias con energía");
        fill(goal, "unit", "familias");
        fill(goal, "baseline", "0");
        fill(goal, "target", "100");
        new Select(goal.findElement(By.name("periodicity"))).selectByValue("QUARTERLY");
        date(goal, "startsOn", LocalDate.now().minusMonths(13));
        date(goal, "dueOn", LocalDate.now().plusMonths(11));
        fill(goal, "source", "Informe del operador de red");
        fill(goal, "responsible", "Dirección ejecutiva");
        clickAndWait(By.cssSelector("#goal-form button[type=submit]"));
        waitFor("h1", "Familias rurales electrificadas");

        measure(LocalDate.now().minusDays(10), "45");
        waitUpTo(10).ignoring(WebDriverException.class).until(ExpectedConditions.attributeToBe(By.id("goal-status"), "data-status", "ON_TRACK"));
        measure(LocalDate.now().minusDays(2), "30");
        waitUpTo(10).ignoring(WebDriverException.class).until(ExpectedConditions.attributeToBe(By.id("goal-status"), "data-status", "LATE"));
        assertThat(text("#goal-status")).contains("Atrasada");

        browser.get(url("/planning/schemes/" + scheme));
        assertThat(browser.findElement(By.cssSelector("#goals tr[data-status]")).getAttribute("data-status")).isEqualTo("LATE");
        assertThat(text("#goals")).contains("Familias rurales electrificadas", "Atrasada");
        Browser.screenshot(browser, "planning-dashboard-late");

        browser.get(url("/evaluation/schemes/" + scheme));
        String goals = text("#components tr[data-component=goals]");
        assertThat(goals).contains("Metas al día", "50", "0 metas al día, 1 atrasadas");
        assertThat(text("#health")).contains("Índice de salud");
        Browser.screenshot(browser, "health-index");

        // An election with two candidates: each receives the dossier generated from live data.
        browser.get(url("/transitions/schemes/" + scheme));
        WebElement election = browser.findElement(By.cssSelector("form[action$='/elections']"));
        fill(election, "name", "Elecciones regionales 2027");
        date(election, "heldOn", LocalDate.of(2027, 10, 31));
        clickAndWait(By.cssSelector("form[action$='/elections'] button[type=submit]"));
        waitFor("h1", "Elecciones regionales 2027");
        for (String name : List.of("Ana Pérez", "Luis Gómez")) {
            WebElement candidate = browser.findElement(By.cssSelector("form[action$='/candidates']"));
            fill(candidate, "name", name);
            clickAndWait(By.cssSelector("form[action$='/candidates'] button[type=submit]"));
            waitFor("#candidates", name);
        }
        assertThat(text("#verdict")).contains("Incompleto");
        deliver("Ana Pérez");
        deliver("Luis Gómez");
        waitFor("#verdict", "Neutral: todos los candidatos recibieron la misma versión del expediente.");
        List<String> hashes = browser.findElements(By.cssSelector("#candidates tr[data-candidate]")).stream()
                .map(r -> r.getAttribute("data-hash")).toList();
        assertThat(hashes).hasSize(2).doesNotContainNull();
        assertThat(hashes.get(0)).isEqualTo(hashes.get(1));
        Browser.screenshot(browser, "neutrality-same");

        // The project moves a step: the next dossier is another version, and it is flagged.
        mvc.perform(post("/api/v1/projects/" + project + "/steps").with(httpBasic(director, PASSWORD))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"stage\":\"PROFILE\",\"on\":\"" + LocalDate.now() + "\",\"note\":\"Perfil aprobado\"}"))
                .andExpect(status().is2xxSuccessful());
        browser.navigate().refresh();
        deliver("Ana Pérez");
        WebElement delivery = waitUpTo(10).until(ExpectedConditions.visibilityOfElementLocated(By.id("delivery")));
        assertThat(delivery.getAttribute("data-differs")).isEqualTo("true");
        assertThat(delivery.getAttribute("data-hash")).isNotEqualTo(hashes.get(0));
        assertThat(text("#delivery")).contains("Versión diferente");
        assertThat(text("#verdict")).contains("versiones distintas");
        Browser.screenshot(browser, "neutrality-different");
    }

    private void measure(LocalDate on, String value) {
        WebElement form = browser.findElement(By.cssSelector("form[action$='/measurements']"));
        date(form, "measuredOn", on);
        fill(form, "value", value);
        clickAndWait(By.cssSelector("form[action$='/measurements'] button[type=submit]"));
        waitFor("#measurements", value);
    }

    private void deliver(String candidate) {
        clickAndWait(By.cssSelector("button[aria-label='Generar y entregar expediente: " + candidate + "']"));
        waitFor("#delivery", candidate);
    }

    private void date(WebElement form, String name, LocalDate value) {
        browser.executeScript("arguments[0].value = arguments[1]", form.findElement(By.name(name)), value.toString());
    }

    private void logIn(String username) {
        logIn(username, PASSWORD);
    }
}
