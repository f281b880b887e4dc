package org.minga.projects;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.minga.projects.internal.Financing;
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
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import com.jayway.jsonpath.JsonPath;

/** The project bank through its API and pages: lifecycle, financing, needs, monitoring, scoping. */
@IntegrationTest
class ProjectBankTests {

    static final String PASSWORD = "una-clave-larga-1";
    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 'I', 'H', 'D', 'R'};
    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    long scheme;
    String director;
    String stranger;
    String official;

    @BeforeEach
    void setUp() throws Exception {
        TerritoryFixtures.importAll(mvc, jdbc);
        ApiFixtures fixtures = new ApiFixtures(mvc);
        scheme = fixtures.scheme(TestData.unique("Provincia con banco"));
        long other = fixtures.scheme(TestData.unique("Otra provincia"));
        fixtures.members(scheme, "54498", "54003", "20614");
        director = TestData.unique("directora");
        stranger = TestData.unique("ajeno");
        official = TestData.unique("funcionaria");
        fixtures.user(director, PASSWORD, "SCHEME_ADMIN", scheme, null);
        fixtures.user(stranger, PASSWORD, "SCHEME_ADMIN", other, null);
        fixtures.user(official, PASSWORD, "MEMBER_OFFICIAL", scheme, "54498");
    }

    ResultActions api(String who, MockHttpServletRequestBuilder request, String body) throws Exception {
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON).content(body);
        }
        return mvc.perform(request.with(httpBasic(who, PASSWORD)));
    }

    long project(String code, String extra) throws Exception {
        String body = api(director, post("/api/v1/projects/schemes/" + scheme + "/projects"),
                "{\"code\":\"" + code + "\",\"name\":\"Placa huella Ocaña - Ábrego\",\"sector\":\"Transporte\","
                        + "\"cost\":1000,\"currency\":\"COP\",\"beneficiaries\":[{\"unitCode\":\"54498\",\"people\":100,"
                        + "\"women\":50,\"men\":50},{\"unitCode\":\"54003\"}]" + extra + "}")
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return ((Number) JsonPath.read(body, "$.id")).longValue();
    }

    ResultActions step(long id, String stage) throws Exception {
        return api(director, post("/api/v1/projects/" + id + "/steps"),
                "{\"stage\":\"" + stage + "\",\"on\":\"" + LocalDate.now() + "\"}");
    }

    @Test
    void everyLegalStepIsTakenTheIllegalOneIsRefusedAndASuspendedProjectResumes() throws Exception {
        long id = project("P-CICLO", "");
        step(id, "IN_EXECUTION").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("stage"))
                .andExpect(jsonPath("$.errors[0].rule").value("Transition"))
                .andExpect(jsonPath("$.errors[0].message").value(
                        "Un proyecto en Idea no puede pasar a En ejecución; los pasos posibles son: Perfil, Suspendido, Descartado."));
        step(id, "PROFILE").andExpect(status().isOk());
        step(id, "SUSPENDED").andExpect(status().isOk()).andExpect(jsonPath("$.stage").value("SUSPENDED"));
        step(id, "VIABLE").andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].rule").value("Transition"));
        step(id, "PROFILE").andExpect(status().isOk()).andExpect(jsonPath("$.stage").value("PROFILE"));
        for (String s : List.of("PRE_INVESTMENT", "FORMULATED", "VIABLE", "APPROVED", "CONTRACTED", "IN_EXECUTION",
                "FINISHED", "CLOSED")) {
            step(id, s).andExpect(status().isOk()).andExpect(jsonPath("$.stage").value(s));
        }
        step(id, "DISCARDED").andExpect(status().isBadRequest());
        api(director, post("/api/v1/projects/" + id + "/steps"),
                "{\"stage\":\"X\",\"on\":\"" + LocalDate.now().plusDays(1) + "\"}").andExpect(status().isBadRequest());
        long other = project("P-FECHA", "");
        api(director, post("/api/v1/projects/" + other + "/steps"),
                "{\"stage\":\"PROFILE\",\"on\":\"" + LocalDate.now().plusDays(1) + "\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("on"));
        api(director, post("/api/v1/projects/" + other + "/steps"),
                "{\"stage\":\"PROFILE\",\"on\":\"" + LocalDate.now().minusDays(1) + "\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].rule").value("Date"));
        assertThat(jdbc.sql("select count(*) from project_step where project_id = :p").param("p", id)
                .query(Long.class).single()).isEqualTo(12);
    }

    @Test
    void financingTotalsRoundHalfEvenAndKeepCurrenciesApart() throws Exception {
        long id = project("P-FIN", "");
        String line = "{\"sourceType\":\"%s\",\"entity\":\"%s\",\"unitCode\":%s,\"amount\":%s,\"currency\":\"%s\","
                + "\"committedOn\":\"2024-03-01\",\"disbursed\":%s}";
        api(director, post("/api/v1/projects/" + id + "/financing"),
                line.formatted("MEMBER_MUNICIPALITY", "Alcaldía de Ocaña", "\"54498\"", "333.335", "COP", "100.005"))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.amount").value(333.34))
                .andExpect(jsonPath("$.disbursed").value(100.00));
        api(director, post("/api/v1/projects/" + id + "/financing"),
                line.formatted("NATION", "Ministerio", "null", "100.125", "COP", "0"))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.amount").value(100.12));
        api(director, post("/api/v1/projects/" + id + "/financing"),
                line.formatted("INTERNATIONAL_COOPERATION", "Cooperante", "null", "50", "USD", "10"))
                .andExpect(status().isCreated());
        api(director, post("/api/v1/projects/" + id + "/financing"),
                line.formatted("MEMBER_MUNICIPALITY", "Sin unidad", "null", "5", "COP", "6"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[*].field",
                        org.hamcrest.Matchers.containsInAnyOrder("unitCode", "disbursed")));
        api(director, get("/api/v1/projects/" + id + "/financing"), null).andExpect(status().isOk())
                .andExpect(jsonPath("$.totals.committed").value(433.46))
                .andExpect(jsonPath("$.totals.gap").value(566.54))
                .andExpect(jsonPath("$.totals.committedPercent").value(43.35))
                .andExpect(jsonPath("$.totals.otherCurrencies[0].currency").value("USD"))
                .andExpect(jsonPath("$.totals.otherCurrencies[0].committed").value(50.00));
        api(director, get("/api/v1/projects/schemes/" + scheme + "/projects?q=P-FIN"), null)
                .andExpect(jsonPath("$.items[0].committed").value(433.46))
                .andExpect(jsonPath("$.items[0].beneficiaries[0]").value("54003"))
                .andExpect(jsonPath("$.hasNext").value(false));

        var t = Financing.totals(new BigDecimal("10.00"), "USD", List.of(
                new Financing.Line(1, 1, Financing.SourceType.OWN, "a", null, new BigDecimal("3.33"), "USD",
                        LocalDate.now(), new BigDecimal("0.00"), null),
                new Financing.Line(2, 1, Financing.SourceType.OWN, "b", null, new BigDecimal("99999.99"), "COP",
                        LocalDate.now(), new BigDecimal("1.00"), null)));
        assertThat(t.committed()).isEqualByComparingTo("3.33");
        assertThat(t.gap()).isEqualByComparingTo("6.67");
        assertThat(t.committedPercent()).isEqualByComparingTo("33.30");
        assertThat(t.otherCurrencies()).singleElement().satisfies(o -> assertThat(o.committed())
                .isEqualByComparingTo("99999.99"));
    }

    @Test
    void needsBecomeAProjectAndAMemberOfficialWritesOnlyForTheirUnit() throws Exception {
        // A need's sector of the catalogue becomes the project's: a free text would be refused there.
        String need = "{\"unitCode\":\"%s\",\"sector\":\"Vivienda, ciudad y territorio\","
                + "\"description\":\"Acueducto veredal\",\"priority\":1,"
                + "\"origin\":\"COMMUNITY_WORKSHOP\"}";
        String body = api(official, post("/api/v1/projects/schemes/" + scheme + "/needs"), need.formatted("54498"))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.status").value("OPEN"))
                .andReturn().getResponse().getContentAsString();
        long needId = ((Number) JsonPath.read(body, "$.id")).longValue();
        api(official, post("/api/v1/projects/schemes/" + scheme + "/needs"), need.formatted("54003"))
                .andExpect(status().isForbidden());
        api(director, post("/api/v1/projects/schemes/" + scheme + "/needs"), need.formatted("99999"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].rule").value("Exists"));
        api(director, post("/api/v1/projects/schemes/" + scheme + "/needs"),
                "{\"unitCode\":\"54003\",\"sector\":\"Agua\",\"description\":\"x\",\"priority\":7,\"origin\":\"NO\"}")
                .andExpect(status().isBadRequest());

        String project = api(director, post("/api/v1/projects/schemes/" + scheme + "/projects/from-needs"),
                "{\"code\":\"P-AGUA\",\"name\":\"Acueducto\",\"needIds\":[" + needId + "]}")
                .andExpect(status().isCreated()).andExpect(jsonPath("$.sector").value("Vivienda, ciudad y territorio"))
                .andReturn().getResponse().getContentAsString();
        long pid = ((Number) JsonPath.read(project, "$.id")).longValue();
        api(director, get("/api/v1/projects/" + pid), null).andExpect(jsonPath("$.beneficiaries[0].unitCode").value("54498"))
                .andExpect(jsonPath("$.needs[0].id").value(needId));
        api(director, get("/api/v1/projects/schemes/" + scheme + "/needs?status=IN_PROJECT"), null)
                .andExpect(jsonPath("$.items[0].id").value(needId));
        mvc.perform(get("/projects/units/54498").with(user(official))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Acueducto")));
    }

    @Test
    void beneficiariesMustExistAndWomenAndMenStayWithinPeople() throws Exception {
        api(director, post("/api/v1/projects/schemes/" + scheme + "/projects"),
                "{\"code\":\"P-BEN\",\"name\":\"x\",\"sector\":\"Transporte\",\"beneficiaries\":[{\"unitCode\":\"99999\"}]}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].rule").value("Exists"));
        api(director, post("/api/v1/projects/schemes/" + scheme + "/projects"),
                "{\"code\":\"P-BEN\",\"name\":\"x\",\"sector\":\"Transporte\",\"bpin\":\"12A\",\"location\":{\"type\":\"Point\","
                        + "\"coordinates\":[-200,8]}}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[*].field",
                        org.hamcrest.Matchers.containsInAnyOrder("bpin", "location")));
        long id = project("P-BEN", ",\"location\":{\"type\":\"Point\",\"coordinates\":[-73.35,8.24]}");
        api(director, post("/api/v1/projects/" + id + "/beneficiaries"),
                "{\"unitCode\":\"20614\",\"people\":10,\"women\":6,\"men\":5}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].rule").value("WomenAndMenWithinPeople"));
        api(director, post("/api/v1/projects/" + id + "/beneficiaries"),
                "{\"unitCode\":\"20614\",\"people\":10,\"women\":5,\"men\":5}").andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value("Río de Oro"));
        api(director, get("/api/v1/projects/schemes/" + scheme + "/projects?unit=20614"), null)
                .andExpect(jsonPath("$.items[0].id").value(id));
        // On the map, anonymously: Río de Oro's boundary and the project's point.
        mvc.perform(get("/public/projects/" + id + "/map")).andExpect(status().isOk())
                .andExpect(jsonPath("$.features[?(@.properties.code == '20614')].geometry.type",
                        org.hamcrest.Matchers.hasItem(org.hamcrest.Matchers.oneOf("Polygon", "MultiPolygon"))))
                .andExpect(jsonPath("$.features[?(@.properties.kind == 'location')].geometry.coordinates[0]",
                        org.hamcrest.Matchers.hasItem(-73.35)));
    }

    @Test
    void progressReportsTakeImagesOnlyAndThePublicPageShowsThemWithoutForms() throws Exception {
        long id = project("P-OBRA", ",\"plannedStart\":\"2020-01-01\",\"plannedEnd\":\"2021-01-01\"");
        for (String s : List.of("PROFILE", "PRE_INVESTMENT", "FORMULATED", "VIABLE", "APPROVED", "CONTRACTED",
                "IN_EXECUTION")) {
            step(id, s).andExpect(status().isOk());
        }
        mvc.perform(multipart("/api/v1/projects/" + id + "/reports")
                .file(new MockMultipartFile("photos", "obra.png", "image/png", PNG))
                .param("reportedOn", LocalDate.now().toString()).param("physicalPercent", "40")
                .param("financialPercent", "55.5").param("text", "Vaciado de placa")
                .with(httpBasic(director, PASSWORD)))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.photos[0].contentType").value("image/png"));
        mvc.perform(multipart("/api/v1/projects/" + id + "/reports")
                .file(new MockMultipartFile("photos", "foto.png", "image/png", "<html>no</html>".getBytes()))
                .param("reportedOn", LocalDate.now().toString()).param("physicalPercent", "41")
                .param("financialPercent", "56").with(httpBasic(director, PASSWORD)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("photo"))
                .andExpect(jsonPath("$.errors[0].rule").value("ImageType"));
        api(director, post("/api/v1/projects/" + id + "/milestones"),
                "{\"name\":\"Entrega de obra\",\"plannedOn\":\"2021-01-01\"}").andExpect(status().isCreated())
                .andExpect(jsonPath("$.delayed").value(true));
        api(director, get("/api/v1/projects/" + id), null).andExpect(jsonPath("$.reports.length()").value(1))
                .andExpect(jsonPath("$.delays.behindSchedule").value(true));
        long photo = jdbc.sql("select id from project_photo where project_id = :p").param("p", id).query(Long.class)
                .single();

        mvc.perform(get("/public/projects/" + id)).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("En ejecución"), containsString("Vaciado de placa"),
                        containsString("Entrega de obra"), containsString("Ocaña"),
                        containsString("/public/projects/" + id + "/photos/" + photo),
                        not(containsString("method=\"post\"")), not(containsString("<form")))));
        mvc.perform(get("/public/projects/" + id + "/photos/" + photo)).andExpect(status().isOk())
                .andExpect(content().contentType("image/png")).andExpect(content().bytes(PNG));
        mvc.perform(post("/public/projects/" + id)).andExpect(status().is4xxClientError());
        mvc.perform(get("/projects/" + id).with(user(director))).andExpect(status().isOk())
                .andExpect(content().string(containsString("/projects/" + id + "/stage")));
    }

    @Test
    void anotherSchemesAdministratorIsRefusedEveryWriteAndNothingIsWritten() throws Exception {
        long id = project("P-AJENO", "");
        long audited = audit();
        long needs = count("investment_need");
        String s = "/api/v1/projects/schemes/" + scheme;
        String p = "/api/v1/projects/" + id;
        api(stranger, post(s + "/needs"), "{\"unitCode\":\"54498\",\"sector\":\"A\",\"description\":\"d\",\"priority\":1,\"origin\":\"OTHER\"}")
                .andExpect(status().isForbidden());
        api(stranger, post(s + "/projects"), "{\"code\":\"X\",\"name\":\"x\",\"sector\":\"y\"}").andExpect(status().isForbidden());
        api(stranger, post(s + "/projects/from-needs"), "{\"code\":\"X\",\"name\":\"x\",\"needIds\":[1]}").andExpect(status().isForbidden());
        api(stranger, put(p), "{\"code\":\"X\",\"name\":\"x\",\"sector\":\"y\"}").andExpect(status().isForbidden());
        api(stranger, put(p + "/execution"), "{\"executor\":\"x\"}").andExpect(status().isForbidden());
        api(stranger, post(p + "/steps"), "{\"stage\":\"PROFILE\",\"on\":\"" + LocalDate.now() + "\"}").andExpect(status().isForbidden());
        api(stranger, post(p + "/beneficiaries"), "{\"unitCode\":\"20614\"}").andExpect(status().isForbidden());
        api(stranger, delete(p + "/beneficiaries/54498"), null).andExpect(status().isForbidden());
        api(stranger, post(p + "/needs"), "{\"needIds\":[1]}").andExpect(status().isForbidden());
        api(stranger, post(p + "/financing"), "{\"sourceType\":\"OWN\",\"entity\":\"x\",\"amount\":1,\"committedOn\":\"2024-01-01\"}")
                .andExpect(status().isForbidden());
        api(stranger, post(p + "/milestones"), "{\"name\":\"x\",\"plannedOn\":\"2024-01-01\"}").andExpect(status().isForbidden());
        api(stranger, put(p + "/milestones/1"), "{\"actualOn\":\"2024-01-01\"}").andExpect(status().isForbidden());
        mvc.perform(multipart(p + "/reports").file(new MockMultipartFile("photos", "a.png", "image/png", PNG))
                .param("reportedOn", "2024-01-01").param("physicalPercent", "1").param("financialPercent", "1")
                .with(httpBasic(stranger, PASSWORD))).andExpect(status().isForbidden());
        mvc.perform(multipart(s + "/imports").file(new MockMultipartFile("file", "b.xlsx", "application/octet-stream",
                new byte[] {1})).with(httpBasic(stranger, PASSWORD))).andExpect(status().isForbidden());

        String page = "/projects/" + id;
        String spage = "/projects/schemes/" + scheme;
        for (String path : List.of(spage, spage + "/needs", spage + "/needs/project", page + "/stage",
                page + "/financing", page + "/beneficiaries", page + "/milestones", page + "/milestones/1",
                page + "/execution")) {
            mvc.perform(post(path).with(user(stranger)).with(csrf()).param("code", "X").param("name", "x")
                    .param("sector", "y").param("unitCode", "54498").param("stage", "PROFILE")
                    .param("on", LocalDate.now().toString()).param("description", "d").param("priority", "1")
                    .param("origin", "OTHER")).andExpect(status().isForbidden());
        }
        mvc.perform(multipart(page + "/reports").file(new MockMultipartFile("photo", "a.png", "image/png", PNG))
                .param("reportedOn", "2024-01-01").param("physicalPercent", "1").param("financialPercent", "1")
                .with(user(stranger)).with(csrf())).andExpect(status().isForbidden());
        mvc.perform(multipart(spage + "/import").file(new MockMultipartFile("file", "b.xlsx", "application/octet-stream",
                new byte[] {1})).with(user(stranger)).with(csrf())).andExpect(status().isForbidden());
        mvc.perform(get(spage + "/import").with(user(stranger))).andExpect(status().isForbidden());
        // Reads are scoped too (issue 15): another scheme's project, named by its id, does not exist for them.
        mvc.perform(get(page).with(user(stranger))).andExpect(status().isNotFound())
                .andExpect(content().string(not(containsString("/projects/" + id + "/stage"))));

        assertThat(audit()).isEqualTo(audited);
        assertThat(count("investment_need")).isEqualTo(needs);
        api(director, get(p), null).andExpect(jsonPath("$.project.stage").value("IDEA"))
                .andExpect(jsonPath("$.project.executor").doesNotExist())
                .andExpect(jsonPath("$.beneficiaries.length()").value(2))
                .andExpect(jsonPath("$.financing.length()").value(0))
                .andExpect(jsonPath("$.milestones.length()").value(0))
                .andExpect(jsonPath("$.reports.length()").value(0));
    }

    private long audit() {
        return jdbc.sql("select count(*) from audit_event where scheme_id = :s").param("s", scheme).query(Long.class)
                .single();
    }

    private long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }
}
