package org.minga.services;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.minga.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import com.jayway.jsonpath.JsonPath;

/**
 * ASINORLU's weighbridge: a CSV export imported twice adds its tickets once, refused loads are
 * recorded and never billed, and a tariff change on the 16th prices each ticket by its date.
 */
@IntegrationTest
class LandfillBillingTests {

    static final String CSV = """
            ticket,client,plate,gross_kg,tare_kg,waste_type,weighed_at,operator,refusal_reason
            T-0001,SRL,N-4521,10000,4000,DOM,2026-03-10 07:15:00,Operador 1,
            T-0002,SRL,N-4521,12500,4500,DOM,2026-03-20 08:00:00,Operador 1,
            T-0003,AGRO,P-888,5500,2000,PODA,2026-03-05 09:30:00,Operador 2,
            T-0004,AGRO,P-888,9000,4000,IND,2026-03-06 10:00:00,Operador 2,
            T-0005,SRL,N-4521,11000,4000,DOM,2026-03-21 07:00:00,Operador 1,Carga mezclada con llantas
            T-0001,SRL,N-4521,10000,4000,DOM,2026-03-10 07:15:00,Operador 1,
            T-0006,SRL,N-4521,7000,4000,DOM,2026-02-27 07:00:00,Operador 1,
            """;

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    ServiceFixtures f;
    long line;
    String base;

    @BeforeEach
    void setUp() throws Exception {
        f = new ServiceFixtures(mvc, "ASINORLU");
        line = f.line("SOLID_WASTE", "Relleno sanitario", "USD");
        base = f.base + "/lines/" + line;
        f.members(jdbc, "M14");
        f.client(line, "SRL", "Santa Rosa de Lima", "MEMBER", "M14");
        f.client(line, "AGRO", "Agroindustrias del Oriente S.A.", "PRIVATE_FIRM", null);
        for (String[] w : new String[][] {{"DOM", "Domiciliarios", "true"}, {"PODA", "Poda forestal", "true"},
                {"IND", "Industriales", "false"}}) {
            f.as(f.director, put(base + "/waste-types"), "{\"code\":\"" + w[0] + "\",\"name\":\"" + w[1] + "\",\"accepted\":" + w[2] + "}")
                    .andExpect(status().isOk());
        }
        f.tariff(line, "2026-01-01", "20.00", "TONNE");
        f.tariff(line, "2026-03-16", "25.00", "TONNE");
    }

    @Test
    void importingTwiceAddsEachTicketOnceAndBillingPricesEachTicketByItsDate() throws Exception {
        Map<String, Object> first = importCsv(CSV, "SUCCEEDED");
        assertThat(first).containsEntry("rows", 7).containsEntry("inserted", 6).containsEntry("skippedExisting", 1);
        Map<String, Object> second = importCsv(CSV, "SUCCEEDED");
        assertThat(second).containsEntry("inserted", 0).containsEntry("skippedExisting", 7);
        assertThat(jdbc.sql("select refusal_reason from weighing_ticket where service_line_id = :l and ticket_number = 'T-0004'")
                .param("l", line).query(String.class).single()).isEqualTo("Tipo de residuo no aceptado: IND");

        String billing = f.as(f.director, post(base + "/billing"), "{\"month\":\"2026-03\"}").andExpect(status().isOk())
                .andExpect(jsonPath("$.issued").value(2)).andExpect(jsonPath("$.total").value(390.00))
                .andReturn().getResponse().getContentAsString();
        // Santa Rosa: 6 t at 20.00 before the 16th, 8 t at 25.00 after; the refused load is not billed.
        assertThat(first(billing, "$.invoices[?(@.clientCode == 'SRL')].total")).isEqualTo(320.00);
        assertThat(first(billing, "$.invoices[?(@.clientCode == 'SRL')].lines[0].amount")).isEqualTo(120.00);
        assertThat(first(billing, "$.invoices[?(@.clientCode == 'SRL')].lines[1].amount")).isEqualTo(200.00);
        assertThat(first(billing, "$.invoices[?(@.clientCode == 'SRL')].lines[1].validFrom")).isEqualTo("2026-03-16");
        // The firm: 3.5 t of pruning at 20.00; its industrial load was refused.
        assertThat(first(billing, "$.invoices[?(@.clientCode == 'AGRO')].total")).isEqualTo(70.00);
        f.as(f.director, post(base + "/billing"), "{\"month\":\"2026-03\"}").andExpect(status().isOk())
                .andExpect(jsonPath("$.issued").value(0)).andExpect(jsonPath("$.existing").value(2));

        long invoice = ((Number) first(billing, "$.invoices[?(@.clientCode == 'SRL')].id")).longValue();
        byte[] pdf = f.as(f.staff, get(base + "/invoices/" + invoice + ".pdf"), null).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        try (var doc = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains("Santa Rosa de Lima").contains("16/03/2026").contains("USD 320,00").contains("14,000 t");
        }
        f.as(f.director, get(base + "/tonnes?from=2026-02-01&to=2026-03-31"), null).andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.clientCode == 'SRL' && @.month == '2026-03')].tonnes").value(14.000))
                .andExpect(jsonPath("$[?(@.clientCode == 'SRL' && @.month == '2026-03')].refused").value(1))
                .andExpect(jsonPath("$[?(@.clientCode == 'SRL' && @.month == '2026-02')].tonnes").value(3.000));
    }

    @Test
    void aFileWithAnUnknownClientOrBadWeightImportsNothing() throws Exception {
        String bad = CSV + "T-0100,NOEXISTE,X-1,1000,500,DOM,2026-03-01 07:00:00,Operador 1,\n"
                + "T-0101,SRL,X-1,400,500,DOM,2026-03-01 07:00:00,Operador 1,\n";
        String error = importFails(bad);
        assertThat(error).contains("cliente desconocido: 1 filas (boletas T-0100)").contains("tara mayor que el peso bruto");
        assertThat(tickets()).isZero();
        assertThat(importFails("numero,cliente\n1,SRL\n")).contains("encabezado");
        assertThat(importFails(CSV.replace("12500,4500", "12S00,4500"))).contains("12S00").contains("line 3, column gross_kg");
        assertThat(tickets()).isZero();
    }

    @Test
    void aSingleTicketWithADuplicateNumberIsRefusedAndRefusalsAreNeverBilled() throws Exception {
        String ticket = "{\"ticketNumber\":\"M-1\",\"clientCode\":\"AGRO\",\"plate\":\"P-1\",\"grossKg\":8000,\"tareKg\":3000,"
                + "\"wasteType\":\"IND\",\"weighedAt\":\"2026-04-02T10:00:00\",\"operator\":\"Operador 3\"}";
        f.as(f.staff, post(base + "/tickets"), ticket).andExpect(status().isCreated())
                .andExpect(jsonPath("$.refusalReason").value("Tipo de residuo no aceptado: IND"));
        f.as(f.staff, post(base + "/tickets"), ticket).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("ticketNumber")).andExpect(jsonPath("$.errors[0].rule").value("Unique"));
        f.as(f.director, post(base + "/billing"), "{\"month\":\"2026-04\"}").andExpect(status().isOk())
                .andExpect(jsonPath("$.issued").value(0));
        f.as(f.staff, post(base + "/tickets"), ticket.replace("M-1", "M-2").replace("9000", "1")
                .replace("\"tareKg\":3000", "\"tareKg\":9000")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("tareKg"));
        f.as(f.outsider, post(base + "/tickets"), ticket.replace("M-1", "M-3")).andExpect(status().isForbidden());
        f.as(f.board, post(base + "/billing"), "{\"month\":\"2026-04\"}").andExpect(status().isForbidden());
        assertThat(tickets()).isEqualTo(1);
    }

    @Test
    void ticketsBeforeAnyTariffCannotBeBilled() throws Exception {
        f.as(f.staff, post(base + "/tickets"), "{\"ticketNumber\":\"OLD-1\",\"clientCode\":\"SRL\",\"plate\":\"P-1\",\"grossKg\":8000,"
                + "\"tareKg\":3000,\"wasteType\":\"DOM\",\"weighedAt\":\"2025-12-30T10:00:00\",\"operator\":\"Operador 3\"}")
                .andExpect(status().isCreated());
        f.as(f.director, post(base + "/billing"), "{\"month\":\"2025-12\"}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].rule").value("TariffMissing"));
        assertThat(jdbc.sql("select count(*) from service_invoice where service_line_id = :l").param("l", line)
                .query(Integer.class).single()).isZero();
    }

    /** The first match of a filter path (filters always return lists); numbers as doubles. */
    private static Object first(String json, String path) {
        Object v = JsonPath.<java.util.List<Object>>read(json, path).getFirst();
        return v instanceof Number n && !(v instanceof Long) && !(v instanceof Integer) ? (Object) n.doubleValue() : v;
    }

    private int tickets() {
        return jdbc.sql("select count(*) from weighing_ticket where service_line_id = :l").param("l", line).query(Integer.class).single();
    }

    private Map<String, Object> importCsv(String csv, String expected) throws Exception {
        String job = submit(csv);
        await(job);
        var row = jdbc.sql("select status, result::text, error from job where id = cast(:id as uuid)").param("id", job)
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)}).single();
        assertThat(row[0]).as(row[2]).isEqualTo(expected);
        return JsonPath.read(row[1], "$");
    }

    private String importFails(String csv) throws Exception {
        String job = submit(csv);
        await(job);
        var row = jdbc.sql("select status, error from job where id = cast(:id as uuid)").param("id", job)
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)}).single();
        assertThat(row[0]).isEqualTo("FAILED");
        return row[1];
    }

    private String submit(String csv) throws Exception {
        String body = mvc.perform(multipart(base + "/tickets/imports")
                .file(new MockMultipartFile("file", "bascula.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)))
                .with(httpBasic(f.staff, ServiceFixtures.PASSWORD))).andExpect(status().isAccepted())
                .andReturn().getResponse().getContentAsString();
        return JsonPath.read(body, "$.jobId");
    }

    private void await(String job) {
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> !jdbc.sql("select status from job where id = cast(:id as uuid)")
                .param("id", job).query(String.class).single().matches("QUEUED|RUNNING"));
    }
}
