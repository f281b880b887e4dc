package org.minga.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.minga.support.ApiFixtures;
import org.minga.support.Browser;
import org.minga.support.BrowserTest;
import org.minga.support.TestData;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import com.jayway.jsonpath.JsonPath;

/**
 * The director of a scheme convenes a board session from the page, takes attendance, sees the
 * quorum, adopts two decisions with their votes and downloads the minutes; a second session without
 * quorum refuses a decision with a message saying why.
 */
class GovernanceBrowserTest extends BrowserTest {

    static final String PASSWORD = "una-clave-larga-1";
    @Autowired
    MockMvc mvc;

    @Test
    void aBoardMeetsWithQuorumDecidesTwiceAndWithoutQuorumCannotDecide() throws Exception {
        ApiFixtures fixtures = new ApiFixtures(mvc);
        long scheme = fixtures.scheme(TestData.unique("Asomunicipios"));
        String director = TestData.unique("directora");
        fixtures.user(director, PASSWORD, "SCHEME_ADMIN", scheme, null);
        String api = "/api/v1/registry/schemes/" + scheme;
        String created = mvc.perform(post(api + "/bodies").with(httpBasic(director, PASSWORD))
                .contentType(MediaType.APPLICATION_JSON).content("{\"kind\":\"BOARD\",\"name\":\"Junta Directiva\"}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        long board = ((Number) JsonPath.read(created, "$.id")).longValue();
        for (String[] h : List.of(new String[] {"PRESIDENT", "54498"}, new String[] {"VICE_PRESIDENT", "54810"},
                new String[] {"SECRETARY", "54003"}, new String[] {"TREASURER", "54128"}, new String[] {"MEMBER", "54206"})) {
            mvc.perform(post(api + "/bodies/" + board + "/seats").with(httpBasic(director, PASSWORD))
                    .contentType(MediaType.APPLICATION_JSON).content("{\"personName\":\"Alcaldía " + h[1] + "\",\"role\":\""
                            + h[0] + "\",\"unitCode\":\"" + h[1] + "\",\"termStart\":\"2024-01-01\",\"termEnd\":\"2027-12-31\"}"))
                    .andExpect(status().isCreated());
        }

        logIn(director, PASSWORD);
        browser.get(url("/governance/schemes/" + scheme));
        // The statutes' rules, from the page: half plus one, simple majority, eight days of notice.
        WebElement rules = browser.findElement(By.id("rule-form"));
        new Select(rules.findElement(By.name("bodyId"))).selectByValue(Long.toString(board));
        date(rules, "validFrom", LocalDate.of(2024, 1, 1));
        fill(rules, "quorumPercent", "51");
        fill(rules, "noticeDays", "8");
        fill(rules, "extraordinaryNoticeDays", "2");
        fill(rules, "sessionsPerYear", "4");
        clickAndWait(By.id("rule-submit"));
        waitFor("#rules-table", "Junta Directiva");

        convene(board, LocalDate.of(2025, 3, 14), LocalDate.of(2025, 3, 1));
        waitFor("h1", "Sesión de Junta Directiva, 14/03/2025 09:00");
        List<WebElement> present = browser.findElements(By.cssSelector("#attendance-form input[name=present]"));
        assertThat(present).hasSize(5);
        for (WebElement seat : present.subList(0, 4)) {
            seat.click();
        }
        clickAndWait(By.id("attendance-submit"));
        waitFor("#quorum-status", "Hay quórum: asistieron 4 de 5 puestos en periodo; se necesitan 3.");

        decide("AGREEMENT", "Aprobación del plan de trabajo 2025", "4", "0", "0");
        waitFor("#decisions ol", "Acuerdo 1/2025: Aprobación del plan de trabajo 2025");
        decide("RESOLUTION", "Delegación para gestionar cofinanciación", "3", "1", "0");
        waitFor("#decisions ol", "Resolución 2/2025: Delegación para gestionar cofinanciación");
        assertThat(text("#decisions ol")).contains("A favor 3, en contra 1, abstenciones 0.");
        Browser.screenshot(browser, "governance-session");

        // The minutes, downloaded with the director's session, read as text.
        String href = browser.findElement(By.id("minutes-pdf")).getAttribute("href");
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(href))
                .header("Cookie", "JSESSIONID=" + browser.manage().getCookieNamed("JSESSIONID").getValue()).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/pdf");
        try (var pdf = Loader.loadPDF(response.body())) {
            assertThat(new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ")).contains("Hubo quórum",
                    "Acuerdo 1 de 2025 de Junta Directiva: Aprobación del plan de trabajo 2025",
                    "Resolución 2 de 2025 de Junta Directiva", "Votos a favor 3, en contra 1, abstenciones 0.");
        }

        // A second session where only two of five came: no quorum, and no decision.
        browser.get(url("/governance/schemes/" + scheme));
        convene(board, LocalDate.of(2025, 7, 11), LocalDate.of(2025, 6, 27));
        waitFor("h1", "11/07/2025 09:00");
        List<WebElement> seats = browser.findElements(By.cssSelector("#attendance-form input[name=present]"));
        seats.get(0).click();
        seats.get(1).click();
        clickAndWait(By.id("attendance-submit"));
        waitFor("#quorum-status", "Sin quórum: asistieron 2 de 5 puestos en periodo; se necesitan 3.");
        decide("AGREEMENT", "Acuerdo que no puede adoptarse", "2", "0", "0");
        waitFor("#decision-form .error", "La sesión no tiene quórum: asistieron 2 de 5 puestos en periodo y los "
                + "estatutos exigen 3 (51 %). Una sesión sin quórum no puede adoptar decisiones.");
        assertThat(browser.findElements(By.cssSelector("#decisions ol li"))).isEmpty();
        Browser.screenshot(browser, "governance-no-quorum");

        browser.get(url("/public/schemes/" + scheme + "/decisions"));
        assertThat(text("#public-decisions")).contains("Aprobación del plan de trabajo 2025",
                "Delegación para gestionar cofinanciación").doesNotContain("Alcaldía");
    }

    private void convene(long board, LocalDate on, LocalDate convenedOn) {
        WebElement form = browser.findElement(By.id("session-form"));
        new Select(form.findElement(By.name("bodyId"))).selectByValue(Long.toString(board));
        new Select(form.findElement(By.name("kind"))).selectByValue("ORDINARY");
        date(form, "date", on);
        browser.executeScript("arguments[0].value = arguments[1]", form.findElement(By.name("time")), "09:00");
        fill(form, "place", "Sede de Asomunicipios, Ocaña");
        date(form, "convenedOn", convenedOn);
        fill(form, "agenda", "1. Verificación del quórum. 2. Plan de trabajo.");
        clickAndWait(By.id("session-submit"));
    }

    private void decide(String kind, String title, String votesFor, String against, String abstentions) {
        WebElement form = browser.findElement(By.id("decision-form"));
        new Select(form.findElement(By.name("kind"))).selectByValue(kind);
        fill(form, "title", title);
        fill(form, "text", "Texto de la decisión: " + title + ".");
        fill(form, "votesFor", votesFor);
        fill(form, "votesAgainst", against);
        fill(form, "abstentions", abstentions);
        browser.findElement(By.id("decision-submit")).click();
    }

    private void date(WebElement form, String name, LocalDate value) {
        browser.executeScript("arguments[0].value = arguments[1]", form.findElement(By.name(name)), value.toString());
    }
}
