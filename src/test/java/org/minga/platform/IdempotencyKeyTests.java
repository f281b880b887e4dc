package org.minga.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.minga.support.ApiFixtures;
import org.minga.support.IntegrationTest;
import org.minga.support.TerritoryFixtures;
import org.minga.support.TestData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Idempotency-Key on money writes: a doubled or retried payment with the same key is recorded
 * once and answered with the first response, even when twenty arrive at once; the same key with
 * another body is refused naming the header.
 */
@IntegrationTest
class IdempotencyKeyTests {

    static final String PASSWORD = "una-clave-larga-1";
    static final String PAYMENT = "{\"unitCode\":\"54498\",\"paidOn\":\"2026-02-10\",\"amount\":100000,\"currency\":\"COP\","
            + "\"reference\":\"PAY-DUP\"}";
    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @LocalServerPort
    int port;
    long scheme;
    String treasurer;

    @BeforeEach
    void setUp() throws Exception {
        TerritoryFixtures.importAll(mvc, jdbc);
        ApiFixtures fixtures = new ApiFixtures(mvc);
        scheme = fixtures.scheme(TestData.unique("Pagos"));
        treasurer = TestData.unique("tesorero");
        fixtures.user(treasurer, PASSWORD, "SCHEME_ADMIN", scheme, null);
        // Payments are taken only from members a contribution rule covers.
        mvc.perform(post("/api/v1/finance/schemes/" + scheme + "/rules").with(httpBasic(treasurer, PASSWORD))
                .contentType(MediaType.APPLICATION_JSON).content("{\"year\":2026,\"name\":\"Cuota\",\"kind\":\"FIXED\","
                        + "\"amount\":1200000,\"periodicity\":\"YEARLY\",\"currency\":\"COP\",\"dueDay\":10,"
                        + "\"members\":[\"54498\"]}"))
                .andExpect(status().isCreated());
    }

    long payments() {
        return jdbc.sql("select count(*) from contribution_payment where scheme_id = :s").param("s", scheme)
                .query(Long.class).single();
    }

    @Test
    void twentyParallelPaymentsWithOneKeyRecordOnePayment() throws Exception {
        HttpRequest pay = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/finance/schemes/" + scheme + "/payments"))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((treasurer + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json").header("Idempotency-Key", "pago-febrero-0001")
                .timeout(Duration.ofSeconds(60)).POST(HttpRequest.BodyPublishers.ofString(PAYMENT)).build();
        List<HttpResponse<String>> responses = new ArrayList<>();
        try (HttpClient client = HttpClient.newHttpClient(); var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<HttpResponse<String>>> calls = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                calls.add(pool.submit(() -> {
                    start.await();
                    return client.send(pay, HttpResponse.BodyHandlers.ofString());
                }));
            }
            start.countDown();
            for (var call : calls) {
                responses.add(call.get());
            }
        }
        assertThat(payments()).isEqualTo(1);
        assertThat(responses).allSatisfy(r -> assertThat(r.statusCode()).isEqualTo(201));
        assertThat(responses.stream().map(HttpResponse::body).distinct()).hasSize(1);
        assertThat(responses.stream().map(r -> r.headers().firstValue("Location").orElse("")).distinct()).hasSize(1);
        assertThat(responses.stream().filter(r -> r.headers().firstValue("Idempotent-Replayed").isPresent())).hasSize(19);
    }

    @Test
    void theSameKeyWithAnotherBodyIsRefusedNamingTheHeader() throws Exception {
        var first = post("/api/v1/finance/schemes/" + scheme + "/payments").with(httpBasic(treasurer, PASSWORD))
                .header("Idempotency-Key", "clave-1").contentType(MediaType.APPLICATION_JSON).content(PAYMENT);
        mvc.perform(first).andExpect(status().isCreated());
        mvc.perform(post("/api/v1/finance/schemes/" + scheme + "/payments").with(httpBasic(treasurer, PASSWORD))
                .header("Idempotency-Key", "clave-1").contentType(MediaType.APPLICATION_JSON)
                .content(PAYMENT.replace("100000", "200000")))
                .andExpect(status().isUnprocessableContent())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.header").value("Idempotency-Key"))
                .andExpect(jsonPath("$.errors[0].field").value("Idempotency-Key"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("ya se usó para otra petición")));
        assertThat(payments()).isEqualTo(1);
        // Another key, or no key at all, is another payment, as before.
        mvc.perform(post("/api/v1/finance/schemes/" + scheme + "/payments").with(httpBasic(treasurer, PASSWORD))
                .header("Idempotency-Key", "clave-2").contentType(MediaType.APPLICATION_JSON).content(PAYMENT))
                .andExpect(status().isCreated()).andExpect(header().doesNotExist("Idempotent-Replayed"));
        mvc.perform(post("/api/v1/finance/schemes/" + scheme + "/payments").with(httpBasic(treasurer, PASSWORD))
                .contentType(MediaType.APPLICATION_JSON).content(PAYMENT)).andExpect(status().isCreated());
        assertThat(payments()).isEqualTo(3);
        mvc.perform(post("/api/v1/finance/schemes/" + scheme + "/payments").with(httpBasic(treasurer, PASSWORD))
                .header("Idempotency-Key", "tiene espacios").contentType(MediaType.APPLICATION_JSON).content(PAYMENT))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("Idempotency-Key"));
        assertThat(payments()).isEqualTo(3);
    }

    @Test
    void theKeyBelongsToItsUserAndTheFormHonoursItToo() throws Exception {
        String other = TestData.unique("otra-tesorera");
        new ApiFixtures(mvc).user(other, PASSWORD, "SCHEME_STAFF", scheme, null);
        for (String who : new String[] {treasurer, other, treasurer, other}) {
            mvc.perform(post("/api/v1/finance/schemes/" + scheme + "/payments").with(httpBasic(who, PASSWORD))
                    .header("Idempotency-Key", "compartida").contentType(MediaType.APPLICATION_JSON).content(PAYMENT))
                    .andExpect(status().isCreated());
        }
        assertThat(payments()).isEqualTo(2);
        // A double-submitted form with a key: one payment, both answered with the same redirect.
        for (int i = 0; i < 2; i++) {
            mvc.perform(post("/finance/schemes/" + scheme + "/payments").with(user(treasurer)).with(csrf())
                    .header("Idempotency-Key", "formulario-1").param("unitCode", "54498").param("paidOn", "2026-02-11")
                    .param("amount", "5000").param("currency", "COP"))
                    .andExpect(status().is3xxRedirection());
        }
        assertThat(payments()).isEqualTo(3);
    }
}
