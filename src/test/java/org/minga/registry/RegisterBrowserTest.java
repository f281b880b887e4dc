package org.minga.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.minga.support.Browser;
import org.minga.support.BrowserTest;
import org.minga.support.TerritoryFixtures;
import org.minga.support.TestData;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The register as a person uses it: an administrator registers a province, adds Ocaña and then Río
 * de Oro, reads the Spanish findings change, sees both on the map inside the perimeter, records
 * Ocaña's council authorisation with its PDF, and reads the timeline.
 */
class RegisterBrowserTest extends BrowserTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;

    @Test
    void registerAProvinceAddMembersSeeFindingsMapAndTimeline() throws Exception {
        TerritoryFixtures.importAll(mvc, jdbc);
        String name = TestData.unique("Provincia de Ocaña");
        logInAsAdmin();
        browser.get(url("/registry/schemes"));
        browser.findElement(By.id("name")).sendKeys(name);
        new Select(browser.findElement(By.id("country"))).selectByVisibleText("Colombia");
        new Select(browser.findElement(By.id("figure")))
                .selectByVisibleText("CO · Provincia administrativa y de planificación");
        clickAndWait(By.cssSelector("#new-scheme-form button[type=submit]"));
        assertThat(text("h1")).isEqualTo(name);

        addMember("54498");
        assertThat(text("#findings")).contains("Esta figura exige al menos 2 miembros y hay 1.");
        addMember("99999");
        assertThat(text("#unitCode-error")).isEqualTo("No existe la unidad territorial CO 99999 en la fecha 01/01/2020.");
        addMember("20614");
        assertThat(text("#findings")).doesNotContain("exige al menos")
                .contains("Los miembros deben ser de un mismo departamento y son de 2: Cesar (Río de Oro); "
                        + "Norte de Santander (Ocaña).");
        assertThat(text("table.members")).contains("Ocaña", "Río de Oro", "Norte de Santander");

        waitUpTo(30).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#scheme-map path[data-code='20614']")));
        assertThat(browser.findElements(By.cssSelector("#scheme-map path[data-code]"))).hasSize(2);
        assertThat(browser.findElements(By.cssSelector("#scheme-map path.scheme-outline"))).isNotEmpty();
        Browser.screenshot(browser, "register-scheme-members-map");

        // Ocaña's council authorisation, with its PDF: a file that is not a PDF is refused beside the field.
        Path notPdf = Files.createTempFile("foto", ".pdf");
        Files.write(notPdf, new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        Path pdf = Files.createTempFile("acuerdo-012", ".pdf");
        Files.write(pdf, LegalActTests.pdf());
        addCouncilAuthorisation(notPdf);
        assertThat(text("#act-document-error")).isEqualTo("El documento no es un PDF; adjunte el acto en formato PDF.");
        assertThat(browser.findElement(By.id("act-issuer")).getAttribute("value")).isEqualTo("Concejo Municipal de Ocaña");
        browser.findElement(By.id("act-document")).sendKeys(pdf.toAbsolutePath().toString());
        clickAndWait(By.cssSelector("#act-submit"));
        assertThat(text("[role=status]")).isEqualTo("Acto registrado.");
        WebElement act = browser.findElement(By.cssSelector("table.acts tbody tr"));
        assertThat(act.getText()).contains("Acuerdo del concejo", "012", "15/03/2024", "Concejo Municipal de Ocaña");
        assertThat(act.findElement(By.tagName("a")).getAttribute("href")).matches(".*/acts/\\d+/document");

        assertThat(text("ol.timeline")).contains("Ocaña (54498) ingresa", "Río de Oro (20614) ingresa",
                "Acuerdo del concejo 012 de 2024, Concejo Municipal de Ocaña", "Se registra " + name);
        Browser.screenshot(browser, "register-scheme-acts-timeline");
    }

    private void addCouncilAuthorisation(Path file) {
        new Select(browser.findElement(By.id("act-type"))).selectByValue("COUNCIL_AUTHORISATION");
        browser.findElement(By.id("act-number")).sendKeys("012");
        browser.executeScript("arguments[0].value = '2024-03-15'", browser.findElement(By.id("act-issuedOn")));
        browser.findElement(By.id("act-issuer")).sendKeys("Concejo Municipal de Ocaña");
        browser.findElement(By.id("act-unitCode")).sendKeys("54498");
        browser.findElement(By.id("act-document")).sendKeys(file.toAbsolutePath().toString());
        clickAndWait(By.cssSelector("#act-submit"));
    }

    private void addMember(String code) {
        WebElement unit = browser.findElement(By.id("unitCode"));
        unit.clear();
        unit.sendKeys(code);
        browser.executeScript("arguments[0].value = '2020-01-01'", browser.findElement(By.id("joinedOn")));
        // The form posts with htmx: a refusal replaces the form only, a success the whole page.
        WebElement form = browser.findElement(By.id("member-form"));
        browser.findElement(By.cssSelector("#member-form button[type=submit]")).click();
        waitUpTo(10).ignoring(org.openqa.selenium.WebDriverException.class)
                .until(ExpectedConditions.stalenessOf(form));
    }

}
