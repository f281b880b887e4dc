package org.minga.registry;

import static org.assertj.core.api.Assertions.assertThat;

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
 * de Oro, reads the Spanish findings change, sees both on the map inside the perimeter, and reads
 * the timeline.
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
        browser.findElement(By.cssSelector("#new-scheme-form button[type=submit]")).click();
        assertThat(text("h1")).isEqualTo(name);

        addMember("54498");
        assertThat(text("#findings")).contains("Esta figura exige al menos 2 miembros y hay 1.");
        addMember("99999");
        assertThat(text("#unitCode-error")).isEqualTo("No existe la unidad territorial CO 99999 en la fecha 2020-01-01.");
        addMember("20614");
        assertThat(text("#findings")).doesNotContain("exige al menos")
                .contains("Los miembros deben ser de un mismo departamento y son de 2: Cesar (Río de Oro); "
                        + "Norte de Santander (Ocaña).");
        assertThat(text("table.members")).contains("Ocaña", "Río de Oro", "Norte de Santander");

        waitUpTo(30).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#scheme-map path[data-code='20614']")));
        assertThat(browser.findElements(By.cssSelector("#scheme-map path[data-code]"))).hasSize(2);
        assertThat(browser.findElements(By.cssSelector("#scheme-map path.scheme-outline"))).isNotEmpty();
        Browser.screenshot(browser, "register-scheme-members-map");

        assertThat(text("ol.timeline")).contains("Ocaña (54498) ingresa", "Río de Oro (20614) ingresa",
                "Se registra " + name);
    }

    private void addMember(String code) {
        WebElement unit = browser.findElement(By.id("unitCode"));
        unit.clear();
        unit.sendKeys(code);
        browser.executeScript("arguments[0].value = '2020-01-01'", browser.findElement(By.id("joinedOn")));
        browser.findElement(By.cssSelector("#member-form button[type=submit]")).click();
    }

    private String text(String css) {
        return browser.findElement(By.cssSelector(css)).getText();
    }
}
