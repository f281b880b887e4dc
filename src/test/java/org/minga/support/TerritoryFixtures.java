package org.minga.support;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.zip.GZIPInputStream;

import org.awaitility.Awaitility;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import com.jayway.jsonpath.JsonPath;

/**
 * The reference territory that ships with Minga ({@code src/main/resources/territory}, gzipped),
 * imported once per test run through the API.
 */
public final class TerritoryFixtures {

    private static final Path EXTRACTED = Path.of("target", "reference-territory");
    private static boolean imported;

    private TerritoryFixtures() {
    }

    public static synchronized void importAll(MockMvc mvc, JdbcClient jdbc) throws Exception {
        if (imported) {
            return;
        }
        for (String[] f : new String[][] {{"co-mgn2018-departamentos.geojson", "CO_DANE_MGN_DEPARTAMENTOS"},
                {"co-mgn2018-municipios.geojson", "CO_DANE_MGN_MUNICIPIOS"}, {"sv-distritos-2024.geojson", "SV_DISTRITOS_2024"}}) {
            String status = awaitJob(jdbc, submit(mvc, f[0], bytes(f[0]), f[1], null));
            if (!"SUCCEEDED".equals(status)) {
                throw new IllegalStateException("Import of " + f[0] + " ended " + status);
            }
        }
        imported = true;
    }

    /** Uploads a file to the territory import API as admin; answers the job's id. */
    public static String submit(MockMvc mvc, String name, byte[] content, String source, String country)
            throws Exception {
        var request = multipart("/api/v1/territory/imports")
                .file(new MockMultipartFile("file", name, "application/octet-stream", content)).param("source", source)
                .with(httpBasic("admin", IntegrationTest.ADMIN_PASSWORD));
        if (country != null) {
            request.param("country", country);
        }
        String body = mvc.perform(request).andExpect(status().isAccepted()).andReturn().getResponse()
                .getContentAsString();
        return JsonPath.read(body, "$.jobId");
    }

    /** Waits for a job to end; answers its final status. */
    public static String awaitJob(JdbcClient jdbc, String id) {
        Awaitility.await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200))
                .until(() -> !jobStatus(jdbc, id).matches("QUEUED|RUNNING"));
        return jobStatus(jdbc, id);
    }

    private static String jobStatus(JdbcClient jdbc, String id) {
        return jdbc.sql("select status from job where id = cast(:id as uuid)").param("id", id).query(String.class)
                .single();
    }

    /** One reference file, uncompressed (e.g. {@code co-mgn2018-municipios.geojson}). */
    public static byte[] bytes(String name) {
        try (InputStream in = TerritoryFixtures.class.getResourceAsStream("/territory/" + name + ".gz")) {
            if (in == null) {
                throw new IllegalStateException("No reference territory file " + name + ".gz on the classpath");
            }
            return new GZIPInputStream(in).readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One reference file uncompressed on disk, for a browser that uploads it. */
    public static synchronized Path file(String name) {
        Path path = EXTRACTED.resolve(name).toAbsolutePath();
        try {
            if (!Files.exists(path)) {
                Files.createDirectories(path.getParent());
                Files.write(path, bytes(name));
            }
            return path;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
