package org.minga.notifications.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Arrays;
import java.util.List;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.jayway.jsonpath.JsonPath;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.minga.support.ApiFixtures;
import org.minga.support.IntegrationTest;
import org.minga.support.TestData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * With SMTP on (a real SMTP server in this JVM): a case assigned to a staff member reaches them as one
 * e-mail, however many times the same assignment is clicked, and the same notice is in their inbox.
 */
@IntegrationTest
class CaseAssignmentMailTests {

    static final GreenMail SMTP = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    static final String PASSWORD = "una-clave-larga-1";

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
    SendJob send;

    @Test
    void theAssigneeReceivesOneEmailAndFindsTheNoticeInTheInbox() throws Exception {
        ApiFixtures api = new ApiFixtures(mvc);
        long scheme = api.scheme(TestData.unique("Esquema con correo"));
        String director = TestData.unique("directora");
        String staff = TestData.unique("tecnica");
        api.user(director, PASSWORD, "SCHEME_ADMIN", scheme, null);
        long staffId = api.user(staff, PASSWORD, "SCHEME_STAFF", scheme, null);
        String address = staff + "@esquema.co";
        jdbc.sql("update app_user set email = :e where id = :id").param("e", address).param("id", staffId).update();
        // An invented unit code (the territory is not imported here); the membership row as the register writes it.
        jdbc.sql("insert into membership (scheme_id, unit_code, joined_on) values (:s, 'D095', date '2020-01-01')")
                .param("s", scheme).update();
        String services = "/api/v1/services/schemes/" + scheme;
        long line = id(api(director, services + "/lines", "{\"type\":\"LAND_USE_PERMITS\",\"name\":\"Licencias\",\"currency\":\"COP\"}"));
        long type = id(api(director, services + "/case-types/permit", "{\"serviceLineId\":" + line + "}"));
        String opened = api(director, services + "/cases", "{\"caseTypeId\":" + type
                + ",\"applicantName\":\"José Ayala\",\"unitCode\":\"D095\",\"subject\":\"Lotificación\"}");
        long caseId = id(opened);
        String number = JsonPath.read(opened, "$.number");

        // Two clicks on the same assignment.
        for (int click = 0; click < 2; click++) {
            mvc.perform(post("/services/schemes/" + scheme + "/cases/" + caseId + "/assignee").with(user(director)).with(csrf())
                    .param("assigneeId", String.valueOf(staffId))).andExpect(status().is3xxRedirection());
        }
        send.run(new SendJob.Batch(), (percent, message) -> { });
        send.run(new SendJob.Batch(), (percent, message) -> { });

        List<MimeMessage> mails = Arrays.stream(SMTP.getReceivedMessages()).filter(m -> to(m).equals(address)).toList();
        assertThat(mails).hasSize(1);
        assertThat(mails.getFirst().getSubject()).isEqualTo("Se le asignó un trámite: " + number + " — Lotificación");
        assertThat(GreenMailUtil.getBody(mails.getFirst()))
                .contains("https://minga.esquema.co/services/schemes/" + scheme + "/cases/" + caseId);
        assertThat(mvc.perform(get("/inbox").with(user(staff))).andReturn().getResponse().getContentAsString())
                .contains("Se le asignó un trámite: " + number);
    }

    private String api(String as, String path, String json) throws Exception {
        return mvc.perform(post(path).with(httpBasic(as, PASSWORD)).contentType(MediaType.APPLICATION_JSON).content(json))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
    }

    private static long id(String json) {
        return ((Number) JsonPath.read(json, "$.id")).longValue();
    }

    private static String to(MimeMessage message) {
        try {
            return message.getAllRecipients()[0].toString();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
