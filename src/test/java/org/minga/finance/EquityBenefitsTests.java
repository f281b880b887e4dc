package org.minga.finance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.minga.projects.ProjectBenefits;
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
 * What counts as a benefit in equity (issue 18): discarded projects give nothing, a member's own
 * co-financing is shown apart and counts in neither the ratio nor the index, and shared services
 * (landfill tonnes at the tariff, subsidised assistance) count, so a landfill member is not told it
 * "pays without benefit" while a member that receives nothing is.
 */
@IntegrationTest
class EquityBenefitsTests {

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
        scheme = new ApiFixtures(mvc).scheme(TestData.unique("Beneficios"));
        director = TestData.unique("directora");
        new ApiFixtures(mvc).user(director, "una-clave-larga-1", "SCHEME_ADMIN", scheme, null);
    }

    @Test
    void aDiscardedProjectsCommitmentsAreNoBenefitFromTheDayItIsDiscarded() throws Exception {
        long roads = project("VIAS", Map.of("54498", 1, "54003", 1));
        line(roads, "NATION", null, "1000.00", "2022-03-01");
        assertThat(benefits.of(scheme, LocalDate.of(2022, 1, 1), LocalDate.of(2022, 12, 31))).hasSize(2);
        jdbc.sql("update project set stage = 'DISCARDED' where id = :p").param("p", roads).update();
        assertThat(benefits.of(scheme, LocalDate.of(2022, 1, 1), LocalDate.of(2022, 12, 31))).isEmpty();
        equity("2022-01-01", "2022-12-31").andExpect(jsonPath("$.members[*].benefits.COP").value(empty()));
    }

    @Test
    void aMembersOwnCofinancingIsShownApartAndLeftOutOfTheRatioAndTheIndex() throws Exception {
        rules("54498", "54003");
        pay("54498", "2022-02-01", "1000");
        pay("54003", "2022-02-01", "1000");
        long water = project("AGUA", Map.of("54498", 300, "54003", 100));
        // Ocaña puts 1,000 into a project that serves it for three quarters: 750 comes back to itself.
        line(water, "MEMBER_MUNICIPALITY", "54498", "1000.00", "2022-05-01");
        line(water, "NATION", null, "400.00", "2022-05-01");
        equity("2022-01-01", "2022-12-31")
                .andExpect(jsonPath("$.members[?(@.unit == '54498')].ownCofinancing.COP").value(hasItem("750.00")))
                .andExpect(jsonPath("$.members[?(@.unit == '54498')].benefits.COP").value(hasItem("300.00")))
                .andExpect(jsonPath("$.members[?(@.unit == '54498')].ratio").value(hasItem(0.3)))
                .andExpect(jsonPath("$.members[?(@.unit == '54003')].benefits.COP").value(hasItem("350.00")))
                .andExpect(jsonPath("$.members[?(@.unit == '54003')].ownCofinancing.COP").value(empty()))
                // shares paid 0.5 and 0.5; received from others 300/650 and 350/650 → 1 − ½(2 × 0.5 − 2 × 300/650)
                .andExpect(jsonPath("$.index").value(0.9615));
        mvc.perform(get("/finance/schemes/" + scheme + "/equity").param("from", "2022-01-01").param("to", "2022-12-31")
                .header("HX-Request", "true").with(user(director).roles("SCHEME_ADMIN"))).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Cofinanciación propia")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Ocaña: cofinanciación propia COP 750<")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("COP 750<")));
        String csv = mvc.perform(get("/finance/schemes/" + scheme + "/equity.csv").param("from", "2022-01-01")
                .param("to", "2022-12-31").with(user(director).roles("SCHEME_ADMIN"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(csv).contains("Cofinanciación propia").contains("54498;Ocaña;COP;1000,00;300,00;;750,00;0,3");
    }

    @Test
    void landfillTonnesAtTheTariffAndSubsidisedAssistanceCountAndOnlyTheMemberWithNothingIsWarned() throws Exception {
        rules("54206", "20614");
        for (String unit : new String[] {"54206", "20614"}) {
            pay(unit, "2022-02-01", "1000");
            pay(unit, "2023-02-01", "1000");
        }
        long landfill = jdbc.sql("""
                insert into service_line (scheme_id, type, name, currency) values (:s, 'SOLID_WASTE', 'Relleno regional', 'COP')
                returning id""").param("s", scheme).query(Long.class).single();
        jdbc.sql("insert into service_tariff (service_line_id, valid_from, amount, unit) values (:l, date '2022-01-01', 40, 'TONNE'), (:l, date '2023-01-01', 50, 'TONNE')")
                .param("l", landfill).update();
        long client = jdbc.sql("""
                insert into service_client (service_line_id, code, name, kind, unit_code) values (:l, 'C1', 'Municipio', 'MEMBER', '54206')
                returning id""").param("l", landfill).query(Long.class).single();
        ticket(landfill, client, "T1", 10_000, "2022-06-01 08:00", null);   // 10 t at 40
        ticket(landfill, client, "T2", 4_000, "2023-06-01 08:00", null);    // 4 t at 50
        ticket(landfill, client, "T3", 9_000, "2023-06-02 08:00", "Residuo peligroso"); // refused: no benefit
        equity("2022-01-01", "2023-12-31")
                .andExpect(jsonPath("$.members[?(@.unit == '54206')].fromServices.COP").value(hasItem("600.00")))
                .andExpect(jsonPath("$.members[?(@.unit == '54206')].benefits.COP").value(hasItem("600.00")))
                .andExpect(jsonPath("$.members[?(@.unit == '54206')].ratio").value(hasItem(0.3)))
                .andExpect(jsonPath("$.warnings[?(@.type == 'PAYS_WITHOUT_BENEFIT')].units[0]").value(contains("20614")));
        long centre = jdbc.sql("""
                insert into service_line (scheme_id, type, name, currency) values (:s, 'BUSINESS_DEVELOPMENT', 'Centro empresarial', 'COP')
                returning id""").param("s", scheme).query(Long.class).single();
        long firm = jdbc.sql("""
                insert into bc_firm (service_line_id, name, sector, owner_sex, owner_age_group, rural, associative, unit_code)
                values (:l, 'Panadería La Espiga', 'Alimentos', 'F', 'UNDER_30', true, false, '20614') returning id""")
                .param("l", centre).query(Long.class).single();
        jdbc.sql("""
                insert into bc_assistance (firm_id, approved_on, provider, description, cost, subsidy_percent, subsidy, firm_share, preferential)
                values (:f, date '2023-03-01', 'Asesor', 'Plan de mercadeo', 1000, 90, 900, 100, false)""")
                .param("f", firm).update();
        equity("2022-01-01", "2023-12-31")
                .andExpect(jsonPath("$.members[?(@.unit == '20614')].fromServices.COP").value(hasItem("900.00")))
                .andExpect(jsonPath("$.warnings[?(@.type == 'PAYS_WITHOUT_BENEFIT')]").value(empty()));
    }

    @Test
    void aVoidedFinancingLineStaysListedWithItsReasonAndLeavesTotalsAndBenefitsOnlyByThoseWhoMayWrite() throws Exception {
        long roads = project("VIAS", Map.of("54498", 1));
        line(roads, "NATION", null, "1000.00", "2022-03-01");
        line(roads, "NATION", null, "500.00", "2022-04-01");
        long wrong = jdbc.sql("select id from financing_line where project_id = :p and amount = 500").param("p", roads)
                .query(Long.class).single();
        assertThat(benefits.of(scheme, LocalDate.of(2022, 1, 1), LocalDate.of(2022, 12, 31))).singleElement()
                .satisfies(b -> assertThat(b.amount()).isEqualByComparingTo("1500.00"));
        long other = new ApiFixtures(mvc).scheme(TestData.unique("Ajena"));
        String outsider = TestData.unique("intruso");
        new ApiFixtures(mvc).user(outsider, "una-clave-larga-1", "SCHEME_ADMIN", other, null);
        mvc.perform(post("/api/v1/projects/" + roads + "/financing/" + wrong + "/void").with(user(outsider).roles("SCHEME_ADMIN"))
                .with(csrf()).contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"x\"}"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/projects/" + roads + "/financing/" + wrong + "/void").with(user(director).roles("SCHEME_ADMIN"))
                .with(csrf()).contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("reason"));
        mvc.perform(post("/api/v1/projects/" + roads + "/financing/" + wrong + "/void").with(user(director).roles("SCHEME_ADMIN"))
                .with(csrf()).contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"El convenio nunca se firmó\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.voidReason").value("El convenio nunca se firmó"));
        assertThat(benefits.of(scheme, LocalDate.of(2022, 1, 1), LocalDate.of(2022, 12, 31))).singleElement()
                .satisfies(b -> assertThat(b.amount()).isEqualByComparingTo("1000.00"));
        mvc.perform(get("/api/v1/projects/" + roads + "/financing").with(user(director).roles("SCHEME_ADMIN")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.lines.length()").value(2))
                .andExpect(jsonPath("$.totals.committed").value(1000.00));
        assertThat(jdbc.sql("select count(*) from audit_event where entity_type = 'financing_line' and entity_id = :l and action = 'UPDATE'")
                .param("l", String.valueOf(wrong)).query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void aFinancingLineIsVoidedFromTheProjectPageWithAReasonAndARefusalChangesNothing() throws Exception {
        long roads = project("VIAS", Map.of("54498", 1));
        line(roads, "NATION", null, "700.00", "2022-03-01");
        long l = jdbc.sql("select id from financing_line where project_id = :p").param("p", roads).query(Long.class).single();
        String page = mvc.perform(get("/projects/" + roads).with(user(director).roles("SCHEME_ADMIN")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("/projects/" + roads + "/financing/" + l + "/void");
        String refused = mvc.perform(post("/projects/" + roads + "/financing/" + l + "/void").param("reason", " ")
                .with(user(director).roles("SCHEME_ADMIN")).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(refused).contains("id=\"financing-void-error\"");
        String other = TestData.unique("intrusa");
        new ApiFixtures(mvc).user(other, "una-clave-larga-1", "SCHEME_ADMIN", new ApiFixtures(mvc).scheme(TestData.unique("Otra")), null);
        mvc.perform(post("/projects/" + roads + "/financing/" + l + "/void").param("reason", "no")
                .with(user(other).roles("SCHEME_ADMIN")).with(csrf())).andExpect(status().is4xxClientError());
        assertThat(jdbc.sql("select void_reason from financing_line where id = :l").param("l", l).query(String.class)
                .optional()).isEmpty();
        mvc.perform(post("/projects/" + roads + "/financing/" + l + "/void").param("reason", "Duplicada")
                .with(user(director).roles("SCHEME_ADMIN")).with(csrf())).andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("select void_reason from financing_line where id = :l").param("l", l).query(String.class)
                .single()).isEqualTo("Duplicada");
    }

    // ---- helpers -----------------------------------------------------------------------------

    ResultActions equity(String from, String to) throws Exception {
        return mvc.perform(get("/api/v1/registry/schemes/" + scheme + "/equity").param("from", from).param("to", to)
                .with(user(director).roles("SCHEME_ADMIN"))).andExpect(status().isOk());
    }

    void rules(String... units) throws Exception {
        String members = String.join(",", java.util.Arrays.stream(units).map(u -> "\"" + u + "\"").toList());
        for (int year : new int[] {2022, 2023}) {
            mvc.perform(post("/api/v1/finance/schemes/" + scheme + "/rules").with(user(director).roles("SCHEME_ADMIN"))
                    .with(csrf()).contentType(MediaType.APPLICATION_JSON).content("{\"year\":" + year
                            + ",\"name\":\"Cuota\",\"kind\":\"FIXED\",\"amount\":1000,\"periodicity\":\"YEARLY\","
                            + "\"currency\":\"COP\",\"dueDay\":1,\"members\":[" + members + "]}"))
                    .andExpect(status().isCreated());
        }
    }

    void pay(String unit, String on, String amount) throws Exception {
        mvc.perform(post("/api/v1/finance/schemes/" + scheme + "/payments").with(user(director).roles("SCHEME_ADMIN"))
                .with(csrf()).contentType(MediaType.APPLICATION_JSON).content("{\"unitCode\":\"" + unit + "\",\"paidOn\":\""
                        + on + "\",\"amount\":" + amount + ",\"currency\":\"COP\"}")).andExpect(status().isCreated());
    }

    long project(String code, Map<String, Integer> people) {
        long id = jdbc.sql("""
                insert into project (scheme_id, code, name, sector, stage_since) values (:s, :c, :n, 'TRANSPORT', date '2022-01-01')
                returning id""").param("s", scheme).param("c", code).param("n", "Proyecto " + code).query(Long.class).single();
        people.forEach((unit, n) -> jdbc.sql("insert into project_beneficiary (project_id, unit_code, people) values (:p, :u, :n)")
                .param("p", id).param("u", unit).param("n", n).update());
        return id;
    }

    void line(long project, String source, String unit, String amount, String on) {
        jdbc.sql("""
                insert into financing_line (project_id, scheme_id, source_type, entity, unit_code, amount, currency, committed_on)
                values (:p, :s, :t, :e, :u, :a, 'COP', cast(:on as date))""").param("p", project).param("s", scheme)
                .param("t", source).param("e", unit == null ? "Nación" : "Municipio " + unit).param("u", unit)
                .param("a", new BigDecimal(amount)).param("on", on).update();
    }

    void ticket(long line, long client, String number, int netKg, String at, String refusal) {
        jdbc.sql("""
                insert into weighing_ticket (service_line_id, ticket_number, client_id, plate, gross_kg, tare_kg, net_kg,
                    waste_type, weighed_at, operator, refusal_reason)
                values (:l, :n, :c, 'ABC123', :g, 8000, :kg, 'ORDINARIO', cast(:at as timestamp), 'operador', :r)""")
                .param("l", line).param("n", number).param("c", client).param("g", netKg + 8000).param("kg", netKg)
                .param("at", at).param("r", refusal).update();
    }
}
