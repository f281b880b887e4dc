package org.minga.participation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.minga.identity.internal.LogVerificationSender;
import org.minga.participation.internal.PrioritisationExercises;
import org.minga.participation.internal.PrioritisationExercises.NewExercise;
import org.minga.participation.internal.TerritorialIssues;
import static org.minga.support.ClientAddress.from;

import org.minga.support.ApiFixtures;
import org.minga.support.IntegrationTest;
import org.minga.support.TerritoryFixtures;
import org.minga.support.TestData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Sign-up cannot be scripted into votes: a burst of sign-ups from one address gets only the limit
 * through, and throwaway accounts cannot cast counted ballots until each verifies the code sent to it.
 */
@IntegrationTest
class SignUpAbuseTests {

    static final String PASSWORD = "una-clave-larga-1";
    /** src/test/resources/config/application.properties: minga.identity.sign-up.max-per-address. */
    static final int LIMIT = 20;
    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    LogVerificationSender codes;
    @Autowired
    TerritorialIssues issues;
    @Autowired
    PrioritisationExercises exercises;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }


    MockHttpServletResponse signUp(String name, String address) throws Exception {
        return mvc.perform(post("/public/participation/register").with(csrf()).with(from(address)).param("username", name)
                .param("fullName", "Cuenta " + name).param("password", PASSWORD).param("unitCode", "54498"))
                .andReturn().getResponse();
    }

    @Test
    void aBurstOfThirtySignUpsFromOneAddressGetsOnlyTheLimitThrough() throws Exception {
        String prefix = TestData.unique("bot");
        List<Future<MockHttpServletResponse>> calls = new ArrayList<>();
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            CountDownLatch start = new CountDownLatch(1);
            for (int i = 0; i < 30; i++) {
                String name = prefix + "-" + i;
                calls.add(pool.submit(() -> {
                    start.await();
                    return signUp(name, "192.0.2.130");
                }));
            }
            start.countDown();
            int created = 0;
            int refused = 0;
            for (var call : calls) {
                MockHttpServletResponse response = call.get();
                if (response.getStatus() == 302) {
                    created++;
                } else {
                    assertThat(response.getStatus()).isEqualTo(429);
                    assertThat(response.getHeader("Retry-After")).isEqualTo("3600");
                    assertThat(response.getContentAsString()).contains("Demasiados registros desde esta conexión");
                    refused++;
                }
            }
            assertThat(created).isEqualTo(LIMIT);
            assertThat(refused).isEqualTo(30 - LIMIT);
        }
        assertThat(jdbc.sql("select count(*) from app_user where username like :p").param("p", prefix + "-%")
                .query(Long.class).single()).isEqualTo(LIMIT);
        // Another address is not held back by the first.
        assertThat(signUp(prefix + "-otra", "192.0.2.131").getStatus()).isEqualTo(302);
    }

    @Test
    void throwawayAccountsCastNoCountedBallotsUntilEachIsVerified() throws Exception {
        TerritoryFixtures.importAll(mvc, jdbc);
        ApiFixtures fixtures = new ApiFixtures(mvc);
        long scheme = fixtures.scheme(TestData.unique("Votación"));
        fixtures.members(scheme, "54498");
        String director = TestData.unique("directora");
        fixtures.user(director, PASSWORD, "SCHEME_ADMIN", scheme, null);
        double[] centre = jdbc.sql("""
                select centroid_lat, centroid_lon from territorial_unit where country = 'CO' and code = '54498'
                and valid_to is null""").query((rs, n) -> new double[] {rs.getDouble(1), rs.getDouble(2)}).single();
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(director, null, List.of()));
        List<Long> issueIds = new ArrayList<>();
        for (String title : List.of("Acueducto", "Vía")) {
            long id = issues.report(new TerritorialIssues.Report(scheme, "WATER", TestData.unique(title), "Descripción",
                    centre[0], centre[1], null, true, List.of()));
            issues.publish(id);
            issueIds.add(id);
        }
        long exercise = exercises.create(scheme, new NewExercise("Prioridades", "APPROVAL", null, "UNIT_CITIZENS",
                List.of("54498"), null, issueIds, Map.of(), List.of()));
        long option = exercises.get(exercise).options().getFirst().id();
        SecurityContextHolder.clearContext();

        // Five throwaway accounts from one address (within its sign-up limit) try to vote.
        List<String> sybils = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String name = TestData.unique("sybil");
            assertThat(signUp(name, "198.51.100.40").getStatus()).isEqualTo(302);
            sybils.add(name);
        }
        for (String sybil : sybils) {
            mvc.perform(post("/participation/prioritisations/" + exercise + "/vote").with(user(sybil)).with(csrf())
                    .param("approve-" + option, "on"))
                    .andExpect(status().isOk())
                    .andExpect(content().string(containsString("Verifique su cuenta antes de votar")));
        }
        assertThat(ballots(exercise)).isZero();

        // Guessing the code: five wrong tries void it, and then even the right one is refused.
        String guesser = sybils.getFirst();
        String rightCode = codes.lastCodeFor(guesser).orElseThrow();
        String wrong = rightCode.equals("000000") ? "111111" : "000000";
        for (int i = 0; i < 5; i++) {
            mvc.perform(post("/participation/verify").with(user(guesser)).with(csrf()).param("code", wrong))
                    .andExpect(content().string(containsString("El código no es correcto")));
        }
        mvc.perform(post("/participation/verify").with(user(guesser)).with(csrf()).param("code", rightCode))
                .andExpect(content().string(containsString("El código venció o se intentó demasiadas veces")));

        // A person who confirms the code delivered to them votes, and their ballot counts.
        String real = sybils.get(1);
        mvc.perform(post("/participation/verify").with(user(real)).with(csrf())
                .param("code", codes.lastCodeFor(real).orElseThrow())).andExpect(redirectedUrl("/participation/verify"));
        mvc.perform(post("/participation/prioritisations/" + exercise + "/vote").with(user(real)).with(csrf())
                .param("approve-" + option, "on")).andExpect(redirectedUrl("/public/participation/prioritisations/" + exercise));
        assertThat(ballots(exercise)).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from audit_event where action = 'VERIFY' and entity_id = "
                + "(select id::text from app_user where username = :u)").param("u", real).query(Long.class).single()).isEqualTo(1);
    }

    long ballots(long exercise) {
        return jdbc.sql("select count(*) from ballot where prioritisation_id = :p").param("p", exercise).query(Long.class).single();
    }
}
