package org.minga.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.io.InputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.minga.support.ApiFixtures;
import org.minga.support.IntegrationTest;
import org.minga.support.TestData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The API speaks text, never message keys: errors (invalid input, unreadable body, not found,
 * forbidden, unknown method) and answers that explain themselves (planning's goal status, the
 * health index, the checklist) in Spanish by default and in English for {@code Accept-Language:
 * en}, each problem with its stable code. A string that is a bundle key, or looks like one
 * ({@code planning.reason.unmeasured}), fails — unless it is a code written beside its text
 * ({@code explanation} beside {@code explanationText}); {@code code} and {@code rule} are machine
 * codes by design.
 */
@IntegrationTest
class ApiMessagesTests {

    static final String PASSWORD = "una-clave-larga-1";
    static final Pattern KEY_SHAPE = Pattern.compile("[a-z][a-zA-Z]*(\\.[a-zA-Z0-9-]+){2,}");

    @Autowired
    MockMvc mvc;
    @Autowired
    ObjectMapper json;
    @org.springframework.boot.test.web.server.LocalServerPort
    int port;
    long scheme;
    String director;
    String outsider;
    Set<String> keys;
    Set<String> prefixes;

    @BeforeEach
    void setUp() throws Exception {
        var fixtures = new ApiFixtures(mvc);
        scheme = fixtures.scheme(TestData.unique("Textos de la API"));
        long other = fixtures.scheme(TestData.unique("Otro esquema de textos"));
        director = TestData.unique("directora-textos");
        outsider = TestData.unique("ajena-textos");
        fixtures.user(director, PASSWORD, "SCHEME_ADMIN", scheme, null);
        fixtures.user(outsider, PASSWORD, "SCHEME_ADMIN", other, null);
        Properties bundle = new Properties();
        try (InputStream in = getClass().getResourceAsStream("/messages.properties")) {
            bundle.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
        }
        keys = bundle.stringPropertyNames();
        prefixes = keys.stream().map(k -> k.split("\\.")[0]).collect(Collectors.toSet());
    }

    @Test
    void errorsCarryACodeAndTextInTheRequestedLanguage() throws Exception {
        String planning = "/api/v1/planning/schemes/" + scheme;
        for (String language : new String[] {null, "en", "en-US,en;q=0.9", "fr, es;q=0.5", "de"}) {
            boolean english = language != null && language.startsWith("en");
            JsonNode invalid = call(post(planning + "/goals").content("{\"name\":\"\"}"), director, language, 400);
            assertThat(invalid.path("code").asString()).isEqualTo("invalid-input");
            assertThat(invalid.path("errors").get(0).path("rule").asString()).isNotBlank();
            JsonNode unreadable = call(post(planning + "/goals").content("{nope"), director, language, 400);
            assertThat(unreadable.path("code").asString()).isEqualTo("unreadable");
            JsonNode missing = call(get(planning + "/goals/987654321"), director, language, 404);
            assertThat(missing.path("code").asString()).isEqualTo("not-found");
            JsonNode refused = call(post(planning + "/pillars").content("{\"name\":\"Ajeno\"}"), outsider, language, 403);
            assertThat(refused.path("code").asString()).isEqualTo("forbidden");
            JsonNode method = overHttp("DELETE", planning + "/dashboard", language, 405);
            assertThat(method.path("code").asString()).isEqualTo("http-405");
            assertThat(method.path("title").asString()).isEqualTo(english ? "Method not allowed" : "Método no permitido");
            assertThat(missing.path("title").asString()).isEqualTo(english ? "Not found" : "No encontrado");
            assertThat(missing.path("detail").asString()).isEqualTo(english ? "Not found: goal 987654321."
                    : "No existe: meta 987654321.");
            assertThat(invalid.path("title").asString()).isEqualTo(english ? "Invalid input" : "Datos no válidos");
            assertThat(refused.path("title").asString()).isEqualTo(english ? "Access denied" : "Acceso denegado");
            if (english) {
                assertThat(refused.path("detail").asString()).isEqualTo("You do not have permission for this action.");
            }
        }
    }

    @Test
    void answersThatExplainThemselvesSayItInWords() throws Exception {
        String planning = "/api/v1/planning/schemes/" + scheme;
        call(post(planning + "/goals").content("{\"name\":\"Familias con agua\",\"indicator\":\"Familias\",\"unit\":\"familias\","
                + "\"baseline\":0,\"target\":100,\"periodicity\":\"QUARTERLY\",\"startsOn\":\"" + LocalDate.now().minusMonths(7)
                + "\",\"dueOn\":\"" + LocalDate.now().plusMonths(11) + "\",\"source\":\"Informe\",\"responsible\":\"Dirección\"}"),
                director, null, 201);
        for (String language : new String[] {null, "en"}) {
            JsonNode dashboard = call(get(planning + "/dashboard"), director, language, 200);
            String reason = dashboard.path("goals").get(0).path("assessment").path("reason").asString();
            // Two quarters closed and neither measured (issue 18: said apart from "the last period").
            assertThat(reason).isEqualTo(language == null ? "Faltan las mediciones de los dos últimos periodos."
                    : "The last two periods have no measurement.");
            call(get("/api/v1/evaluation/schemes/" + scheme + "/health"), director, language, 200);
            call(get("/api/v1/evaluation/schemes/" + scheme + "/checklist"), director, language, 200);
        }
    }

    private JsonNode call(MockHttpServletRequestBuilder request, String as, String language, int status) throws Exception {
        request.with(httpBasic(as, PASSWORD)).contentType(MediaType.APPLICATION_JSON);
        if (language != null) {
            request.header(HttpHeaders.ACCEPT_LANGUAGE, language);
        }
        MvcResult result = mvc.perform(request).andReturn();
        String body = result.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(result.getResponse().getStatus()).as(body).isEqualTo(status);
        JsonNode tree = json.readTree(body);
        List<String> keyed = new ArrayList<>();
        collectKeys(tree, "$", keyed);
        assertThat(keyed).as("message keys in " + body).isEmpty();
        return tree;
    }

    /** Over the real port: an unknown method goes through the container's error dispatch, which MockMvc skips. */
    private JsonNode overHttp(String method, String path, String language, int status) throws Exception {
        var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + path))
                .method(method, java.net.http.HttpRequest.BodyPublishers.noBody())
                .header(HttpHeaders.AUTHORIZATION, "Basic " + java.util.Base64.getEncoder()
                        .encodeToString((director + ":" + PASSWORD).getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .header(HttpHeaders.ACCEPT, "application/json");
        if (language != null) {
            request.header(HttpHeaders.ACCEPT_LANGUAGE, language);
        }
        try (var client = java.net.http.HttpClient.newHttpClient()) {
            var response = client.send(request.build(), java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
            JsonNode tree = json.readTree(response.body());
            List<String> keyed = new ArrayList<>();
            collectKeys(tree, "$", keyed);
            assertThat(keyed).as("message keys in " + response.body()).isEmpty();
            return tree;
        }
    }

    private void collectKeys(JsonNode node, String path, List<String> found) {
        if (node.isObject()) {
            for (var entry : node.properties()) {
                JsonNode value = entry.getValue();
                String name = entry.getKey();
                if (name.equals("rule") || name.equals("code")) {
                    continue; // machine codes by design: a problem's code, a broken rule's name
                }
                String textName = name.replaceAll("Key$", "") + "Text";
                if (value.isString() && looksLikeKey(value.asString()) && node.path(textName).isString()
                        && !looksLikeKey(node.path(textName).asString())) {
                    continue;
                }
                collectKeys(value, path + "." + name, found);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collectKeys(node.get(i), path + "[" + i + "]", found);
            }
        } else if (node.isString() && looksLikeKey(node.asString())) {
            found.add(path + " = " + node.asString());
        }
    }

    private boolean looksLikeKey(String value) {
        return keys.contains(value) || (KEY_SHAPE.matcher(value).matches() && prefixes.contains(value.split("\\.")[0]));
    }

}
