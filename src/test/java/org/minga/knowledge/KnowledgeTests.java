package org.minga.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItems;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.concurrent.ThreadLocalRandom;

import com.jayway.jsonpath.JsonPath;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.minga.support.ApiFixtures;
import org.minga.support.TestData;
import org.minga.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** Experiences, good practices and documents, and the Spanish full-text search that ignores accents. */
@IntegrationTest
class KnowledgeTests {

    static final String PASSWORD = "una-clave-larga-1";
    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    long scheme;
    String director;
    String outsider;
    /** A made-up word that only this test's items carry, so other tests' items never match. */
    String token;

    @BeforeEach
    void setUp() throws Exception {
        var fixtures = new ApiFixtures(mvc);
        scheme = fixtures.scheme(TestData.unique("Conocimiento"));
        long other = fixtures.scheme(TestData.unique("Otro"));
        director = TestData.unique("sistematizadora");
        outsider = TestData.unique("ajena");
        fixtures.user(director, PASSWORD, "SCHEME_ADMIN", scheme, null);
        fixtures.user(outsider, PASSWORD, "SCHEME_ADMIN", other, null);
        StringBuilder b = new StringBuilder("kw");
        for (int i = 0; i < 10; i++) {
            b.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
        }
        token = b.toString();
    }

    @Test
    void searchIgnoresAccentsFindsVariantsHighlightsAndFilters() throws Exception {
        long experience = id(create(director, "{\"schemeId\":" + scheme + ",\"kind\":\"EXPERIENCE\",\"title\":\"Mesas veredales " + token
                + "\",\"context\":\"La participación de las juntas de acción comunal en la priorización de vías.\","
                + "\"lessons\":\"Escuchar antes de formular.\",\"voices\":\"«Nos tuvieron en cuenta» — líder de Hacarí\","
                + "\"factors\":[2,6],\"areas\":[3]}").andExpect(status().isCreated()));
        create(director, "{\"schemeId\":" + scheme + ",\"kind\":\"GOOD_PRACTICE\",\"title\":\"Relleno sanitario " + token
                + "\",\"body\":\"Participaciones de los municipios en los costos <script>alert(1)</script>\","
                + "\"integrality\":5,\"impact\":4,\"sustainability\":4,\"replicability\":3,\"factors\":[6]}").andExpect(status().isCreated());
        create(director, "{\"schemeId\":" + scheme + ",\"kind\":\"TECHNICAL_DOCUMENT\",\"title\":\"Documento de contexto " + token
                + "\",\"body\":\"Vías terciarias\",\"documentType\":\"Documento de contexto regional\",\"audience\":\"DNP\","
                + "\"deliveredTo\":\"Ministerio de Transporte\",\"deliveredOn\":\"2025-05-02\",\"areas\":[4]}").andExpect(status().isCreated());

        // "participacion" without accent finds "participación", highlighted.
        search("participacion " + token).andExpect(jsonPath("$.hits.length()").value(1))
                .andExpect(jsonPath("$.hits[0].id").value(experience))
                .andExpect(jsonPath("$.hits[0].headline").value(containsString("<mark>participación</mark>")));
        search("PARTICIPACIÓN " + token).andExpect(jsonPath("$.hits.length()").value(1));
        // A variant: the plural finds the singular with its accent, and the plural itself.
        search("participaciones " + token).andExpect(jsonPath("$.hits.length()").value(2))
                .andExpect(jsonPath("$.hits[*].title", hasItems("Mesas veredales " + token, "Relleno sanitario " + token)));
        search("vias " + token).andExpect(jsonPath("$.hits.length()").value(2));
        // Text from a document is escaped; only our marks are HTML.
        search("participaciones " + token + "&kind=GOOD_PRACTICE").andExpect(jsonPath("$.hits.length()").value(1))
                .andExpect(jsonPath("$.hits[0].score").value(16))
                .andExpect(jsonPath("$.hits[0].headline").value(org.hamcrest.Matchers.allOf(containsString("alert(1)"), org.hamcrest.Matchers.not(containsString("<script")))));
        search(token + "&factor=6").andExpect(jsonPath("$.hits.length()").value(2));
        search(token + "&area=4").andExpect(jsonPath("$.hits[0].title").value("Documento de contexto " + token));
        mvc.perform(get("/api/v1/knowledge/search?q=" + token + "&size=2").with(httpBasic(director, PASSWORD)))
                .andExpect(jsonPath("$.hits.length()").value(2)).andExpect(jsonPath("$.hasNext").value(true));
        mvc.perform(get("/api/v1/knowledge/search?q=" + token + "&size=2&page=1").with(httpBasic(director, PASSWORD)))
                .andExpect(jsonPath("$.hits.length()").value(1)).andExpect(jsonPath("$.hasNext").value(false));

        mvc.perform(get("/knowledge").param("q", "participacion " + token).with(user(director).roles("SCHEME_ADMIN")))
                .andExpect(status().isOk()).andExpect(content().string(containsString("<mark>participación</mark>")))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("<script>alert"))));
        mvc.perform(get("/knowledge/items/" + experience).with(user(director).roles("SCHEME_ADMIN")))
                .andExpect(status().isOk()).andExpect(content().string(containsString("Comunicación y participación")))
                .andExpect(content().string(containsString("III. Visión estratégica y proyectos conjuntos")));
    }

    @Test
    void refusedAndInvalidItemsAreNotWritten() throws Exception {
        create(outsider, "{\"schemeId\":" + scheme + ",\"kind\":\"EXPERIENCE\",\"title\":\"" + token + "\",\"context\":\"x\"}")
                .andExpect(status().isForbidden());
        create(director, "{\"kind\":\"EXPERIENCE\",\"title\":\"" + token + "\",\"context\":\"x\"}").andExpect(status().isForbidden());
        create(director, "{\"schemeId\":" + scheme + ",\"kind\":\"GOOD_PRACTICE\",\"title\":\"" + token
                + "\",\"integrality\":6,\"impact\":0,\"factors\":[16],\"areas\":[11]}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItems("integrality", "impact", "sustainability", "replicability", "factors", "areas")));
        create(director, "{\"schemeId\":" + scheme + ",\"kind\":\"NOTE\",\"title\":\"\"}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItems("kind", "title")));
        assertThat(jdbc.sql("select count(*) from knowledge_item where title like :t").param("t", "%" + token + "%")
                .query(Long.class).single()).isZero();
        search("a".repeat(201)).andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("q"));
    }

    private ResultActions search(String q) throws Exception {
        String[] parts = q.split("&", 2);
        return mvc.perform(get("/api/v1/knowledge/search" + (parts.length > 1 ? "?" + parts[1] : "")).param("q", parts[0])
                .with(httpBasic(director, PASSWORD)));
    }

    private ResultActions create(String as, String json) throws Exception {
        return write(post("/api/v1/knowledge/items"), as, json);
    }

    private static long id(ResultActions r) throws Exception {
        return ((Number) JsonPath.read(r.andReturn().getResponse().getContentAsString(), "$.id")).longValue();
    }

    private ResultActions write(MockHttpServletRequestBuilder request, String as, String json) throws Exception {
        return mvc.perform(request.with(httpBasic(as, PASSWORD)).contentType(MediaType.APPLICATION_JSON).content(json));
    }
}
