package org.minga.notifications.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.minga.identity.internal.LogVerificationSender;
import org.minga.participation.internal.TerritorialIssues;
import org.minga.support.BrowserTest;
import org.minga.support.TestData;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** A citizen's report is published; she signs in, sees the count in the header, reads the message and opens it. */
class InboxBrowserTest extends BrowserTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TerritorialIssues issues;
    @Autowired
    LogVerificationSender codes;

    @Test
    void theCitizensInboxShowsTheMessageOfHerPublishedReport() throws Exception {
        CitizenReports reports = new CitizenReports(mvc, jdbc, issues, codes);
        String ana = reports.citizen();
        String title = TestData.unique("Alcantarilla tapada");
        long issue = reports.report(ana, title);
        reports.publish(issue);

        logIn(ana, CitizenReports.PASSWORD);
        assertThat(text("#inbox-link")).isEqualTo("Mensajes (1)");
        clickAndWait(By.id("inbox-link"));
        assertThat(text("#inbox")).contains("Su reporte fue publicado: " + title).contains("Nuevo");
        org.minga.support.Browser.screenshot(browser, "InboxBrowserTest-inbox");

        clickAndWait(By.cssSelector("#inbox button"));
        assertThat(browser.getCurrentUrl()).endsWith("/public/participation/issues/" + issue);
        assertThat(text("#inbox-link")).isEqualTo("Mensajes (0)");
    }
}
