package org.minga.notifications.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;

import com.jayway.jsonpath.JsonPath;

import org.junit.jupiter.api.Test;
import org.minga.identity.internal.LogVerificationSender;
import org.minga.participation.internal.TerritorialIssues;
import org.minga.support.Axe;
import org.minga.support.BrowserTest;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A director signs in and finds on the desk a permit past its due date, a board term ending in 30 days
 * and an overdue quota; each link leads where it is handled; an ended seat leaves the desk. Then the
 * same desk at a phone's width has no horizontal scroll.
 */
class DeskBrowserTest extends BrowserTest {

    static final String PASSWORD = CitizenReports.PASSWORD;
    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TerritorialIssues issues;
    @Autowired
    LogVerificationSender codes;

    @Test
    void aDirectorOpensEachItemFromTheDeskAndAHandledOneIsGone() throws Exception {
        CitizenReports reports = new CitizenReports(mvc, jdbc, issues, codes);
        long scheme = reports.scheme;
        String director = reports.director;
        LocalDate today = LocalDate.now();

        // A permit whose due date is behind us.
        String services = "/api/v1/services/schemes/" + scheme;
        long line = id(api(director, services + "/lines",
                "{\"type\":\"LAND_USE_PERMITS\",\"name\":\"Licencias\",\"currency\":\"COP\"}"));
        long type = id(api(director, services + "/case-types/permit", "{\"serviceLineId\":" + line + "}"));
        long permit = id(api(director, services + "/cases", "{\"caseTypeId\":" + type
                + ",\"applicantName\":\"José Ayala\",\"unitCode\":\"54498\",\"subject\":\"Lotificación\"}"));
        jdbc.sql("update service_case set due_on = current_date - 3 where id = :id").param("id", permit).update();
        // A board term ending in 30 days.
        String bodies = "/api/v1/registry/schemes/" + scheme + "/bodies";
        long board = id(api(director, bodies, "{\"kind\":\"BOARD\",\"name\":\"Junta Directiva\"}"));
        long seat = id(api(director, bodies + "/" + board + "/seats", "{\"personName\":\"María Pérez\","
                + "\"role\":\"PRESIDENT\",\"unitCode\":\"54498\",\"termStart\":\"" + today.minusYears(2)
                + "\",\"termEnd\":\"" + today.plusDays(30) + "\"}"));
        // The 2024 quota, unpaid.
        String finance = "/api/v1/finance/schemes/" + scheme;
        long rule = id(api(director, finance + "/rules", """
                {"year":2024,"name":"Cuota anual","kind":"FIXED","amount":1200000.00,"percent":null,
                 "periodicity":"YEARLY","currency":"COP","dueDay":10,"members":["54498","54003"]}"""));
        mvc.perform(post(finance + "/rules/" + rule + "/obligations").with(httpBasic(director, PASSWORD)))
                .andExpect(status().isOk());

        logIn(director, PASSWORD);
        assertThat(text("h1")).isEqualTo("Mi escritorio");
        assertThat(text("#desk-services-overdue")).contains("Trámites vencidos").contains("1 trámites vencidos en");
        assertThat(text("#desk-registry-terms")).contains("1 periodos en órganos de gobierno terminan");
        assertThat(text("#desk-finance-arrears")).contains("2 aportes vencidos sin pagar en");
        assertThat(Axe.seriousViolations(browser)).as("axe on the desk").isEmpty();

        opens("#desk-services-overdue a", "/services/schemes/" + scheme);
        clickAndWait(By.cssSelector("#desk-registry-terms a"));
        assertThat(browser.getCurrentUrl()).endsWith("/registry/schemes/" + scheme);
        assertThat(text("#bodies")).contains("María Pérez");
        browser.get(url("/"));
        opens("#desk-finance-arrears a", "/finance/schemes/" + scheme);

        // The seat is ended (the register's API is where seats end); back on the desk, the term is gone.
        mvc.perform(post(bodies + "/" + board + "/seats/" + seat + "/end").with(httpBasic(director, PASSWORD))
                .contentType(MediaType.APPLICATION_JSON).content("{\"endedOn\":\"" + today + "\"}"))
                .andExpect(status().isOk());
        browser.get(url("/"));
        assertThat(text("h1")).isEqualTo("Mi escritorio");
        assertThat(browser.findElements(By.id("desk-registry-terms"))).isEmpty();
        assertThat(browser.findElements(By.id("desk-finance-arrears"))).hasSize(1);

        // On a phone.
        browser.manage().window().setSize(new Dimension(390, 844));
        browser.get(url("/"));
        assertThat(text("h1")).isEqualTo("Mi escritorio");
        Object overflow = browser.executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        assertThat(((Number) overflow).longValue()).isLessThanOrEqualTo(0);
    }

    /** Follows the desk's link, lands where the item is handled, and comes back to the desk. */
    private void opens(String link, String path) {
        clickAndWait(By.cssSelector(link));
        assertThat(browser.getCurrentUrl()).endsWith(path);
        browser.get(url("/"));
    }

    private String api(String user, String path, String json) throws Exception {
        return mvc.perform(post(path).with(httpBasic(user, PASSWORD)).contentType(MediaType.APPLICATION_JSON)
                .content(json)).andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
    }

    private static long id(String json) {
        return ((Number) JsonPath.read(json, "$.id")).longValue();
    }
}
