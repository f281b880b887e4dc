package org.minga.observatory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.minga.support.Axe;
import org.minga.support.Browser;
import org.minga.support.BrowserTest;
import org.minga.support.IntegrationTest;
import org.minga.support.TerritoryFixtures;
import org.minga.support.TestData;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import com.jayway.jsonpath.JsonPath;

/**
 * The observatory as an anonymous visitor uses it: opens it, chooses another date with the plain
 * form, sees a chart beside its table, downloads that table as CSV and finds the same rows; axe-core
 * finds no serious violation.
 */
class ObservatoryBrowserTest extends BrowserTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;

    @Test
    void anAnonymousVisitorChangesTheDateReadsAChartAndDownloadsItsTable() throws Exception {
        TerritoryFixtures.importAll(mvc, jdbc);
        long scheme = scheme(TestData.unique("Observatorio navegador"));
        join(scheme, "54498");
        join(scheme, "54003");

        browser.get(url("/public/observatory"));
        assertThat(text("h1")).isEqualTo("Observatorio de la asociatividad");
        assertThat(browser.findElement(By.cssSelector("meta[name=description]")).getAttribute("content"))
                .contains("asociatividad");
        new Select(browser.findElement(By.id("o-country"))).selectByValue("CO");
        WebElement date = browser.findElement(By.id("o-at"));
        browser.executeScript("arguments[0].value = '2021-01-01'", date);
        clickAndWait(By.cssSelector("#observatory-form button[type=submit]"));
        assertThat(browser.getCurrentUrl()).contains("at=2021-01-01");
        assertThat(browser.findElement(By.id("o-at")).getAttribute("value")).isEqualTo("2021-01-01");

        WebElement section = browser.findElement(By.id("table-members-per-scheme"));
        assertThat(section.findElements(By.cssSelector("svg[role=img] rect"))).isNotEmpty();
        List<List<String>> onPage = new ArrayList<>();
        for (WebElement tr : section.findElements(By.cssSelector("table tbody tr"))) {
            List<String> cells = new ArrayList<>();
            for (WebElement cell : tr.findElements(By.cssSelector("th, td"))) {
                cells.add(cell.getText().strip());
            }
            onPage.add(cells);
        }
        assertThat(onPage).isNotEmpty();
        Browser.screenshot(browser, "observatory-2021");

        String href = section.findElement(By.cssSelector("a[data-csv]")).getAttribute("href");
        HttpResponse<String> csv = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(href)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/csv"));
        List<List<String>> records = Csv.records(csv.body().substring(1));
        assertThat(records.get(0)).startsWith("clave", "nombre");
        List<List<String>> inFile = records.subList(1, records.size()).stream()
                .map(r -> r.subList(1, r.size())).toList();
        assertThat(inFile).isEqualTo(onPage);

        assertThat(Axe.seriousViolations(browser)).isEmpty();
    }

    private long scheme(String name) throws Exception {
        String body = mvc.perform(post("/api/v1/registry/schemes").with(httpBasic("admin", IntegrationTest.ADMIN_PASSWORD))
                .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"" + name
                        + "\",\"country\":\"CO\",\"figure\":\"ASOCIACION_MUNICIPIOS\"}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return ((Number) JsonPath.read(body, "$.id")).longValue();
    }

    private void join(long scheme, String code) throws Exception {
        mvc.perform(post("/api/v1/registry/schemes/" + scheme + "/members")
                .with(httpBasic("admin", IntegrationTest.ADMIN_PASSWORD)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"unitCode\":\"" + code + "\",\"joinedOn\":\"2020-01-01\"}")).andExpect(status().isCreated());
    }
}
