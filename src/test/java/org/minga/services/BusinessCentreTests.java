package org.minga.services;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.minga.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import com.jayway.jsonpath.JsonPath;

/** Cayaguanca's CDMYPE: cost shares of subsidised assistance by the kind of firm, and the centre's dashboard. */
@IntegrationTest
class BusinessCentreTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    ServiceFixtures f;
    long line;
    String base;

    @BeforeEach
    void setUp() throws Exception {
        f = new ServiceFixtures(mvc, "Cayaguanca");
        line = f.line("BUSINESS_DEVELOPMENT", "CDMYPE Cayaguanca", "USD");
        base = f.base + "/lines/" + line;
    }

    @Test
    void women_ownedRuralAndAssociativeFirmsPayFivePercentOthersTen() throws Exception {
        long cafe = firm("Café La Palma", "F", false, false);
        long taller = firm("Taller Hermanos López", "M", false, false);
        long coop = firm("Cooperativa Ruta Fresca", "M", false, true);
        long finca = firm("Finca El Pital", "M", true, false);
        assistance(cafe, "1234.57").andExpect(jsonPath("$.subsidyPercent").value(95.00))
                .andExpect(jsonPath("$.subsidy").value(1172.84)).andExpect(jsonPath("$.firmShare").value(61.73))
                .andExpect(jsonPath("$.preferential").value(true));
        assistance(taller, "1234.57").andExpect(jsonPath("$.subsidyPercent").value(90.00))
                .andExpect(jsonPath("$.subsidy").value(1111.11)).andExpect(jsonPath("$.firmShare").value(123.46));
        assistance(coop, "800").andExpect(jsonPath("$.firmShare").value(40.00));
        assistance(finca, "800").andExpect(jsonPath("$.firmShare").value(40.00));
        // Every approved assistance adds up to its cost exactly (a check constraint holds it too).
        assertThat(jdbc.sql("select count(*) from bc_assistance a join bc_firm f on f.id = a.firm_id where f.service_line_id = :l "
                + "and a.subsidy + a.firm_share <> a.cost").param("l", line).query(Integer.class).single()).isZero();
        // The scheme may change its rule; it applies to new approvals.
        f.as(f.director, put(base + "/cost-shares"), "{\"subsidyStandard\":80,\"subsidyPreferential\":70}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("subsidyPreferential"));
        f.as(f.director, put(base + "/cost-shares"), "{\"subsidyStandard\":80,\"subsidyPreferential\":90}").andExpect(status().isOk());
        assistance(taller, "100").andExpect(jsonPath("$.subsidy").value(80.00)).andExpect(jsonPath("$.firmShare").value(20.00));
        assertThat(BusinessCentre.costShare(new BigDecimal("0.01"), new BigDecimal("95")).firmShare()).isEqualByComparingTo("0.00");
    }

    @Test
    void servicesPlansAndSeedCapitalAreRecordedAndTheDashboardCountsFirmsBySex() throws Exception {
        long cafe = firm("Café Las Pilas", "F", true, false);
        long taller = firm("Carpintería San Ignacio", "M", false, false);
        firm("Panadería sin atender", "F", false, false);
        f.as(f.staff, post(base + "/firms/" + cafe + "/services"), "{\"deliveredOn\":\"2026-02-10\",\"kind\":\"Asesoría TIC\","
                + "\"description\":\"Tienda en línea\"}").andExpect(status().isCreated());
        f.as(f.staff, post(base + "/firms/" + cafe + "/plans"), "{\"agreedOn\":\"2026-02-10\",\"goal\":\"Exportar café especial\","
                + "\"actions\":\"Certificación; marca\"}").andExpect(status().isCreated());
        f.as(f.staff, post(base + "/firms/" + taller + "/seed-capital"), "{\"grantedOn\":\"2026-03-01\",\"amount\":1500,"
                + "\"purpose\":\"Sierra de banco\"}").andExpect(status().isCreated());
        f.as(f.staff, post(base + "/firms/" + taller + "/seed-capital"), "{\"grantedOn\":\"2026-03-01\",\"amount\":-5,"
                + "\"purpose\":\"x\"}").andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("amount"));
        assistance(cafe, "1000");
        f.as(f.director, get(base + "/dashboard?from=2026-01-01&to=2026-12-31"), null).andExpect(status().isOk())
                .andExpect(jsonPath("$.firmsByOwnerSex.F").value(1)).andExpect(jsonPath("$.firmsByOwnerSex.M").value(1))
                .andExpect(jsonPath("$.seedCapital").value(1500.00)).andExpect(jsonPath("$.subsidy").value(950.00))
                .andExpect(jsonPath("$.revenue").value(50.00));
        f.as(f.director, get(base + "/firms/" + cafe), null).andExpect(jsonPath("$.plans[0].goal").value("Exportar café especial"))
                .andExpect(jsonPath("$.services[0].kind").value("Asesoría TIC"));
    }

    @Test
    void firmsNeedTheirFieldsAndOutsidersWriteNothing() throws Exception {
        f.as(f.director, post(base + "/firms"), "{\"name\":\"\",\"sector\":\"Café\",\"ownerSex\":\"X\",\"ownerAgeGroup\":\"OLD\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", org.hamcrest.Matchers.hasItems("name", "ownerSex", "ownerAgeGroup", "rural")));
        f.as(f.outsider, post(base + "/firms"), firmJson("Intrusa", "F", false, false)).andExpect(status().isForbidden());
        f.as(null, post(base + "/firms"), firmJson("Anónima", "F", false, false)).andExpect(status().isUnauthorized());
        long firm = firm("Café Dulce Nombre", "F", false, false);
        f.as(f.board, post(base + "/firms/" + firm + "/assistance"), "{\"approvedOn\":\"2026-03-01\",\"provider\":\"x\","
                + "\"description\":\"x\",\"cost\":100}").andExpect(status().isForbidden());
        assertThat(jdbc.sql("select count(*) from bc_firm where service_line_id = :l").param("l", line).query(Integer.class).single())
                .isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from bc_assistance where firm_id = :f").param("f", firm).query(Integer.class).single()).isZero();
    }

    private long firm(String name, String sex, boolean rural, boolean associative) throws Exception {
        String body = f.as(f.director, post(base + "/firms"), firmJson(name, sex, rural, associative)).andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString();
        return ((Number) JsonPath.read(body, "$.id")).longValue();
    }

    private static String firmJson(String name, String sex, boolean rural, boolean associative) {
        return "{\"name\":\"" + name + "\",\"sector\":\"Agroindustria\",\"ownerSex\":\"" + sex + "\",\"ownerAgeGroup\":\"FROM_30_TO_59\","
                + "\"rural\":" + rural + ",\"associative\":" + associative + "}";
    }

    private org.springframework.test.web.servlet.ResultActions assistance(long firm, String cost) throws Exception {
        return f.as(f.staff, post(base + "/firms/" + firm + "/assistance"), "{\"approvedOn\":\"2026-03-01\",\"provider\":\"Consultora "
                + "Chalatenango\",\"description\":\"Diseño de marca\",\"cost\":" + cost + "}").andExpect(status().isCreated());
    }
}
