package org.minga.transitions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;

import com.jayway.jsonpath.JsonPath;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.minga.support.ApiFixtures;
import org.minga.support.IntegrationTest;
import org.minga.support.TerritoryFixtures;
import org.minga.support.TestData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** Elections, candidate and handover dossiers from live data, the distribution log and neutrality. */
@IntegrationTest
class TransitionsTests {

    static final String PASSWORD = "una-clave-larga-1";
    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    long scheme;
    long project;
    String director;
    String outsider;
    String base;
    String schemeName;

    @BeforeEach
    void setUp() throws Exception {
        TerritoryFixtures.importAll(mvc, jdbc);
        var fixtures = new ApiFixtures(mvc);
        schemeName = TestData.unique("Asomunicipios");
        scheme = fixtures.scheme(schemeName);
        long other = fixtures.scheme(TestData.unique("Ajeno"));
        director = TestData.unique("directora");
        outsider = TestData.unique("ajeno");
        fixtures.user(director, PASSWORD, "SCHEME_ADMIN", scheme, null);
        fixtures.user(outsider, PASSWORD, "SCHEME_ADMIN", other, null);
        for (String code : List.of("54498", "54003", "54206")) {
            write(post("/api/v1/registry/schemes/" + scheme + "/members"), "admin",
                    "{\"unitCode\":\"" + code + "\",\"joinedOn\":\"2020-01-01\",\"delegate\":\"Delegado " + code + "\"}")
                    .andExpect(status().is2xxSuccessful());
        }
        project = id(write(post("/api/v1/projects/schemes/" + scheme + "/projects"), director, """
                {"code":"ELEC-1","name":"Electrificación rural del Catatumbo","sector":"Minas y energía","cost":500000000,"currency":"COP",
                 "beneficiaries":[{"unitCode":"54498","people":1000},{"unitCode":"54003","people":500}]}""")
                .andExpect(status().isCreated()));
        long rule = id(write(post("/api/v1/finance/schemes/" + scheme + "/rules"), director,
                "{\"year\":2024,\"name\":\"Cuota ordinaria\",\"kind\":\"FIXED\",\"amount\":1000000,\"periodicity\":\"YEARLY\","
                        + "\"currency\":\"COP\",\"dueDay\":10,\"members\":[\"54498\",\"54003\"]}").andExpect(status().isCreated()));
        write(post("/api/v1/finance/schemes/" + scheme + "/rules/" + rule + "/obligations"), director, "").andExpect(status().isOk());
        write(post("/api/v1/planning/schemes/" + scheme + "/goals"), director,
                "{\"name\":\"Familias con energía\",\"indicator\":\"Familias\",\"unit\":\"familias\",\"baseline\":0,\"target\":16000,"
                        + "\"periodicity\":\"YEARLY\",\"startsOn\":\"2024-01-01\",\"dueOn\":\"2032-12-31\",\"source\":\"Operador\","
                        + "\"responsible\":\"Dirección\"}").andExpect(status().isCreated());
        write(post("/api/v1/transitions/schemes/" + scheme + "/mayors"), director,
                "{\"unitCode\":\"54498\",\"name\":\"Alcaldesa de Ocaña\",\"party\":\"Movimiento Cívico\"}").andExpect(status().isCreated());
        base = "/api/v1/transitions/schemes/" + scheme;
    }

    @Test
    void everyCandidateGetsTheSameVersionUntilAProjectChangesAndThenTheNewOneIsFlagged() throws Exception {
        long election = id(write(post(base + "/elections"), director,
                "{\"name\":\"Elecciones regionales 2027\",\"heldOn\":\"2027-10-31\"}").andExpect(status().isCreated())
                .andExpect(jsonPath("$.periodStartsOn").value("2028-01-01")));
        long ana = id(write(post(base + "/elections/" + election + "/candidates"), director, "{\"name\":\"Ana Pérez\",\"party\":\"A\"}"));
        long luis = id(write(post(base + "/elections/" + election + "/candidates"), director, "{\"name\":\"Luis Gómez\",\"party\":\"B\"}"));
        read(base + "/elections/" + election + "/neutrality").andExpect(jsonPath("$.verdict").value("INCOMPLETE"));

        String first = deliver(election, ana).andExpect(jsonPath("$.differs").value(false))
                .andExpect(jsonPath("$.newVersion").value(true)).andReturn().getResponse().getContentAsString();
        String second = deliver(election, luis).andExpect(jsonPath("$.differs").value(false))
                .andExpect(jsonPath("$.newVersion").value(false)).andReturn().getResponse().getContentAsString();
        String hash = JsonPath.read(first, "$.version.hash");
        assertThat((String) JsonPath.read(second, "$.version.hash")).isEqualTo(hash).hasSize(64);
        read(base + "/elections/" + election + "/neutrality").andExpect(jsonPath("$.verdict").value("SAME"))
                .andExpect(jsonPath("$.currentHash").value(hash))
                .andExpect(jsonPath("$.candidates[0].current").value(true));

        // The PDF says what the data say, and carries its version.
        long version = ((Number) JsonPath.read(first, "$.version.id")).longValue();
        byte[] pdf = mvc.perform(get(base + "/dossiers/" + version + ".pdf").with(httpBasic(director, PASSWORD)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        String text = text(pdf);
        assertThat(text).contains("Expediente para candidatos", schemeName, "Región: todos los miembros", "Ocaña", "Delegado 54498",
                "Alcaldesa de Ocaña", "Proyectos heredados y su estado", "ELEC-1", "Electrificación rural del Catatumbo", "Idea",
                "Aportes y cartera", "COP 1.000.000", "Familias con energía", "Necesidades de inversión abiertas", hash);
        assertThat(mvc.perform(get(base + "/dossiers/" + version + ".pdf").with(httpBasic(director, PASSWORD)))
                .andReturn().getResponse().getContentAsByteArray()).isEqualTo(pdf);

        // A project moves: the next dossier is a new version, flagged, and the report no longer matches.
        write(post("/api/v1/projects/" + project + "/steps"), director,
                "{\"stage\":\"PROFILE\",\"on\":\"" + LocalDate.now() + "\",\"note\":\"Perfil listo\"}").andExpect(status().is2xxSuccessful());
        read(base + "/elections/" + election + "/neutrality").andExpect(jsonPath("$.verdict").value("SAME"))
                .andExpect(jsonPath("$.candidates[0].current").value(false));
        String third = deliver(election, ana).andExpect(jsonPath("$.differs").value(true))
                .andExpect(jsonPath("$.newVersion").value(true)).andReturn().getResponse().getContentAsString();
        String changed = JsonPath.read(third, "$.version.hash");
        assertThat(changed).isNotEqualTo(hash);
        assertThat(text(mvc.perform(get(base + "/dossiers/" + JsonPath.read(third, "$.version.id") + ".pdf")
                .with(httpBasic(director, PASSWORD))).andReturn().getResponse().getContentAsByteArray())).contains("Perfil");
        read(base + "/elections/" + election + "/neutrality").andExpect(jsonPath("$.verdict").value("DIFFERENT"));
        deliver(election, luis);
        read(base + "/elections/" + election + "/neutrality").andExpect(jsonPath("$.verdict").value("SAME"));
        read(base + "/deliveries?size=10").andExpect(jsonPath("$.length()").value(4))
                .andExpect(jsonPath("$[0].recipient").value("Luis Gómez (candidato)"))
                .andExpect(jsonPath("$[3].hash").value(hash));

        // The page shows the log; a bad election is refused in Spanish beside its field.
        var asDirector = user(director).roles("SCHEME_ADMIN");
        mvc.perform(get("/transitions/schemes/" + scheme).with(asDirector)).andExpect(status().isOk())
                .andExpect(content().string(containsString("Luis Gómez (candidato)")))
                .andExpect(content().string(containsString(hash.substring(0, 12))));
        mvc.perform(post("/transitions/schemes/" + scheme + "/elections").with(asDirector).with(csrf()).param("name", "Sin fecha"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("La fecha de la elección es obligatoria.")));
        assertThat(jdbc.sql("select count(*) from election where scheme_id = :s").param("s", scheme).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aHandoverDossierCoversOneMemberOnly() throws Exception {
        String body = write(post(base + "/handovers"), director, "{\"unitCode\":\"54206\",\"recipient\":\"Alcalde entrante de Convención\"}")
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        String text = text(mvc.perform(get(base + "/dossiers/" + JsonPath.read(body, "$.version.id") + ".pdf")
                .with(httpBasic(director, PASSWORD))).andReturn().getResponse().getContentAsByteArray());
        assertThat(text).contains("Expediente de empalme", "Convención (54206)", "Sin proyectos.")
                .doesNotContain("Electrificación rural del Catatumbo", "Alcaldesa de Ocaña");
    }

    @Test
    void refusedAndInvalidRequestsWriteNothing() throws Exception {
        long election = id(write(post(base + "/elections"), director, "{\"name\":\"Atípicas\",\"heldOn\":\"2026-03-01\",\"unitCode\":\"54003\"}"));
        long ana = id(write(post(base + "/elections/" + election + "/candidates"), director, "{\"name\":\"Ana\"}"));
        deliver(election, ana, outsider).andExpect(status().isForbidden());
        write(post(base + "/elections"), outsider, "{\"name\":\"Intrusa\",\"heldOn\":\"2027-10-31\"}").andExpect(status().isForbidden());
        write(post(base + "/handovers"), outsider, "{\"unitCode\":\"54003\",\"recipient\":\"X\"}").andExpect(status().isForbidden());
        write(post(base + "/elections"), director, "{\"name\":\"\",\"unitCode\":\"99999\"}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.containsInAnyOrder("name", "heldOn", "unitCode")));
        write(post(base + "/mayors"), director, "{\"unitCode\":\"05001\",\"name\":\"X\"}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("unitCode")).andExpect(jsonPath("$.errors[0].rule").value("Member"));
        assertThat(jdbc.sql("select count(*) from dossier_delivery where scheme_id = :s").param("s", scheme).query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from dossier_version where scheme_id = :s").param("s", scheme).query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from election where scheme_id = :s").param("s", scheme).query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from mayor where scheme_id = :s").param("s", scheme).query(Long.class).single()).isEqualTo(1);
    }

    private static String text(byte[] pdf) throws Exception {
        try (var doc = Loader.loadPDF(pdf)) {
            // Cells wrap long text over lines: compare words, not line breaks.
            return new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
        }
    }

    private ResultActions deliver(long election, long candidate) throws Exception {
        return deliver(election, candidate, director).andExpect(status().isCreated());
    }

    private ResultActions deliver(long election, long candidate, String as) throws Exception {
        return write(post(base + "/elections/" + election + "/candidates/" + candidate + "/deliveries"), as, "");
    }

    private static long id(ResultActions r) throws Exception {
        return ((Number) JsonPath.read(r.andReturn().getResponse().getContentAsString(), "$.id")).longValue();
    }

    private ResultActions read(String url) throws Exception {
        return mvc.perform(get(url).with(httpBasic(director, PASSWORD))).andExpect(status().isOk());
    }

    private ResultActions write(MockHttpServletRequestBuilder request, String as, String json) throws Exception {
        return mvc.perform(request.with(httpBasic(as, as.equals("admin") ? IntegrationTest.ADMIN_PASSWORD : PASSWORD))
                .contentType(MediaType.APPLICATION_JSON).content(json));
    }
}
