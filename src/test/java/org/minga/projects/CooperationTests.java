package org.minga.projects;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
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

/** Cooperants, their support records, the matrix, the duplicate warning, exports and scoped writes. */
@IntegrationTest
class CooperationTests {

    static final String ADMIN = IntegrationTest.ADMIN_PASSWORD;
    static final String PASSWORD = "una-clave-larga-1";
    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    String tag;
    long scheme;
    String director;

    @BeforeEach
    void setUp() throws Exception {
        TerritoryFixtures.importAll(mvc, jdbc);
        tag = TestData.unique("Coop");
        scheme = new ApiFixtures(mvc).scheme(tag + " Asociación");
        director = TestData.unique("director");
        new ApiFixtures(mvc).user(director, PASSWORD, "SCHEME_ADMIN", scheme, null);
        for (String code : List.of("54498", "54003")) {
            jdbc.sql("insert into membership (scheme_id, unit_code, joined_on) values (:s, :u, date '2020-01-01')")
                    .param("s", scheme).param("u", code).update();
        }
    }

    @Test
    void twoCooperantsFundingTheSameThemeInTheSameUnitInOverlappingPeriodsAreWarnedAndExported() throws Exception {
        long usaid = cooperant(tag + " USAID");
        long giz = cooperant("=" + tag + " GIZ");
        long pnud = cooperant(tag + " PNUD");
        support(usaid, "54498", "WATER_SANITATION", "2090-01-01", "2090-12-31", null);
        support(giz, "54498", "WATER_SANITATION", "2090-06-01", null, null);
        // Same unit, different theme; same theme, periods that do not cross; another unit: no warning.
        support(usaid, "54498", "HEALTH", "2090-01-01", "2090-12-31", null);
        support(pnud, "54498", "HEALTH", "2091-01-01", null, null);
        support(pnud, "54003", "WATER_SANITATION", "2090-01-01", null, null);
        // A support by the scheme's own staff, outside the scheme's units: not in its matrix.
        support(pnud, "20614", "WATER_SANITATION", "2090-01-01", null, scheme).andExpect(status().isCreated());

        String warning = tag + " USAID y =" + tag + " GIZ apoyan Agua potable y saneamiento básico en Ocaña";
        mvc.perform(get("/api/v1/projects/cooperation/duplicates?schemeId=" + scheme).with(httpBasic(director, PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].message", hasItem(containsString(warning))))
                .andExpect(jsonPath("$[?(@.theme == 'HEALTH')]", org.hamcrest.Matchers.empty()))
                .andExpect(jsonPath("$[?(@.unitCode == '54003')]", org.hamcrest.Matchers.empty()));
        mvc.perform(get("/api/v1/projects/cooperation/matrix?schemeId=" + scheme).with(httpBasic(director, PASSWORD)))
                .andExpect(jsonPath("$.cells[?(@.unitCode == '54498' && @.theme == 'WATER_SANITATION')].duplicated",
                        hasItem(true)))
                .andExpect(jsonPath("$.cells[?(@.unitCode == '54498' && @.theme == 'HEALTH')].duplicated",
                        hasItem(false)))
                .andExpect(jsonPath("$.cells[*].unitCode", not(hasItem("20614"))));

        byte[] xlsx = mvc.perform(get("/api/v1/projects/cooperation/matrix.xlsx?schemeId=" + scheme)
                .with(httpBasic(director, PASSWORD))).andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", containsString("matriz-cooperacion.xlsx")))
                .andReturn().getResponse().getContentAsByteArray();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet matrix = book.getSheet("Matriz");
            assertThat(matrix.getRow(0).getCell(0).getStringCellValue()).isEqualTo("Cooperante");
            List<String> lines = new ArrayList<>();
            for (Row r : matrix) {
                if (r.getRowNum() > 0) {
                    lines.add(r.getCell(0).getStringCellValue() + "|" + r.getCell(1).getStringCellValue() + "|"
                            + r.getCell(2).getStringCellValue() + "|" + r.getCell(4).getStringCellValue() + "|"
                            + r.getCell(9).getStringCellValue());
                }
            }
            assertThat(lines).contains(tag + " USAID|54498|Ocaña|WATER_SANITATION|Sí",
                    "'=" + tag + " GIZ|54498|Ocaña|WATER_SANITATION|Sí", tag + " USAID|54498|Ocaña|HEALTH|No",
                    tag + " PNUD|54003|Ábrego|WATER_SANITATION|No");
            assertThat(lines).noneMatch(l -> l.contains("20614"));
            Sheet dups = book.getSheet("Duplicidades");
            assertThat(dups.getPhysicalNumberOfRows()).isEqualTo(2);
            assertThat(dups.getRow(1).getCell(7).getStringCellValue()).contains(tag + " USAID");
        }
        String csv = new String(mvc.perform(get("/api/v1/projects/cooperation/matrix.csv?schemeId=" + scheme)
                .with(httpBasic(director, PASSWORD))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsByteArray(), StandardCharsets.UTF_8);
        assertThat(csv).startsWith("\uFEFFCooperante,").contains("'=" + tag + " GIZ,54498,Ocaña,")
                .doesNotContain("\n=");
    }

    @Test
    void writesAreScopedAndARefusalWritesNothing() throws Exception {
        long id = cooperant(tag + " Fondo Europeo");
        long other = new ApiFixtures(mvc).scheme(tag + " Otra");
        long supportId = ((Number) JsonPath.read(support(id, "54498", "PEACE", "2090-01-01", null, null)
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(), "$.id")).longValue();
        long cooperants = count("cooperant");
        long supports = count("cooperant_support");
        long audits = count("audit_event");
        String body = "{\"name\":\"" + tag + " Intruso\",\"themes\":[\"PEACE\"]}";
        write(post("/api/v1/projects/cooperants"), director, PASSWORD, body).andExpect(status().isForbidden());
        write(put("/api/v1/projects/cooperants/" + id), director, PASSWORD, body).andExpect(status().isForbidden());
        mvc.perform(delete("/api/v1/projects/cooperants/" + id).with(httpBasic(director, PASSWORD)))
                .andExpect(status().isForbidden());
        String noScheme = "{\"unitCode\":\"54003\",\"theme\":\"PEACE\",\"startsOn\":\"2090-01-01\"}";
        write(post("/api/v1/projects/cooperants/" + id + "/supports"), director, PASSWORD, noScheme)
                .andExpect(status().isForbidden());
        String otherScheme = "{\"unitCode\":\"54003\",\"theme\":\"PEACE\",\"startsOn\":\"2090-01-01\",\"schemeId\":"
                + other + "}";
        write(post("/api/v1/projects/cooperants/" + id + "/supports"), director, PASSWORD, otherScheme)
                .andExpect(status().isForbidden());
        mvc.perform(delete("/api/v1/projects/cooperants/" + id + "/supports/" + supportId)
                .with(httpBasic(director, PASSWORD))).andExpect(status().isForbidden());
        assertThat(count("cooperant")).isEqualTo(cooperants);
        assertThat(count("cooperant_support")).isEqualTo(supports);
        assertThat(count("audit_event")).isEqualTo(audits);
        assertThat(jdbc.sql("select name from cooperant where id = :id").param("id", id).query(String.class).single())
                .isEqualTo(tag + " Fondo Europeo");

        // Their own scheme's support: allowed, and validated.
        support(id, "54003", "PEACE", "2090-01-01", null, scheme).andExpect(status().isCreated());
        write(post("/api/v1/projects/cooperants/" + id + "/supports"), director, PASSWORD,
                "{\"unitCode\":\"99999\",\"theme\":\"NOPE\",\"startsOn\":\"2090-01-01\",\"endsOn\":\"2089-01-01\","
                        + "\"schemeId\":" + scheme + "}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItem("theme")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("endsOn")));
        write(post("/api/v1/projects/cooperants"), "admin", ADMIN, "{\"name\":\" \",\"themes\":[\"X\"]}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", allOf(hasItem("name"), hasItem("themes"))));
    }

    long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }

    long cooperant(String name) throws Exception {
        String body = "{\"name\":\"" + name + "\",\"mission\":\"Apoyar el desarrollo local y la construcción de paz\","
                + "\"themes\":[\"WATER_SANITATION\",\"HEALTH\",\"PEACE\"],\"focusUnits\":[\"54498\",\"54003\"],"
                + "\"procedures\":\"Convocatoria anual\",\"contacts\":\"oficina@example.org\"}";
        String response = write(post("/api/v1/projects/cooperants"), "admin", ADMIN, body)
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return ((Number) JsonPath.read(response, "$.id")).longValue();
    }

    ResultActions support(long cooperant, String unit, String theme, String starts, String ends, Long schemeId)
            throws Exception {
        String body = "{\"unitCode\":\"" + unit + "\",\"theme\":\"" + theme + "\",\"startsOn\":\"" + starts + "\""
                + (ends == null ? "" : ",\"endsOn\":\"" + ends + "\"") + ",\"amount\":150000000,\"currency\":\"COP\""
                + (schemeId == null ? "" : ",\"schemeId\":" + schemeId) + "}";
        return schemeId == null
                ? write(post("/api/v1/projects/cooperants/" + cooperant + "/supports"), "admin", ADMIN, body)
                        .andExpect(status().isCreated())
                : write(post("/api/v1/projects/cooperants/" + cooperant + "/supports"), director, PASSWORD, body);
    }

    ResultActions write(MockHttpServletRequestBuilder request, String user, String password, String json)
            throws Exception {
        return mvc.perform(request.with(httpBasic(user, password)).contentType(MediaType.APPLICATION_JSON)
                .content(json));
    }
}
