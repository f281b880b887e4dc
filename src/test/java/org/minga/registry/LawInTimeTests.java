package org.minga.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
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
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import com.jayway.jsonpath.JsonPath;

/**
 * The law in time (issue 19A) on the real territory: El Salvador after 1 May 2024 (districts are not
 * members; the municipality is), Colombian schemes before 2011 checked against the rules then in force,
 * the guided regularisation of districts, and a scheme's registration with the national register.
 */
@IntegrationTest
class LawInTimeTests {

    static final String PASSWORD = "una-clave-larga-1";
    /** ASINORLU's nine members: since 1 May 2024 all districts of La Unión Norte (M43). */
    static final String ASINORLU = "[\"D245\",\"D246\",\"D247\",\"D250\",\"D253\",\"D254\",\"D256\",\"D258\",\"D259\"]";

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    SchemeFacts facts;

    @BeforeEach
    void territory() throws Exception {
        TerritoryFixtures.importAll(mvc, jdbc);
    }

    @Test
    void asinorlusNineDistrictsIn2025AreRefusedNamingLaUnionNorte() throws Exception {
        validate("SV", ASINORLU, "2025-01-01")
                .andExpect(jsonPath("$.valid").value(false))
                .andExpect(jsonPath("$.findings[?(@.rule == 'MEMBER_LEVEL')]", hasSize(9)))
                .andExpect(jsonPath("$.findings[?(@.rule == 'MEMBER_LEVEL')].message",
                        everyItem(containsString("La Unión Norte (M43)"))))
                .andExpect(jsonPath("$.findings[?(@.rule == 'MEMBER_LEVEL')].reference",
                        hasItem(containsString("Decreto 762"))))
                // Nine districts of one municipality are one unit with legal personality.
                .andExpect(jsonPath("$.findings[?(@.rule == 'MIN_MEMBERS')].message",
                        hasItem(containsString("personalidad jurídica y hay 1: La Unión Norte"))));
        // Before the reform the same nine were municipalities, and the association was lawful.
        validate("SV", ASINORLU, "2023-06-01")
                .andExpect(jsonPath("$.valid").value(true))
                .andExpect(jsonPath("$.findings[*].rule", not(hasItem("MEMBER_LEVEL"))));
    }

    @Test
    void laUnionNorteWithLaUnionSurIn2025IsAccepted() throws Exception {
        validate("SV", "[\"M43\",\"M44\"]", "2025-01-01")
                .andExpect(jsonPath("$.valid").value(true))
                .andExpect(jsonPath("$.findings[*].rule", not(hasItem("MEMBER_LEVEL"))))
                .andExpect(jsonPath("$.findings[*].rule", not(hasItem("MIN_MEMBERS"))));
    }

    @Test
    void aMunicipalityWithOneOfItsOwnDistrictsIsRefused() throws Exception {
        validate("SV", "[\"M43\",\"D245\"]", "2025-01-01")
                .andExpect(jsonPath("$.valid").value(false))
                .andExpect(jsonPath("$.findings[?(@.rule == 'MEMBER_LEVEL')].message", hasItem(
                        containsString("distrito del municipio La Unión Norte (M43)"))))
                .andExpect(jsonPath("$.findings[?(@.rule == 'MEMBER_LEVEL')].message", hasItem(
                        containsString("ya figura como miembro"))))
                .andExpect(jsonPath("$.findings[*].rule", hasItem("MIN_MEMBERS")));
    }

    @Test
    void aColombianAssociationBefore2011IsCheckedAgainstTheRulesThenInForce() throws Exception {
        // Asomunicipios, January 1993: the Código de Régimen Municipal (Decreto 1333 de 1986).
        validateCo("[\"54498\"]", "1993-01-15")
                .andExpect(jsonPath("$.valid").value(false))
                .andExpect(jsonPath("$.findings[?(@.rule == 'MIN_MEMBERS')].reference",
                        hasItem(containsString("Decreto 1333 de 1986"))));
        validateCo("[\"54498\",\"54\"]", "1993-01-15")
                .andExpect(jsonPath("$.findings[?(@.rule == 'MEMBER_LEVEL')].reference",
                        hasItem(containsString("Decreto 1333 de 1986"))));
        validateCo("[\"54498\",\"54003\",\"20614\"]", "1993-01-15")
                .andExpect(jsonPath("$.valid").value(true));
        // Between 1994 and 2011, Ley 136 de 1994; from 2011, Ley 1454.
        validateCo("[\"54498\"]", "2005-03-01")
                .andExpect(jsonPath("$.findings[?(@.rule == 'MIN_MEMBERS')].reference",
                        hasItem("Ley 136 de 1994, art. 148")));
        validateCo("[\"54498\"]", "2015-03-01")
                .andExpect(jsonPath("$.findings[?(@.rule == 'MIN_MEMBERS')].reference",
                        hasItem("Ley 1454 de 2011, art. 14")));
    }

    @Test
    void aMetropolitanAreaAsksForAPopularConsultationAndARapForTheSenateCommissionsOpinion() throws Exception {
        // Registered schemes (their acts are checked) without members, so no other test sees an overlap.
        long area = scheme("CO", "AREA_METROPOLITANA", TestData.unique("Área metropolitana"));
        validateScheme(area, "CO", "AREA_METROPOLITANA", "[\"54001\",\"54874\"]", "2025-01-01")
                .andExpect(jsonPath("$.findings[?(@.rule == 'REQUIRED_ACTS')].message",
                        hasItem(containsString("consulta popular"))))
                .andExpect(jsonPath("$.findings[?(@.rule == 'REQUIRED_ACTS')].message",
                        not(hasItem(containsString("acuerdo del concejo")))));
        long rap = scheme("CO", "REGION_ADMINISTRATIVA_PLANIFICACION", TestData.unique("RAP"));
        validateScheme(rap, "CO", "REGION_ADMINISTRATIVA_PLANIFICACION", "[\"54\",\"68\"]", "2025-01-01")
                .andExpect(jsonPath("$.findings[?(@.rule == 'REQUIRED_ACTS')].message",
                        hasItem(containsString("comisión de ordenamiento territorial del senado"))))
                .andExpect(jsonPath("$.findings[?(@.rule == 'REQUIRED_ACTS')].reference",
                        hasItem(containsString("Ley 1962 de 2019, art. 4"))));
        // Before Ley 1962 the RAP's rules of 2011 answer.
        validateScheme(rap, "CO", "REGION_ADMINISTRATIVA_PLANIFICACION", "[\"54\",\"68\"]", "2015-01-01")
                .andExpect(jsonPath("$.findings[?(@.rule == 'REQUIRED_ACTS')].reference",
                        hasItem("Ley 1454 de 2011, art. 30")));
    }

    @Test
    void districtsThatCrossTheReformAreFlaggedAndRegularisedWithTheMunicipalitysAct() throws Exception {
        long asinorlu = scheme("SV", "ASOCIACION_MUNICIPIOS", TestData.unique("ASINORLU"));
        new ApiFixtures(mvc).members(asinorlu, LocalDate.of(2003, 1, 1), "D245", "D246", "D247", "D250", "D253",
                "D254", "D256", "D258", "D259");
        String staff = TestData.unique("tecnica");
        new ApiFixtures(mvc).user(staff, PASSWORD, "SCHEME_STAFF", asinorlu, null);

        mvc.perform(get("/api/v1/registry/schemes/" + asinorlu + "/regularisations").param("at", "2025-01-01")
                .with(httpBasic(staff, PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$", hasSize(1)))
                .andExpect(jsonPath("$[0].municipalityCode").value("M43"))
                .andExpect(jsonPath("$[0].municipalityName").value("La Unión Norte"))
                .andExpect(jsonPath("$[0].districts", hasSize(9)))
                .andExpect(jsonPath("$[0].act").doesNotExist());
        // Without the municipality's council act the step is refused and nothing changes.
        mvc.perform(post("/api/v1/registry/schemes/" + asinorlu + "/regularisations/M43")
                .with(httpBasic(staff, PASSWORD)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"on\":\"2025-02-01\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("act"))
                .andExpect(jsonPath("$.errors[0].message", containsString("La Unión Norte")));
        assertThat(members(asinorlu, "2025-03-01")).hasSize(9);
        // A district has no council or mayor of its own after the reform: both are refused, naming its municipality.
        mvc.perform(multipart("/api/v1/registry/schemes/" + asinorlu + "/acts")
                .file(new MockMultipartFile("document", "acuerdo.pdf", "application/pdf", LegalActTests.pdf()))
                .param("type", "COUNCIL_AUTHORISATION").param("number", "3").param("issuedOn", "2025-01-10")
                .param("issuer", "Concejo de Anamorós").param("unitCode", "D245")
                .with(httpBasic(staff, PASSWORD)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("unitCode"))
                .andExpect(jsonPath("$.errors[0].message", containsString("La Unión Norte (unidad M43)")));
        mvc.perform(post("/api/v1/transitions/schemes/" + asinorlu + "/mayors").with(httpBasic(staff, PASSWORD))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"unitCode\":\"D245\",\"name\":\"Persona inventada\",\"on\":\"2025-01-10\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("unitCode"))
                .andExpect(jsonPath("$.errors[0].message", containsString("La Unión Norte (M43)")));
        // Before the reform the same district was a municipality with its own mayor.
        mvc.perform(post("/api/v1/transitions/schemes/" + asinorlu + "/mayors").with(httpBasic(staff, PASSWORD))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"unitCode\":\"D245\",\"name\":\"Persona inventada\",\"on\":\"2022-01-10\"}"))
                .andExpect(status().isCreated());

        mvc.perform(multipart("/api/v1/registry/schemes/" + asinorlu + "/acts")
                .file(new MockMultipartFile("document", "acuerdo.pdf", "application/pdf", LegalActTests.pdf()))
                .param("type", "COUNCIL_AUTHORISATION").param("number", "7").param("issuedOn", "2025-01-20")
                .param("issuer", "Concejo Municipal de La Unión Norte").param("unitCode", "M43")
                .with(httpBasic(staff, PASSWORD)))
                .andExpect(status().isCreated());
        mvc.perform(post("/api/v1/registry/schemes/" + asinorlu + "/regularisations/M43")
                .with(httpBasic(staff, PASSWORD)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"on\":\"2025-02-01\"}"))
                .andExpect(status().isOk());

        assertThat(members(asinorlu, "2025-03-01")).containsExactly("M43");
        // The districts keep their history: members until the day before.
        assertThat(members(asinorlu, "2025-01-31")).hasSize(9).contains("D245", "D259");
        assertThat(members(asinorlu, "2020-01-01")).hasSize(9);
        mvc.perform(get("/api/v1/registry/schemes/" + asinorlu + "/regularisations").param("at", "2025-03-01")
                .with(httpBasic(staff, PASSWORD)))
                .andExpect(jsonPath("$", hasSize(0)));
        assertThat(jdbc.sql("""
                select count(*) from audit_event where entity_type = 'membership_regularisation' and scheme_id = :s""")
                .param("s", asinorlu).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aRegistrationIsRecordedAuditedAndShownWithTheDocumentsTheRegisterAsksFor() throws Exception {
        long scheme = scheme("CO", "ASOCIACION_MUNICIPIOS", TestData.unique("Asociación registrada"));
        String director = TestData.unique("directora");
        new ApiFixtures(mvc).user(director, PASSWORD, "SCHEME_ADMIN", scheme, null);
        mvc.perform(post("/api/v1/registry/schemes/" + scheme + "/registrations").with(httpBasic(director, PASSWORD))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"authority\":\"Ministerio del Interior\",\"number\":\"EAT-2020-031\","
                        + "\"registeredOn\":\"2020-09-15\"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.registration.number").value("EAT-2020-031"))
                .andExpect(jsonPath("$.documents[*].type", hasItem("STATUTES")))
                .andExpect(jsonPath("$.documents[*].type", hasItem("COUNCIL_AUTHORISATION")))
                .andExpect(jsonPath("$.documents[?(@.type == 'STATUTES')].onFile", hasItem(false)));
        mvc.perform(get("/api/v1/registry/schemes/" + scheme + "/registrations").with(httpBasic(director, PASSWORD)))
                .andExpect(jsonPath("$[0].authority").value("Ministerio del Interior"))
                .andExpect(jsonPath("$[0].registeredOn").value("2020-09-15"));
        assertThat(jdbc.sql("""
                select count(*) from audit_event where entity_type = 'scheme_registration' and scheme_id = :s""")
                .param("s", scheme).query(Long.class).single()).isEqualTo(1);
        // Other modules (the public profile) read it through the registry's public facts.
        assertThat(facts.registration(scheme)).contains(new SchemeFacts.Registration("Ministerio del Interior",
                "EAT-2020-031", LocalDate.of(2020, 9, 15)));
        // The same number again, and bad input, change nothing and name the field.
        mvc.perform(post("/api/v1/registry/schemes/" + scheme + "/registrations").with(httpBasic(director, PASSWORD))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"authority\":\"Ministerio del Interior\",\"number\":\"EAT-2020-031\","
                        + "\"registeredOn\":\"2021-01-15\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("number"));
        mvc.perform(post("/api/v1/registry/schemes/" + scheme + "/registrations").with(httpBasic(director, PASSWORD))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"authority\":\" \",\"number\":\"<script>\",\"registeredOn\":\"2099-01-01\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItem("authority")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("number")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("registeredOn")));
        assertThat(registrations(scheme)).isEqualTo(1);
    }

    @Test
    void theSchemePageFlagsTheDistrictsAndRecordsARegistration() throws Exception {
        long scheme = scheme("SV", "ASOCIACION_MUNICIPIOS", TestData.unique("Micro Región"));
        new ApiFixtures(mvc).members(scheme, LocalDate.of(2001, 1, 1), "D087", "D095");
        String director = TestData.unique("director");
        new ApiFixtures(mvc).user(director, PASSWORD, "SCHEME_ADMIN", scheme, null);
        mvc.perform(get("/registry/schemes/" + scheme).with(user(director).roles("SCHEME_ADMIN")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("id=\"regularise\""),
                        containsString("Miembros por regularizar"), containsString("distrito: por regularizar"),
                        containsString("id=\"registration-none\""), containsString("Documentos que pide el registro"))));
        mvc.perform(post("/registry/schemes/" + scheme + "/registrations").param("authority", "ISDEM")
                .param("number", "").param("registeredOn", "2020-01-01")
                .with(user(director).roles("SCHEME_ADMIN")).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Indique el número de registro.")));
        assertThat(registrations(scheme)).isZero();
        mvc.perform(post("/registry/schemes/" + scheme + "/registrations").param("authority", "ISDEM")
                .param("number", "AM-12/2002").param("registeredOn", "2002-03-01")
                .with(user(director).roles("SCHEME_ADMIN")).with(csrf()))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/registry/schemes/" + scheme).with(user(director).roles("SCHEME_ADMIN")))
                .andExpect(content().string(allOf(containsString("AM-12/2002"), containsString("ISDEM"))));
        // Regularising without the municipality's act is refused on the page with the message.
        mvc.perform(post("/registry/schemes/" + scheme + "/regularisations/M17").param("on", "2025-01-01")
                .with(user(director).roles("SCHEME_ADMIN")).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Primero registre el acuerdo del concejo")));
    }

    @Test
    void aForeignSchemesStaffCannotRecordARegistration() throws Exception {
        long scheme = scheme("CO", "ASOCIACION_MUNICIPIOS", TestData.unique("Asociación"));
        long other = scheme("CO", "ASOCIACION_MUNICIPIOS", TestData.unique("Otra"));
        String stranger = TestData.unique("ajena");
        new ApiFixtures(mvc).user(stranger, PASSWORD, "SCHEME_STAFF", other, null);
        mvc.perform(post("/api/v1/registry/schemes/" + scheme + "/registrations").with(httpBasic(stranger, PASSWORD))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"authority\":\"Ministerio del Interior\",\"number\":\"EAT-1\",\"registeredOn\":\"2020-01-01\"}"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/registry/schemes/" + scheme + "/regularisations/M43").with(httpBasic(stranger, PASSWORD))
                .contentType(MediaType.APPLICATION_JSON).content("{\"on\":\"2025-01-01\"}"))
                .andExpect(status().isForbidden());
        assertThat(registrations(scheme)).isZero();
        assertThat(jdbc.sql("select count(*) from audit_event where scheme_id = :s and entity_type = 'scheme_registration'")
                .param("s", scheme).query(Long.class).single()).isZero();
    }

    private long registrations(long scheme) {
        return jdbc.sql("select count(*) from scheme_registration where scheme_id = :s").param("s", scheme)
                .query(Long.class).single();
    }

    private long scheme(String country, String figure, String name) throws Exception {
        String body = mvc.perform(post("/api/v1/registry/schemes").with(httpBasic("admin", IntegrationTest.ADMIN_PASSWORD))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\":\"" + name + "\",\"acronym\":\"T\",\"country\":\"" + country + "\",\"figure\":\""
                        + figure + "\"}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return ((Number) JsonPath.read(body, "$.id")).longValue();
    }

    private List<String> members(long scheme, String at) throws Exception {
        String body = mvc.perform(get("/api/v1/registry/schemes/" + scheme + "/members").param("at", at)
                .with(httpBasic("admin", IntegrationTest.ADMIN_PASSWORD)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        return JsonPath.read(body, "$[*].code");
    }

    private ResultActions validate(String country, String members, String at) throws Exception {
        return validateScheme(null, country, "ASOCIACION_MUNICIPIOS", members, at);
    }

    private ResultActions validateCo(String members, String at) throws Exception {
        return validateScheme(null, "CO", "ASOCIACION_MUNICIPIOS", members, at);
    }

    private ResultActions validateScheme(Long scheme, String country, String figure, String members, String at)
            throws Exception {
        return mvc.perform(post("/api/v1/registry/validations").with(httpBasic("admin", IntegrationTest.ADMIN_PASSWORD))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"country\":\"" + country + "\",\"figure\":\"" + figure + "\",\"members\":" + members
                        + ",\"at\":\"" + at + "\",\"scheme\":" + scheme + "}"))
                .andExpect(status().isOk());
    }
}
