package org.minga.services;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;

import org.junit.jupiter.api.Test;
import org.minga.support.Axe;
import org.minga.support.BrowserTest;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A director assigns a case to a staff member by name on the case page; the staff member signs in,
 * finds it on the desk as assigned to them, opens it from there and has the notice in the inbox.
 */
class CaseAssignmentBrowserTest extends BrowserTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aDirectorAssignsACaseAndTheStaffMemberFindsItOnTheDesk() throws Exception {
        ServiceFixtures f = new ServiceFixtures(mvc, "Asignación en el navegador");
        f.members(jdbc, "D090");
        jdbc.sql("update app_user set full_name = 'Laura Gómez (inventada)' where username = :u").param("u", f.staff).update();
        long line = f.line("LAND_USE_PERMITS", "OPLAGEST", "USD");
        String type = f.as(f.director, post(f.base + "/case-types/permit"), "{\"serviceLineId\":" + line + "}")
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        String opened = f.as(f.director, post(f.base + "/cases"), "{\"caseTypeId\":" + JsonPath.read(type, "$.id")
                + ",\"applicantName\":\"José Ayala\",\"unitCode\":\"D090\",\"subject\":\"Lotificación El Llano\"}")
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        long caseId = ((Number) JsonPath.read(opened, "$.id")).longValue();
        String number = JsonPath.read(opened, "$.number");
        String casePath = "/services/schemes/" + f.scheme + "/cases/" + caseId;

        logIn(f.director, ServiceFixtures.PASSWORD);
        browser.get(url(casePath));
        assertThat(text("#case-assignee")).isEqualTo("Nadie todavía");
        var form = browser.findElement(By.cssSelector("#assignment form"));
        new Select(form.findElement(By.name("assigneeId"))).selectByVisibleText("Laura Gómez (inventada)");
        form.findElement(By.cssSelector("button[type=submit]")).click();
        waitFor("#case-assignee", "Laura Gómez (inventada)");
        assertThat(text("#assignment")).contains("la persona ya recibió el aviso");
        assertThat(Axe.seriousViolations(browser)).as("axe on the case page").isEmpty();

        // Days pass: the case is due in two days.
        jdbc.sql("update service_case set due_on = current_date + 2 where id = :id").param("id", caseId).update();

        browser.manage().deleteAllCookies();
        logIn(f.staff, ServiceFixtures.PASSWORD);
        assertThat(text("h1")).isEqualTo("Mi escritorio");
        assertThat(text("#desk-services-assigned-dueSoon")).contains("Casos asignados a mí")
                .contains("1 trámites asignados a usted vencen en los próximos 7 días");
        clickAndWait(By.cssSelector("#desk-services-assigned-dueSoon a"));
        assertThat(browser.getCurrentUrl()).endsWith("/services/schemes/" + f.scheme + "?mine=true");
        clickAndWait(By.linkText(number));
        assertThat(browser.getCurrentUrl()).endsWith(casePath);
        assertThat(text("#case-assignee")).isEqualTo("Laura Gómez (inventada)");

        browser.get(url("/inbox"));
        assertThat(text("main")).contains("Se le asignó un trámite: " + number + " — Lotificación El Llano");
    }
}
