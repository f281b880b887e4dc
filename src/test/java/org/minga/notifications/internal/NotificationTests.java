package org.minga.notifications.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.minga.identity.Recipients;
import org.minga.identity.internal.LogVerificationSender;
import org.minga.participation.internal.TerritorialIssues;
import org.minga.support.ApiFixtures;
import org.minga.support.IntegrationTest;
import org.minga.support.TestData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Notifications on the test installation, where mail is not configured: every message still lands in
 * the person's inbox, digests hold only what each person may see, and unsubscribing needs only the
 * signed link.
 */
@IntegrationTest
class NotificationTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TerritorialIssues issues;
    @Autowired
    LogVerificationSender codes;
    @Autowired
    Recipients recipients;
    @Autowired
    Digests digests;
    @Autowired
    Mailer mailer;
    @Autowired
    UnsubscribeTokens tokens;
    @Autowired
    Preferences preferences;
    @Autowired
    Attention attention;
    CitizenReports reports;

    @BeforeEach
    void setUp() throws Exception {
        reports = new CitizenReports(mvc, jdbc, issues, codes);
    }

    private long id(String username) {
        return recipients.byUsername(username).orElseThrow().id();
    }

    @Test
    void withMailOffAPublishedReportReachesTheCitizensInboxAndNoMailIsDue() throws Exception {
        assertThat(mailer.on()).isFalse();
        String ana = reports.citizen();
        String title = TestData.unique("Fuga en la bocatoma");
        long issue = reports.report(ana, title);
        reports.publish(issue);

        var row = jdbc.sql("select subject, mail_status, link from notification_message where app_user = :u")
                .param("u", id(ana)).query().singleRow();
        assertThat(row.get("subject")).isEqualTo("Su reporte fue publicado: " + title);
        assertThat(row.get("mail_status")).isEqualTo("OFF");
        assertThat(row.get("link")).isEqualTo("/public/participation/issues/" + issue);

        mvc.perform(get("/inbox").with(user(ana))).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString(title)))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Mensajes (1)")));
        // The administrator is told that mail is off; the citizen only that messages arrive here.
        mvc.perform(get("/inbox").with(user("admin").roles("PLATFORM_ADMIN"))).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("id=\"mail-off\"")));
        mvc.perform(get("/inbox").with(user(ana)))
                .andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("id=\"mail-off\""))));
    }

    @Test
    void aRejectionIsToldOnceAndOpeningMarksItReadOnlyForItsOwner() throws Exception {
        String ana = reports.citizen();
        String beto = reports.citizen();
        long issue = reports.report(ana, TestData.unique("Basurero"));
        reports.reject(issue, "Duplicado de otro reporte");
        long message = jdbc.sql("select id from notification_message where app_user = :u and kind = :k")
                .param("u", id(ana)).param("k", "participation.report.rejected").query(Long.class).single();

        // Another person's message is not found, and stays unread.
        mvc.perform(post("/inbox/" + message + "/open").with(user(beto)).with(csrf())).andExpect(status().isNotFound());
        assertThat(jdbc.sql("select read_at is null from notification_message where id = :id").param("id", message)
                .query(Boolean.class).single()).isTrue();
        mvc.perform(post("/inbox/" + message + "/open").with(user(ana)).with(csrf()))
                .andExpect(redirectedUrl("/participation/my-reports"));
        assertThat(jdbc.sql("select read_at is not null from notification_message where id = :id").param("id", message)
                .query(Boolean.class).single()).isTrue();
    }

    @Test
    void theDigestHoldsOnlyWhatEachPersonMaySee() throws Exception {
        String ana = reports.citizen();
        String title = TestData.unique("Deslizamiento");
        reports.report(ana, title);
        ApiFixtures fixtures = new ApiFixtures(mvc);
        long other = fixtures.scheme(TestData.unique("Otra provincia"));
        String outsider = TestData.unique("ajena");
        fixtures.user(outsider, CitizenReports.PASSWORD, "SCHEME_STAFF", other, null);
        LocalDate day = LocalDate.of(2026, 12, 4);

        assertThat(digests.write(recipients.byUsername(reports.director).orElseThrow(), day)).isTrue();
        String body = jdbc.sql("select body from notification_message where unique_key = :k")
                .param("k", "digest:" + id(reports.director) + ":" + day).query(String.class).single();
        assertThat(body).contains("1 reportes ciudadanos esperan moderación").contains("/participation/schemes/" + reports.scheme);

        // Staff of another scheme: nothing of this scheme reaches them.
        digests.write(recipients.byUsername(outsider).orElseThrow(), day);
        assertThat(jdbc.sql("select string_agg(body, ' ') from notification_message where app_user = :u")
                .param("u", id(outsider)).query(String.class).optional().orElse(""))
                .doesNotContain("/participation/schemes/" + reports.scheme);
        // The same day's digest is written once.
        assertThat(digests.write(recipients.byUsername(reports.director).orElseThrow(), day)).isFalse();
    }

    @Test
    void theSignedLinkUnsubscribesWithoutSigningInAndABadOneChangesNothing() throws Exception {
        String ana = reports.citizen();
        long me = id(ana);
        String token = tokens.tokenFor(me);

        mvc.perform(get("/public/notifications/unsubscribe").param("token", token)).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("id=\"unsubscribe\"")));
        assertThat(preferences.of(me).digest()).isTrue();

        String forged = me + "." + "A".repeat(43);
        mvc.perform(post("/public/notifications/unsubscribe").param("token", forged)).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("no es válido")));
        assertThat(preferences.of(me).immediate()).isTrue();

        // As a mail program does it (RFC 8058): a POST with no session and no CSRF token.
        mvc.perform(post("/public/notifications/unsubscribe").param("token", token)
                .param("List-Unsubscribe", "One-Click")).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("id=\"unsubscribed\"")));
        assertThat(preferences.of(me)).isEqualTo(new Preferences.Preference(false, false, "es"));
        assertThat(jdbc.sql("select count(*) from audit_event where entity_type = 'notification_preference' and entity_id = :id")
                .param("id", String.valueOf(me)).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aFailedImportIsToldAtOnceToWhoeverStartedIt() throws Exception {
        byte[] whole = org.minga.support.TerritoryFixtures.bytes("co-mgn2018-departamentos.geojson");
        String job = org.minga.support.TerritoryFixtures.submit(mvc, "corto.geojson",
                java.util.Arrays.copyOf(whole, whole.length / 2), "CO_DANE_MGN_DEPARTAMENTOS", "CO");
        assertThat(org.minga.support.TerritoryFixtures.awaitJob(jdbc, job)).isEqualTo("FAILED");
        // The notice follows the job's status by a moment: it is written right after the failure is recorded.
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).until(() -> jdbc.sql(
                "select count(*) from notification_message where unique_key = :k").param("k", "job-failed:" + job)
                .query(Long.class).single() == 1);

        var row = jdbc.sql("select app_user, subject, link from notification_message where unique_key = :k")
                .param("k", "job-failed:" + job).query().singleRow();
        assertThat(((Number) row.get("app_user")).longValue()).isEqualTo(id("admin"));
        assertThat((String) row.get("subject")).isEqualTo("Falló un trabajo: Importación de territorio");
        assertThat(row.get("link")).isEqualTo("/jobs/" + job);
    }

    @Test
    void aPersonSetsTheirOwnPreferencesAndTheChangeIsAudited() throws Exception {
        String ana = reports.citizen();
        mvc.perform(post("/inbox/preferences").with(user(ana)).with(csrf()).param("_immediate", "on")
                .param("digest", "true").param("_digest", "on").param("language", "en"))
                .andExpect(redirectedUrl("/inbox"));
        assertThat(preferences.of(id(ana))).isEqualTo(new Preferences.Preference(false, true, "en"));
        assertThat(jdbc.sql("select actor from audit_event where entity_type = 'notification_preference' and entity_id = :id")
                .param("id", String.valueOf(id(ana))).query(String.class).single()).isEqualTo(ana);
    }

    @Test
    void aMemberOfficialIsToldOnlyOfTheirOwnMunicipalitysQuotas() throws Exception {
        ApiFixtures fixtures = new ApiFixtures(mvc);
        String official = TestData.unique("enlace");
        fixtures.user(official, CitizenReports.PASSWORD, "MEMBER_OFFICIAL", reports.scheme, "54498");
        long other = fixtures.scheme(TestData.unique("Provincia vecina"));
        String outsider = TestData.unique("tesorera-ajena");
        fixtures.user(outsider, CitizenReports.PASSWORD, "SCHEME_STAFF", other, null);
        String base = "/api/v1/finance/schemes/" + reports.scheme;
        String body = mvc.perform(post(base + "/rules").with(httpBasic(reports.director, CitizenReports.PASSWORD))
                .contentType(org.springframework.http.MediaType.APPLICATION_JSON).content("""
                        {"year":2024,"name":"Cuota anual","kind":"FIXED","amount":1200000.00,"percent":null,
                         "periodicity":"YEARLY","currency":"COP","dueDay":10,"members":["54498","54003"]}"""))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        long rule = ((Number) com.jayway.jsonpath.JsonPath.read(body, "$.id")).longValue();
        mvc.perform(post(base + "/rules/" + rule + "/obligations").with(httpBasic(reports.director,
                CitizenReports.PASSWORD))).andExpect(status().isOk());

        // Two members owe their 2024 quota: the director sees both, the official of Ocaña (54498) hers only.
        assertThat(arrears(reports.director)).isEqualTo(2);
        assertThat(arrears(official)).isEqualTo(1);
        assertThat(attention.itemsFor(recipients.byUsername(outsider).orElseThrow()))
                .noneMatch(i -> Long.valueOf(reports.scheme).equals(i.schemeId()));
    }

    private long arrears(String username) {
        return attention.itemsFor(recipients.byUsername(username).orElseThrow()).stream()
                .filter(i -> i.kind().equals("finance.arrears") && i.schemeId() == reports.scheme)
                .mapToLong(org.minga.notifications.AttentionItem::count).sum();
    }
}
