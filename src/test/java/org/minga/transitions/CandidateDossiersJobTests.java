package org.minga.transitions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;

import org.junit.jupiter.api.Test;
import org.minga.platform.Jobs;
import org.minga.support.ApiFixtures;
import org.minga.support.IntegrationTest;
import org.minga.support.TerritoryFixtures;
import org.minga.support.TestData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Every candidate's dossier at once, as a job: each candidate is served the same version, the job's
 * page leads back to the election; another scheme's administrator may not start it.
 */
@IntegrationTest
class CandidateDossiersJobTests {

    static final String PASSWORD = "una-clave-larga-1";
    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Jobs jobs;

    @Test
    void everyCandidateIsServedTheSameVersionByOneJob() throws Exception {
        TerritoryFixtures.importAll(mvc, jdbc);
        ApiFixtures fixtures = new ApiFixtures(mvc);
        long scheme = fixtures.scheme(TestData.unique("Asomunicipios en lote"));
        fixtures.members(scheme, "54498", "54003");
        long other = fixtures.scheme(TestData.unique("Ajeno"));
        String director = TestData.unique("directora");
        String outsider = TestData.unique("ajeno");
        fixtures.user(director, PASSWORD, "SCHEME_ADMIN", scheme, null);
        fixtures.user(outsider, PASSWORD, "SCHEME_ADMIN", other, null);
        String base = "/api/v1/transitions/schemes/" + scheme;
        long election = id(api(base + "/elections", director, "{\"name\":\"Elecciones 2027\",\"heldOn\":\"2027-10-31\"}"));
        for (String name : new String[] {"Ana Pérez", "Luis Gómez", "Rosa Díaz"}) {
            api(base + "/elections/" + election + "/candidates", director, "{\"name\":\"" + name + "\"}");
        }
        String page = "/transitions/schemes/" + scheme + "/elections/" + election;
        assertThat(mvc.perform(get(page).with(user(director))).andReturn().getResponse().getContentAsString())
                .contains("id=\"deliver-all\"").contains("Generar y entregar el expediente a todos los candidatos");

        // Someone of another scheme is refused, and nothing is queued.
        long queued = jdbc.sql("select count(*) from job").query(Long.class).single();
        mvc.perform(post(page + "/deliveries").with(user(outsider)).with(csrf())).andExpect(status().isForbidden());
        assertThat(jdbc.sql("select count(*) from job").query(Long.class).single()).isEqualTo(queued);

        String location = mvc.perform(post(page + "/deliveries").with(user(director)).with(csrf()))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        UUID job = UUID.fromString(location.substring("/jobs/".length()));
        await().atMost(Duration.ofSeconds(60)).until(() -> jobs.find(job).orElseThrow().finished());
        Jobs.JobView done = jobs.find(job).orElseThrow();
        assertThat(done.status()).isEqualTo(Jobs.Status.SUCCEEDED);
        assertThat(done.message()).isEqualTo("3 expedientes entregados");

        mvc.perform(get(base + "/elections/" + election + "/neutrality").with(httpBasic(director, PASSWORD)))
                .andExpect(jsonPath("$.verdict").value("SAME")).andExpect(jsonPath("$.candidates.length()").value(3));
        assertThat(jdbc.sql("select count(*) from dossier_delivery where election_id = :e").param("e", election)
                .query(Long.class).single()).isEqualTo(3);
        assertThat(mvc.perform(get("/jobs/" + job).with(user(director))).andReturn().getResponse().getContentAsString())
                .contains("Expedientes de todos los candidatos").contains("href=\"" + page + "\"")
                .contains("Ver la elección y su reporte de neutralidad");
    }

    private String api(String url, String as, String json) throws Exception {
        return mvc.perform(post(url).with(httpBasic(as, PASSWORD)).contentType(MediaType.APPLICATION_JSON).content(json))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
    }

    private static long id(String json) {
        return ((Number) JsonPath.read(json, "$.id")).longValue();
    }
}
