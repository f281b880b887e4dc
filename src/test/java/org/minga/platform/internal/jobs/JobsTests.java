package org.minga.platform.internal.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.UUID;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.minga.platform.Jobs;
import org.minga.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;

@IntegrationTest
class JobsTests {

    @Autowired
    Jobs jobs;
    @Autowired
    JobRunner runner;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MockMvc mvc;

    @Test
    void aJobRunsInTheBackgroundAndReportsItsResult() throws Exception {
        UUID id = asAdmin(() -> jobs.submit("TEST_COUNT", new CountingJobHandler.Count(10), null));
        await().atMost(Duration.ofSeconds(20)).until(() -> jobs.find(id).orElseThrow().finished());

        var job = jobs.find(id).orElseThrow();
        assertThat(job.status()).isEqualTo(Jobs.Status.SUCCEEDED);
        assertThat(job.progress()).isEqualTo(100);
        assertThat(job.message()).isEqualTo("Contados 10 de 10");
        mvc.perform(get("/api/v1/jobs/" + id).with(httpBasic("admin", IntegrationTest.ADMIN_PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("SUCCEEDED"))
                .andExpect(jsonPath("$.result.total").value(55));
        mvc.perform(get("/jobs/" + id).with(user("admin").roles("PLATFORM_ADMIN")))
                .andExpect(content().string(Matchers.containsString("<progress max=\"100\" value=\"100\"")));
    }

    @Test
    void aFailingJobKeepsItsErrorForThePerson() {
        UUID id = asAdmin(() -> jobs.submit("TEST_COUNT", new CountingJobHandler.Count(-1), null));
        await().atMost(Duration.ofSeconds(20)).until(() -> jobs.find(id).orElseThrow().finished());
        assertThat(jobs.find(id).orElseThrow().status()).isEqualTo(Jobs.Status.FAILED);
        assertThat(jobs.find(id).orElseThrow().error()).contains("número negativo");
    }

    @Test
    void aJobOfAnotherPersonDoesNotExistForYou() throws Exception {
        UUID id = asAdmin(() -> jobs.submit("TEST_COUNT", new CountingJobHandler.Count(1), null));
        String other = org.minga.support.TestData.unique("otra");
        new org.minga.support.ApiFixtures(mvc).user(other, "una-clave-larga-1", "OBSERVER", null, null);
        mvc.perform(get("/api/v1/jobs/" + id).with(httpBasic(other, "una-clave-larga-1")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/jobs/" + id).with(user(other).roles("OBSERVER"))).andExpect(status().isNotFound());
    }

    @Test
    void aJobWhoseNodeDiedIsQueuedAgain() {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into job (id, type, status, payload, created_by, started_at, heartbeat_at, attempts)
                values (:id, 'TEST_COUNT', 'RUNNING', '{"upTo":3}', 'admin', now() - interval '1 hour',
                        now() - interval '1 hour', 1)
                """).param("id", id).update();
        runner.requeueStale();
        await().atMost(Duration.ofSeconds(20)).until(() -> jobs.find(id).orElseThrow().finished());
        assertThat(jobs.find(id).orElseThrow().status()).isEqualTo(Jobs.Status.SUCCEEDED);
    }

    private static <T> T asAdmin(java.util.function.Supplier<T> action) {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated("admin",
                null, AuthorityUtils.createAuthorityList("ROLE_PLATFORM_ADMIN")));
        try {
            return action.get();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
