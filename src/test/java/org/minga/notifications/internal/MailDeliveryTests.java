package org.minga.notifications.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;

import java.util.Arrays;

import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.minga.identity.internal.LogVerificationSender;
import org.minga.participation.internal.TerritorialIssues;
import org.minga.support.IntegrationTest;
import org.minga.support.TestData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * With SMTP configured (a real SMTP server in this JVM): a citizen whose report is published receives
 * the e-mail, in their language, with one-click unsubscribe headers, and sees it in the inbox.
 */
@IntegrationTest
class MailDeliveryTests {

    static final GreenMail SMTP = new GreenMail(ServerSetupTest.SMTP.dynamicPort());

    static {
        SMTP.start();
    }

    @DynamicPropertySource
    static void mail(DynamicPropertyRegistry registry) {
        registry.add("minga.mail.host", () -> "127.0.0.1");
        registry.add("minga.mail.port", () -> SMTP.getSmtp().getPort());
        registry.add("minga.mail.from", () -> "minga@esquema.co");
        registry.add("minga.mail.site-url", () -> "https://minga.esquema.co");
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
    void aCitizenWhoseReportIsPublishedReceivesTheEmailAndSeesItInTheInbox() throws Exception {
        CitizenReports reports = new CitizenReports(mvc, jdbc, issues, codes);
        String ana = reports.citizen();
        String title = TestData.unique("Quebrada contaminada");
        reports.publish(reports.report(ana, title));

        sendDue();

        MimeMessage mail = Arrays.stream(SMTP.getReceivedMessages()).filter(m -> to(m).equals(ana + "@correo.co"))
                .findFirst().orElseThrow();
        assertThat(mail.getSubject()).isEqualTo("Su reporte fue publicado: " + title);
        assertThat(mail.getFrom()[0].toString()).isEqualTo("minga@esquema.co");
        String body = GreenMailUtil.getBody(mail);
        assertThat(body).contains("https://minga.esquema.co/public/participation/issues/");
        assertThat(mail.getHeader("List-Unsubscribe")[0])
                .startsWith("<https://minga.esquema.co/public/notifications/unsubscribe?token=");
        assertThat(mail.getHeader("List-Unsubscribe-Post")[0]).isEqualTo("List-Unsubscribe=One-Click");
        assertThat(jdbc.sql("""
                select mail_status from notification_message m join app_user u on u.id = m.app_user
                where u.username = :u""").param("u", ana).query(String.class).single()).isEqualTo("SENT");

        mvc.perform(get("/inbox").with(user(ana)))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Su reporte fue publicado: " + title)));
    }

    @Test
    void theEmailIsInTheLanguageThePersonChose() throws Exception {
        CitizenReports reports = new CitizenReports(mvc, jdbc, issues, codes);
        String ben = reports.citizen();
        jdbc.sql("""
                insert into notification_preference (app_user, immediate, digest, language)
                select id, true, true, 'en' from app_user where username = :u""").param("u", ben).update();
        String title = TestData.unique("Puente caído");
        reports.reject(reports.report(ben, title), "Fuera del territorio del esquema");

        sendDue();

        MimeMessage mail = Arrays.stream(SMTP.getReceivedMessages()).filter(m -> to(m).equals(ben + "@correo.co"))
                .findFirst().orElseThrow();
        assertThat(mail.getSubject()).isEqualTo("Your report was not published: " + title);
    }

    /**
     * Runs the send job's work on this node. Not through the queue: this JVM's other test context
     * shares the database with mail off, and its runner could claim the job (TwoNodeMailTests runs it
     * through the queue on two nodes of their own database).
     */
    private void sendDue() {
        send.run(new SendJob.Batch(), (percent, message) -> { });
    }

    private static String to(MimeMessage message) {
        try {
            return message.getAllRecipients()[0].toString();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
