package org.minga.services;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.minga.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** The services pages: the line page with its arithmetic, Spanish errors beside fields, exports, the dashboard. */
@IntegrationTest
class ServicePagesTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;

    @Test
    void theLandfillPageShowsInvoicesTheArithmeticAndSpanishErrorsBesideTheirFields() throws Exception {
        ServiceFixtures f = new ServiceFixtures(mvc, "ASINORLU páginas");
        long line = f.line("SOLID_WASTE", "Relleno", "USD");
        String base = f.base + "/lines/" + line;
        f.members(jdbc, "M14", "M07");
        f.client(line, "SRL", "Santa Rosa de Lima", "MEMBER", "M14");
        f.client(line, "LIS", "Lislique", "MEMBER", "M07");
        f.tariff(line, "2026-01-01", "20.00", "TONNE");
        f.as(f.director, org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put(base + "/waste-types"),
                "{\"code\":\"DOM\",\"name\":\"Domiciliarios\",\"accepted\":true}").andExpect(status().isOk());
        f.as(f.staff, post(base + "/tickets"), "{\"ticketNumber\":\"P1\",\"clientCode\":\"SRL\",\"plate\":\"P-1\",\"grossKg\":9000,"
                + "\"tareKg\":4000,\"wasteType\":\"DOM\",\"weighedAt\":\"2026-03-10T08:00:00\",\"operator\":\"Operador\"}")
                .andExpect(status().isCreated());
        String page = "/services/schemes/" + f.scheme + "/lines/" + line;
        var director = user(f.director).roles("SCHEME_ADMIN");

        // A member client without its unit, and a bad month: Spanish messages beside the fields, nothing written.
        String html = mvc.perform(post(page + "/clients").with(director).with(csrf()).param("code", "BOL").param("name", "Bolívar")
                .param("kind", "MEMBER")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(html).contains("id=\"unitCode-error\"").contains("Un cliente miembro necesita el código de su municipio o distrito.");
        html = mvc.perform(post(page + "/billing").with(director).with(csrf()).param("month", "marzo"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(html).contains("id=\"month-error\"").contains("El mes va como AAAA-MM, por ejemplo 2026-03.");
        html = mvc.perform(post(page + "/cost-pools").with(director).with(csrf()).param("periodFrom", "2026-03-01")
                .param("periodTo", "2026-03-31").param("amount", "10.5").param("driver", "EQUAL").param("description", "Operación"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(html).contains("id=\"amount-error\"").contains("unidades enteras");
        assertThat(jdbc.sql("select count(*) from service_client where service_line_id = :l").param("l", line).query(Integer.class).single())
                .isEqualTo(2);

        mvc.perform(post(page + "/billing").with(director).with(csrf()).param("month", "2026-03")).andExpect(status().is3xxRedirection());
        mvc.perform(post(page + "/cost-pools").with(director).with(csrf()).param("periodFrom", "2026-03-01")
                .param("periodTo", "2026-03-31").param("amount", "101").param("driver", "EQUAL").param("description", "Operación marzo"))
                .andExpect(status().is3xxRedirection());
        html = mvc.perform(get(page).param("month", "2026-03").param("year", "2026").with(director)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(html).contains("Santa Rosa de Lima").contains("USD 100,00").contains("Operación marzo")
                .contains("50.500000").contains("+1").contains("aún deben aportar 1,00").contains("Toneladas por cliente y mes, 2026");
        String csv = mvc.perform(get(page + "/tonnes.csv").param("year", "2026").with(director)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(csv).contains("Mes;Código;Cliente;Toneladas facturables;Boletas;Cargas rechazadas").contains("2026-03;SRL;Santa Rosa de Lima;5,000;1;0");
        html = mvc.perform(get("/services/schemes/" + f.scheme + "/dashboard").param("from", "2026-01-01").param("to", "2026-12-31")
                .param("unit", "M14").with(director)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(html).contains("Tablero de servicios").contains("Miembro M14").contains("mujeres 0, hombres 0");
        // Board members read; they get no forms.
        html = mvc.perform(get(page).with(user(f.board).roles("BOARD_MEMBER"))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        assertThat(html).doesNotContain("action=\"" + page + "/billing\"");
        mvc.perform(post(page + "/billing").with(user(f.board).roles("BOARD_MEMBER")).with(csrf()).param("month", "2026-04"))
                .andExpect(status().isForbidden());
    }

    @Test
    void theServicesPageListsCasesWithTheirStateAndOnlyDueOnesAmongAlerts() throws Exception {
        ServiceFixtures f = new ServiceFixtures(mvc, "OPLAGEST páginas");
        long line = f.line("LAND_USE_PERMITS", "OPLAGEST", "USD");
        String type = f.as(f.director, post(f.base + "/case-types/permit"), "{\"serviceLineId\":" + line + "}")
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        long typeId = ((Number) com.jayway.jsonpath.JsonPath.read(type, "$.id")).longValue();
        String c = f.as(f.staff, post(f.base + "/cases"), "{\"caseTypeId\":" + typeId + ",\"applicantName\":\"Rosa Mejía\","
                + "\"unitCode\":\"D070\",\"subject\":\"Ampliación\"}").andExpect(status().isCreated()).andReturn().getResponse()
                .getContentAsString();
        String number = com.jayway.jsonpath.JsonPath.read(c, "$.number");
        long id = ((Number) com.jayway.jsonpath.JsonPath.read(c, "$.id")).longValue();
        var staff = user(f.staff).roles("SCHEME_STAFF");
        String page = "/services/schemes/" + f.scheme;
        assertThat(mvc.perform(get(page).with(staff)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString())
                .contains(number).contains("<td>Nuevo</td>");
        assertThat(mvc.perform(get(page).param("alerts", "true").with(staff)).andReturn().getResponse().getContentAsString())
                .doesNotContain(number);
        // Due in two days: flagged.
        jdbc.sql("update service_case set due_on = current_date + 2 where id = :id").param("id", id).update();
        assertThat(mvc.perform(get(page).param("alerts", "true").with(staff)).andReturn().getResponse().getContentAsString())
                .contains(number).contains("Por vencer");
    }

    @Test
    void anUnknownCaseNumberIsNotFoundOnThePublicPage() throws Exception {
        mvc.perform(get("/public/services/cases/0-NADA-2026-00000")).andExpect(status().isNotFound());
        mvc.perform(get("/public/services/cases")).andExpect(status().isOk());
    }
}
