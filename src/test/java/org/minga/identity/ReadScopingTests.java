package org.minga.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.minga.support.ApiFixtures;
import org.minga.support.IntegrationTest;
import org.minga.support.TerritoryFixtures;
import org.minga.support.TestData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import com.jayway.jsonpath.JsonPath;

/**
 * The read matrix, the twin of the write-scoping tests: for each module, private records of scheme B
 * read through the API, the pages and the exports as each role of scheme A, as member officials of B
 * for another unit, as an observer, a citizen and anonymously. Outsiders get 403 (404 for a record
 * named only by its id), anonymous 401 or the login page; readers without the right to personal data
 * get a view without it; B's own staff see everything.
 */
@IntegrationTest
class ReadScopingTests {

    static final String PASSWORD = "una-clave-larga-1";
    static final String APPLICANT = "Dolores Privada Ayala";
    static final String DOCUMENT = "CC 99887766";
    static final String PRIVATE_CONTACT = "Persona Contacto Privado";
    static final String PUBLIC_CONTACT = "Oficina de atención";
    static final String PROJECT = "Acueducto privado de B";
    static final String CASE_UNIT = "54498";
    static final String OTHER_UNIT = "54003";

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;

    long a;
    long b;
    long caseId;
    long firmLine;
    long firmId;
    long projectId;
    final Map<String, String> users = new LinkedHashMap<>();

    @BeforeEach
    void setUp() throws Exception {
        ApiFixtures api = new ApiFixtures(mvc);
        a = api.scheme(TestData.unique("Esquema A lector"));
        b = api.scheme(TestData.unique("Esquema B privado"));
        TerritoryFixtures.importAll(mvc, jdbc);
        for (String unit : List.of(CASE_UNIT, OTHER_UNIT)) {
            assertThat(as("admin", post("/api/v1/registry/schemes/" + b + "/members"), "{\"unitCode\":\"" + unit
                    + "\",\"joinedOn\":\"2015-03-01\"}").getStatus()).isEqualTo(201);
        }
        grant(api, "adminA", "SCHEME_ADMIN", a, null);
        grant(api, "staffA", "SCHEME_STAFF", a, null);
        grant(api, "boardA", "BOARD_MEMBER", a, null);
        grant(api, "officialA", "MEMBER_OFFICIAL", a, CASE_UNIT);
        grant(api, "officialB-other-unit", "MEMBER_OFFICIAL", b, OTHER_UNIT);
        grant(api, "officialB-case-unit", "MEMBER_OFFICIAL", b, CASE_UNIT);
        grant(api, "boardB", "BOARD_MEMBER", b, null);
        grant(api, "staffB", "SCHEME_STAFF", b, null);
        grant(api, "observer", "OBSERVER", null, null);
        grant(api, "citizen", "CITIZEN", null, null);

        String staffB = users.get("staffB");
        String base = "/api/v1/services/schemes/" + b;
        long permits = id(as(staffB, post(base + "/lines"), "{\"type\":\"LAND_USE_PERMITS\",\"name\":\"Permisos\",\"currency\":\"USD\"}"));
        long type = id(as(staffB, post(base + "/case-types/permit"), "{\"serviceLineId\":" + permits + "}"));
        caseId = id(as(staffB, post(base + "/cases"), "{\"caseTypeId\":" + type + ",\"applicantName\":\"" + APPLICANT
                + "\",\"applicantDocument\":\"" + DOCUMENT + "\",\"applicantContact\":\"dolores@example.org\",\"unitCode\":\""
                + CASE_UNIT + "\",\"subject\":\"Vivienda\"}"));
        firmLine = id(as(staffB, post(base + "/lines"), "{\"type\":\"BUSINESS_DEVELOPMENT\",\"name\":\"Centro\",\"currency\":\"USD\"}"));
        firmId = id(as(staffB, post(base + "/lines/" + firmLine + "/firms"), "{\"name\":\"Café de Dolores\",\"sector\":\"Café\","
                + "\"ownerSex\":\"F\",\"ownerAgeGroup\":\"FROM_60\",\"rural\":false,\"associative\":false,\"unitCode\":\"" + OTHER_UNIT + "\"}"));
        projectId = id(as(staffB, post("/api/v1/projects/schemes/" + b + "/projects"),
                "{\"code\":\"" + TestData.unique("P") + "\",\"name\":\"" + PROJECT + "\",\"sector\":\"Vivienda, ciudad y territorio\","
                        + "\"beneficiaries\":[{\"unitCode\":\"" + CASE_UNIT + "\"}]}"));
        long rule = id(as(staffB, post("/api/v1/finance/schemes/" + b + "/rules"), "{\"year\":2024,\"name\":\"Cuota\","
                + "\"kind\":\"FIXED\",\"amount\":1000,\"periodicity\":\"MONTHLY\",\"currency\":\"COP\",\"dueDay\":5,"
                + "\"members\":[\"" + CASE_UNIT + "\"]}"));
        assertThat(as(staffB, post("/api/v1/finance/schemes/" + b + "/rules/" + rule + "/obligations"), "").getStatus())
                .isEqualTo(200);
        assertThat(as(staffB, put("/api/v1/registry/schemes/" + b + "/contacts"), "[{\"name\":\"" + PRIVATE_CONTACT
                + "\",\"email\":\"persona@example.org\"},{\"name\":\"" + PUBLIC_CONTACT
                + "\",\"email\":\"oficina@example.org\",\"publicChannel\":true}]").getStatus()).isEqualTo(200);
    }

    /** Every module's private reads of scheme B, as [url, kind]: S = scheme, U = the records of unit CASE_UNIT, R = id-only record. */
    List<String[]> privateReads() {
        String s = "/schemes/" + b;
        return List.of(
                new String[] {"/api/v1/registry" + s + "/bodies", "S"},
                new String[] {"/api/v1/planning" + s + "/dashboard", "S"},
                new String[] {"/api/v1/evaluation" + s + "/health", "S"},
                new String[] {"/api/v1/projects" + s + "/projects", "S"},
                new String[] {"/api/v1/projects" + s + "/exports/projects.csv", "S"},
                new String[] {"/api/v1/projects/" + projectId, "R"},
                new String[] {"/api/v1/finance" + s + "/obligations", "S"},
                new String[] {"/api/v1/finance" + s + "/members/" + CASE_UNIT + "/statement", "U"},
                new String[] {"/api/v1/services" + s + "/cases", "S"},
                new String[] {"/api/v1/services" + s + "/cases/" + caseId, "S"},
                new String[] {"/api/v1/services" + s + "/lines/" + firmLine + "/firms/" + firmId, "S"},
                new String[] {"/api/v1/transitions" + s + "/elections", "S"},
                new String[] {"/api/v1/fiscal" + s + "/cadastres", "S"},
                new String[] {"/api/v1/fiscal" + s + "/municipalities/" + CASE_UNIT + "/years/2026/arrears", "U"},
                new String[] {"/api/v1/formation" + s + "/route", "S"},
                new String[] {"/participation" + s, "S"},
                new String[] {"/services" + s + "/cases/" + caseId, "S"},
                new String[] {"/finance" + s, "S"},
                new String[] {"/finance" + s + "/arrears.csv", "S"},
                new String[] {"/planning" + s, "S"},
                new String[] {"/projects/" + projectId, "R"});
    }

    @Test
    void outsidersOfSchemeBReadNothingPrivateOfIt() throws Exception {
        List<String> leaks = new ArrayList<>();
        for (String who : List.of("adminA", "staffA", "boardA", "officialA", "citizen")) {
            for (String[] read : privateReads()) {
                int status = as(users.get(who), get(read[0]), null).getStatus();
                // A record named only by its id: 404 for whoever works in some scheme (the id is not confirmed);
                // a bare citizen is refused by the endpoint's audience before any record is looked at: 403.
                int expected = read[1].equals("R") && !who.equals("citizen") ? 404 : 403;
                if (status != expected) {
                    leaks.add(who + " GET " + read[0] + " -> " + status + " (expected " + expected + ")");
                }
            }
        }
        assertThat(leaks).isEmpty();
    }

    @Test
    void anonymousGets401OnTheApiAndTheLoginPageOnPages() throws Exception {
        for (String[] read : privateReads()) {
            MockHttpServletResponse r = mvc.perform(get(read[0])).andReturn().getResponse();
            if (read[0].startsWith("/api/")) {
                assertThat(r.getStatus()).as(read[0]).isEqualTo(401);
            } else {
                assertThat(r.getStatus()).as(read[0]).isEqualTo(302);
                assertThat(r.getRedirectedUrl()).as(read[0]).endsWith("/login");
            }
        }
    }

    @Test
    void schemeReadersWithoutTheRightToPersonalDataGetRedactedViews() throws Exception {
        for (String who : List.of("observer", "boardB", "officialB-other-unit")) {
            String reader = users.get(who);
            for (String[] read : privateReads()) {
                int expected = read[1].equals("U") && who.equals("officialB-other-unit") ? 403 : 200;
                assertThat(as(reader, get(read[0]), null).getStatus()).as(who + " " + read[0]).isEqualTo(expected);
            }
            assertThat(body(reader, "/api/v1/services/schemes/" + b + "/cases/" + caseId)).as(who)
                    .doesNotContain(APPLICANT).doesNotContain(DOCUMENT).doesNotContain("dolores@example.org");
            assertThat(body(reader, "/api/v1/services/schemes/" + b + "/cases")).as(who).doesNotContain(APPLICANT);
            assertThat(body(reader, "/services/schemes/" + b + "/cases/" + caseId)).as(who).doesNotContain(APPLICANT)
                    .contains("Reservado (dato personal)");
            assertThat(body(reader, "/services/schemes/" + b)).as(who).doesNotContain(APPLICANT);
            if (who.equals("officialB-other-unit")) {
                continue; // the firm is in their unit: they see its owner (checked below)
            }
            String firm = body(reader, "/api/v1/services/schemes/" + b + "/lines/" + firmLine + "/firms/" + firmId);
            assertThat((Object) JsonPath.read(firm, "$.firm.ownerSex")).as(who).isNull();
            assertThat((Object) JsonPath.read(firm, "$.firm.ownerAgeGroup")).as(who).isNull();
            assertThat((Object) JsonPath.read(firm, "$.firm.preferential")).as(who).isNull();
        }
    }

    @Test
    void schemeBsOwnStaffAndTheUnitsOfficialSeeThePersonalData() throws Exception {
        for (String[] read : privateReads()) {
            assertThat(as(users.get("staffB"), get(read[0]), null).getStatus()).as(read[0]).isEqualTo(200);
        }
        assertThat(body(users.get("staffB"), "/api/v1/services/schemes/" + b + "/cases/" + caseId)).contains(APPLICANT)
                .contains(DOCUMENT);
        assertThat(body(users.get("staffB"), "/services/schemes/" + b + "/cases/" + caseId)).contains(APPLICANT);
        String firm = body(users.get("staffB"), "/api/v1/services/schemes/" + b + "/lines/" + firmLine + "/firms/" + firmId);
        assertThat((String) JsonPath.read(firm, "$.firm.ownerSex")).isEqualTo("F");
        // The member official of the case's unit sees its applicant; of the firm's unit (OTHER_UNIT), its owner.
        assertThat(body(users.get("officialB-case-unit"), "/api/v1/services/schemes/" + b + "/cases/" + caseId))
                .contains(APPLICANT);
        String ownFirm = body(users.get("officialB-other-unit"), "/api/v1/services/schemes/" + b + "/lines/" + firmLine
                + "/firms/" + firmId);
        assertThat((String) JsonPath.read(ownFirm, "$.firm.ownerSex")).isEqualTo("F");
    }

    @Test
    void projectsByUnitListOnlyTheSchemesTheReaderMayRead() throws Exception {
        String url = "/api/v1/projects/units/" + CASE_UNIT + "/projects?size=500";
        for (String who : List.of("adminA", "officialA")) {
            assertThat(body(users.get(who), url)).as(who).doesNotContain(PROJECT);
        }
        assertThat(as(users.get("citizen"), get(url), null).getStatus()).isEqualTo(403);
        for (String who : List.of("staffB", "officialB-case-unit")) {
            assertThat(body(users.get(who), url)).as(who).contains(PROJECT);
        }
    }

    @Test
    void caseDocumentsAreForTheSchemesStaffOnly() throws Exception {
        String url = "/services/schemes/" + b + "/cases/" + caseId + "/documents/1";
        for (String who : List.of("observer", "boardB", "officialB-case-unit", "adminA", "citizen")) {
            assertThat(as(users.get(who), get(url), null).getStatus()).as(who).isEqualTo(403);
        }
        // Staff pass the audience; the document does not exist, so 404.
        assertThat(as(users.get("staffB"), get(url), null).getStatus()).isEqualTo(404);
    }

    @Test
    void aSchemesContactsArePublicOnlyWhenMarkedAsItsPublicChannel() throws Exception {
        for (String who : List.of("citizen", "adminA")) {
            assertThat(body(users.get(who), "/api/v1/registry/schemes/" + b)).as(who).contains(PUBLIC_CONTACT)
                    .doesNotContain(PRIVATE_CONTACT).doesNotContain("persona@example.org");
            assertThat(body(users.get(who), "/registry/schemes/" + b)).as(who).contains(PUBLIC_CONTACT)
                    .doesNotContain(PRIVATE_CONTACT);
        }
        for (String who : List.of("staffB", "boardB", "observer")) {
            assertThat(body(users.get(who), "/api/v1/registry/schemes/" + b)).as(who).contains(PUBLIC_CONTACT)
                    .contains(PRIVATE_CONTACT);
        }
    }

    @Test
    void whatIsPublicByNatureStaysPublic() throws Exception {
        assertThat(mvc.perform(get("/api/v1/registry/open-data/schemes.csv")).andReturn().getResponse().getStatus())
                .isEqualTo(200);
        assertThat(mvc.perform(get("/public/services/cases")).andReturn().getResponse().getStatus()).isEqualTo(200);
        assertThat(mvc.perform(get("/public/participation/issues")).andReturn().getResponse().getStatus()).isEqualTo(200);
        // The register itself (name, members, acts) is for every account, a citizen included.
        for (String url : List.of("/api/v1/registry/schemes/" + b, "/api/v1/registry/schemes/" + b + "/members",
                "/api/v1/registry/schemes/" + b + "/acts", "/registry/schemes/" + b)) {
            assertThat(as(users.get("citizen"), get(url), null).getStatus()).as(url).isEqualTo(200);
        }
    }

    @Test
    void aDeletedCitizenStaysInTheAuditLogUnderAPseudonym() throws Exception {
        String name = users.get("citizen");
        long account = jdbc.sql("select id from app_user where username = :u").param("u", name).query(Long.class).single();
        mvc.perform(post("/participation/my-data/delete").with(user(name)).with(csrf()).param("confirm", "ELIMINAR"))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("select count(*) from audit_event where actor = :u or summary like '%' || :u || '%'")
                .param("u", name).query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from audit_event where actor = :p and action = 'DELETE'")
                .param("p", "ciudadano-eliminado-" + account).query(Long.class).single()).isOne();
    }

    private void grant(ApiFixtures api, String key, String role, Long scheme, String unit) throws Exception {
        String name = TestData.unique(key.toLowerCase());
        api.user(name, PASSWORD, role, scheme, unit);
        users.put(key, name);
    }

    private MockHttpServletResponse as(String user, MockHttpServletRequestBuilder request, String json) throws Exception {
        if ("admin".equals(user)) {
            request = request.with(httpBasic(user, IntegrationTest.ADMIN_PASSWORD));
        } else if (user != null) {
            // The API takes HTTP Basic; pages a session, which user() stands for (with the same grants from the database).
            boolean api = request.buildRequest(new org.springframework.mock.web.MockServletContext()).getRequestURI()
                    .startsWith("/api/");
            request = request.with(api ? httpBasic(user, PASSWORD) : user(user));
        }
        if (json != null) {
            request = request.contentType(MediaType.APPLICATION_JSON).content(json);
        }
        return mvc.perform(request).andReturn().getResponse();
    }

    private String body(String user, String url) throws Exception {
        MockHttpServletResponse r = as(user, get(url), null);
        assertThat(r.getStatus()).as(user + " " + url).isEqualTo(200);
        return r.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
    }

    private static long id(MockHttpServletResponse r) throws Exception {
        assertThat(r.getStatus()).as(r.getContentAsString()).isEqualTo(201);
        return ((Number) JsonPath.read(r.getContentAsString(), "$.id")).longValue();
    }
}
