package org.minga.services;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.minga.platform.CountryFormat;
import org.minga.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import com.jayway.jsonpath.JsonPath;

/**
 * A landfill month billed as its tickets arrive: tickets entered after the month was billed,
 * corrected or voided are settled by supplementary invoices and credit notes, so the same tickets
 * give the same billed totals per month whatever the order they were entered in and whenever the
 * months were billed; documents are numbered per line and year without gaps and voided, never deleted.
 */
@IntegrationTest
class LandfillAdjustmentTests {

    /** One weighing: number, client, net kg (gross = net + 4000 tare), day. */
    record T(String number, String client, int netKg, String day) {
    }

    /** Two months, two clients, a tariff change on 16 March; T-7 is voided and T-3 corrected to 4,250 kg. */
    static final List<T> TICKETS = List.of(new T("T-1", "SRL", 6000, "2026-02-10"), new T("T-2", "AGRO", 3333, "2026-02-27"),
            new T("T-3", "SRL", 5000, "2026-03-05"), new T("T-4", "SRL", 8001, "2026-03-20"),
            new T("T-5", "AGRO", 3500, "2026-03-15"), new T("T-6", "AGRO", 1777, "2026-03-16"),
            new T("T-7", "SRL", 2500, "2026-03-25"), new T("T-8", "SRL", 999, "2026-02-28"));

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    ServiceFixtures f;

    @BeforeEach
    void setUp() throws Exception {
        f = new ServiceFixtures(mvc, "Relleno del Norte");
        f.members(jdbc, "M14");
    }

    long landfill() throws Exception {
        long line = f.line("SOLID_WASTE", "Relleno " + System.nanoTime(), "USD");
        f.client(line, "SRL", "Santa Rosa de Lima", "MEMBER", "M14");
        f.client(line, "AGRO", "Agroindustrias del Oriente S.A.", "PRIVATE_FIRM", null);
        f.as(f.director, put(f.base + "/lines/" + line + "/waste-types"), "{\"code\":\"DOM\",\"name\":\"Domiciliarios\",\"accepted\":true}")
                .andExpect(status().isOk());
        f.tariff(line, "2026-01-01", "20.00", "TONNE");
        f.tariff(line, "2026-03-16", "25.50", "TONNE");
        return line;
    }

    @Test
    void theSameTicketsInAnyEntryOrderAndBillingMomentsGiveTheSameBilledTotalsPerMonth() throws Exception {
        Map<String, BigDecimal> expected = Map.of("2026-02", expected("2026-02"), "2026-03", expected("2026-03"));
        Random random = new Random(18_3L);
        for (int round = 0; round < 4; round++) {
            long line = landfill();
            String base = f.base + "/lines/" + line;
            List<String> steps = new ArrayList<>();
            TICKETS.forEach(t -> steps.add("record " + t.number()));
            Collections.shuffle(steps, random);
            // The correction and the void come after their ticket, anywhere later.
            insertAfter(steps, "record T-3", "correct T-3", random);
            insertAfter(steps, "record T-7", "void T-7", random);
            for (int b = 0; b < 3; b++) {
                steps.add(random.nextInt(steps.size() + 1), "bill " + (random.nextBoolean() ? "2026-02" : "2026-03"));
            }
            steps.add("bill 2026-02");
            steps.add("bill 2026-03");
            for (String step : steps) {
                String[] s = step.split(" ");
                switch (s[0]) {
                    case "record" -> record(base, TICKETS.stream().filter(t -> t.number().equals(s[1])).findFirst().orElseThrow());
                    case "correct" -> f.as(f.staff, post(base + "/tickets/" + id(line, s[1]) + "/correction"),
                            "{\"grossKg\":8250,\"reason\":\"Peso mal leído en la báscula\"}").andExpect(status().isOk());
                    case "void" -> f.as(f.staff, post(base + "/tickets/" + id(line, s[1]) + "/void"),
                            "{\"reason\":\"Boleta duplicada por el operador\"}").andExpect(status().isOk());
                    default -> f.as(f.director, post(base + "/billing"), "{\"month\":\"" + s[1] + "\"}").andExpect(status().isOk());
                }
            }
            assertThat(billedTotals(line)).as("order %s", steps).isEqualTo(new TreeMap<>(expected));
            assertThat(pending(base)).as("nothing left to bill after billing both months").isEqualTo(0);
            // Billing again with nothing changed issues nothing.
            f.as(f.director, post(base + "/billing"), "{\"month\":\"2026-03\"}").andExpect(status().isOk())
                    .andExpect(jsonPath("$.issued").value(0));
            assertContiguousNumbers(line);
        }
    }

    /** What the month should bill: each client's tickets per tariff, tonnes × price rounded half up to the cent. */
    static BigDecimal expected(String month) {
        Map<String, Long> kg = new TreeMap<>();
        for (T t : TICKETS) {
            if (!t.day().startsWith(month) || t.number().equals("T-7")) {
                continue;
            }
            int net = t.number().equals("T-3") ? 4250 : t.netKg();
            String tariff = LocalDate.parse(t.day()).isBefore(LocalDate.of(2026, 3, 16)) ? "20.00" : "25.50";
            kg.merge(t.client() + "|" + tariff, (long) net, Long::sum);
        }
        return kg.entrySet().stream().map(e -> BigDecimal.valueOf(e.getValue()).multiply(new BigDecimal(e.getKey().split("\\|")[1]))
                .divide(BigDecimal.valueOf(1000), 2, RoundingMode.HALF_UP)).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    @Test
    void aTicketEnteredAfterItsMonthWasBilledIsShownAndBilledByASupplementaryInvoiceAndAVoidedInvoiceKeepsItsNumber()
            throws Exception {
        long line = landfill();
        String base = f.base + "/lines/" + line;
        record(base, TICKETS.get(2));
        String first = f.as(f.director, post(base + "/billing"), "{\"month\":\"2026-03\"}").andExpect(status().isOk())
                .andExpect(jsonPath("$.issued").value(1)).andExpect(jsonPath("$.invoices[0].kind").value("INVOICE"))
                .andExpect(jsonPath("$.invoices[0].total").value(100.00))
                .andReturn().getResponse().getContentAsString();
        String number = JsonPath.read(first, "$.invoices[0].number");
        assertThat(number).matches(line + "-\\d{4}-000001");
        long invoice = ((Number) JsonPath.read(first, "$.invoices[0].id")).longValue();

        record(base, TICKETS.get(3));
        f.as(f.staff, get(base + "/tickets/pending?from=2026-01-01&to=2026-12-31"), null).andExpect(status().isOk())
                .andExpect(jsonPath("$[0].ticketNumber").value("T-4")).andExpect(jsonPath("$[0].kg").value(8001));
        f.as(f.director, post(base + "/billing"), "{\"month\":\"2026-03\"}").andExpect(status().isOk())
                .andExpect(jsonPath("$.issued").value(1)).andExpect(jsonPath("$.existing").value(1))
                .andExpect(jsonPath("$.invoices[1].kind").value("SUPPLEMENT"))
                .andExpect(jsonPath("$.invoices[1].number").value(number.replace("000001", "000002")))
                .andExpect(jsonPath("$.invoices[1].total").value(204.03));

        // Voiding: refused without a reason, by a board member or from another scheme; then kept, with its number.
        f.as(f.director, post(base + "/invoices/" + invoice + "/void"), "{\"reason\":\"  \"}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("reason")).andExpect(jsonPath("$.errors[0].rule").value("NotBlank"));
        f.as(f.board, post(base + "/invoices/" + invoice + "/void"), "{\"reason\":\"x\"}").andExpect(status().isForbidden());
        f.as(f.outsider, post(base + "/invoices/" + invoice + "/void"), "{\"reason\":\"x\"}").andExpect(status().isForbidden());
        assertThat(voided(invoice)).isFalse();
        f.as(f.director, post(base + "/invoices/" + invoice + "/void"), "{\"reason\":\"Cliente mal facturado\"}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.voidReason").value("Cliente mal facturado"))
                .andExpect(jsonPath("$.number").value(number));
        f.as(f.director, post(base + "/invoices/" + invoice + "/void"), "{\"reason\":\"otra vez\"}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].rule").value("NotVoided"));
        assertThat(jdbc.sql("select count(*) from audit_event where entity_type = 'service_invoice' and entity_id = :i and action = 'VOID'")
                .param("i", String.valueOf(invoice)).query(Integer.class).single()).isEqualTo(1);
        // The voided invoice's tickets are to bill again; the next billing issues a new invoice with the next number.
        f.as(f.director, post(base + "/billing"), "{\"month\":\"2026-03\"}").andExpect(status().isOk())
                .andExpect(jsonPath("$.issued").value(1)).andExpect(jsonPath("$.invoices[2].kind").value("INVOICE"))
                .andExpect(jsonPath("$.invoices[2].number").value(number.replace("000001", "000003")))
                .andExpect(jsonPath("$.invoices[2].total").value(100.00));
        assertThat(billedTotals(line)).containsEntry("2026-03", new BigDecimal("304.03"));
        assertContiguousNumbers(line);
    }

    @Test
    void aCorrectionKeepsTheOriginalInTheHistoryAndABilledMonthGetsACreditNoteAndRefusalsChangeNothing() throws Exception {
        long line = landfill();
        long other = landfill();
        String base = f.base + "/lines/" + line;
        record(base, TICKETS.get(3));
        f.as(f.director, post(base + "/billing"), "{\"month\":\"2026-03\"}").andExpect(status().isOk());
        long ticket = id(line, "T-4");
        f.as(f.staff, post(base + "/tickets/" + ticket + "/correction"), "{\"grossKg\":9000}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("reason"));
        f.as(f.staff, post(base + "/tickets/" + ticket + "/correction"), "{\"tareKg\":99999,\"reason\":\"x\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("tareKg"));
        f.as(f.board, post(base + "/tickets/" + ticket + "/correction"), "{\"grossKg\":9000,\"reason\":\"x\"}")
                .andExpect(status().isForbidden());
        f.as(f.outsider, post(base + "/tickets/" + ticket + "/void"), "{\"reason\":\"x\"}").andExpect(status().isForbidden());
        f.as(f.staff, post(f.base + "/lines/" + other + "/tickets/" + ticket + "/void"), "{\"reason\":\"x\"}")
                .andExpect(status().isNotFound());
        assertThat(jdbc.sql("select net_kg from weighing_ticket where id = :t").param("t", ticket).query(Integer.class).single())
                .isEqualTo(8001);
        f.as(f.staff, post(base + "/tickets/" + ticket + "/correction"), "{\"grossKg\":10000,\"reason\":\"Peso mal digitado\"}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.netKg").value(6000));
        f.as(f.staff, get(base + "/tickets/" + ticket + "/revisions"), null).andExpect(status().isOk())
                .andExpect(jsonPath("$[0].action").value("CORRECT")).andExpect(jsonPath("$[0].reason").value("Peso mal digitado"))
                .andExpect(jsonPath("$[0].before.netKg").value(8001));
        f.as(f.director, post(base + "/billing"), "{\"month\":\"2026-03\"}").andExpect(status().isOk())
                .andExpect(jsonPath("$.invoices[1].kind").value("CREDIT_NOTE")).andExpect(jsonPath("$.invoices[1].total").value(-51.03))
                .andExpect(jsonPath("$.invoices[1].netKg").value(-2001));
        f.as(f.staff, post(base + "/tickets/" + ticket + "/void"), "{\"reason\":\"Vehículo de prueba\"}").andExpect(status().isOk());
        f.as(f.staff, post(base + "/tickets/" + ticket + "/correction"), "{\"grossKg\":9000,\"reason\":\"x\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].rule").value("NotVoided"));
        f.as(f.director, post(base + "/billing"), "{\"month\":\"2026-03\"}").andExpect(status().isOk())
                .andExpect(jsonPath("$.invoices[2].total").value(-153.00));
        assertThat(billedTotals(line)).containsEntry("2026-03", new BigDecimal("0.00"));
        assertThat(jdbc.sql("select count(*) from audit_event where entity_type = 'weighing_ticket' and entity_id = :t")
                .param("t", String.valueOf(ticket)).query(Integer.class).single()).isEqualTo(3);
    }

    @Test
    void invoicesPrintNumbersAsTheClientsCountryWritesThem() throws Exception {
        long line = landfill();
        String base = f.base + "/lines/" + line;
        for (int i = 0; i < 3; i++) {
            record(base, new T("K-" + i, "AGRO", 3900, "2026-03-0" + (i + 2)));
        }
        String billing = f.as(f.director, post(base + "/billing"), "{\"month\":\"2026-03\"}").andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        long invoice = ((Number) JsonPath.read(billing, "$.invoices[0].id")).longValue();
        // 11.7 t at 20.00 = 234.00; a scheme in Colombia writes 11.700 t as "11,700 t", in El Salvador "11.700 t".
        assertThat(pdf(base, invoice)).contains("11,700 t").contains("USD 234,00");
        jdbc.sql("update scheme set country = 'SV' where id = :s").param("s", f.scheme).update();
        assertThat(pdf(base, invoice)).contains("11.700 t").contains("USD 234.00");
        assertThat(CountryFormat.of("SV").money(new BigDecimal("11700"), "USD")).isEqualTo("USD 11,700.00");
        assertThat(CountryFormat.of("CO").money(new BigDecimal("11700"), "COP")).isEqualTo("COP 11.700");
        assertThat(CountryFormat.of("CO").money(new BigDecimal("-51.03"), "COP")).isEqualTo("COP -51,03");
    }

    @Test
    void billingsAtTheSameTimeNeverShareOrSkipANumber() throws Exception {
        long line = landfill();
        String base = f.base + "/lines/" + line;
        List<String> months = List.of("2026-01", "2026-02", "2026-03", "2026-04", "2026-05", "2026-06");
        for (String m : months) {
            record(base, new T("C-" + m, "SRL", 1000, m + "-10"));
            record(base, new T("D-" + m, "AGRO", 1000, m + "-11"));
        }
        try (var pool = java.util.concurrent.Executors.newFixedThreadPool(months.size())) {
            List<java.util.concurrent.Future<Integer>> runs = new ArrayList<>();
            for (String m : months) {
                runs.add(pool.submit(() -> f.as(f.director, post(base + "/billing"), "{\"month\":\"" + m + "\"}").andReturn()
                        .getResponse().getStatus()));
            }
            for (var run : runs) {
                assertThat(run.get()).isEqualTo(200);
            }
        }
        assertContiguousNumbers(line);
        assertThat(jdbc.sql("select count(distinct number) from service_invoice where service_line_id = :l").param("l", line)
                .query(Integer.class).single()).isEqualTo(2 * months.size());
    }

    @Test
    void theLinePageShowsPendingTicketsAndItsVoidAndCorrectionFormsAnswerInSpanish() throws Exception {
        long line = landfill();
        String base = f.base + "/lines/" + line;
        record(base, TICKETS.get(2));
        f.as(f.director, post(base + "/billing"), "{\"month\":\"2026-03\"}").andExpect(status().isOk());
        record(base, TICKETS.get(3));
        String page = "/services/schemes/" + f.scheme + "/lines/" + line;
        var director = user(f.director).roles("SCHEME_ADMIN");
        String html = mvc.perform(get(page).param("month", "2026-03").param("year", "2026").with(director)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(html).contains("T-4").contains("8,001 t").contains("Por facturar").contains("Anular un documento");
        long invoice = jdbc.sql("select id from service_invoice where service_line_id = :l").param("l", line).query(Long.class).single();
        html = mvc.perform(post(page + "/invoices/void").with(director).with(csrf()).param("invoiceId", String.valueOf(invoice))
                .param("reason", "")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(html).contains("id=\"void-reason-error\"").contains("Escriba el motivo de la anulación o corrección.");
        html = mvc.perform(post(page + "/tickets/fix").with(director).with(csrf()).param("ticketNumber", "NO-EXISTE")
                .param("action", "VOID").param("reason", "x")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(html).contains("No hay una boleta con el número «NO-EXISTE» en esta línea.");
        assertThat(voided(invoice)).isFalse();
        mvc.perform(post(page + "/tickets/fix").with(director).with(csrf()).param("ticketNumber", "T-4").param("action", "CORRECT")
                .param("grossKg", "10000").param("weighedAt", "2026-03-21T09:30").param("reason", "Peso mal digitado"))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("select net_kg || ' ' || weighed_at from weighing_ticket where id = :t").param("t", id(line, "T-4"))
                .query(String.class).single()).isEqualTo("6000 2026-03-21 09:30:00");
        mvc.perform(post(page + "/invoices/void").with(director).with(csrf()).param("invoiceId", String.valueOf(invoice))
                .param("reason", "Mal emitida")).andExpect(status().is3xxRedirection());
        assertThat(voided(invoice)).isTrue();
        // The year's register lists every number used, the voided one with its reason.
        var issued = jdbc.sql("select number || ' ' || year from service_invoice where id = :i").param("i", invoice)
                .query(String.class).single().split(" ");
        String register = mvc.perform(get(page + "/invoices.csv").param("year", issued[1]).with(director)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(register).contains(issued[0]).contains("INVOICE").contains("Mal emitida").contains(";5,000;");
        mvc.perform(post(page + "/tickets/fix").with(user(f.board).roles("BOARD_MEMBER")).with(csrf()).param("ticketNumber", "T-4")
                .param("action", "VOID").param("reason", "x")).andExpect(status().isForbidden());
    }

    private String pdf(String base, long invoice) throws Exception {
        byte[] pdf = f.as(f.staff, get(base + "/invoices/" + invoice + ".pdf"), null).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        try (var doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc);
        }
    }

    private void record(String base, T t) throws Exception {
        f.as(f.staff, post(base + "/tickets"), "{\"ticketNumber\":\"" + t.number() + "\",\"clientCode\":\"" + t.client()
                + "\",\"plate\":\"P-1\",\"grossKg\":" + (t.netKg() + 4000) + ",\"tareKg\":4000,\"wasteType\":\"DOM\",\"weighedAt\":\""
                + t.day() + "T10:00:00\",\"operator\":\"Operador 1\"}").andExpect(status().isCreated());
    }

    private long id(long line, String number) {
        return jdbc.sql("select id from weighing_ticket where service_line_id = :l and ticket_number = :n").param("l", line)
                .param("n", number).query(Long.class).single();
    }

    private boolean voided(long invoice) {
        return jdbc.sql("select voided_at is not null from service_invoice where id = :i").param("i", invoice)
                .query(Boolean.class).single();
    }

    private int pending(String base) throws Exception {
        String json = f.as(f.staff, get(base + "/tickets/pending?from=2026-01-01&to=2026-12-31"), null).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        return JsonPath.<List<Object>>read(json, "$").size();
    }

    /** The month's billed total: its documents not voided, invoices, supplements and credit notes together. */
    private Map<String, BigDecimal> billedTotals(long line) {
        Map<String, BigDecimal> totals = new TreeMap<>();
        jdbc.sql("""
                select to_char(month, 'YYYY-MM') as month, sum(total) as total from service_invoice
                where service_line_id = :l and voided_at is null group by 1""").param("l", line)
                .query((rs, n) -> totals.put(rs.getString("month"), rs.getBigDecimal("total"))).list();
        return totals;
    }

    /** Every document of the line has a place 1..n of its year: none missing, none repeated. */
    private void assertContiguousNumbers(long line) {
        List<Integer> sequences = jdbc.sql("select sequence from service_invoice where service_line_id = :l order by year, sequence")
                .param("l", line).query(Integer.class).list();
        List<Integer> expected = new ArrayList<>();
        for (int i = 1; i <= sequences.size(); i++) {
            expected.add(i);
        }
        assertThat(sequences).isEqualTo(expected);
    }

    private static void insertAfter(List<String> steps, String after, String step, Random random) {
        int at = steps.indexOf(after) + 1;
        steps.add(at + random.nextInt(steps.size() - at + 1), step);
    }
}
