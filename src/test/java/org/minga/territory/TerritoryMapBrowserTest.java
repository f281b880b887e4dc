package org.minga.territory;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.minga.support.Browser;
import org.minga.support.IntegrationTest;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * An administrator imports Colombia's boundaries from the admin page, watching the progress bar;
 * then on the map opens Norte de Santander, then Ocaña, and finds Ábrego among its neighbours.
 */
@IntegrationTest
class TerritoryMapBrowserTest {

    @LocalServerPort
    int port;
    ChromeDriver browser;

    @BeforeEach
    void open() throws Exception {
        browser = Browser.start();
    }

    @AfterEach
    void close() {
        if (browser != null) {
            Browser.screenshot(browser, "territory-map-last");
            browser.quit();
        }
    }

    @Test
    void importOpenTheMapDrillDownToOcanaAndSeeItsNeighbours() {
        browser.get(url("/login"));
        browser.findElement(By.id("username")).sendKeys("admin");
        browser.findElement(By.id("password")).sendKeys(IntegrationTest.ADMIN_PASSWORD);
        browser.findElement(By.cssSelector("form button[type=submit]")).click();

        importFile("co-mgn2018-departamentos.geojson", "Colombia: departamentos (MGN del DANE)");
        importFile("co-mgn2018-municipios.geojson", "Colombia: municipios (MGN del DANE)");

        browser.findElement(By.linkText("Territorio")).click();
        WebElement norte = wait(30).until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#map path[data-code='54']")));
        norte.sendKeys(Keys.ENTER);
        wait(30).until(ExpectedConditions.textToBe(By.id("map-status"), "Norte de Santander"));
        WebElement ocana = wait(30).until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#map path[data-code='54498']")));
        Browser.screenshot(browser, "territory-map-norte-de-santander");
        ocana.sendKeys(Keys.ENTER);

        wait(30).until(ExpectedConditions.textToBe(By.tagName("h1"), "Ocaña"));
        assertThat(browser.findElement(By.cssSelector("ul.neighbours")).getText()).contains("Ábrego");
        assertThat(browser.findElement(By.cssSelector("dl.facts")).getText()).contains("Norte de Santander");
    }

    private void importFile(String name, String source) {
        browser.get(url("/admin/territory/imports"));
        new Select(browser.findElement(By.id("source"))).selectByVisibleText(source);
        browser.findElement(By.id("file")).sendKeys(TerritoryImportTests.DATA.resolve(name).toAbsolutePath()
                .normalize().toString());
        browser.findElement(By.cssSelector("main form button[type=submit]")).click();
        assertThat(browser.findElement(By.tagName("progress")).isDisplayed()).isTrue();
        wait(120).until(ExpectedConditions.textToBe(By.cssSelector("#job-progress strong"), "Terminado"));
        assertThat(browser.findElement(By.tagName("progress")).getAttribute("value")).isEqualTo("100");
    }

    private WebDriverWait wait(int seconds) {
        return new WebDriverWait(browser, Duration.ofSeconds(seconds));
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
