package org.minga.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.minga.support.IntegrationTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Many API calls at once, more than the connection pool holds: each must be served. (Loading a
 * user with its grants once took two pooled connections per request and deadlocked the pool.)
 */
@IntegrationTest
class ConcurrentLoginTests {

    @LocalServerPort
    int port;

    @Test
    void moreSimultaneousApiCallsThanPooledConnectionsAreAllServed() throws Exception {
        String auth = "Basic " + Base64.getEncoder()
                .encodeToString(("admin:" + IntegrationTest.ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/me"))
                .header("Authorization", auth).timeout(Duration.ofSeconds(30)).build();
        try (HttpClient client = HttpClient.newHttpClient();
                var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                calls.add(pool.submit(() -> client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode()));
            }
            for (Future<Integer> call : calls) {
                assertThat(call.get()).isEqualTo(200);
            }
        }
    }
}
