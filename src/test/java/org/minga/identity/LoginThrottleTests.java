package org.minga.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import static org.minga.support.ClientAddress.from;

import org.minga.support.ApiFixtures;
import org.minga.support.IntegrationTest;
import org.minga.support.TestData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Login throttling per pair (user name, address): a guesser gets no more than five tries, even in a
 * parallel burst, and cannot lock the real user out from another address; locks double; a platform
 * administrator lifts them, on the record.
 */
@IntegrationTest
class LoginThrottleTests {

    static final String PASSWORD = "una-clave-larga-1";
    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @LocalServerPort
    int port;
    ApiFixtures fixtures;

    @BeforeEach
    void setUp() {
        fixtures = new ApiFixtures(mvc);
    }


    /** The login form, posted from an address. */
    static org.springframework.test.web.servlet.RequestBuilder logIn(String username, String address) {
        return post("/login").with(csrf()).with(from(address)).param("username", username).param("password", PASSWORD);
    }

    @Test
    void aParallelBurstOfGuessesGetsNoMoreThanTheLimitChecked() throws Exception {
        String victim = TestData.unique("rafaga");
        fixtures.user(victim, PASSWORD, "OBSERVER", null, null);
        String auth = "Basic " + Base64.getEncoder().encodeToString((victim + ":adivinanza-1234").getBytes(StandardCharsets.UTF_8));
        HttpRequest guess = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/me"))
                .header("Authorization", auth).timeout(Duration.ofSeconds(60)).build();
        // 25 real connections from one loopback address, released together.
        try (HttpClient client = HttpClient.newBuilder().localAddress(InetAddress.getByName("127.0.0.61")).build();
                var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < 25; i++) {
                calls.add(pool.submit(() -> {
                    start.await();
                    return client.send(guess, HttpResponse.BodyHandlers.discarding()).statusCode();
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> call : calls) {
                statuses.add(call.get());
            }
            Map<Integer, Long> byStatus = statuses.stream().collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
            assertThat(byStatus).containsEntry(401, 5L).containsEntry(429, 20L);
        }
        // Locked from that address, even with the right password; open from any other.
        mvc.perform(get("/api/v1/me").with(from("127.0.0.61")).with(httpBasic(victim, PASSWORD)))
                .andExpect(status().isTooManyRequests());
        mvc.perform(get("/api/v1/me").with(from("127.0.0.62")).with(httpBasic(victim, PASSWORD)))
                .andExpect(status().isOk());
    }

    @Test
    void aGuesserElsewhereCannotLockTheRealUserOut() throws Exception {
        String victim = TestData.unique("victima");
        fixtures.user(victim, PASSWORD, "OBSERVER", null, null);
        for (int i = 0; i < 5; i++) {
            mvc.perform(get("/api/v1/me").with(from("203.0.113.9")).with(httpBasic(victim, "adivinanza-" + i)))
                    .andExpect(status().isUnauthorized());
        }
        mvc.perform(get("/api/v1/me").with(from("203.0.113.9")).with(httpBasic(victim, PASSWORD)))
                .andExpect(status().isTooManyRequests()).andExpect(header().exists("Retry-After"))
                .andExpect(jsonPath("$.type").value("/problems/login-throttled"));
        mvc.perform(logIn(victim, "203.0.113.9"))
                .andExpect(redirectedUrl("/login?throttled"));
        // The victim, from home: the API and the login form both let them in.
        mvc.perform(get("/api/v1/me").with(from("198.51.100.20")).with(httpBasic(victim, PASSWORD)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.username").value(victim));
        mvc.perform(logIn(victim, "198.51.100.20"))
                .andExpect(redirectedUrl("/"));
        // The attacker's pair is still locked: the victim's success cleared only their own.
        mvc.perform(get("/api/v1/me").with(from("203.0.113.9")).with(httpBasic(victim, PASSWORD)))
                .andExpect(status().isTooManyRequests());
    }

    @Test
    void eachLockLastsTwiceTheOneBefore() throws Exception {
        String name = TestData.unique("doble");
        fixtures.user(name, PASSWORD, "OBSERVER", null, null);
        String key = "pair:" + name + "|192.0.2.44";
        for (int i = 0; i < 6; i++) {
            mvc.perform(get("/api/v1/me").with(from("192.0.2.44")).with(httpBasic(name, "adivinanza-" + i)));
        }
        assertThat(lockMinutes(key)).isBetween(14L, 15L);
        // The first lock runs out; the guesser comes back and is locked for twice as long.
        jdbc.sql("update login_throttle set locked_until = now() - interval '1 second', "
                + "window_started_at = now() - interval '16 minutes' where key = :k").param("k", key).update();
        for (int i = 0; i < 6; i++) {
            mvc.perform(get("/api/v1/me").with(from("192.0.2.44")).with(httpBasic(name, "otra-adivinanza-" + i)));
        }
        assertThat(lockMinutes(key)).isBetween(29L, 30L);
    }

    long lockMinutes(String key) {
        return jdbc.sql("select extract(epoch from locked_until - now())::bigint / 60 from login_throttle where key = :k")
                .param("k", key).query(Long.class).single();
    }

    @Test
    void aPlatformAdministratorUnlocksAUserOnTheRecord() throws Exception {
        String name = TestData.unique("bloqueada");
        long id = fixtures.user(name, PASSWORD, "OBSERVER", null, null);
        String schemeAdmin = TestData.unique("adminesquema");
        fixtures.user(schemeAdmin, PASSWORD, "SCHEME_ADMIN", fixtures.scheme(TestData.unique("Esquema")), null);
        for (int i = 0; i < 5; i++) {
            mvc.perform(get("/api/v1/me").with(from("192.0.2.50")).with(httpBasic(name, "adivinanza-" + i)));
        }
        mvc.perform(get("/api/v1/me").with(from("192.0.2.50")).with(httpBasic(name, PASSWORD)))
                .andExpect(status().isTooManyRequests());
        // Only platform administrators unlock.
        mvc.perform(delete("/api/v1/users/" + id + "/login-locks").with(httpBasic(schemeAdmin, PASSWORD)))
                .andExpect(status().isForbidden());
        mvc.perform(post("/admin/users/" + id + "/unlock").with(csrf())
                .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user(schemeAdmin)
                        .roles("SCHEME_ADMIN")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/me").with(from("192.0.2.50")).with(httpBasic(name, PASSWORD)))
                .andExpect(status().isTooManyRequests());

        mvc.perform(delete("/api/v1/users/" + id + "/login-locks").with(httpBasic("admin", IntegrationTest.ADMIN_PASSWORD)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.lifted").value(1));
        mvc.perform(get("/api/v1/me").with(from("192.0.2.50")).with(httpBasic(name, PASSWORD)))
                .andExpect(status().isOk());
        assertThat(jdbc.sql("select count(*) from audit_event where action = 'UNLOCK' and entity_id = :id")
                .param("id", String.valueOf(id)).query(Long.class).single()).isEqualTo(1);

        // The page's button does the same.
        for (int i = 0; i < 5; i++) {
            mvc.perform(get("/api/v1/me").with(from("192.0.2.51")).with(httpBasic(name, "adivinanza-" + i)));
        }
        mvc.perform(post("/admin/users/" + id + "/unlock").with(csrf())
                .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user("admin")
                        .roles("PLATFORM_ADMIN")))
                .andExpect(redirectedUrl("/admin/users/" + id));
        mvc.perform(get("/api/v1/me").with(from("192.0.2.51")).with(httpBasic(name, PASSWORD)))
                .andExpect(status().isOk());
    }
}
