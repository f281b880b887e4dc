package org.minga.observatory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.minga.support.Csv;
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

/**
 * The observatory's figures against counts made here, independently, from the register's open data
 * (memberships.csv on the date) and the territory's API; El Salvador before and after its 2024 reform;
 * anonymous reads, refused writes; the catalogue's every download answering to anyone; OCDS's
 * required fields.
 */
@IntegrationTest
class ObservatoryTests {

    static final String ADMIN = IntegrationTest.ADMIN_PASSWORD;
    static final String PASSWORD = "una-clave-larga-1";
    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    String tag;

    @BeforeEach
    void setUp() throws Exception {
        TerritoryFixtures.importAll(mvc, jdbc);
        tag = TestData.unique("Observatorio");
    }

    @Test
    void colombiasFiguresMatchTheMembershipsOpenDataOnTheDate() throws Exception {
        // Municipalities no other test has made members, so "in several" moves only with these two schemes.
        List<String> free = jdbc.sql("""
                select code from territorial_unit u where country = 'CO' and level = 'MUNICIPALITY'
                and valid_from <= date '2019-01-01' and valid_to is null
                and not exists (select 1 from membership m where m.unit_code = u.code) order by code limit 3""")
                .query(String.class).list();
        String shared = free.get(0);
        long a = scheme(tag + " Provincia A", "CO");
        long b = scheme(tag + " Provincia B", "CO");
        join(a, shared, "2019-01-01");
        join(a, free.get(1), "2019-01-01");
        join(b, shared, "2020-06-01");
        join(b, free.get(2), "2020-06-01");
        for (String at : List.of("2019-06-01", "2021-01-01")) {
            Map<String, Object> json = figures("CO", at);
            Expected expected = expected("CO", at);
            assertThat(((Number) json.get("municipalitiesInSchemes")).longValue()).as(at).isEqualTo(expected.inSchemes());
            assertThat(((Number) json.get("municipalitiesInSeveral")).longValue()).as(at).isEqualTo(expected.inSeveral());
            assertThat(((Number) json.get("municipalities")).longValue()).isEqualTo(municipalities("CO", at));
        }
        // The shared municipality is in both schemes only once the second one takes it in.
        assertThat(expected("CO", "2021-01-01").inSeveral()).isGreaterThan(0);
        assertThat(expected("CO", "2021-01-01").several()).contains(shared);
        assertThat(expected("CO", "2019-06-01").several()).doesNotContain(shared);
    }

    @Test
    void elSalvadorCountsItsMunicipalitiesBeforeAndAfterTheReform() throws Exception {
        // Two former municipalities that became districts of the same new municipality, and one of another.
        List<Map<String, Object>> districts = jdbc.sql("""
                select code, parent_code from territorial_unit
                where country = 'SV' and level = 'DISTRICT' and valid_from = date '2024-05-01' order by parent_code, code""")
                .query().listOfRows();
        Map<String, List<String>> byMunicipality = new HashMap<>();
        districts.forEach(d -> byMunicipality.computeIfAbsent((String) d.get("parent_code"), k -> new ArrayList<>())
                .add((String) d.get("code")));
        List<String> same = byMunicipality.values().stream().filter(l -> l.size() >= 2).findFirst().orElseThrow();
        String other = byMunicipality.entrySet().stream()
                .filter(e -> !e.getValue().contains(same.get(0))).findFirst().orElseThrow().getValue().get(0);
        long nonualcos = scheme(tag + " Mancomunidad", "SV");
        long second = scheme(tag + " Asociación", "SV");
        join(nonualcos, same.get(0), "2015-01-01");
        join(nonualcos, same.get(1), "2015-01-01");
        join(second, other, "2015-01-01");

        Map<String, Object> before = figures("SV", "2024-04-30");
        Map<String, Object> after = figures("SV", "2024-05-01");
        assertThat(before.get("municipalities")).isEqualTo(262);
        assertThat(after.get("municipalities")).isEqualTo(44);
        for (var at : Map.of("2024-04-30", before, "2024-05-01", after).entrySet()) {
            Expected expected = expected("SV", at.getKey());
            assertThat(((Number) at.getValue().get("municipalitiesInSchemes")).longValue()).as(at.getKey())
                    .isEqualTo(expected.inSchemes());
            assertThat(((Number) at.getValue().get("municipalitiesInSeveral")).longValue()).as(at.getKey())
                    .isEqualTo(expected.inSeveral());
        }
        // Before the reform the two members are two municipalities; after it, districts of one.
        assertThat(expected("SV", "2024-04-30").inSchemes() - expected("SV", "2024-05-01").inSchemes())
                .isGreaterThanOrEqualTo(1);
    }

    @Test
    void countsByFigureAndStatusAddUpToTheSchemesAndTheirCsvSaysTheSame() throws Exception {
        scheme(tag + " Sin miembros", "CO");
        String today = java.time.LocalDate.now().toString();
        Map<String, Object> json = figures("CO", today);
        long schemes = ((Number) json.get("schemes")).longValue();
        assertThat(schemes).isPositive();
        @SuppressWarnings("unchecked")
        Map<String, Number> byFigure = (Map<String, Number>) json.get("byFigure");
        @SuppressWarnings("unchecked")
        Map<String, Number> byStatus = (Map<String, Number>) json.get("byStatus");
        assertThat(byFigure.values().stream().mapToLong(Number::longValue).sum()).isEqualTo(schemes);
        assertThat(byStatus.values().stream().mapToLong(Number::longValue).sum()).isEqualTo(schemes);
        // The schemes' open data, counted here: registered by today and not liquidated.
        List<Map<String, String>> rows = csv("/api/v1/registry/open-data/schemes.csv?at=" + today);
        long inRegister = rows.stream().filter(r -> r.get("pais").equals("CO") && !r.get("estado").equals("LIQUIDATED"))
                .count();
        assertThat(schemes).isEqualTo(inRegister);
        List<Map<String, String>> table = csv("/public/observatory/by-figure.csv?country=CO&at=" + today);
        Map<String, Long> fromCsv = new HashMap<>();
        table.forEach(r -> fromCsv.put(r.get("clave"), Long.parseLong(new ArrayList<>(r.values()).get(2))));
        Map<String, Long> fromJson = new HashMap<>();
        byFigure.forEach((k, v) -> fromJson.put(k, v.longValue()));
        assertThat(fromCsv).isEqualTo(fromJson);
    }

    @Test
    void theCacheNeverAnswersWithFiguresOlderThanTheRegister() throws Exception {
        long a = scheme(tag + " Caché", "CO");
        long before = ((Number) figures("CO", "2022-01-01").get("municipalitiesInSchemes")).longValue();
        String unit = jdbc.sql("""
                select code from territorial_unit u where country = 'CO' and level = 'MUNICIPALITY'
                and valid_from <= date '2021-01-01' and valid_to is null
                and not exists (select 1 from membership_on(date '2022-01-01') m where m.unit_code = u.code)
                order by code limit 1""").query(String.class).single();
        join(a, unit, "2021-01-01");
        assertThat(((Number) figures("CO", "2022-01-01").get("municipalitiesInSchemes")).longValue())
                .isEqualTo(before + 1);
    }

    @Test
    void anyoneReadsNobodyWritesAndBadInputNamesTheField() throws Exception {
        mvc.perform(get("/api/v1/public/observatory").param("country", "CO")).andExpect(status().isOk())
                .andExpect(jsonPath("$.country").value("CO")).andExpect(jsonPath("$.byFigure").isMap())
                .andExpect(jsonPath("$.byStatus").isMap());
        mvc.perform(post("/api/v1/public/observatory").param("country", "CO")).andExpect(status().isUnauthorized());
        mvc.perform(post("/api/v1/open-data/catalog")).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/v1/public/observatory").param("country", "PE")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("country"));
        mvc.perform(get("/public/observatory").param("country", "CO").param("at", "2021-01-01"))
                .andExpect(status().isOk());
        mvc.perform(get("/public/observatory/nothing.csv")).andExpect(status().isNotFound());
    }

    @Test
    void everyDownloadOfTheCatalogueAnswersToAnonymousVisitors() throws Exception {
        long a = scheme(tag + " Catálogo", "CO");
        join(a, "54498", "2020-01-01");
        String body = mvc.perform(get("/api/v1/open-data/catalog")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat((String) JsonPath.read(body, "$['@type']")).isEqualTo("dcat:Catalog");
        List<String> ids = JsonPath.read(body, "$['dcat:dataset'][*]['dct:identifier']");
        assertThat(ids).contains("schemes", "memberships", "acts", "projects", "financing", "agreements", "observatory");
        List<String> licences = JsonPath.read(body, "$['dcat:dataset'][*]['dct:license']['@id']");
        assertThat(licences).hasSameSizeAs(ids).allMatch(l -> l.startsWith("https://creativecommons.org/"));
        List<String> modified = JsonPath.read(body,
                "$['dcat:dataset'][?(@['dct:identifier'] == 'memberships')]['dct:modified']['@value']");
        assertThat(modified).singleElement().satisfies(m -> assertThat(java.time.Instant.parse(m))
                .isAfter(java.time.Instant.now().minusSeconds(3600)));
        List<String> urls = JsonPath.read(body, "$['dcat:dataset'][*]['dcat:distribution'][*]['dcat:downloadURL']['@id']");
        assertThat(urls).hasSizeGreaterThan(20);
        for (String url : new HashSet<>(urls)) {
            String path = url.replaceFirst("^https?://[^/]+", "");
            var response = mvc.perform(get(java.net.URI.create(path))).andReturn().getResponse();
            assertThat(response.getStatus()).as(path).isEqualTo(200);
            assertThat(response.getContentAsByteArray()).as(path).isNotEmpty();
        }
    }

    @Test
    void projectsAndTheirFinancingAreAnOcdsReleasePackageOfPlanningReleases() throws Exception {
        long scheme = scheme(tag + " Banco", "CO");
        join(scheme, "54498", "2020-01-01");
        String director = TestData.unique("director");
        new ApiFixtures(mvc).user(director, PASSWORD, "SCHEME_ADMIN", scheme, null);
        String created = mvc.perform(post("/api/v1/projects/schemes/" + scheme + "/projects")
                .with(httpBasic(director, PASSWORD)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"code\":\"OBS-1\",\"name\":\"Acueducto veredal " + tag + "\",\"sector\":\"Vivienda, ciudad y territorio\","
                        + "\"cost\":5000,\"currency\":\"COP\",\"beneficiaries\":[{\"unitCode\":\"54498\"}]}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        long project = ((Number) JsonPath.read(created, "$.id")).longValue();
        mvc.perform(post("/api/v1/projects/" + project + "/financing").with(httpBasic(director, PASSWORD))
                .contentType(MediaType.APPLICATION_JSON).content("{\"sourceType\":\"NATION\",\"entity\":\"Ministerio\","
                        + "\"amount\":3000,\"currency\":\"COP\",\"committedOn\":\"2024-03-01\",\"disbursed\":0}"))
                .andExpect(status().isCreated());
        String ocds = mvc.perform(get("/api/v1/open-data/projects.ocds.json")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        // The release package schema's required fields, and each release's.
        for (String field : List.of("uri", "version", "publishedDate", "publisher", "releases")) {
            assertThat(JsonPath.<Object>read(ocds, "$." + field)).as(field).isNotNull();
        }
        assertThat((String) JsonPath.read(ocds, "$.version")).isEqualTo("1.1");
        assertThat((String) JsonPath.read(ocds, "$.publisher.name")).isEqualTo("Minga");
        List<Map<String, Object>> ours = JsonPath.read(ocds, "$.releases[?(@.ocid == 'ocds-minga-" + project + "')]");
        assertThat(ours).singleElement().satisfies(r -> {
            for (String field : List.of("ocid", "id", "date", "tag", "initiationType")) {
                assertThat(r.get(field)).as(field).isNotNull();
            }
            assertThat(r.get("tag")).isEqualTo(List.of("planning"));
            assertThat(java.time.OffsetDateTime.parse((String) r.get("date"))).isNotNull();
        });
        assertThat(JsonPath.<List<Number>>read(ocds, "$.releases[?(@.ocid == 'ocds-minga-" + project
                + "')].planning.budget.amount.amount")).singleElement().satisfies(n -> assertThat(n.intValue()).isEqualTo(5000));
        assertThat(JsonPath.<List<String>>read(ocds, "$.releases[?(@.ocid == 'ocds-minga-" + project
                + "')].parties[*].roles[*]")).contains("buyer", "funder");
        List<Map<String, String>> financing = csv("/api/v1/open-data/financing.csv");
        assertThat(financing).anySatisfy(r -> {
            assertThat(r.get("proyecto_id")).isEqualTo(String.valueOf(project));
            assertThat(r.get("fuente")).isEqualTo("NATION");
        });
        Map<String, Object> observed = figures("CO", "2024-03-01");
        assertThat(JsonPath.<List<Object>>read(observed, "$.investmentBySource[?(@.key == 'NATION')]")).isNotEmpty();
    }

    /** What the observatory should say, counted from the memberships' open data and the territory's API. */
    record Expected(long inSchemes, long inSeveral, Set<String> several) {
    }

    private Expected expected(String country, String at) throws Exception {
        Map<String, String> municipalityOfDistrict = new HashMap<>();
        for (int page = 0;; page++) {
            String units = mvc.perform(get("/api/v1/territory/units").param("country", country).param("level", "DISTRICT")
                    .param("at", at).param("size", "1000").param("page", String.valueOf(page))
                    .with(httpBasic("admin", ADMIN))).andExpect(status().isOk()).andReturn().getResponse()
                    .getContentAsString(StandardCharsets.UTF_8);
            List<Map<String, Object>> items = JsonPath.read(units, "$.items");
            items.forEach(u -> municipalityOfDistrict.put((String) u.get("code"), (String) u.get("parentCode")));
            if (!(Boolean) JsonPath.read(units, "$.hasNext")) {
                break;
            }
        }
        Map<String, Set<String>> schemesOfMunicipality = new HashMap<>();
        for (Map<String, String> row : csv("/api/v1/registry/open-data/memberships.csv?at=" + at)) {
            if (!row.get("pais").equals(country)) {
                continue;
            }
            String municipality = switch (row.get("nivel")) {
                case "MUNICIPALITY" -> row.get("miembro_codigo");
                case "DISTRICT" -> municipalityOfDistrict.get(row.get("miembro_codigo"));
                default -> null;
            };
            if (municipality != null) {
                schemesOfMunicipality.computeIfAbsent(municipality, k -> new HashSet<>()).add(row.get("esquema_id"));
            }
        }
        Set<String> several = new HashSet<>();
        schemesOfMunicipality.forEach((m, s) -> {
            if (s.size() > 1) {
                several.add(m);
            }
        });
        return new Expected(schemesOfMunicipality.size(), several.size(), several);
    }

    private long municipalities(String country, String at) throws Exception {
        long count = 0;
        for (int page = 0;; page++) {
            String units = mvc.perform(get("/api/v1/territory/units").param("country", country)
                    .param("level", "MUNICIPALITY").param("at", at).param("size", "1000")
                    .param("page", String.valueOf(page)).with(httpBasic("admin", ADMIN)))
                    .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
            count += JsonPath.<List<Object>>read(units, "$.items").size();
            if (!(Boolean) JsonPath.read(units, "$.hasNext")) {
                return count;
            }
        }
    }

    private Map<String, Object> figures(String country, String at) throws Exception {
        String body = mvc.perform(get("/api/v1/public/observatory").param("country", country).param("at", at))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        return JsonPath.read(body, "$");
    }

    /** A CSV download read by header name (RFC 4180 quotes). */
    private List<Map<String, String>> csv(String path) throws Exception {
        String text = mvc.perform(get(java.net.URI.create(path))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        return Csv.parse(text);
    }

    private long scheme(String name, String country) throws Exception {
        String body = write(post("/api/v1/registry/schemes"), "{\"name\":\"" + name + "\",\"acronym\":\"O\",\"country\":\""
                + country + "\",\"figure\":\"ASOCIACION_MUNICIPIOS\"}").andExpect(status().isCreated()).andReturn()
                .getResponse().getContentAsString();
        return ((Number) JsonPath.read(body, "$.id")).longValue();
    }

    private void join(long scheme, String code, String on) throws Exception {
        write(post("/api/v1/registry/schemes/" + scheme + "/members"),
                "{\"unitCode\":\"" + code + "\",\"joinedOn\":\"" + on + "\"}").andExpect(status().isCreated());
    }

    private ResultActions write(MockHttpServletRequestBuilder request, String json) throws Exception {
        return mvc.perform(request.with(httpBasic("admin", ADMIN)).contentType(MediaType.APPLICATION_JSON).content(json));
    }
}
