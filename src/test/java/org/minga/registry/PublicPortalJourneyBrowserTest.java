package org.minga.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.minga.support.Axe;
import org.minga.support.Csv;
import org.minga.support.LivingDemoBrowserTest;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * PublicPortalJourney (issue 17): an anonymous visitor on the living demo opens {@code /}, finds
 * Asomunicipios by name, opens its profile, chooses a date and sees its 16 members on the map and in
 * the list, opens a legal act's PDF and a project's progress page, then follows "Observatorio",
 * chooses a date, reads a chart beside its table and downloads that table as CSV. axe-core finds no
 * serious violation on any page.
 */
class PublicPortalJourneyBrowserTest extends LivingDemoBrowserTest {

    @Test
    void anAnonymousVisitorFindsAsomunicipiosAndReadsItsPublicRegister() throws Exception {
        browser.manage().deleteAllCookies();
        browser.get(url("/"));
        assertThat(text("h1")).contains("Registro público");
        assertNoSeriousViolations("/");
        // The national map enhances the list: every demo scheme drawn, coloured by its status.
        waitUpTo(30).until(d -> d.findElement(By.id("national-map")).getAttribute("data-loaded") != null);
        assertThat(browser.findElements(By.cssSelector("#national-map path.scheme-status-ACTIVE"))).hasSizeGreaterThanOrEqualTo(6);

        WebElement search = browser.findElement(By.id("public-search"));
        fill(search, "q", "asomunicipios");
        clickAndWait(By.cssSelector("#public-search button[type=submit]"));
        assertThat(browser.findElements(By.cssSelector("#public-schemes tbody tr"))).hasSize(1);
        clickAndWait(By.linkText("Asociación de Municipios del Catatumbo, Provincia de Ocaña y Sur del Cesar"));

        long id = schemeId("ASOMUNICIPIOS");
        assertThat(browser.getCurrentUrl()).endsWith("/public/schemes/" + id);
        assertThat(text("#figure")).contains("Asociación de municipios");
        assertNoSeriousViolations("profile");

        // A chosen date: the 16 founders, on the map and in the list.
        ((JavascriptExecutor) browser).executeScript("document.getElementById('on').value = '2010-06-30'");
        clickAndWait(By.cssSelector("#members-on button[type=submit]"));
        assertThat(browser.getCurrentUrl()).contains("on=2010-06-30");
        assertThat(text("#members-count")).startsWith("16 miembros el 30/06/2010");
        assertThat(browser.findElements(By.cssSelector("#public-members tbody tr[data-code]"))).hasSize(16);
        waitUpTo(30).until(d -> d.findElement(By.id("scheme-map")).getAttribute("data-loaded") != null);
        assertThat(browser.findElement(By.id("scheme-map")).getAttribute("data-loaded")).isEqualTo("16");
        assertThat(browser.findElements(By.cssSelector("#scheme-map path[data-code]"))).hasSize(16);
        assertNoSeriousViolations("profile on a date");

        // The constitution act's PDF, as the link serves it to anyone.
        String pdf = browser.findElement(By.cssSelector("a.act-pdf")).getAttribute("href");
        HttpResponse<byte[]> document = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(pdf)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(document.statusCode()).isEqualTo(200);
        assertThat(document.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(new String(Arrays.copyOf(document.body(), 5), StandardCharsets.US_ASCII)).isEqualTo("%PDF-");

        // A project's honest progress, on its public page.
        clickAndWait(By.cssSelector("#part-public-part-projects a[href*='/public/projects/']"));
        assertThat(browser.getCurrentUrl()).contains("/public/projects/");
        assertThat(text("#reports")).contains("%");
        assertNoSeriousViolations("project");

        // Back home, then the observatory: another date with the plain form, a chart beside its
        // table, and the same table downloaded as CSV.
        browser.get(url("/"));
        clickAndWait(By.linkText("Observatorio"));
        assertThat(browser.getCurrentUrl()).endsWith("/public/observatory");
        assertThat(text("h1")).isEqualTo("Observatorio de la asociatividad");
        new Select(browser.findElement(By.id("o-country"))).selectByValue("CO");
        browser.executeScript("document.getElementById('o-at').value = '2021-01-01'");
        clickAndWait(By.cssSelector("#observatory-form button[type=submit]"));
        assertThat(browser.getCurrentUrl()).contains("at=2021-01-01");
        WebElement section = browser.findElement(By.id("table-members-per-scheme"));
        assertThat(section.findElements(By.cssSelector("svg[role=img] rect"))).isNotEmpty();
        List<List<String>> onPage = new ArrayList<>();
        for (WebElement tr : section.findElements(By.cssSelector("table tbody tr"))) {
            onPage.add(tr.findElements(By.cssSelector("th, td")).stream().map(c -> c.getText().strip()).toList());
        }
        assertThat(onPage).isNotEmpty();
        assertNoSeriousViolations("observatory");

        String href = section.findElement(By.cssSelector("a[data-csv]")).getAttribute("href");
        HttpResponse<String> csv = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(href)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/csv"));
        List<List<String>> records = Csv.records(csv.body().substring(1));
        assertThat(records.get(0)).startsWith("clave", "nombre");
        assertThat(records.subList(1, records.size()).stream().map(r -> r.subList(1, r.size())).toList())
                .isEqualTo(onPage);
    }

    private void assertNoSeriousViolations(String page) {
        assertThat(Axe.seriousViolations(browser)).as("axe on " + page).isEmpty();
    }
}
