package org.minga.participation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.minga.support.ApiFixtures;
import org.minga.support.BrowserTest;
import org.minga.support.IntegrationTest;
import org.minga.support.TerritoryFixtures;
import org.minga.support.TestData;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * From a citizen's report to a result anyone can follow: Ana signs up and reports an issue on the
 * map; the scheme's director publishes it and opens a prioritisation over the published issues;
 * Beto's paper ballot and Ana's online one are counted; the winning issue becomes an action of a
 * CTT agreement; its first progress update appears on the issue's public timeline.
 */
class ParticipationBrowserTest extends BrowserTest {

    static final String PASSWORD = "una-clave-larga-1";
    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    org.minga.identity.internal.LogVerificationSender codes;

    @Test
    void aReportedIssueIsPrioritisedAgreedAndFollowedInPublic() throws Exception {
        TerritoryFixtures.importAll(mvc, jdbc);
        ApiFixtures fixtures = new ApiFixtures(mvc);
        long scheme = fixtures.scheme(TestData.unique("Provincia de Ocaña"));
        for (String code : List.of("54498", "54003")) {
            mvc.perform(post("/api/v1/registry/schemes/" + scheme + "/members")
                    .with(httpBasic("admin", IntegrationTest.ADMIN_PASSWORD)).contentType(MediaType.APPLICATION_JSON)
                    .content("{\"unitCode\":\"" + code + "\",\"joinedOn\":\"2020-01-01\"}"));
        }
        String director = TestData.unique("directora");
        fixtures.user(director, PASSWORD, "SCHEME_ADMIN", scheme, null);
        String beto = TestData.unique("beto");
        mvc.perform(post("/public/participation/register").with(csrf()).param("username", beto)
                .param("fullName", "Beto Campesino").param("password", PASSWORD).param("unitCode", "54498"));
        // Another issue, entered and published by the team, so that there is a choice to make.
        String road = TestData.unique("Vía al Catatumbo");
        mvc.perform(post("/participation/report").with(user(director)).with(csrf()).param("schemeId", String.valueOf(scheme))
                .param("theme", "ROADS").param("title", road).param("description", "Derrumbes").param("lat", "8.25")
                .param("lon", "-73.35"));
        long roadId = jdbc.sql("select id from territorial_issue where title = :t").param("t", road).query(Long.class).single();
        mvc.perform(post("/participation/schemes/" + scheme + "/issues/" + roadId + "/publish").with(user(director)).with(csrf()));

        // Ana signs up on the public site and reports on the map.
        String ana = TestData.unique("ana");
        browser.get(url("/public/participation/register"));
        WebElement signUp = browser.findElement(By.cssSelector("form[action$='/register']"));
        fill(signUp, "username", ana);
        fill(signUp, "fullName", "Ana Vecina");
        fill(signUp, "unitCode", "54498");
        fill(signUp, "password", PASSWORD);
        clickAndWait(By.cssSelector("form[action$='/register'] button[type=submit]"));
        assertThat(browser.getCurrentUrl()).endsWith("/login?registered");
        logIn(ana, PASSWORD);
        browser.get(url("/participation/report?scheme=" + scheme));
        waitUpTo(15).until(ExpectedConditions.attributeToBe(By.id("issue-map"), "data-loaded", "pick"));
        String water = TestData.unique("Quebrada La Tenería contaminada");
        new Select(browser.findElement(By.id("report-theme"))).selectByValue("WATER");
        WebElement report = browser.findElement(By.cssSelector("form[action$='/report']"));
        fill(report, "title", water);
        fill(report, "description", "Vierten aguas servidas aguas arriba del acueducto veredal");
        browser.findElement(By.id("issue-map")).click();
        assertThat(browser.findElement(By.id("report-lat")).getAttribute("value")).isNotBlank();
        // The map's centre may fall in a neighbour that is not a member: the place is Ocaña's centre.
        double[] ocana = jdbc.sql("select centroid_lat, centroid_lon from territorial_unit where country = 'CO' "
                + "and code = '54498' and valid_to is null").query((rs, n) -> new double[] {rs.getDouble(1),
                        rs.getDouble(2)}).single();
        browser.executeScript("document.getElementById('report-lat').value = arguments[0];"
                + "document.getElementById('report-lon').value = arguments[1];", String.valueOf(ocana[0]),
                String.valueOf(ocana[1]));
        browser.findElement(By.id("report-consent")).click();
        clickAndWait(By.cssSelector("form[action$='/report'] button[type=submit]"));
        waitFor("main", "Recibimos su reporte");
        long waterId = jdbc.sql("select id from territorial_issue where title = :t").param("t", water).query(Long.class).single();

        // The director publishes it; it appears on the public map.
        switchTo(director);
        browser.get(url("/participation/schemes/" + scheme));
        clickAndWait(By.cssSelector("#issue-" + waterId + " form[action$='/publish'] button"));
        waitFor("#issues", water);

        // A prioritisation by approval among Ocaña's registered citizens, over both issues.
        WebElement open = browser.findElement(By.cssSelector("form[action$='/prioritisations']"));
        fill(open, "title", "Prioridades de Ocaña 2026");
        new Select(browser.findElement(By.id("exercise-method"))).selectByValue("APPROVAL");
        fill(open, "units", "54498");
        browser.findElement(By.id("option-" + waterId)).click();
        browser.findElement(By.id("option-" + roadId)).click();
        clickAndWait(By.cssSelector("form[action$='/prioritisations'] button[type=submit]"));
        waitFor("h1", "Prioridades de Ocaña 2026");
        String exerciseUrl = browser.getCurrentUrl();
        long exercise = Long.parseLong(exerciseUrl.substring(exerciseUrl.lastIndexOf('/') + 1));
        long waterOption = jdbc.sql("select id from prioritisation_option where prioritisation_id = :p and issue_id = :i")
                .param("p", exercise).param("i", waterId).query(Long.class).single();

        // Beto's paper ballot, entered by the director.
        WebElement paper = browser.findElement(By.cssSelector("form[action$='/paper']"));
        fill(paper, "username", beto);
        browser.findElement(By.id("paper-approve-" + waterOption)).click();
        clickAndWait(By.cssSelector("form[action$='/paper'] button[type=submit]"));
        waitFor("#ballot-counts", "1 (0 en línea, 1 en papel)");

        // Ana verifies her account with the code sent to her, then votes online.
        switchTo(ana);
        browser.get(url("/participation/verify"));
        fill(browser.findElement(By.cssSelector("form[action$='/verify']")), "code", codes.lastCodeFor(ana).orElseThrow());
        clickAndWait(By.cssSelector("form[action$='/verify'] button[type=submit]"));
        waitFor("main", "Su cuenta está verificada");
        browser.get(url("/participation/prioritisations/" + exercise + "/vote"));
        browser.findElement(By.id("vote-approve-" + waterOption)).click();
        clickAndWait(By.cssSelector("form[action$='/vote'] button[type=submit]"));
        waitFor("main", "Su voto quedó registrado");

        // The director counts both and closes: the water issue wins.
        switchTo(director);
        browser.get(url(exerciseUrl.substring(exerciseUrl.indexOf("/participation"))));
        waitFor("#ballot-counts", "2 (1 en línea, 1 en papel)");
        clickAndWait(By.cssSelector("form[action$='/close'] button"));
        waitFor("#results tr.winner", water);
        assertThat(text("#explanation")).contains("aprobación");

        // It becomes an action of a CTT agreement, with a first progress update.
        browser.get(url("/participation/schemes/" + scheme));
        WebElement agreement = browser.findElement(By.cssSelector("form[action$='/agreements']"));
        fill(agreement, "title", "Acuerdo CTT por el agua de Ocaña");
        fill(agreement, "objective", "Descontaminar la quebrada La Tenería");
        clickAndWait(By.cssSelector("form[action$='/agreements'] button[type=submit]"));
        WebElement line = browser.findElement(By.cssSelector("form[action$='/lines']"));
        fill(line, "name", "Agua y saneamiento");
        clickAndWait(By.cssSelector("form[action$='/lines'] button[type=submit]"));
        new Select(browser.findElement(By.id("action-issueId"))).selectByValue(String.valueOf(waterId));
        WebElement action = browser.findElement(By.cssSelector("form[action$='/actions']"));
        fill(action, "title", "Planta de tratamiento de aguas residuales");
        fill(action, "responsible", "Empresa de servicios públicos de Ocaña");
        new Select(browser.findElement(By.id("action-level"))).selectByValue("MUNICIPAL");
        fill(action, "investment", "1.200.000.000");
        fill(action, "indicator", "Planta construida");
        fill(action, "target", "1");
        setDate("#action-startsOn", LocalDate.now());
        setDate("#action-endsOn", LocalDate.now().plusYears(1));
        clickAndWait(By.cssSelector("form[action$='/actions'] button[type=submit]"));
        waitFor("#lines", "Planta de tratamiento de aguas residuales");
        WebElement update = browser.findElement(By.cssSelector("form[action$='/updates']"));
        setDate("form[action$='/updates'] input[name=reportedOn]", LocalDate.now());
        fill(update, "progress", "35");
        fill(update, "note", "Diseños contratados");
        clickAndWait(By.cssSelector("form[action$='/updates'] button[type=submit]"));
        waitFor("#lines", "35,0 %");

        // Anyone, without an account, follows the issue from report to result.
        browser.manage().deleteAllCookies();
        browser.get(url("/public/participation/issues/" + waterId));
        assertThat(text("#issue-stage")).isEqualTo("En un acuerdo");
        String timeline = text("#timeline");
        assertThat(timeline).contains("Reportada", "Publicada tras revisión", "Priorizada", "Prioridades de Ocaña 2026 · 1 / 2",
                "Acción de un acuerdo", "Acuerdo CTT por el agua de Ocaña", "35 % · Diseños contratados");
        assertThat(timeline).doesNotContain("Ana Vecina");
        browser.get(url("/public/participation/issues?scheme=" + scheme));
        waitUpTo(15).until(d -> !d.findElements(By.cssSelector(".issue-marker, .issue-cluster")).isEmpty());
    }

    private void switchTo(String username) {
        browser.manage().deleteAllCookies();
        logIn(username, PASSWORD);
    }

    private void setDate(String css, LocalDate date) {
        browser.executeScript("arguments[0].value = arguments[1]", browser.findElement(By.cssSelector(css)),
                date.toString());
    }
}
