package org.minga.platform.internal.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.minga.platform.Jobs;
import org.minga.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The job's page: polled while the job waits or runs, still once it ended; a failure of a type
 * without advice of its own gets the general advice, its message and no stack trace.
 */
@IntegrationTest
class JobPageTests {

    @Autowired
    Jobs jobs;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MockMvc mvc;

    @Test
    void aWaitingJobsPageIsPolledAndBusy() throws Exception {
        UUID id = UUID.randomUUID();
        // A type no node handles stays queued: the page must keep asking.
        jdbc.sql("insert into job (id, type, status, payload, created_by) values (:id, 'TEST_NOBODY', 'QUEUED', '{}', 'admin')")
                .param("id", id).update();
        String page = page(id);
        assertThat(page).contains("<div id=\"job-progress\" hx-get=\"/jobs/" + id + "\" hx-trigger=\"every 1s\"")
                .contains("aria-busy=\"true\"").contains("En cola").doesNotContain("id=\"job-result\"")
                .doesNotContain("id=\"job-failed\"");
        assertThat(mvc.perform(get("/jobs/" + id).header("HX-Request", "true").with(user("admin").roles("PLATFORM_ADMIN")))
                .andReturn().getResponse().getContentAsString()).startsWith("<div id=\"job-progress\"")
                .doesNotContain("<html");
    }

    @Test
    void aFailureWithoutAdviceOfItsOwnGetsTheGeneralAdviceAndNoStackTrace() throws Exception {
        UUID id = submitAsAdmin(new CountingJobHandler.Count(-1));
        await().atMost(Duration.ofSeconds(20)).until(() -> jobs.find(id).orElseThrow().finished());
        String page = page(id);
        assertThat(page).contains("<div id=\"job-progress\" aria-busy=\"false\">").contains("id=\"job-failed\"")
                .contains("No se puede contar hasta un número negativo.")
                .contains("Corrija lo que dice el error y vuelva a intentarlo.")
                .doesNotContain("IllegalArgumentException").doesNotContain("at org.").doesNotContain("id=\"job-retry\"");
    }

    private UUID submitAsAdmin(CountingJobHandler.Count count) {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated("admin",
                null, AuthorityUtils.createAuthorityList("ROLE_PLATFORM_ADMIN")));
        try {
            return jobs.submit("TEST_COUNT", count, null);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private String page(UUID id) throws Exception {
        return mvc.perform(get("/jobs/" + id).with(user("admin").roles("PLATFORM_ADMIN"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
    }
}
