package org.minga.fiscal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.minga.support.ApiFixtures;
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
 * The property tax as a cadastre manager uses it: opens Ocaña's 2023 page from the scheme, loads a
 * small cadastre, is refused a rate above the national ceiling, sets the rates, liquidates, opens a
 * parcel and reads why its tax was limited, then simulates a rural cadastral update (+40 %) and
 * compares it with the official liquidation.
 */
class PropertyTaxBrowserTest extends BrowserTest {

    static final String PASSWORD = "una-clave-larga-1";
    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;

    @Test
    void importConfigureLiquidateExplainAndSimulate() throws Exception {
        TerritoryFixtures.importAll(mvc, jdbc);
        ApiFixtures fixtures = new ApiFixtures(mvc);
        long scheme = fixtures.scheme(TestData.unique("Gestor catastral"));
        fixtures.members(scheme, "54498");
        String manager = TestData.unique("gestora");
        fixtures.user(manager, PASSWORD, "SCHEME_ADMIN", scheme, null);
        Path csv = Files.createTempFile("catastro-ocana", ".csv");
        csv.toFile().deleteOnExit();
        Files.writeString(csv, FiscalTests.smallCadastre(), StandardCharsets.UTF_8);

        logIn(manager);
        browser.get(url("/fiscal"));
        clickAndWait(By.linkText(jdbc.sql("select name from scheme where id = :id").param("id", scheme)
                .query(String.class).single()));
        // The member is chosen by name (issue 20: no DIVIPOLA code to know).
        new Select(browser.findElement(By.id("municipality"))).selectByVisibleText("Ocaña (54498)");
        browser.findElement(By.id("year")).sendKeys("2023");
        clickAndWait(By.cssSelector("form[action$='/open'] button[type=submit]"));
        assertThat(text("h1")).contains("2023");
        String yearPage = browser.getCurrentUrl();

        // Load the cadastre: the job page follows the import; then the page shows 5 parcels.
        browser.findElement(By.id("cadastre-file")).sendKeys(csv.toAbsolutePath().toString());
        clickAndWait(By.id("cadastre-submit"));
        waitLong("#job-progress", "100 %");
        browser.get(yearPage);
        assertThat(text("#cadastre-status")).contains("5 predios");

        // A general rate of 17 per mil is above the national ceiling: refused in Spanish, nothing saved.
        rate("", "", "17");
        assertThat(text("#errors")).contains("La tarifa debe estar entre 5 y 16 por mil").contains("Ley 1450 de 2011");
        assertThat(browser.findElements(By.cssSelector("#rates-table tbody tr"))).hasSize(1);
        rate("", "", "10");
        rate("R", "", "7");
        rate("U", "A", "6");
        rate("", "Q", "30");
        assertThat(browser.findElements(By.cssSelector("#rates-table tbody tr"))).hasSize(4);

        // Liquidate; open the official run and parcel 1, whose tax the housing limit lowered.
        clickAndWait(By.id("liquidate"));
        waitLong("#job-progress", "100 %");
        browser.get(yearPage);
        clickAndWait(By.cssSelector("#liquidations a[data-kind=OFFICIAL]"));
        assertThat(text("#total-final")).isEqualTo("$5.032.400");
        browser.findElement(By.id("number")).sendKeys(FiscalTests.number(1));
        clickAndWait(By.id("find-parcel"));
        assertThat(text("#before")).isEqualTo("$600.000");
        assertThat(text("#final")).isEqualTo("$565.600");
        assertThat(text("#why")).contains("Impuesto limitado").contains("estratos 1 y 2")
                .contains("Ley 1995 de 2019, art. 2").contains("El tope es $565.600,00").contains("$34.400");

        // Simulate a rural update (+40 %) and compare it with the official liquidation.
        browser.get(yearPage);
        WebElement sim = browser.findElement(By.id("simulation-form"));
        sim.findElement(By.id("sim-name")).sendKeys("Actualización rural");
        WebElement rural = sim.findElement(By.id("ruralValuePercent"));
        rural.clear();
        rural.sendKeys("140");
        clickAndWait(By.id("simulate"));
        waitLong("#job-progress", "100 %");
        browser.get(yearPage);
        clickAndWait(By.cssSelector("#liquidations a[data-kind=SIMULATION]"));
        assertThat(text("h1")).contains("Actualización rural");
        assertThat(text("#official-final")).isEqualTo("$5.032.400");
        // Parcel 3 now 121,120 instead of 150,000: 5,032,400 − 28,880 = 5,003,520.
        assertThat(text("#total-final")).isEqualTo("$5.003.520");
        String ruralRow = text("table[data-dimension=ZONE] tbody tr:nth-child(1)");
        assertThat(ruralRow).startsWith("Rural").contains("$121.120").endsWith("$150.000");
    }

    /** Sends the rate form; a refused form comes back alone (htmx), a saved one reloads the page. */
    private void rate(String zone, String destination, String perMil) {
        WebElement form = browser.findElement(By.id("rate-form"));
        new Select(form.findElement(By.id("zone"))).selectByValue(zone);
        new Select(form.findElement(By.id("destination"))).selectByValue(destination);
        fill(form, "ratePerMil", perMil);
        form.findElement(By.id("rate-submit")).click();
        waitUpTo(10).ignoring(org.openqa.selenium.WebDriverException.class).until(ExpectedConditions.stalenessOf(form));
    }

    /** As {@code waitFor}, a little longer: liquidations and imports run as background jobs. */
    private void waitLong(String css, String text) {
        waitUpTo(30).ignoring(org.openqa.selenium.WebDriverException.class)
                .until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(css), text));
    }

    private void logIn(String username) {
        logIn(username, PASSWORD);
    }
}
