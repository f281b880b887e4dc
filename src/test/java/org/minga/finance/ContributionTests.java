package org.minga.finance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.util.List;

import com.jayway.jsonpath.JsonPath;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
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

/** Contribution rules, obligations, payments, arrears and statements, through the API and the pages. */
@IntegrationTest
class ContributionTests {

    static final String PASSWORD = "una-clave-larga-1";
    static final String ADMIN = IntegrationTest.ADMIN_PASSWORD;
    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Contributions contributions;
    long scheme;
    String director;
    String base;

    @BeforeEach
    void setUp() throws Exception {
        TerritoryFixtures.importAll(mvc, jdbc);
        scheme = new ApiFixtures(mvc).scheme(TestData.unique("Aportes"));
        director = TestData.unique("tesorera");
        new ApiFixtures(mvc).user(director, PASSWORD, "SCHEME_ADMIN", scheme, null);
        base = "/api/v1/finance/schemes/" + scheme;
    }

    @Test
    void aFixedRuleMakesOneObligationPerMemberAndMonthAndGeneratingTwiceCreatesNothing() throws Exception {
        long rule = rule("FIXED", "250000.00", null, "MONTHLY", "COP", "\"54498\",\"54003\"", 2024);
        write(post(base + "/rules/" + rule + "/obligations"), director, "").andExpect(status().isOk())
                .andExpect(jsonPath("$.created").value(24));
        write(post(base + "/rules/" + rule + "/obligations"), director, "").andExpect(status().isOk())
                .andExpect(jsonPath("$.created").value(0)).andExpect(jsonPath("$.existing").value(24));
        assertThat(total(rule, null)).isEqualByComparingTo("6000000.00");
        assertThat(jdbc.sql("select min(due_on)::text from contribution_obligation where rule_id = :r").param("r", rule)
                .query(String.class).single()).isEqualTo("2024-01-10");
    }

    @Test
    void anEqualSplitBudgetGivesTheLeftoverCentsByLargestRemainderAndAddsUpExactly() throws Exception {
        long yearly = rule("EQUAL_SPLIT", "100.00", null, "YEARLY", "COP", "\"54498\",\"54003\",\"20614\"", 2024);
        generate(yearly);
        assertThat(total(yearly, "20614")).isEqualByComparingTo("33.34");
        assertThat(total(yearly, "54003")).isEqualByComparingTo("33.33");
        assertThat(total(yearly, "54498")).isEqualByComparingTo("33.33");
        long monthly = rule("EQUAL_SPLIT", "1000.00", null, "MONTHLY", "USD", "\"54498\",\"54003\",\"20614\"", 2024);
        generate(monthly);
        assertThat(total(monthly, null)).isEqualByComparingTo("1000.00");
        assertThat(total(monthly, "20614")).isEqualByComparingTo("333.34");
        List<BigDecimal> months = jdbc.sql("select amount from contribution_obligation where rule_id = :r and unit_code = '20614' order by due_on")
                .param("r", monthly).query(BigDecimal.class).list();
        assertThat(months).hasSize(12).startsWith(new BigDecimal("27.78")).endsWith(new BigDecimal("27.77"));
    }

    @Test
    void aPopulationSplitFollowsEachMembersPopulationOfTheYear() throws Exception {
        for (String[] p : new String[][] {{"54498", "100000"}, {"54003", "35000"}, {"54206", "15000"}}) {
            jdbc.sql("""
                    insert into territorial_attribute (country, code, year, attribute, value) values ('CO', :c, 2020, 'population', :v)
                    on conflict (country, code, year, attribute) do update set value = excluded.value""")
                    .param("c", p[0]).param("v", p[1]).update();
        }
        long rule = rule("BY_POPULATION", "1000000.00", null, "QUARTERLY", "COP", "\"54498\",\"54003\",\"54206\"", 2021);
        generate(rule);
        assertThat(total(rule, "54498")).isEqualByComparingTo("666666.67");
        assertThat(total(rule, "54003")).isEqualByComparingTo("233333.33");
        assertThat(total(rule, "54206")).isEqualByComparingTo("100000.00");
        assertThat(total(rule, null)).isEqualByComparingTo("1000000.00");
        long missing = rule("BY_POPULATION", "1000.00", null, "YEARLY", "COP", "\"20614\"", 2021);
        write(post(base + "/rules/" + missing + "/obligations"), director, "").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("members"))
                .andExpect(jsonPath("$.errors[0].rule").value("Population"));
    }

    @Test
    void onePercentOfTheDeclaredBaseRoundsHalfEvenAndSplitsByQuarter() throws Exception {
        long rule = rule("PERCENT_OF_BASE", null, "1", "QUARTERLY", "COP", "\"54498\"", 2024);
        write(post(base + "/rules/" + rule + "/obligations"), director, "").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].rule").value("Base"));
        write(put(base + "/bases"), director, "{\"year\":2024,\"unitCode\":\"54498\",\"amount\":1234567.85,\"currency\":\"COP\"}")
                .andExpect(status().isOk());
        generate(rule);
        // 1 % of 1,234,567.85 is 12,345.6785: half-even to 12,345.68, in four quarters that add up exactly.
        assertThat(total(rule, "54498")).isEqualByComparingTo("12345.68");
        assertThat(jdbc.sql("select amount from contribution_obligation where rule_id = :r order by due_on").param("r", rule)
                .query(BigDecimal.class).list()).containsExactly(new BigDecimal("3086.42"), new BigDecimal("3086.42"),
                        new BigDecimal("3086.42"), new BigDecimal("3086.42"));
    }

    @Test
    void badRulesNameTheirFieldsAndUnknownUnitsAreRefused() throws Exception {
        write(post(base + "/rules"), director, "{\"year\":2024,\"name\":\"\",\"kind\":\"NADA\",\"periodicity\":\"MONTHLY\","
                + "\"currency\":\"EUR\",\"dueDay\":31,\"members\":[\"99999\"]}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", org.hamcrest.Matchers.hasItems("name", "kind", "currency", "dueDay", "members")));
        write(post(base + "/rules"), director, "{\"year\":2024,\"name\":\"Cuota\",\"kind\":\"FIXED\",\"amount\":10.001,"
                + "\"periodicity\":\"MONTHLY\",\"currency\":\"COP\",\"dueDay\":5,\"members\":[\"54498\"]}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("amount"))
                .andExpect(jsonPath("$.errors[0].rule").value("Money"));
        assertThat(jdbc.sql("select count(*) from contribution_rule where scheme_id = :s").param("s", scheme)
                .query(Integer.class).single()).isZero();
    }

    @Test
    void paymentsSettleTheOldestOpenObligationsOfTheirCurrencyOnly() throws Exception {
        long cop = rule("FIXED", "100.00", null, "MONTHLY", "COP", "\"54498\"", 2024);
        long usd = rule("FIXED", "50.00", null, "QUARTERLY", "USD", "\"54498\"", 2024);
        generate(cop);
        generate(usd);
        write(post(base + "/payments"), director, "{\"unitCode\":\"54498\",\"paidOn\":\"2024-03-15\",\"amount\":250.00,"
                + "\"currency\":\"COP\",\"reference\":\"Recibo 12\"}")
                .andExpect(status().isCreated()).andExpect(jsonPath("$.applied").value(250.00));
        List<BigDecimal> paid = obligations("2024-12-31").stream().filter(o -> o.ruleId() == cop)
                .map(Contributions.Obligation::paid).toList();
        assertThat(paid.subList(0, 4)).containsExactly(new BigDecimal("100.00"), new BigDecimal("100.00"),
                new BigDecimal("50.00"), new BigDecimal("0.00"));
        assertThat(total(usd, null)).isEqualByComparingTo("200.00");
        assertThat(obligations("2024-12-31").stream().filter(o -> o.ruleId() == usd)
                .map(Contributions.Obligation::paid).reduce(BigDecimal.ZERO, BigDecimal::add)).isEqualByComparingTo("0");
        write(post(base + "/payments"), director, "{\"unitCode\":\"20614\",\"paidOn\":\"2024-03-15\",\"amount\":10,\"currency\":\"COP\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("unitCode"));
        write(post(base + "/payments"), director, "{\"unitCode\":\"54498\",\"paidOn\":\"2099-01-01\",\"amount\":-1,\"currency\":\"XXX\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", org.hamcrest.Matchers.hasItems("paidOn", "amount", "currency")));
    }

    @Test
    void arrearsAreAgedAtTheBoundariesOf30And90Days() throws Exception {
        long rule = rule("FIXED", "100.00", null, "YEARLY", "COP", "\"54003\"", 2020);
        generate(rule); // due 2020-01-10
        arrears("2020-01-10").andExpect(jsonPath("$.length()").value(0));
        arrears("2020-02-09").andExpect(jsonPath("$[0].upTo30").value(100.00)).andExpect(jsonPath("$[0].from31To90").value(0));
        arrears("2020-02-10").andExpect(jsonPath("$[0].upTo30").value(0)).andExpect(jsonPath("$[0].from31To90").value(100.00));
        arrears("2020-04-09").andExpect(jsonPath("$[0].from31To90").value(100.00)).andExpect(jsonPath("$[0].over90").value(0));
        arrears("2020-04-10").andExpect(jsonPath("$[0].from31To90").value(0)).andExpect(jsonPath("$[0].over90").value(100.00))
                .andExpect(jsonPath("$[0].name").value("Ábrego"));
        write(post(base + "/payments"), director, "{\"unitCode\":\"54003\",\"paidOn\":\"2020-05-01\",\"amount\":40,\"currency\":\"COP\"}")
                .andExpect(status().isCreated());
        // As of a date before the payment the whole amount is still owed; after it, the rest.
        arrears("2020-04-30").andExpect(jsonPath("$[0].total").value(100.00));
        arrears("2020-05-01").andExpect(jsonPath("$[0].total").value(60.00));
    }

    @Test
    void arrearsDownloadAsCsvAndXlsxWithTheSameFigures() throws Exception {
        long rule = rule("FIXED", "100.00", null, "YEARLY", "COP", "\"54003\"", 2020);
        generate(rule);
        var asDirector = org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
                .user(director).roles("SCHEME_ADMIN");
        String csv = mvc.perform(get("/finance/schemes/" + scheme + "/arrears.csv").param("at", "2020-04-10").with(asDirector))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(csv).isEqualTo("\uFEFFCódigo;Miembro;Moneda;1-30 días;31-90 días;Más de 90 días;Total\r\n"
                + "54003;Ábrego;COP;0,00;0,00;100,00;100,00\r\n");
        assertThat(mvc.perform(get("/finance/schemes/" + scheme + "/obligations.csv").param("at", "2020-04-10")
                .with(asDirector)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8))
                .contains("54003;").contains(";10/01/2020;COP;100,00;0,00;100,00\r\n");
        byte[] xlsx = mvc.perform(get("/finance/schemes/" + scheme + "/arrears.xlsx").param("at", "2020-04-10")
                .with(asDirector)).andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (var book = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(xlsx))) {
            var row = book.getSheet("Cartera").getRow(1);
            assertThat(row.getCell(1).getStringCellValue()).isEqualTo("Ábrego");
            assertThat(row.getCell(6).getNumericCellValue()).isEqualTo(100.0);
        }
    }

    @Test
    void theStatementPdfListsObligationsPaymentsBalanceAndArrearsInSpanish() throws Exception {
        long rule = rule("FIXED", "1500000.00", null, "QUARTERLY", "COP", "\"54498\"", 2023);
        generate(rule);
        write(post(base + "/payments"), director, "{\"unitCode\":\"54498\",\"paidOn\":\"2023-02-01\",\"amount\":1500000,"
                + "\"currency\":\"COP\",\"reference\":\"Consignación 778\"}").andExpect(status().isCreated());
        byte[] pdf = mvc.perform(get(base + "/members/54498/statement.pdf").param("at", "2023-12-31")
                .with(httpBasic(director, PASSWORD))).andExpect(status().isOk())
                .andExpect(content().contentType(MediaType.APPLICATION_PDF)).andReturn().getResponse().getContentAsByteArray();
        String text;
        try (var doc = Loader.loadPDF(pdf)) {
            text = new PDFTextStripper().getText(doc);
        }
        assertThat(text).contains("Estado de cuenta de aportes", "Ocaña (54498)", "Obligaciones", "Pagos",
                "Consignación 778", "COP 1.500.000", "Saldo", "COP 4.500.000", "Cartera vencida por edad",
                "Más de 90 días");
        byte[] page = mvc.perform(get("/finance/schemes/" + scheme + "/members/54498/statement.pdf")
                .with(user(director).roles("SCHEME_ADMIN"))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsByteArray();
        assertThat(new String(page, 0, 5)).isEqualTo("%PDF-");
    }

    @Test
    void inKindContributionsCountAsObligationAndPayment() throws Exception {
        long rule = rule("IN_KIND", null, null, "YEARLY", "COP", "\"54206\"", 2024);
        write(post(base + "/rules/" + rule + "/obligations"), director, "").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].rule").value("InKind"));
        write(post(base + "/in-kind"), director, "{\"ruleId\":" + rule + ",\"unitCode\":\"54206\",\"on\":\"2024-05-02\","
                + "\"amount\":800000,\"description\":\"Retroexcavadora 10 días\"}")
                .andExpect(status().isCreated()).andExpect(jsonPath("$.kind").value("IN_KIND"))
                .andExpect(jsonPath("$.applied").value(800000.00));
        read(base + "/members/54206/statement?at=2024-12-31").andExpect(jsonPath("$.balances[0].balance").value(0));
    }

    @Test
    void theContributionsPageShowsRulesArrearsAndStatementsAndPutsErrorsBesideFields() throws Exception {
        var asDirector = user(director).roles("SCHEME_ADMIN");
        mvc.perform(post("/finance/schemes/" + scheme + "/rules").with(asDirector).with(csrf()).param("year", "2024")
                .param("name", "Cuota ordinaria").param("kind", "FIXED").param("amount", "100000")
                .param("periodicity", "MONTHLY").param("currency", "COP").param("dueDay", "10").param("members", "54498, 54003"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/finance/schemes/" + scheme + "/rules").with(asDirector).with(csrf()).param("year", "2024")
                .param("name", "Mala").param("kind", "FIXED").param("amount", "100000").param("periodicity", "MONTHLY")
                .param("currency", "COP").param("dueDay", "40").param("members", "99999"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("El día de vencimiento debe estar entre 1 y 28.")))
                .andExpect(content().string(containsString("No existen en el territorio en ese año: 99999.")));
        long rule = jdbc.sql("select id from contribution_rule where scheme_id = :s").param("s", scheme).query(Long.class).single();
        mvc.perform(post("/finance/schemes/" + scheme + "/rules/" + rule + "/generate").with(asDirector).with(csrf()))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/finance/schemes/" + scheme + "/payments").with(asDirector).with(csrf()).param("unitCode", "54498")
                .param("paidOn", "2024-01-05").param("amount", "100000").param("currency", "COP"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/finance/schemes/" + scheme).param("at", "2024-03-01").with(asDirector)).andExpect(status().isOk())
                .andExpect(content().string(containsString("Cuota ordinaria")))
                .andExpect(content().string(containsString("Ábrego (54003)")))
                .andExpect(content().string(containsString("Estado de cuenta de Ocaña (54498), PDF")))
                .andExpect(content().string(containsString("hx-get=\"/finance/schemes/" + scheme + "/equity\"")));
    }

    @Test
    void aSchemeAdministratorOfAnotherSchemeCannotWriteThroughAnyEndpoint() throws Exception {
        long rule = rule("FIXED", "10.00", null, "YEARLY", "COP", "\"54498\"", 2024);
        long inKind = rule("IN_KIND", null, null, "YEARLY", "COP", "\"54498\"", 2024);
        long other = new ApiFixtures(mvc).scheme(TestData.unique("Ajena"));
        String outsider = TestData.unique("intruso");
        new ApiFixtures(mvc).user(outsider, PASSWORD, "SCHEME_ADMIN", other, null);
        int audits = audits();
        write(post(base + "/rules"), outsider, "{\"year\":2024,\"name\":\"X\",\"kind\":\"FIXED\",\"amount\":1,"
                + "\"periodicity\":\"YEARLY\",\"currency\":\"COP\",\"dueDay\":1,\"members\":[\"54498\"]}")
                .andExpect(status().isForbidden());
        write(post(base + "/rules/" + rule + "/obligations"), outsider, "").andExpect(status().isForbidden());
        write(put(base + "/bases"), outsider, "{\"year\":2024,\"unitCode\":\"54498\",\"amount\":1,\"currency\":\"COP\"}")
                .andExpect(status().isForbidden());
        write(post(base + "/payments"), outsider, "{\"unitCode\":\"54498\",\"paidOn\":\"2024-01-05\",\"amount\":1,\"currency\":\"COP\"}")
                .andExpect(status().isForbidden());
        write(post(base + "/in-kind"), outsider, "{\"ruleId\":" + inKind + ",\"unitCode\":\"54498\",\"on\":\"2024-01-05\","
                + "\"amount\":1,\"description\":\"x\"}").andExpect(status().isForbidden());
        var asOutsider = user(outsider).roles("SCHEME_ADMIN");
        String page = "/finance/schemes/" + scheme;
        mvc.perform(post(page + "/rules").with(asOutsider).with(csrf()).param("year", "2024").param("name", "X")
                .param("kind", "FIXED").param("amount", "1").param("periodicity", "YEARLY").param("currency", "COP")
                .param("dueDay", "1").param("members", "54498")).andExpect(status().isForbidden());
        mvc.perform(post(page + "/rules/" + rule + "/generate").with(asOutsider).with(csrf())).andExpect(status().isForbidden());
        mvc.perform(post(page + "/bases").with(asOutsider).with(csrf()).param("year", "2024").param("unitCode", "54498")
                .param("amount", "1").param("currency", "COP")).andExpect(status().isForbidden());
        mvc.perform(post(page + "/payments").with(asOutsider).with(csrf()).param("unitCode", "54498")
                .param("paidOn", "2024-01-05").param("amount", "1").param("currency", "COP")).andExpect(status().isForbidden());
        mvc.perform(post(page + "/in-kind").with(asOutsider).with(csrf()).param("ruleId", String.valueOf(inKind))
                .param("unitCode", "54498").param("on", "2024-01-05").param("amount", "1").param("description", "x"))
                .andExpect(status().isForbidden());
        assertThat(count("contribution_rule")).isEqualTo(2);
        assertThat(count("contribution_obligation")).isZero();
        assertThat(count("contribution_payment")).isZero();
        assertThat(count("contribution_base")).isZero();
        assertThat(audits()).isEqualTo(audits);
    }

    // ---- helpers -----------------------------------------------------------------------------

    long rule(String kind, String amount, String percent, String periodicity, String currency, String members, int year)
            throws Exception {
        String body = write(post(base + "/rules"), director, "{\"year\":" + year + ",\"name\":\"Regla " + kind + "\",\"kind\":\""
                + kind + "\",\"amount\":" + amount + ",\"percent\":" + percent + ",\"periodicity\":\"" + periodicity
                + "\",\"currency\":\"" + currency + "\",\"dueDay\":10,\"members\":[" + members + "]}")
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return ((Number) JsonPath.read(body, "$.id")).longValue();
    }

    void generate(long rule) throws Exception {
        write(post(base + "/rules/" + rule + "/obligations"), director, "").andExpect(status().isOk());
    }

    BigDecimal total(long rule, String unit) {
        return jdbc.sql("select coalesce(sum(amount), 0) from contribution_obligation where rule_id = :r "
                + "and (cast(:u as text) is null or unit_code = :u)").param("r", rule).param("u", unit)
                .query(BigDecimal.class).single();
    }

    /** The obligations due by a date, with what was paid of each as the service derives it. */
    List<Contributions.Obligation> obligations(String at) {
        return contributions.obligations(scheme, null, java.time.LocalDate.parse(at));
    }

    ResultActions arrears(String at) throws Exception {
        return read(base + "/arrears?at=" + at);
    }

    int count(String table) {
        return jdbc.sql("select count(*) from " + table + " where scheme_id = :s").param("s", scheme).query(Integer.class).single();
    }

    int audits() {
        return jdbc.sql("select count(*) from audit_event where scheme_id = :s").param("s", scheme).query(Integer.class).single();
    }

    ResultActions read(String path) throws Exception {
        return mvc.perform(get(path).with(httpBasic(director, PASSWORD))).andExpect(status().isOk());
    }

    ResultActions write(MockHttpServletRequestBuilder request, String as, String json) throws Exception {
        return mvc.perform(request.with(httpBasic(as, as.equals("admin") ? ADMIN : PASSWORD))
                .contentType(MediaType.APPLICATION_JSON).content(json));
    }
}
