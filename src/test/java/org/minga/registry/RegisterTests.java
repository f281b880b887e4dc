package org.minga.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

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

import com.jayway.jsonpath.JsonPath;

/** The public register: profile, status, competences, overlap, filters, open data and scoped writes. */
@IntegrationTest
class RegisterTests {

    static final String PASSWORD = "una-clave-larga-1";
    static final String ADMIN = IntegrationTest.ADMIN_PASSWORD;
    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    String tag;
    long province;
    String director;

    @BeforeEach
    void setUp() throws Exception {
        TerritoryFixtures.importAll(mvc, jdbc);
        tag = TestData.unique("Registro");
        province = scheme(tag + " Provincia de Ocaña", "CO", "ASOCIACION_MUNICIPIOS");
        director = TestData.unique("director");
        new ApiFixtures(mvc).user(director, PASSWORD, "SCHEME_ADMIN", province, null);
    }

    @Test
    void aSchemeMovesOnlyAlongItsLifeAndEachStepIsDatedInTheTimeline() throws Exception {
        write(post("/api/v1/registry/schemes/" + province + "/status"), director,
                "{\"status\":\"ACTIVE\",\"on\":\"2020-01-01\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("status"))
                .andExpect(jsonPath("$.errors[0].rule").value("Transition"));
        // Issue 19A: a 1993 constitution is checked against Decreto 1333 de 1986 (at least two municipalities).
        new ApiFixtures(mvc).members(province, java.time.LocalDate.of(1993, 1, 1), "54498", "54003");
        write(post("/api/v1/registry/schemes/" + province + "/status"), director,
                "{\"status\":\"CONSTITUTED\",\"on\":\"1993-01-15\",\"note\":\"Acta de constitución\"}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("CONSTITUTED"));
        write(post("/api/v1/registry/schemes/" + province + "/status"), director,
                "{\"status\":\"ACTIVE\",\"on\":\"1990-01-01\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("on"));
        read("/api/v1/registry/schemes/" + province + "/timeline")
                .andExpect(jsonPath("$[?(@.type == 'STATUS_CHANGED')].summary",
                        hasItem("Pasa de en conformación a constituido: Acta de constitución")));
        assertThat(audits("scheme", province)).isGreaterThanOrEqualTo(2);
    }

    @Test
    void aProvinceIsConstitutedOnlyWithTheActsTheLawRequires() throws Exception {
        long provincia = scheme(tag + " Provincia con actos", "CO", "PROVINCIA_ADMINISTRATIVA_PLANIFICACION");
        join(provincia, "54498", "ADMIN");
        join(provincia, "54003", "ADMIN");
        String constitute = "{\"status\":\"CONSTITUTED\",\"on\":\"2024-06-01\"}";
        write(post("/api/v1/registry/schemes/" + provincia + "/status"), "admin", constitute)
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].rule").value("Rules"))
                .andExpect(jsonPath("$.errors[0].message", containsString(
                        "acuerdo del concejo de Ábrego, Ocaña; ordenanza departamental")));
        act(provincia, "COUNCIL_AUTHORISATION", "54498");
        act(provincia, "COUNCIL_AUTHORISATION", "54003");
        write(post("/api/v1/registry/schemes/" + provincia + "/status"), "admin", constitute)
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].message",
                        org.hamcrest.Matchers.allOf(containsString("ordenanza departamental"),
                                org.hamcrest.Matchers.not(containsString("concejo")))));
        act(provincia, "DEPARTMENTAL_ORDINANCE", null);
        write(post("/api/v1/registry/schemes/" + provincia + "/status"), "admin", constitute)
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("CONSTITUTED"));
    }

    private void act(long scheme, String type, String unit) throws Exception {
        var request = org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                .multipart("/api/v1/registry/schemes/" + scheme + "/acts")
                .file(new org.springframework.mock.web.MockMultipartFile("document", "acto.pdf", "application/pdf",
                        LegalActTests.pdf()))
                .param("type", type).param("number", "7").param("issuedOn", "2024-05-01").param("issuer", "Concejo");
        if (unit != null) {
            request.param("unitCode", unit);
        }
        mvc.perform(request.with(httpBasic("admin", ADMIN))).andExpect(status().isCreated());
    }

    @Test
    void theProfileIsSavedAndBadValuesNameTheirFieldAndChangeNothing() throws Exception {
        write(put("/api/v1/registry/schemes/" + province + "/profile"), director,
                "{\"foundedOn\":\"1993-01-15\",\"legalPersonality\":\"Res. 0123\",\"seatUnitCode\":\"54498\","
                        + "\"purposes\":\"Electrificación rural y vías\"}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.profile.seatUnitCode").value("54498"));
        write(put("/api/v1/registry/schemes/" + province + "/profile"), director,
                "{\"foundedOn\":\"2099-01-01\",\"seatUnitCode\":\"99999\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItem("foundedOn")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("seatUnitCode")));
        write(put("/api/v1/registry/schemes/" + province + "/strategic-lines"), director,
                "[\"Agenda Regional 2032\",\"Electrificación rural\"]").andExpect(status().isOk());
        write(put("/api/v1/registry/schemes/" + province + "/contacts"), director,
                "[{\"name\":\"Dirección ejecutiva\",\"email\":\"no-es-correo\"}]")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("contacts[0].email"));
        read("/api/v1/registry/schemes/" + province)
                .andExpect(jsonPath("$.profile.foundedOn").value("1993-01-15"))
                .andExpect(jsonPath("$.strategicLines", hasSize(2)))
                .andExpect(jsonPath("$.contacts", hasSize(0)));
    }

    @Test
    void aSchemeThatSharesMembersAndACompetenceWithAnotherGetsAnOverlapWarning() throws Exception {
        long other = scheme(tag + " Otra de Ocaña", "CO", "ASOCIACION_MUNICIPIOS");
        join(province, "54498", "ADMIN");
        join(province, "54003", "ADMIN");
        join(other, "54498", "ADMIN");
        write(post("/api/v1/registry/schemes/" + other + "/competences"), "admin",
                "{\"competence\":\"ROADS\",\"addedOn\":\"2020-01-01\",\"act\":\"Reforma de estatutos 2020\"}")
                .andExpect(status().isCreated());
        write(post("/api/v1/registry/schemes/" + province + "/competences"), director,
                "{\"competence\":\"ROADS\",\"addedOn\":\"2021-06-01\"}").andExpect(status().isCreated());
        write(post("/api/v1/registry/schemes/" + province + "/competences"), director,
                "{\"competence\":\"NO_EXISTE\",\"addedOn\":\"2021-06-01\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("competence"));
        String validation = "{\"country\":\"CO\",\"figure\":\"ASOCIACION_MUNICIPIOS\",\"members\":[\"54498\",\"54003\"],"
                + "\"at\":\"2022-01-01\",\"competences\":[\"%s\"],\"scheme\":" + province + "}";
        write(post("/api/v1/registry/validations"), "admin", validation.formatted("ROADS"))
                .andExpect(jsonPath("$.findings[?(@.rule == 'OVERLAP')].message",
                        hasItem(containsString(tag + " Otra de Ocaña"))));
        write(post("/api/v1/registry/validations"), "admin", validation.formatted("HEALTH"))
                .andExpect(jsonPath("$.findings[?(@.rule == 'OVERLAP')]", hasSize(0)));
        mvc.perform(get("/registry/schemes/" + province).with(user(director).roles("SCHEME_ADMIN")))
                .andExpect(content().string(containsString("ejerce las mismas competencias (ROADS)")));
        read("/api/v1/registry/schemes/" + province + "/timeline")
                .andExpect(jsonPath("$[*].type", hasItem("COMPETENCE_ADDED")));
    }

    @Test
    void theRegisterFiltersByCountryFigureDepartmentStatusAndCompetence() throws Exception {
        join(province, "54498", "ADMIN");
        join(province, "20614", "ADMIN");
        long sv = scheme(tag + " Mancomunidad", "SV", "ASOCIACION_MUNICIPIOS");
        write(post("/api/v1/registry/schemes/" + sv + "/competences"), "admin",
                "{\"competence\":\"LAND_USE\",\"addedOn\":\"2015-01-01\"}").andExpect(status().isCreated());
        list("").andExpect(jsonPath("$.items", hasSize(2)));
        list("&country=SV").andExpect(jsonPath("$.items[*].id", org.hamcrest.Matchers.contains((int) sv)));
        list("&department=20").andExpect(jsonPath("$.items[*].id", org.hamcrest.Matchers.contains((int) province)))
                .andExpect(jsonPath("$.items[0].members").value(2));
        list("&department=05").andExpect(jsonPath("$.items", hasSize(0)));
        list("&competence=LAND_USE").andExpect(jsonPath("$.items[*].id", org.hamcrest.Matchers.contains((int) sv)));
        list("&status=ACTIVE").andExpect(jsonPath("$.items", hasSize(0)));
        list("&figure=AREA_METROPOLITANA").andExpect(jsonPath("$.items", hasSize(0)));
        mvc.perform(get("/registry/schemes").param("q", tag).param("department", "20").param("status", "NO_ES_ESTADO")
                .with(user(director).roles("SCHEME_ADMIN")))
                .andExpect(status().isOk()).andExpect(content().string(containsString(tag + " Provincia de Ocaña")))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString(tag + " Mancomunidad"))));
    }

    @Test
    void openDataIsPublicCsvAndGeoJsonOfSchemesAndMembershipsAtADate() throws Exception {
        join(province, "54498", "ADMIN");
        join(province, "54003", "ADMIN");
        String csv = mvc.perform(get("/api/v1/registry/open-data/memberships.csv").param("at", "2021-01-01"))
                .andExpect(status().isOk()).andExpect(content().contentTypeCompatibleWith("text/csv"))
                .andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(csv).startsWith("esquema_id,esquema,pais,miembro_codigo");
        assertThat(csv).contains(province + "," + tag + " Provincia de Ocaña,CO,54498,Ocaña,MUNICIPALITY,54,MEMBER,2020-01-01");
        String before = mvc.perform(get("/api/v1/registry/open-data/memberships.csv").param("at", "2019-01-01"))
                .andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(before).doesNotContain(tag);
        assertThat(mvc.perform(get("/api/v1/registry/open-data/schemes.csv")).andReturn().getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8))
                .contains(province + "," + tag + " Provincia de Ocaña,T,CO,ASOCIACION_MUNICIPIOS,IN_FORMATION");
        String geojson = mvc.perform(get("/api/v1/registry/open-data/schemes.geojson"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        List<String> geometry = JsonPath.read(geojson, "$.features[?(@.properties.id == " + province + ")].geometry.type");
        assertThat(geometry).singleElement().isIn("Polygon", "MultiPolygon");
        mvc.perform(get("/api/v1/registry/open-data/memberships.geojson"))
                .andExpect(jsonPath("$.features[?(@.properties.esquema_id == " + province + ")]", hasSize(2)));
        // Writes stay closed to anonymous callers.
        mvc.perform(post("/api/v1/registry/schemes/" + province + "/competences").contentType(MediaType.APPLICATION_JSON)
                .content("{}")).andExpect(status().isUnauthorized());
    }

    @Test
    void anAssociationOfMetropolitanAreasHasSchemesAsMembersAndOnlyMetropolitanAreasPass() throws Exception {
        long association = scheme(tag + " Asociación de áreas", "CO", "ASOCIACION_AREAS_METROPOLITANAS");
        long area = scheme(tag + " Área del Valle", "CO", "AREA_METROPOLITANA");
        write(post("/api/v1/registry/schemes/" + association + "/members"), "admin",
                "{\"memberSchemeId\":" + area + ",\"joinedOn\":\"2020-01-01\"}").andExpect(status().isCreated());
        write(post("/api/v1/registry/schemes/" + association + "/members"), "admin",
                "{\"memberSchemeId\":" + province + ",\"joinedOn\":\"2020-01-01\"}").andExpect(status().isCreated());
        read("/api/v1/registry/schemes/" + association + "/members")
                .andExpect(jsonPath("$[*].memberSchemeId", hasItem((int) area)));
        mvc.perform(get("/registry/schemes/" + association).with(user("admin").roles("PLATFORM_ADMIN")))
                .andExpect(content().string(containsString(tag + " Provincia de Ocaña no es area metropolitana")));
        write(post("/api/v1/registry/schemes/" + association + "/members/esquema-" + province + "/leave"), "admin",
                "{\"leftOn\":\"2021-01-01\"}").andExpect(status().isOk());
    }

    @Test
    void aSchemeAdministratorCannotWriteAnotherSchemeThroughAnyEndpoint() throws Exception {
        long other = scheme(tag + " Ajena", "CO", "ASOCIACION_MUNICIPIOS");
        join(other, "54498", "ADMIN");
        String base = "/api/v1/registry/schemes/" + other;
        int auditsBefore = audits("scheme", other);
        write(put(base), director, "{\"name\":\"Tomada\"}").andExpect(status().isForbidden());
        write(put(base + "/profile"), director, "{\"purposes\":\"x\"}").andExpect(status().isForbidden());
        write(post(base + "/status"), director, "{\"status\":\"CONSTITUTED\",\"on\":\"2020-01-01\"}")
                .andExpect(status().isForbidden());
        write(put(base + "/strategic-lines"), director, "[\"x\"]").andExpect(status().isForbidden());
        write(put(base + "/contacts"), director, "[{\"name\":\"x\"}]").andExpect(status().isForbidden());
        write(post(base + "/competences"), director, "{\"competence\":\"ROADS\",\"addedOn\":\"2020-01-01\"}")
                .andExpect(status().isForbidden());
        write(post(base + "/competences/ROADS/remove"), director, "{\"removedOn\":\"2020-01-01\"}")
                .andExpect(status().isForbidden());
        write(post(base + "/members"), director, "{\"unitCode\":\"54003\",\"joinedOn\":\"2020-01-01\"}")
                .andExpect(status().isForbidden());
        write(post(base + "/members/54498/leave"), director, "{\"leftOn\":\"2021-01-01\"}")
                .andExpect(status().isForbidden());
        write(post("/api/v1/registry/schemes"), director, "{\"name\":\"Nuevo\",\"country\":\"CO\"}")
                .andExpect(status().isForbidden());
        // The pages refuse too, and nothing changed.
        var asDirector = user(director).roles("SCHEME_ADMIN");
        mvc.perform(post("/registry/schemes/" + other + "/members").with(asDirector).with(csrf())
                .param("unitCode", "54003").param("joinedOn", "2020-01-01")).andExpect(status().isForbidden());
        mvc.perform(post("/registry/schemes/" + other + "/status").with(asDirector).with(csrf())
                .param("status", "CONSTITUTED").param("on", "2020-01-01")).andExpect(status().isForbidden());
        mvc.perform(post("/registry/schemes/" + other).with(asDirector).with(csrf()).param("name", "Tomada"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/registry/schemes/" + other + "/competences").with(asDirector).with(csrf())
                .param("competence", "ROADS").param("addedOn", "2020-01-01")).andExpect(status().isForbidden());
        mvc.perform(post("/registry/schemes/" + other + "/members/54498/leave").with(asDirector).with(csrf())
                .param("leftOn", "2021-01-01")).andExpect(status().isForbidden());
        read(base).andExpect(jsonPath("$.name").value(tag + " Ajena")).andExpect(jsonPath("$.status").value("IN_FORMATION"))
                .andExpect(jsonPath("$.competences", hasSize(0)));
        read(base + "/members").andExpect(jsonPath("$", hasSize(1)));
        assertThat(audits("scheme", other)).isEqualTo(auditsBefore);
    }

    @Test
    void theSchemePageAddsAMemberAndShowsTheFindingsAndTheMapData() throws Exception {
        long provincia = scheme(tag + " Provincia", "CO", "PROVINCIA_ADMINISTRATIVA_PLANIFICACION");
        var admin = user("admin").roles("PLATFORM_ADMIN");
        mvc.perform(post("/registry/schemes/" + provincia + "/members").with(admin).with(csrf())
                .param("unitCode", "99999").param("joinedOn", "2020-01-01").param("seats", "1"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("No existe la unidad territorial CO 99999")));
        for (String code : List.of("54498", "20614")) {
            mvc.perform(post("/registry/schemes/" + provincia + "/members").with(admin).with(csrf())
                    .param("unitCode", code).param("joinedOn", "2020-01-01").param("role", "MEMBER")
                    .param("delegate", "Alcaldía").param("seats", "2"))
                    .andExpect(status().is3xxRedirection());
        }
        mvc.perform(get("/registry/schemes/" + provincia).with(admin))
                .andExpect(content().string(containsString("Los miembros deben ser de un mismo departamento")));
        mvc.perform(get("/registry/schemes/" + provincia + "/geojson").with(admin))
                .andExpect(jsonPath("$.features", hasSize(2))).andExpect(jsonPath("$.outline.type").value(org.hamcrest.Matchers.oneOf("Polygon", "MultiPolygon")));
    }

    private long scheme(String name, String country, String figure) throws Exception {
        String body = write(post("/api/v1/registry/schemes"), "admin",
                "{\"name\":\"" + name + "\",\"acronym\":\"T\",\"country\":\"" + country + "\",\"figure\":\"" + figure + "\"}")
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return ((Number) JsonPath.read(body, "$.id")).longValue();
    }

    private void join(long scheme, String code, String as) throws Exception {
        write(post("/api/v1/registry/schemes/" + scheme + "/members"), "ADMIN".equals(as) ? "admin" : as,
                "{\"unitCode\":\"" + code + "\",\"joinedOn\":\"2020-01-01\"}").andExpect(status().isCreated());
    }

    private ResultActions list(String filters) throws Exception {
        return mvc.perform(get("/api/v1/registry/schemes?q=" + java.net.URLEncoder.encode(tag,
                java.nio.charset.StandardCharsets.UTF_8) + filters).with(httpBasic("admin", ADMIN))).andExpect(status().isOk());
    }

    private ResultActions read(String path) throws Exception {
        return mvc.perform(get(path).with(httpBasic("admin", ADMIN))).andExpect(status().isOk());
    }

    private ResultActions write(MockHttpServletRequestBuilder request, String as, String json) throws Exception {
        return mvc.perform(request.with(httpBasic(as, as.equals("admin") ? ADMIN : PASSWORD))
                .contentType(MediaType.APPLICATION_JSON).content(json));
    }

    private int audits(String entity, long scheme) {
        return jdbc.sql("select count(*) from audit_event where entity_type = :e and scheme_id = :s")
                .param("e", entity).param("s", scheme).query(Integer.class).single();
    }
}
