package org.minga.finance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import com.jayway.jsonpath.JsonPath;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.minga.platform.Zones;
import org.minga.support.ApiFixtures;
import org.minga.support.IntegrationTest;
import org.minga.support.TerritoryFixtures;
import org.minga.support.TestData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The same contribution in a Colombian scheme and in a Salvadoran one: typed each country's way on
 * the page, shown each country's way on the page, in the statement PDF and in the downloads, with
 * dates dd/mm/aaaa in both. The second scheme is made Salvadoran after its members were set (its
 * rule names Colombian units, which the format does not look at).
 */
@IntegrationTest
class CountryFormatsTests {

    static final String PASSWORD = "una-clave-larga-1";
    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Zones zones;
    long colombia;
    long salvador;
    String director;

    @BeforeEach
    void setUp() throws Exception {
        TerritoryFixtures.importAll(mvc, jdbc);
        var fixtures = new ApiFixtures(mvc);
        colombia = fixtures.scheme(TestData.unique("Formato CO"));
        salvador = fixtures.scheme(TestData.unique("Formato SV"));
        director = TestData.unique("tesorero");
        fixtures.user(director, PASSWORD, "SCHEME_ADMIN", colombia, null);
        for (long scheme : new long[] {colombia, salvador}) {
            jdbc.sql("insert into user_grant (app_user, role, scheme_id) select id, 'SCHEME_ADMIN', :s from app_user where username = :u"
                    + " on conflict do nothing").param("s", scheme).param("u", director).update();
            String rule = mvc.perform(post("/api/v1/finance/schemes/" + scheme + "/rules").with(httpBasic(director, PASSWORD))
                    .contentType(MediaType.APPLICATION_JSON).content("{\"year\":2024,\"name\":\"Cuota\",\"kind\":\"FIXED\","
                            + "\"amount\":2469135.00,\"periodicity\":\"YEARLY\",\"currency\":\"USD\",\"dueDay\":10,"
                            + "\"members\":[\"54498\"]}"))
                    .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
            long id = ((Number) JsonPath.read(rule, "$.id")).longValue();
            mvc.perform(post("/api/v1/finance/schemes/" + scheme + "/rules/" + id + "/obligations")
                    .with(httpBasic(director, PASSWORD))).andExpect(status().isOk());
        }
        jdbc.sql("update scheme set country = 'SV' where id = :s").param("s", salvador).update();
    }

    @Test
    void eachCountryTypesAndReadsItsOwnAmountsAndBothWriteDatesDayFirst() throws Exception {
        pay(colombia, "05/01/2024", "1.234.567,50").andExpect(status().is3xxRedirection());
        pay(salvador, "05/01/2024", "1,234,567.50").andExpect(status().is3xxRedirection());
        assertThat(paid(colombia)).isEqualByComparingTo("1234567.50");
        assertThat(paid(salvador)).isEqualByComparingTo("1234567.50");

        String co = page(colombia);
        String sv = page(salvador);
        assertThat(co).contains("USD 1.234.567,50").contains("05/01/2024").doesNotContain("2024-01-05<");
        assertThat(sv).contains("USD 1,234,567.50").contains("05/01/2024").doesNotContain("2024-01-05<");

        // One separator before three digits: a thousand in Colombia; in El Salvador one point two three four,
        // which as an amount has three decimals and is refused beside the field, nothing written.
        pay(colombia, "2024-02-01", "1.234").andExpect(status().is3xxRedirection());
        assertThat(paidOn(colombia, "2024-02-01")).isEqualByComparingTo("1234");
        String refused = pay(salvador, "2024-02-01", "1.234").andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(refused).contains("id=\"amount-error\"");
        assertThat(jdbc.sql("select count(*) from contribution_payment where scheme_id = :s and paid_on = date '2024-02-01'")
                .param("s", salvador).query(Integer.class).single()).isZero();
        pay(salvador, "2024-02-01", "1,234").andExpect(status().is3xxRedirection());
        assertThat(paidOn(salvador, "2024-02-01")).isEqualByComparingTo("1234");
    }

    @Test
    void aDateFieldIsTextShowingDayMonthYearAndAnImpossibleDateIsRefusedBesideItWithNothingWritten() throws Exception {
        String today = zones.today().format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy"));
        // paidOn is declared @DateTimeFormat(iso = DATE); the one date formatter still prints it day first.
        assertThat(input(page(colombia), "paidOn")).contains("type=\"text\"", "value=\"" + today + "\"", "inputmode=\"numeric\"",
                "placeholder=\"dd/mm/aaaa\"");
        String refused = pay(colombia, "31/02/2024", "100").andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(refused).contains("Escriba la fecha como dd/mm/aaaa").contains("id=\"paidOn-error\"");
        assertThat(jdbc.sql("select count(*) from contribution_payment where scheme_id = :s").param("s", colombia)
                .query(Integer.class).single()).isZero();
        String english = mvc.perform(get("/finance/schemes/" + colombia).param("lang", "en").with(director()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(input(english, "paidOn")).contains("placeholder=\"dd/mm/yyyy\"", "value=\"" + today + "\"");
    }

    @Test
    void theStatementPdfWritesDatesDayFirstAndAmountsTheSchemesCountrysWay() throws Exception {
        pay(colombia, "05/01/2024", "1234567.50").andExpect(status().is3xxRedirection());
        pay(salvador, "05/01/2024", "1234567.50").andExpect(status().is3xxRedirection());
        String co = statement(colombia);
        String sv = statement(salvador);
        assertThat(co).contains("Fecha de corte: 31/12/2024", "05/01/2024", "10/01/2024", "USD 1.234.567,50", "USD 2.469.135,00");
        assertThat(sv).contains("Fecha de corte: 31/12/2024", "05/01/2024", "10/01/2024", "USD 1,234,567.50", "USD 2,469,135.00");
        assertThat(co + sv).doesNotContain("2024-01-05");
    }

    @Test
    void downloadsForPeopleFollowTheCountryAndSpreadsheetsKeepTypedCells() throws Exception {
        pay(colombia, "05/01/2024", "1234567.50").andExpect(status().is3xxRedirection());
        pay(salvador, "05/01/2024", "1234567.50").andExpect(status().is3xxRedirection());
        assertThat(download(colombia, "obligations.csv")).contains("54498;Cuota;01/01/2024;31/12/2024;10/01/2024;USD;2469135,00;"
                + "1234567,50;1234567,50\r\n");
        assertThat(download(salvador, "obligations.csv")).contains("54498,Cuota,01/01/2024,31/12/2024,10/01/2024,USD,2469135.00,"
                + "1234567.50,1234567.50\r\n");
        byte[] xlsx = mvc.perform(get("/finance/schemes/" + salvador + "/obligations.xlsx").param("at", "2024-12-31")
                .with(director())).andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (var book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            var row = book.getSheet("Obligaciones").getRow(1);
            assertThat(row.getCell(4).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(DateUtil.isCellDateFormatted(row.getCell(4))).isTrue();
            assertThat(row.getCell(4).getLocalDateTimeCellValue().toLocalDate()).isEqualTo(LocalDate.of(2024, 1, 10));
            assertThat(row.getCell(4).getCellStyle().getDataFormatString()).isEqualTo("dd/mm/yyyy");
            assertThat(row.getCell(7).getNumericCellValue()).isEqualTo(1234567.5);
            assertThat(row.getCell(7).getCellStyle().getDataFormatString()).isEqualTo("#,##0.00");
        }
    }

    /** The input element with this id, whatever the order of its attributes. */
    private static String input(String html, String id) {
        var tag = java.util.regex.Pattern.compile("<input[^>]* id=\"" + id + "\"[^>]*>").matcher(html);
        assertThat(tag.find()).as("input #" + id).isTrue();
        return tag.group();
    }

    private RequestPostProcessor director() {
        return user(director).roles("SCHEME_ADMIN");
    }

    private org.springframework.test.web.servlet.ResultActions pay(long scheme, String on, String amount) throws Exception {
        return mvc.perform(post("/finance/schemes/" + scheme + "/payments").with(director()).with(csrf())
                .param("unitCode", "54498").param("paidOn", on).param("amount", amount).param("currency", "USD"));
    }

    private BigDecimal paid(long scheme) {
        return paidOn(scheme, "2024-01-05");
    }

    private BigDecimal paidOn(long scheme, String on) {
        return jdbc.sql("select amount from contribution_payment where scheme_id = :s and paid_on = cast(:d as date)")
                .param("s", scheme).param("d", on).query(BigDecimal.class).single();
    }

    private String page(long scheme) throws Exception {
        return mvc.perform(get("/finance/schemes/" + scheme).param("at", "2024-03-01").with(director()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    private String statement(long scheme) throws Exception {
        byte[] pdf = mvc.perform(get("/finance/schemes/" + scheme + "/members/54498/statement.pdf").param("at", "2024-12-31")
                .with(director())).andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (var doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc);
        }
    }

    private String download(long scheme, String file) throws Exception {
        return mvc.perform(get("/finance/schemes/" + scheme + "/" + file).param("at", "2024-12-31").with(director()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }
}
