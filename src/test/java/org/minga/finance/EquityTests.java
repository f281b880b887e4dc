package org.minga.finance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.minga.platform.CountryFormat;
import org.minga.projects.ProjectBenefits;
import org.minga.support.ApiFixtures;
import org.minga.support.IntegrationTest;
import org.minga.support.TerritoryFixtures;
import org.minga.support.TestData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** Benefits attributed by beneficiary share, and equity among members: ratio, index, warnings, chart. */
@IntegrationTest
class EquityTests {

    static final String PASSWORD = "una-clave-larga-1";
    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ProjectBenefits benefits;
    long scheme;
    String director;

    @BeforeEach
    void setUp() throws Exception {
        TerritoryFixtures.importAll(mvc, jdbc);
        scheme = new ApiFixtures(mvc).scheme(TestData.unique("Equidad"));
        director = TestData.unique("directora");
        new ApiFixtures(mvc).user(director, PASSWORD, "SCHEME_ADMIN", scheme, null);
    }

    @Test
    void financingIsAttributedByBeneficiaryPeopleOrEquallyWhenPeopleAreUnknown() {
        long roads = project("VIAS", Map.of("54498", 100, "54003", 300));
        line(roads, "1000.00", "COP", "2022-03-01");
        line(roads, "500.00", "COP", "2030-01-01"); // outside the period
        line(roads, "80.00", "USD", "2022-05-01");
        long water = project("AGUA", new java.util.HashMap<>(Map.of("54498", 10, "54003", 10)));
        jdbc.sql("insert into project_beneficiary (project_id, unit_code, people) values (:p, '20614', null)")
                .param("p", water).update();
        line(water, "100.00", "COP", "2023-01-01");
        var result = benefits.of(scheme, LocalDate.of(2022, 1, 1), LocalDate.of(2023, 12, 31));
        assertThat(result).containsExactlyInAnyOrder(
                new ProjectBenefits.Benefit("54498", "COP", new BigDecimal("283.33")),
                new ProjectBenefits.Benefit("54003", "COP", new BigDecimal("783.33")),
                new ProjectBenefits.Benefit("20614", "COP", new BigDecimal("33.34")),
                new ProjectBenefits.Benefit("54498", "USD", new BigDecimal("20.00")),
                new ProjectBenefits.Benefit("54003", "USD", new BigDecimal("60.00")));
        assertThat(result.stream().filter(b -> b.currency().equals("COP")).map(ProjectBenefits.Benefit::amount)
                .reduce(BigDecimal.ZERO, BigDecimal::add)).isEqualByComparingTo("1100.00");
    }

    @Test
    void equityReportsPaidBenefitsRatioIndexAndWarnsOfMembersThatPayAndGetNothing() throws Exception {
        rulePayments("54498", "54003", "54206", "20614");
        pay("54498", "2022-02-01", "1000");
        pay("54003", "2022-02-01", "1000");
        pay("54206", "2022-02-01", "500");
        pay("54206", "2023-02-01", "500");
        pay("20614", "2022-02-01", "1000");
        long big = project("VIAS", Map.of("54498", 900, "54003", 100));
        line(big, "10000.00", "COP", "2022-06-01");
        mvc.perform(get("/api/v1/registry/schemes/" + scheme + "/equity").param("from", "2022-01-01").param("to", "2023-12-31")
                .with(httpBasic(director, PASSWORD))).andExpect(status().isOk())
                .andExpect(jsonPath("$.members[?(@.unit == '54498')].name").value(hasItem("Ocaña")))
                .andExpect(jsonPath("$.members[?(@.unit == '54498')].paid.COP").value(hasItem("1000.00")))
                .andExpect(jsonPath("$.members[?(@.unit == '54498')].benefits.COP").value(hasItem("9000.00")))
                .andExpect(jsonPath("$.members[?(@.unit == '54498')].ratio").value(hasItem(9.0)))
                .andExpect(jsonPath("$.members[?(@.unit == '54206')].ratio").value(hasItem(0.0)))
                // shares paid 0.25 each; benefits 0.9, 0.1, 0, 0 → 1 − ½(0.65 + 0.15 + 0.25 + 0.25) = 0.35
                .andExpect(jsonPath("$.index").value(0.35))
                .andExpect(jsonPath("$.warnings[?(@.type == 'PAYS_WITHOUT_BENEFIT')].units[0]").value(org.hamcrest.Matchers.contains("54206")))
                .andExpect(jsonPath("$.warnings[?(@.type == 'BENEFITS_CONCENTRATED')].units[0]").value(hasItem("54498")));
        mvc.perform(get("/api/v1/registry/schemes/" + scheme + "/equity").param("from", "2023-01-01").param("to", "2022-01-01")
                .with(httpBasic(director, PASSWORD))).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("to"));
    }

    @Test
    void ratioIsNullWithoutPaymentsAndIndexIsOneWhenBenefitsFollowContributions() {
        var even = List.of(new Equity.Member("a", "A", Map.of("COP", new BigDecimal("100")), Map.of("COP", new BigDecimal("300")), Map.of(), Map.of(), null),
                new Equity.Member("b", "B", Map.of("COP", new BigDecimal("300")), Map.of("COP", new BigDecimal("900")), Map.of(), Map.of(), null));
        assertThat(Equity.index(even)).isEqualByComparingTo("1");
        assertThat(Equity.ratio(Map.of(), Map.of("COP", BigDecimal.TEN))).isNull();
        assertThat(Equity.ratio(Map.of("COP", new BigDecimal("3")), Map.of("COP", BigDecimal.ONE))).isEqualByComparingTo("0.3333");
        assertThat(Equity.index(List.of(new Equity.Member("a", "A", Map.of(), Map.of(), Map.of(), Map.of(), null)))).isNull();
        assertThat(Equity.concentration(even, CountryFormat.COLOMBIA)).isEmpty();
    }

    @Test
    void theSchemePageLoadsTheChartAndAMemberOfficialSeesTheirUnitInIt() throws Exception {
        rulePayments("54498", "54003");
        pay("54498", "2022-02-01", "1000");
        pay("54003", "2022-02-01", "2000");
        long p = project("SALUD", Map.of("54498", 50, "54003", 50));
        line(p, "600.00", "COP", "2022-06-01");
        String official = TestData.unique("alcaldia");
        new ApiFixtures(mvc).user(official, PASSWORD, "MEMBER_OFFICIAL", scheme, "54003");
        var asOfficial = user(official).roles("MEMBER_OFFICIAL");
        mvc.perform(get("/registry/schemes/" + scheme).with(asOfficial)).andExpect(status().isOk())
                .andExpect(content().string(containsString("hx-get=\"/finance/schemes/" + scheme + "/equity\"")))
                .andExpect(content().string(containsString("Equidad entre miembros")));
        mvc.perform(get("/finance/schemes/" + scheme + "/equity").param("from", "2022-01-01").param("to", "2022-12-31")
                .header("HX-Request", "true").with(asOfficial)).andExpect(status().isOk())
                .andExpect(content().string(containsString("<svg")))
                .andExpect(content().string(containsString("<title id=\"equity-chart-COP\">Aportes pagados y beneficios recibidos por miembro, en COP</title>")))
                .andExpect(content().string(containsString("Ábrego (54003)")))
                .andExpect(content().string(containsString("COP 2.000<")))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("<html"))));
        mvc.perform(get("/finance/schemes/" + scheme + "/equity").with(asOfficial)).andExpect(status().isOk())
                .andExpect(content().string(containsString("<html")))
                .andExpect(content().string(containsString("Ábrego (54003)")));
    }

    // ---- helpers -----------------------------------------------------------------------------

    void rulePayments(String... units) throws Exception {
        String members = String.join(",", java.util.Arrays.stream(units).map(u -> "\"" + u + "\"").toList());
        for (int year : new int[] {2022, 2023}) {
            mvc.perform(post("/api/v1/finance/schemes/" + scheme + "/rules").with(httpBasic(director, PASSWORD))
                    .contentType(MediaType.APPLICATION_JSON).content("{\"year\":" + year + ",\"name\":\"Cuota\",\"kind\":\"FIXED\","
                            + "\"amount\":1000,\"periodicity\":\"YEARLY\",\"currency\":\"COP\",\"dueDay\":1,\"members\":[" + members + "]}"))
                    .andExpect(status().isCreated());
        }
    }

    @Test
    void paidAmountsAreExactForWholeAndPartialYearsAndFollowCorrections() throws Exception {
        rulePayments("54498");
        pay("54498", "2021-12-31", "10.00");
        pay("54498", "2022-01-01", "20.00");
        pay("54498", "2022-06-15", "40.00");
        pay("54498", "2023-12-31", "80.00");
        pay("54498", "2024-01-01", "160.00");
        assertThat(paid("2022-01-01", "2023-12-31")).isEqualByComparingTo("140.00");
        assertThat(paid("2021-12-31", "2024-01-01")).isEqualByComparingTo("310.00");
        assertThat(paid("2022-06-15", "2022-06-15")).isEqualByComparingTo("40.00");
        assertThat(paid("2022-01-02", "2023-12-30")).isEqualByComparingTo("40.00");
        // A payment corrected in the database is seen at once by the yearly totals.
        jdbc.sql("update contribution_payment set amount = 45.00 where scheme_id = :s and paid_on = date '2022-06-15'")
                .param("s", scheme).update();
        jdbc.sql("delete from contribution_payment where scheme_id = :s and paid_on = date '2023-12-31'")
                .param("s", scheme).update();
        assertThat(paid("2022-01-01", "2023-12-31")).isEqualByComparingTo("65.00");
    }

    private java.math.BigDecimal paid(String from, String to) throws Exception {
        String body = mvc.perform(get("/api/v1/registry/schemes/" + scheme + "/equity").param("from", from).param("to", to)
                .with(httpBasic(director, PASSWORD))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        java.util.List<String> amounts = com.jayway.jsonpath.JsonPath.read(body, "$.members[?(@.unit == '54498')].paid.COP");
        return amounts.isEmpty() ? java.math.BigDecimal.ZERO : new java.math.BigDecimal(amounts.getFirst());
    }

    void pay(String unit, String on, String amount) throws Exception {
        mvc.perform(post("/api/v1/finance/schemes/" + scheme + "/payments").with(httpBasic(director, PASSWORD))
                .contentType(MediaType.APPLICATION_JSON).content("{\"unitCode\":\"" + unit + "\",\"paidOn\":\"" + on
                        + "\",\"amount\":" + amount + ",\"currency\":\"COP\"}")).andExpect(status().isCreated());
    }

    long project(String code, Map<String, Integer> people) {
        long id = jdbc.sql("""
                insert into project (scheme_id, code, name, sector, stage_since) values (:s, :c, :n, 'TRANSPORT', date '2022-01-01')
                returning id""").param("s", scheme).param("c", code).param("n", "Proyecto " + code).query(Long.class).single();
        people.forEach((unit, n) -> jdbc.sql("insert into project_beneficiary (project_id, unit_code, people) values (:p, :u, :n)")
                .param("p", id).param("u", unit).param("n", n).update());
        return id;
    }

    void line(long project, String amount, String currency, String on) {
        jdbc.sql("""
                insert into financing_line (project_id, source_type, entity, amount, currency, committed_on)
                values (:p, 'NATION', 'Nación', :a, :c, cast(:on as date))""").param("p", project)
                .param("a", new BigDecimal(amount)).param("c", currency).param("on", on).update();
    }
}
