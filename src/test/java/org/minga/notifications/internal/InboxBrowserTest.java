package org.minga.notifications.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.minga.identity.internal.LogVerificationSender;
import org.minga.participation.internal.TerritorialIssues;
import org.minga.support.BrowserTest;
import org.minga.support.TestData;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A citizen's report is published: the e-mail reaches her (read from a real SMTP server in this JVM);
 * she signs in, sees the count in the header, reads the same message in her inbox and opens it.
 */
class InboxBrowserTest extends BrowserTest {

    static final GreenMail SMTP = new GreenMail(ServerSetupTest.SMTP.dynamicPort());

    static {
        SMTP.start();
    }

    @DynamicPropertySource
    static void mail(DynamicPropertyRegistry registry) {
        registry.add("minga.mail.host", () -> "127.0.0.1");
        registry.add("minga.mail.port", () -> SMTP.getSmtp().getPort());
        registry.add("minga.mail.from", () -> "minga@esquema.co");
    }

    @AfterAll
    static void stop() {
        SMTP.stop();
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TerritorialIssues issues;
    @Autowired
    LogVerificationSender codes;
    @Autowired
    SendJob send;

    @Test
    void theCitizenReceivesTheEmailOfHerPublishedReportAndReadsItInHerInbox() throws Exception {
        CitizenReports reports = new CitizenReports(mvc, jdbc, issues, codes);
        String ana = reports.citizen();
        String title = TestData.unique("Alcantarilla tapada");
        long issue = reports.report(ana, title);
        reports.publish(issue);

        // This node does the send job's work (as MailDeliveryTests explains: another context shares the queue).
        send.run(new SendJob.Batch(), (percent, message) -> { });
        MimeMessage mail = Arrays.stream(SMTP.getReceivedMessages()).filter(m -> to(m).equals(ana + "@correo.co"))
                .findFirst().orElseThrow();
        assertThat(mail.getSubject()).isEqualTo("Su reporte fue publicado: " + title);
        assertThat(GreenMailUtil.getBody(mail)).contains("/public/participation/issues/" + issue);

        logIn(ana, CitizenReports.PASSWORD);
        assertThat(text("#inbox-link")).isEqualTo("Mensajes (1)");
        clickAndWait(By.id("inbox-link"));
        assertThat(text("#inbox")).contains("Su reporte fue publicado: " + title).contains("Nuevo");
        org.minga.support.Browser.screenshot(browser, "InboxBrowserTest-inbox");

        clickAndWait(By.cssSelector("#inbox button"));
        assertThat(browser.getCurrentUrl()).endsWith("/public/participation/issues/" + issue);
        assertThat(text("#inbox-link")).isEqualTo("Mensajes (0)");
    }

    private static String to(MimeMessage message) {
        try {
            return message.getAllRecipients()[0].toString();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
