package org.minga.platform.internal.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.minga.MingaApplication;
import org.minga.platform.JobHandler;
import org.minga.platform.Jobs;
import org.minga.platform.internal.db.EmbeddedPostgres;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Two nodes in cluster mode on one PostgreSQL, as behind a balancer: a session made on one is
 * honoured by the other, work is done once whichever node races for it, and a revoked grant stops
 * the next request on both.
 */
class ClusterTests {

    private static final String ADMIN_PASSWORD = "admin-cluster-password";
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    /** The layout's notice, shown only when the redirect's flash attribute arrived. */
    private static final String PASSWORD_RESET_NOTICE = "class=\"notice\" role=\"status\"";
    private static final Pattern SESSION = Pattern.compile("JSESSIONID=([^;]+)");
    /** Runs of the test job per job id, over both nodes. */
    private static final Map<String, AtomicInteger> RUNS = new ConcurrentHashMap<>();

    private static EmbeddedPostgres database;
    private static ConfigurableApplicationContext nodeA;
    private static ConfigurableApplicationContext nodeB;
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeAll
    static void startTwoNodes() {
        Path dir = Path.of("target", "cluster-test", UUID.randomUUID().toString()).toAbsolutePath();
        database = EmbeddedPostgres.start(dir.resolve("db"), 0);
        nodeA = node("a", dir);
        nodeB = node("b", dir);
    }

    @AfterAll
    static void stop() {
        for (var node : new ConfigurableApplicationContext[] {nodeA, nodeB}) {
            if (node != null) {
                node.close();
            }
        }
        if (database != null) {
            database.stop();
        }
    }

    private static ConfigurableApplicationContext node(String name, Path dir) {
        Map<String, String> properties = new HashMap<>();
        properties.put("minga.db.url", database.jdbcUrl());
        properties.put("minga.db.user", database.username());
        properties.put("minga.db.password", database.password());
        properties.put("minga.db.data-dir", dir.resolve(name).toString());
        properties.put("minga.db.pool-size", "5");
        properties.put("minga.cluster", "true");
        properties.put("minga.node", name);
        properties.put("minga.territory", "none");
        properties.put("minga.identity.admin-password", ADMIN_PASSWORD);
        properties.put("minga.jobs.poll-interval", "50ms");
        properties.put("minga.trusted-proxies", "127.0.0.1");
        properties.put("server.port", "0");
        properties.put("spring.main.banner-mode", "off");
        // As arguments: they take precedence over application.properties, as on a real node's command line.
        return new SpringApplicationBuilder(MingaApplication.class)
                .initializers(context -> context.getBeanFactory().registerSingleton("countingRuns", new CountingRuns()))
                .run(properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new));
    }

    /** A job that counts how often it ran, in whichever node ran it. */
    static final class CountingRuns extends JobHandler.Of<CountingRuns.Mark> {

        record Mark(String id) {
        }

        CountingRuns() {
            super("TEST_CLUSTER_RUN", Mark.class);
        }

        @Override
        public Object run(Mark payload, Progress progress) throws Exception {
            RUNS.computeIfAbsent(payload.id(), k -> new AtomicInteger()).incrementAndGet();
            Thread.sleep(20);
            return Map.of("ran", true);
        }
    }

    @Test
    void aPersonSignedInOnOneNodeIsSignedInOnTheOther() throws Exception {
        String session = signIn(nodeA, "admin", ADMIN_PASSWORD);

        HttpResponse<String> onB = get(nodeB, "/admin/users", session);
        assertThat(onB.statusCode()).isEqualTo(200);
        assertThat(onB.body()).contains("admin");

        // A form served by B is accepted by A: the CSRF token is the person's, not the node's.
        Matcher token = CSRF.matcher(onB.body());
        assertThat(token.find()).isTrue();
        HttpResponse<String> logout = post(nodeA, "/logout", session, Map.of("_csrf", token.group(1)));
        assertThat(logout.headers().firstValue("Location").orElseThrow()).endsWith("/login?logout");
        assertThat(get(nodeB, "/admin/users", session).statusCode()).isEqualTo(302);
    }

    @Test
    void aRevokedGrantRefusesTheNextRequestOnBothNodes() throws Exception {
        String username = "ops-" + UUID.randomUUID().toString().substring(0, 8);
        String password = "una-clave-larga-del-cluster";
        HttpResponse<String> created = api(nodeA, "POST", "/api/v1/users", "admin", ADMIN_PASSWORD, """
                {"username":"%s","fullName":"Persona de operaciones","password":"%s",
                 "grant":{"role":"PLATFORM_ADMIN","schemeId":null,"unitCode":null}}""".formatted(username, password));
        assertThat(created.statusCode()).isEqualTo(201);
        long id = created(created);

        String session = signIn(nodeA, username, password);
        for (var node : List.of(nodeA, nodeB)) {
            assertThat(get(node, "/admin/audit", session).statusCode()).isEqualTo(200);
            assertThat(api(node, "GET", "/api/v1/users", username, password, null).statusCode()).isEqualTo(200);
        }

        HttpResponse<String> revoked = api(nodeB, "DELETE", "/api/v1/users/" + id + "/grants", "admin", ADMIN_PASSWORD,
                "{\"role\":\"PLATFORM_ADMIN\",\"schemeId\":null,\"unitCode\":null}");
        assertThat(revoked.statusCode()).isEqualTo(200);

        for (var node : List.of(nodeA, nodeB)) {
            assertThat(get(node, "/admin/audit", session).statusCode()).isEqualTo(403);
            assertThat(api(node, "GET", "/api/v1/users", username, password, null).statusCode()).isEqualTo(403);
        }
    }

    @Test
    void eachJobRunsOnceWhileBothNodesClaim() {
        List<UUID> ids = new ArrayList<>();
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated("admin",
                null, AuthorityUtils.createAuthorityList("ROLE_PLATFORM_ADMIN")));
        try {
            for (int i = 0; i < 40; i++) {
                Jobs jobs = (i % 2 == 0 ? nodeA : nodeB).getBean(Jobs.class);
                ids.add(jobs.submit("TEST_CLUSTER_RUN", new CountingRuns.Mark("job-" + i), null));
            }
        } finally {
            SecurityContextHolder.clearContext();
        }
        Jobs jobs = nodeA.getBean(Jobs.class);
        await().atMost(Duration.ofSeconds(60)).until(() -> ids.stream().allMatch(id -> jobs.find(id).orElseThrow().finished()));

        assertThat(ids).allSatisfy(id -> assertThat(jobs.find(id).orElseThrow().status()).isEqualTo(Jobs.Status.SUCCEEDED));
        for (int i = 0; i < 40; i++) {
            assertThat(RUNS.get("job-" + i)).as("runs of job %d", i).hasValue(1);
        }
        JdbcClient jdbc = nodeA.getBean(JdbcClient.class);
        assertThat(jdbc.sql("select count(*) from job where type = 'TEST_CLUSTER_RUN' and attempts = 1")
                .query(Integer.class).single()).isEqualTo(40);
    }

    @Test
    void aChangedPasswordIsRefusedOnBothNodesThoughEachCachedItsCheck() throws Exception {
        String username = "obs-" + UUID.randomUUID().toString().substring(0, 8);
        String old = "la-clave-de-antes-1";
        long id = created(api(nodeA, "POST", "/api/v1/users", "admin", ADMIN_PASSWORD, """
                {"username":"%s","fullName":"Persona observadora","password":"%s",
                 "grant":{"role":"OBSERVER","schemeId":null,"unitCode":null}}""".formatted(username, old)));
        for (var node : List.of(nodeA, nodeB)) {
            assertThat(api(node, "GET", "/api/v1/me", username, old, null).statusCode()).isEqualTo(200);
        }

        String admin = signIn(nodeB, "admin", ADMIN_PASSWORD);
        Matcher token = CSRF.matcher(get(nodeB, "/admin/users/" + id, admin).body());
        assertThat(token.find()).isTrue();
        HttpResponse<String> reset = post(nodeA, "/admin/users/" + id + "/password", admin,
                Map.of("_csrf", token.group(1), "password", "la-clave-de-ahora-2"));
        assertThat(reset.headers().firstValue("Location").orElseThrow()).endsWith("/admin/users/" + id);
        // The notice after the redirect (a flash attribute, kept in the session) is shown by the other node.
        assertThat(get(nodeB, "/admin/users/" + id, admin).body()).contains(PASSWORD_RESET_NOTICE);

        for (var node : List.of(nodeA, nodeB)) {
            assertThat(api(node, "GET", "/api/v1/me", username, old, null).statusCode()).isEqualTo(401);
            assertThat(api(node, "GET", "/api/v1/me", username, "la-clave-de-ahora-2", null).statusCode())
                    .isEqualTo(200);
        }
    }

    @Test
    void throttlingSeesTheClientBehindTheTrustedBalancer() throws Exception {
        String client = "198.51.100." + (1 + new java.util.Random().nextInt(250));
        HttpResponse<String> page = get(nodeB, "/login", null);
        Matcher token = CSRF.matcher(page.body());
        assertThat(token.find()).isTrue();
        String cookies = String.join("; ", page.headers().allValues("Set-Cookie").stream()
                .map(c -> c.substring(0, c.indexOf(';'))).toList());
        HttpResponse<String> login = send(nodeB, HttpRequest.newBuilder(uri(nodeB, "/login"))
                .header("Cookie", cookies).header("X-Forwarded-For", "10.9.9.9, " + client)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("username", "admin", "password", "no-es-esta",
                        "_csrf", token.group(1))))));
        assertThat(login.headers().firstValue("Location").orElseThrow()).endsWith("/login?error");
        JdbcClient jdbc = nodeA.getBean(JdbcClient.class);
        assertThat(jdbc.sql("select failures from login_throttle where key = :k").param("k", "address:" + client)
                .query(Integer.class).optional()).hasValue(1);
    }

    @Test
    void scheduledWorkRunsOnceWhenBothNodesRaceForIt() throws Exception {
        String task = "test.race-" + UUID.randomUUID();
        AtomicInteger ran = new AtomicInteger();
        int racers = 16;
        CountDownLatch start = new CountDownLatch(1);
        try (var pool = Executors.newFixedThreadPool(racers)) {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < racers; i++) {
                Leases leases = (i % 2 == 0 ? nodeA : nodeB).getBean(Leases.class);
                results.add(pool.submit(() -> {
                    start.await();
                    return leases.runOnce(task, Duration.ofHours(1), ran::incrementAndGet);
                }));
            }
            start.countDown();
            int winners = 0;
            for (var result : results) {
                winners += result.get() ? 1 : 0;
            }
            assertThat(winners).isEqualTo(1);
        }
        assertThat(ran).hasValue(1);
        // Within the period neither node runs it again; the stale-job recovery goes through the same lease.
        assertThat(nodeB.getBean(Leases.class).runOnce(task, Duration.ofHours(1), ran::incrementAndGet)).isFalse();
        assertThat(ran).hasValue(1);
    }

    private String signIn(ConfigurableApplicationContext node, String username, String password) throws Exception {
        HttpResponse<String> page = get(node, "/login", null);
        Matcher token = CSRF.matcher(page.body());
        assertThat(token.find()).as("the login form carries a CSRF token").isTrue();
        String cookies = String.join("; ", page.headers().allValues("Set-Cookie").stream()
                .map(c -> c.substring(0, c.indexOf(';'))).toList());
        HttpResponse<String> login = send(node, HttpRequest.newBuilder(uri(node, "/login"))
                .header("Cookie", cookies).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("username", username, "password", password,
                        "_csrf", token.group(1))))));
        assertThat(login.headers().firstValue("Location").orElseThrow()).doesNotContain("error");
        Matcher session = SESSION.matcher(String.join(";", login.headers().allValues("Set-Cookie")));
        assertThat(session.find()).isTrue();
        // The CSRF cookie goes along: it is what the token in each form is checked against.
        return "JSESSIONID=" + session.group(1) + "; " + cookies.replaceAll("JSESSIONID=[^;]*(; )?", "");
    }

    private static long created(HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(201);
        return Long.parseLong(response.body().replaceAll("(?s)^\\{\"id\":(\\d+).*", "$1"));
    }

    private HttpResponse<String> get(ConfigurableApplicationContext node, String path, String cookies) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(node, path)).GET();
        if (cookies != null) {
            request.header("Cookie", cookies);
        }
        return send(node, request);
    }

    private HttpResponse<String> post(ConfigurableApplicationContext node, String path, String cookies,
            Map<String, String> fields) throws Exception {
        return send(node, HttpRequest.newBuilder(uri(node, path)).header("Cookie", cookies)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(fields))));
    }

    private HttpResponse<String> api(ConfigurableApplicationContext node, String method, String path, String user,
            String password, String json) throws Exception {
        String basic = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return send(node, HttpRequest.newBuilder(uri(node, path)).header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json)));
    }

    private HttpResponse<String> send(ConfigurableApplicationContext node, HttpRequest.Builder request) throws Exception {
        return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static URI uri(ConfigurableApplicationContext node, String path) {
        return URI.create("http://127.0.0.1:" + node.getEnvironment().getProperty("local.server.port") + path);
    }

    private static String form(Map<String, String> fields) {
        return String.join("&", fields.entrySet().stream().map(e -> e.getKey() + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).toList());
    }
}
