package org.minga.support;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.awaitility.Awaitility;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import com.jayway.jsonpath.JsonPath;

/** The real boundary files of ../shared/data/territory, imported once per test run through the API. */
public final class TerritoryFixtures {

    public static final Path DATA = Path.of("..", "shared", "data", "territory");
    private static boolean imported;

    private TerritoryFixtures() {
    }

    public static synchronized void importAll(MockMvc mvc, JdbcClient jdbc) throws Exception {
        if (imported) {
            return;
        }
        if (!Files.exists(DATA.resolve("co-mgn2018-municipios.geojson"))) {
            throw new IllegalStateException("Territory data missing: expected ../shared/data/territory (see README)");
        }
        for (String[] f : new String[][] {{"co-mgn2018-departamentos.geojson", "CO_DANE_MGN_DEPARTAMENTOS"},
                {"co-mgn2018-municipios.geojson", "CO_DANE_MGN_MUNICIPIOS"}, {"sv-distritos-2024.geojson", "SV_DISTRITOS_2024"}}) {
            String body = mvc.perform(multipart("/api/v1/territory/imports")
                    .file(new MockMultipartFile("file", f[0], "application/geo+json", Files.readAllBytes(DATA.resolve(f[0]))))
                    .param("source", f[1]).with(httpBasic("admin", IntegrationTest.ADMIN_PASSWORD)))
                    .andReturn().getResponse().getContentAsString();
            String job = JsonPath.read(body, "$.jobId");
            Awaitility.await().atMost(Duration.ofSeconds(120)).until(() -> !jdbc.sql(
                    "select status from job where id = cast(:id as uuid)").param("id", job).query(String.class)
                    .single().matches("QUEUED|RUNNING"));
            String status = jdbc.sql("select status from job where id = cast(:id as uuid)").param("id", job)
                    .query(String.class).single();
            if (!"SUCCEEDED".equals(status)) {
                throw new IllegalStateException("Import of " + f[0] + " ended " + status);
            }
        }
        imported = true;
    }
}
