package org.minga.territory;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.minga.support.Browser;
import org.minga.support.BrowserTest;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * An administrator imports Colombia's boundaries from the admin page, watching the progress bar;
 * then on the map opens Norte de Santander, then Ocaña, and finds Ábrego among its neighbours.
 */
class TerritoryMapBrowserTest extends BrowserTest {

    @Test
    void importOpenTheMapDrillDownToOcanaAndSeeItsNeighbours() {
        logInAsAdmin();

        importFile("co-mgn2018-departamentos.geojson", "Colombia: departamentos (MGN del DANE)");
        importFile("co-mgn2018-municipios.geojson", "Colombia: municipios (MGN del DANE)");

        browser.findElement(By.linkText("Territorio")).click();
        WebElement norte = waitUpTo(30).until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#map path[data-code='54']")));
        norte.sendKeys(Keys.ENTER);
        waitUpTo(30).until(ExpectedConditions.textToBe(By.id("map-status"), "Norte de Santander"));
        WebElement ocana = waitUpTo(30).until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#map path[data-code='54498']")));
        Browser.screenshot(browser, "territory-map-norte-de-santander");
        ocana.sendKeys(Keys.ENTER);

        waitUpTo(30).until(ExpectedConditions.textToBe(By.tagName("h1"), "Ocaña"));
        assertThat(browser.findElement(By.cssSelector("ul.neighbours")).getText()).contains("Ábrego");
        assertThat(browser.findElement(By.cssSelector("dl.facts")).getText()).contains("Norte de Santander");
    }

    private void importFile(String name, String source) {
        browser.get(url("/admin/territory/imports"));
        new Select(browser.findElement(By.id("source"))).selectByVisibleText(source);
        browser.findElement(By.id("file")).sendKeys(org.minga.support.TerritoryFixtures.file(name)
                .normalize().toString());
        browser.findElement(By.cssSelector("main form button[type=submit]")).click();
        // htmx replaces the progress block every second until the job ends: read it again when it goes stale.
        waitUpTo(10).ignoring(WebDriverException.class).until(d -> d.findElement(By.tagName("progress")).isDisplayed());
        waitUpTo(120).ignoring(WebDriverException.class)
                .until(ExpectedConditions.textToBe(By.cssSelector("#job-progress strong"), "Terminado"));
        assertThat(browser.findElement(By.tagName("progress")).getAttribute("value")).isEqualTo("100");
    }
}
