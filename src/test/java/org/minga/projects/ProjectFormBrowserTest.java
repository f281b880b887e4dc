package org.minga.projects;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.minga.support.ApiFixtures;
import org.minga.support.Axe;
import org.minga.support.Browser;
import org.minga.support.BrowserTest;
import org.minga.support.TerritoryFixtures;
import org.minga.support.TestData;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Issue 20, done-when (2): a scheme's staff registers a project by ticking three members by name,
 * drawing its location on the map and choosing its sector from the national catalogue, with no code
 * or GeoJSON typed; the project's page shows the members and the drawn shape. Then the same form on
 * a 360 px phone.
 */
class ProjectFormBrowserTest extends BrowserTest {

    static final String PASSWORD = "una-clave-larga-1";

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aProjectIsRegisteredByTickingMembersAndDrawingItsLocation() throws Exception {
        long scheme = schemeWithFourMembers();
        String staff = TestData.unique("tecnica");
        new ApiFixtures(mvc).user(staff, PASSWORD, "SCHEME_STAFF", scheme, null);
        String code = TestData.unique("VIA");

        logIn(staff, PASSWORD);
        browser.get(url("/projects/schemes/" + scheme));
        WebElement form = browser.findElement(By.cssSelector("form[method=post][action$='/projects/schemes/" + scheme + "']"));
        WebElement map = mapLoaded();
        assertThat(map.getAttribute("data-loaded")).isEqualTo("4");
        assertThat(Axe.seriousViolations(browser)).as("axe on the project form").isEmpty();

        fill(form, "code", code);
        fill(form, "name", "Placa huella Ocaña – Ábrego – Convención");
        new Select(form.findElement(By.name("sector"))).selectByVisibleText("24 Transporte");
        // Members by name with their department; Tibú is left out.
        for (String member : List.of("Ocaña", "Ábrego", "Convención")) {
            tick(form, member + " (Norte de Santander)");
        }
        browser.executeScript("arguments[0].scrollIntoView({block: 'center'})", map);
        button(form, "Polígono").click();
        new Actions(browser).moveToElement(map, -60, -40).click().perform();
        new Actions(browser).moveToElement(map, 60, -40).click().perform();
        new Actions(browser).moveToElement(map, 0, 50).click().perform();
        assertThat(text("#location-status")).startsWith("Polígono: 3 vértices.");
        button(form, "Terminar").click();
        assertThat(text("#location-status")).isEqualTo("Localización dibujada: polígono de 3 vértices.");
        Browser.screenshot(browser, getClass().getSimpleName() + "-drawn");
        // The GeoJSON is the advanced field's, folded away: nobody typed it.
        assertThat(form.findElement(By.name("location")).isDisplayed()).isFalse();

        clickAndWait(By.cssSelector("form[method=post][action$='/projects/schemes/" + scheme + "'] button[type=submit]"));
        waitFor("h1", "Placa huella Ocaña");
        assertThat(text("#beneficiaries")).contains("Ocaña", "Ábrego", "Convención").doesNotContain("Tibú");
        assertThat(text("dl.facts")).contains("Transporte");
        // The project's map: three boundaries and the drawn polygon on top.
        waitUpTo(15).until(ExpectedConditions.attributeToBe(By.id("project-map"), "data-loaded", "4"));
        assertThat(browser.findElements(By.cssSelector("#project-map path.project-location"))).hasSize(1);

        var stored = jdbc.sql("""
                select location->>'type' as type, jsonb_array_length(location->'coordinates'->0) as ring, sector,
                    (select string_agg(unit_code, ',' order by unit_code) from project_beneficiary b
                     where b.project_id = p.id) as units
                from project p where scheme_id = :s and code = :c
                """).param("s", scheme).param("c", code).query().singleRow();
        assertThat(stored.get("type")).isEqualTo("Polygon");
        assertThat(((Number) stored.get("ring")).intValue()).as("three vertices, the ring closed").isEqualTo(4);
        assertThat(stored.get("sector")).isEqualTo("Transporte");
        assertThat(stored.get("units")).isEqualTo("54003,54206,54498");
    }

    @Test
    void theFormWorksOnAPhoneOf360Pixels() throws Exception {
        long scheme = schemeWithFourMembers();
        String staff = TestData.unique("tecnico");
        new ApiFixtures(mvc).user(staff, PASSWORD, "SCHEME_STAFF", scheme, null);
        browser.manage().window().setSize(new Dimension(360, 800));

        logIn(staff, PASSWORD);
        browser.get(url("/projects/schemes/" + scheme));
        WebElement form = browser.findElement(By.cssSelector("form[method=post][action$='/projects/schemes/" + scheme + "']"));
        WebElement map = mapLoaded();
        Object overflow = browser.executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        assertThat(((Number) overflow).longValue()).as("no horizontal scroll").isLessThanOrEqualTo(0);
        assertThat(map.getSize().getWidth()).isBetween(200, 360);
        for (String name : List.of("Punto", "Línea", "Polígono", "Terminar", "Borrar")) {
            WebElement b = button(form, name);
            assertThat(b.isDisplayed()).as(name).isTrue();
            assertThat(b.getRect().getX() + b.getRect().getWidth()).as(name + " within the screen").isLessThanOrEqualTo(360);
        }
        // A line with the keyboard: Enter puts a vertex at the map's centre, the arrows move the map.
        browser.executeScript("arguments[0].scrollIntoView({block: 'center'})", map);
        button(form, "Línea").click();
        map.click();
        waitFor("#location-status", "Línea: 1 vértices");
        for (int n = 2; n <= 3; n++) {
            map.sendKeys(Keys.ARROW_DOWN);
            Thread.sleep(600); // the map's pan is animated
            map.sendKeys(Keys.ENTER);
            waitFor("#location-status", "Línea: " + n + " vértices");
        }
        button(form, "Terminar").click();
        assertThat(text("#location-status")).isEqualTo("Localización dibujada: línea de 3 vértices.");
        String geojson = (String) browser.executeScript("return document.querySelector('textarea[name=location]').value;");
        assertThat(geojson).startsWith("{\"type\":\"LineString\",\"coordinates\":[[");
        button(form, "Borrar").click();
        assertThat(text("#location-status")).isEqualTo("Sin localización dibujada.");
        assertThat((String) browser.executeScript("return document.querySelector('textarea[name=location]').value;"))
                .isEmpty();
    }

    private long schemeWithFourMembers() throws Exception {
        TerritoryFixtures.importAll(mvc, jdbc);
        ApiFixtures fixtures = new ApiFixtures(mvc);
        long scheme = fixtures.scheme(TestData.unique("Asociación del Catatumbo"));
        fixtures.members(scheme, "54498", "54003", "54206", "54810");
        return scheme;
    }

    private WebElement mapLoaded() {
        waitUpTo(15).until(ExpectedConditions.attributeToBeNotEmpty(browser.findElement(By.id("location-map")),
                "data-loaded"));
        return browser.findElement(By.id("location-map"));
    }

    private static WebElement button(WebElement form, String text) {
        return form.findElements(By.cssSelector(".draw-tools button")).stream()
                .filter(b -> b.getText().strip().equals(text)).findFirst().orElseThrow();
    }

    private static void tick(WebElement form, String label) {
        form.findElements(By.cssSelector("fieldset.choices label")).stream()
                .filter(l -> l.getText().strip().equals(label)).findFirst().orElseThrow()
                .findElement(By.cssSelector("input[type=checkbox]")).click();
    }
}
