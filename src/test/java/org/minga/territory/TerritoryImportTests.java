package org.minga.territory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.minga.support.IntegrationTest;
import org.minga.support.TerritoryFixtures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import com.jayway.jsonpath.JsonPath;

/** The three real boundary files of the reference territory, imported through the API. */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TerritoryImportTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;

    @BeforeAll
    void importTheRealFiles() throws Exception {
        assertThat(importFile("co-mgn2018-departamentos.geojson", "CO_DANE_MGN_DEPARTAMENTOS")).isEqualTo("SUCCEEDED");
        assertThat(importFile("co-mgn2018-municipios.geojson", "CO_DANE_MGN_MUNICIPIOS")).isEqualTo("SUCCEEDED");
        assertThat(importFile("sv-distritos-2024.geojson", "SV_DISTRITOS_2024")).isEqualTo("SUCCEEDED");
    }

    @Test
    void theFilesGiveTheUnitsOfBothCountries() {
        assertThat(count("CO", "DEPARTMENT", "2025-01-01")).isEqualTo(33);
        assertThat(count("CO", "MUNICIPALITY", "2025-01-01")).isEqualTo(1122);
        assertThat(count("SV", "DEPARTMENT", "2025-01-01")).isEqualTo(14);
        assertThat(count("SV", "MUNICIPALITY", "2020-01-01")).isEqualTo(262);
        assertThat(count("SV", "MUNICIPALITY", "2025-01-01")).isEqualTo(44);
        assertThat(count("SV", "DISTRICT", "2025-01-01")).isEqualTo(262);
        assertThat(count("SV", "DISTRICT", "2020-01-01")).isZero();
    }

    @Test
    void aQuestionAboutThePastGetsThePastsAnswer() throws Exception {
        mvc.perform(get("/api/v1/territory/units/SV/D097").param("at", "2020-01-01").with(admin()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.unit.level").value("MUNICIPALITY"))
                .andExpect(jsonPath("$.unit.name").value("Aguilares"))
                .andExpect(jsonPath("$.originalName").value("Aguilares SS"))
                .andExpect(jsonPath("$.unit.parentCode").value("06"))
                .andExpect(jsonPath("$.successors[0].level").value("DISTRICT"));
        mvc.perform(get("/api/v1/territory/units/SV/D097").param("at", "2024-05-01").with(admin()))
                .andExpect(jsonPath("$.unit.level").value("DISTRICT"))
                .andExpect(jsonPath("$.unit.parentCode").value("M21"))
                .andExpect(jsonPath("$.parent.name").value("San Salvador Norte"))
                .andExpect(jsonPath("$.children").isEmpty())
                .andExpect(jsonPath("$.predecessors[0].level").value("MUNICIPALITY"));
        mvc.perform(get("/api/v1/territory/units/SV/M21").param("at", "2024-04-30").with(admin()))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/territory/units/SV/M21").param("at", "2025-01-01").with(admin()))
                .andExpect(jsonPath("$.children[*].code", hasItem("D097")));
    }

    @Test
    void ocanaAndAbregoAreNeighboursWithAMeasuredBorder() throws Exception {
        mvc.perform(get("/api/v1/territory/units/CO/54498/neighbours").with(admin()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].name", hasItem("Ábrego")));
        String adjacency = mvc.perform(get("/api/v1/territory/adjacency").param("country", "CO")
                .param("level", "MUNICIPALITY").with(admin())).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        Double meters = JsonPath.<net.minidev.json.JSONArray>read(adjacency,
                "$[?(@.a == '54003' && @.b == '54498')].sharedBorderMeters").stream()
                .map(m -> ((Number) m).doubleValue()).findFirst().orElse(null);
        assertThat(meters).isNotNull().isGreaterThan(1_000);
    }

    @Test
    void searchIgnoresAccentsAndPointsAreLocated() throws Exception {
        mvc.perform(get("/api/v1/territory/units").param("q", "ocana").param("country", "CO").with(admin()))
                .andExpect(jsonPath("$.items[*].code", hasItem("54498")));
        // Ocaña's main square lies in Ocaña, in Norte de Santander.
        mvc.perform(get("/api/v1/territory/locate").param("lat", "8.2355").param("lon", "-73.3560").with(admin()))
                .andExpect(jsonPath("$[*].code", hasItem("54498")))
                .andExpect(jsonPath("$[*].code", hasItem("54")));
    }

    @Test
    void aTruncatedOrWrongFileFailsClearlyAndChangesNothing() throws Exception {
        long before = jdbc.sql("select count(*) + coalesce(sum(area_km2), 0) from territorial_unit")
                .query(Double.class).single().longValue();
        byte[] whole = TerritoryFixtures.bytes("co-mgn2018-departamentos.geojson");
        String truncated = submit("corto.geojson", Arrays.copyOf(whole, whole.length / 2), "CO_DANE_MGN_DEPARTAMENTOS");
        assertThat(awaitJob(truncated)).isEqualTo("FAILED");
        assertThat(jobError(truncated)).contains("no es GeoJSON válido");
        String wrongSource = submit("mun.geojson", TerritoryFixtures.bytes("sv-distritos-2024.geojson"),
                "CO_DANE_MGN_MUNICIPIOS");
        assertThat(awaitJob(wrongSource)).isEqualTo("FAILED");
        assertThat(jobError(wrongSource)).contains("Entidad 1").contains("MPIO_CCNCT");
        assertThat(jdbc.sql("select count(*) + coalesce(sum(area_km2), 0) from territorial_unit")
                .query(Double.class).single().longValue()).isEqualTo(before);
    }

    @Test
    void reImportingAddsNoDuplicates() throws Exception {
        assertThat(importFile("co-mgn2018-departamentos.geojson", "CO_DANE_MGN_DEPARTAMENTOS")).isEqualTo("SUCCEEDED");
        assertThat(jdbc.sql("select count(*) from territorial_unit where country = 'CO' and level = 'DEPARTMENT'")
                .query(Long.class).single()).isEqualTo(33);
    }

    @Test
    void attributesComeFromCsvAndBadRowsAreNamed() throws Exception {
        String ok = submitCsv("code,year,attribute,value\n54498,2024,population,103000\n54498,2024,category,4\n"
                + "54498,2024,pdet,true\n");
        assertThat(awaitJob(ok)).isEqualTo("SUCCEEDED");
        mvc.perform(get("/api/v1/territory/units/CO/54498").with(admin()))
                .andExpect(jsonPath("$.attributesByYear['2024'].category").value("4"))
                .andExpect(jsonPath("$.attributesByYear['2024'].pdet").value("true"));
        String bad = submitCsv("code,year,attribute,value\n54498,2025,category,7\n99999,2025,population,1\n");
        assertThat(awaitJob(bad)).isEqualTo("FAILED");
        assertThat(jobError(bad)).contains("línea 2").contains("category debe ser ESPECIAL o de 1 a 6");
    }

    @Test
    void onlyPlatformAdministratorsImport() throws Exception {
        mvc.perform(multipart("/api/v1/territory/imports")
                .file(new MockMultipartFile("file", "x.csv", "text/csv", "code,year,attribute,value\n".getBytes()))
                .param("source", "ATTRIBUTES_CSV"))
                .andExpect(status().isUnauthorized());
        mvc.perform(multipart("/api/v1/territory/imports")
                .file(new MockMultipartFile("file", "x.csv", "text/csv", "x".getBytes()))
                .param("source", "NOPE").with(admin()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("source"));
    }

    private long count(String country, String level, String at) {
        return jdbc.sql("select count(*) from territorial_unit where country = :c and level = :l"
                + " and valid_from <= cast(:at as date) and (valid_to is null or valid_to >= cast(:at as date))")
                .param("c", country).param("l", level).param("at", at).query(Long.class).single();
    }

    private String importFile(String name, String source) throws Exception {
        return awaitJob(submit(name, TerritoryFixtures.bytes(name), source));
    }

    private String submitCsv(String csv) throws Exception {
        return submit("atributos.csv", csv.getBytes(StandardCharsets.UTF_8), "ATTRIBUTES_CSV");
    }

    private String submit(String name, byte[] content, String source) throws Exception {
        return TerritoryFixtures.submit(mvc, name, content, source, "CO");
    }

    private String awaitJob(String id) {
        return TerritoryFixtures.awaitJob(jdbc, id);
    }

    private String jobError(String id) {
        return jdbc.sql("select error from job where id = cast(:id as uuid)").param("id", id).query(String.class)
                .single();
    }

    private static org.springframework.test.web.servlet.request.RequestPostProcessor admin() {
        return httpBasic("admin", IntegrationTest.ADMIN_PASSWORD);
    }
}
