package org.minga.projects;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.hamcrest.Matchers;
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

/**
 * Sectors from the national catalogue, beneficiaries ticked among the members and a drawn line:
 * through the API and the page forms, with the refusals that change nothing.
 */
@IntegrationTest
class ProjectSectorsTests {

    static final String PASSWORD = "una-clave-larga-1";
    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    long scheme;
    String director;
    String stranger;

    @BeforeEach
    void setUp() throws Exception {
        TerritoryFixtures.importAll(mvc, jdbc);
        ApiFixtures fixtures = new ApiFixtures(mvc);
        scheme = fixtures.scheme(TestData.unique("Provincia con sectores"));
        long other = fixtures.scheme(TestData.unique("Provincia ajena"));
        fixtures.members(scheme, "54498", "54003");
        director = TestData.unique("directora");
        stranger = TestData.unique("ajeno");
        fixtures.user(director, PASSWORD, "SCHEME_ADMIN", scheme, null);
        fixtures.user(stranger, PASSWORD, "SCHEME_ADMIN", other, null);
    }

    ResultActions create(String sector, String extra) throws Exception {
        return mvc.perform(post("/api/v1/projects/schemes/" + scheme + "/projects").with(httpBasic(director, PASSWORD))
                .contentType(MediaType.APPLICATION_JSON).content("{\"code\":\"" + TestData.unique("S")
                        + "\",\"name\":\"Conducción veredal\",\"sector\":\"" + sector + "\"" + extra + "}"));
    }

    long projects() {
        return jdbc.sql("select count(*) from project where scheme_id = :s").param("s", scheme).query(Long.class).single();
    }

    @Test
    void theApiTakesASectorByCodeOrNameAndStoresItsNameAndALineAsLocation() throws Exception {
        create("40", ",\"location\":{\"type\":\"LineString\",\"coordinates\":[[-73.35,8.24],[-73.30,8.20]]}")
                .andExpect(status().isCreated()).andExpect(jsonPath("$.sector").value("Vivienda, ciudad y territorio"))
                .andExpect(jsonPath("$.location.type").value("LineString"));
        create("AGRICULTURA y desarrollo RURAL", "").andExpect(status().isCreated())
                .andExpect(jsonPath("$.sector").value("Agricultura y desarrollo rural"));
    }

    @Test
    void theCatalogueOfEachCountryIsListedForIntegratorsAndAnUnknownCountryIsRefused() throws Exception {
        mvc.perform(get("/api/v1/projects/sectors").param("country", "sv").with(httpBasic(director, PASSWORD)))
                .andExpect(status().isOk()).andExpect(jsonPath("$[*].code", Matchers.contains("1", "2", "3", "4", "7")))
                .andExpect(jsonPath("$[2].name").value("Desarrollo social"));
        mvc.perform(get("/api/v1/projects/sectors").param("country", "CO").with(httpBasic(director, PASSWORD)))
                .andExpect(jsonPath("$[?(@.code == '24')].name", Matchers.contains("Transporte")));
        mvc.perform(get("/api/v1/projects/sectors").param("country", "PE").with(httpBasic(director, PASSWORD)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("country"));
    }

    @Test
    void anUnknownSectorOrAOneVertexLineIsRefusedNamingTheFieldAndNothingIsWritten() throws Exception {
        long before = projects();
        create("Agua", ",\"location\":{\"type\":\"LineString\",\"coordinates\":[[-73.35,8.24]]}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", Matchers.containsInAnyOrder("sector", "location")))
                .andExpect(jsonPath("$.errors[?(@.field == 'sector')].message", Matchers.hasItem(
                        "El sector «Agua» no está en el catálogo de sectores de inversión; elija uno de la lista "
                                + "(su nombre o su código).")));
        assertThat(projects()).isEqualTo(before);
    }

    @Test
    void thePageFormOffersTheCatalogueAndTheMembersByNameAndSavesTheTickedOnes() throws Exception {
        var asDirector = user(director).roles("SCHEME_ADMIN");
        mvc.perform(get("/projects/schemes/" + scheme).with(asDirector)).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString(">24 Transporte</option>")))
                .andExpect(content().string(Matchers.containsString("Ocaña (Norte de Santander)")))
                .andExpect(content().string(Matchers.containsString("name=\"beneficiaries\" value=\"54003\"")))
                .andExpect(content().string(Matchers.containsString("Avanzado: GeoJSON")));
        String code = TestData.unique("F");
        mvc.perform(post("/projects/schemes/" + scheme).with(asDirector).with(csrf()).param("code", code)
                .param("name", "Puente").param("sector", "Transporte").param("currency", "COP")
                .param("beneficiaries", "54498", "54003")
                .param("location", "{\"type\":\"Point\",\"coordinates\":[-73.35,8.24]}"))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("""
                select string_agg(b.unit_code, ',' order by b.unit_code) from project p
                join project_beneficiary b on b.project_id = p.id where p.scheme_id = :s and p.code = :c
                """).param("s", scheme).param("c", code).query(String.class).single()).isEqualTo("54003,54498");
        // A sector typed outside the list is refused beside the field, in Spanish; nothing is written.
        long before = projects();
        mvc.perform(post("/projects/schemes/" + scheme).with(asDirector).with(csrf()).param("code", TestData.unique("F"))
                .param("name", "Puente").param("sector", "Vías").param("currency", "COP"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("El sector «Vías» no está en el catálogo")));
        assertThat(projects()).isEqualTo(before);
    }

    @Test
    void anEditKeepsASectorStoredBeforeTheCatalogueButRefusesANewUnknownOneAndAStranger() throws Exception {
        long id = jdbc.sql("""
                insert into project (scheme_id, code, name, sector, stage_since) values (:s, :c, 'Vía vieja', 'Vías',
                    date '2020-01-01') returning id
                """).param("s", scheme).param("c", TestData.unique("OLD")).query(Long.class).single();
        var asDirector = user(director).roles("SCHEME_ADMIN");
        mvc.perform(get("/projects/" + id).with(asDirector)).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("<option value=\"Vías\" selected=\"selected\">Vías</option>")));
        mvc.perform(post("/projects/" + id + "/edit").with(asDirector).with(csrf()).param("code", "VIEJA-1")
                .param("name", "Vía vieja mejorada").param("sector", "Vías").param("currency", "COP"))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("select name || '|' || sector from project where id = :id").param("id", id)
                .query(String.class).single()).isEqualTo("Vía vieja mejorada|Vías");
        mvc.perform(post("/projects/" + id + "/edit").with(asDirector).with(csrf()).param("code", "VIEJA-1")
                .param("name", "Otra").param("sector", "Carreteras").param("currency", "COP"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("El sector «Carreteras» no está en el catálogo")));
        mvc.perform(post("/projects/" + id + "/edit").with(user(stranger).roles("SCHEME_ADMIN")).with(csrf())
                .param("code", "X").param("name", "x").param("sector", "Transporte")).andExpect(status().isForbidden());
        assertThat(jdbc.sql("select name from project where id = :id").param("id", id).query(String.class).single())
                .isEqualTo("Vía vieja mejorada");
        assertThat(jdbc.sql("select count(*) from audit_event where entity_type = 'project' and entity_id = :id")
                .param("id", String.valueOf(id)).query(Long.class).single()).isEqualTo(1);
    }
}
