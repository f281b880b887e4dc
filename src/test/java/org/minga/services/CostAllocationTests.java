package org.minga.services;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.minga.services.internal.LargestRemainder;
import org.minga.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import com.jayway.jsonpath.JsonPath;

/**
 * A landfill's monthly cost allocated among its three member municipalities by each driver, in
 * whole dollars that add up exactly to the pool; and whether members must still contribute.
 */
@IntegrationTest
class CostAllocationTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    ServiceFixtures f;
    long line;
    String base;

    @BeforeEach
    void setUp() throws Exception {
        f = new ServiceFixtures(mvc, "ASINORLU costos");
        line = f.line("SOLID_WASTE", "Relleno", "USD");
        base = f.base + "/lines/" + line;
        // Unit codes unique to this test: the population rows below must not meet other tests' units.
        f.members(jdbc, unit("A"), unit("B"), unit("C"));
        f.client(line, "ANA", "Anamorós", "MEMBER", "X" + line + "A");
        f.client(line, "BOL", "Bolívar", "MEMBER", "X" + line + "B");
        f.client(line, "POL", "Polorós", "MEMBER", "X" + line + "C");
        f.client(line, "EMP", "Empresa privada", "PRIVATE_FIRM", null);
        f.as(f.director, put(base + "/waste-types"), "{\"code\":\"DOM\",\"name\":\"Domiciliarios\",\"accepted\":true}")
                .andExpect(status().isOk());
        f.tariff(line, "2026-01-01", "20.00", "TONNE");
    }

    @Test
    void equalSplitGivesTheLeftoverDollarToTheLargestRemainderAndAddsUpExactly() throws Exception {
        String pool = allocate("1000", "EQUAL", null).andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        // 1000 / 3 = 333.33…: each gets 333, the one dollar left goes to the first code on a tie.
        assertThat(shares(pool)).containsExactly(Map.entry(unit("A"), 334L), Map.entry(unit("B"), 333L), Map.entry(unit("C"), 333L));
        assertThat(JsonPath.<Boolean>read(pool, "$.shares[0].extraUnit")).isTrue();
        assertThat(JsonPath.<Object>read(pool, "$.shares[1].quota").toString()).isEqualTo("333.333333");
    }

    @Test
    void tonnesDeliveredDriveTheShareAndRefusedLoadsAndFirmsCountNothing() throws Exception {
        ticket("T1", "ANA", 6000, "DOM", null);
        ticket("T2", "BOL", 3000, "DOM", null);
        ticket("T3", "POL", 1000, "DOM", null);
        ticket("T4", "POL", 9000, "DOM", "Carga con llantas");
        ticket("T5", "EMP", 50000, "DOM", null);
        String pool = allocate("1001", "TONNES", null).andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        // 6 t, 3 t, 1 t of 10 t: quotas 600.6, 300.3, 100.1; wholes 600+300+100 = 1000, the dollar left to 600.6.
        assertThat(shares(pool)).containsExactly(Map.entry(unit("A"), 601L), Map.entry(unit("B"), 300L), Map.entry(unit("C"), 100L));
        assertThat(((Number) JsonPath.read(pool, "$.totalBasis")).doubleValue()).isEqualTo(10.0);
    }

    @Test
    void casesHandledDriveTheShare() throws Exception {
        long permits = f.line("LAND_USE_PERMITS", "OPLAGEST costos", "USD");
        f.client(permits, "ANA", "Anamorós", "MEMBER", unit("A"));
        f.client(permits, "BOL", "Bolívar", "MEMBER", unit("B"));
        String type = f.as(f.director, post(f.base + "/case-types/permit"), "{\"serviceLineId\":" + permits + ",\"code\":\"PCOST\"}")
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        long typeId = ((Number) JsonPath.read(type, "$.id")).longValue();
        for (String u : List.of("A", "A", "A", "B")) {
            f.as(f.staff, post(f.base + "/cases"), "{\"caseTypeId\":" + typeId + ",\"applicantName\":\"Ana\",\"unitCode\":\""
                    + unit(u) + "\",\"subject\":\"Permiso\"}").andExpect(status().isCreated());
        }
        String pool = f.as(f.director, post(f.base + "/lines/" + permits + "/cost-pools"), "{\"periodFrom\":\"2020-01-01\",\"periodTo\":\""
                + "2099-12-31\",\"amount\":500,\"driver\":\"CASES\",\"description\":\"Técnicos OPLAGEST\"}")
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        assertThat(shares(pool)).containsExactly(Map.entry(unit("A"), 375L), Map.entry(unit("B"), 125L));
    }

    @Test
    void populationDrivesTheShareAndAMissingPopulationIsNamed() throws Exception {
        allocate("900", "POPULATION", null).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].rule").value("Population"));
        for (String[] p : new String[][] {{"A", "20000"}, {"B", "7000"}, {"C", "11000"}}) {
            jdbc.sql("insert into territorial_attribute (country, code, year, attribute, value) values ('CO', :c, 2025, 'population', :v)")
                    .param("c", unit(p[0])).param("v", p[1]).update();
        }
        String pool = allocate("900", "POPULATION", null).andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        // Quotas 473.68, 165.79, 260.53: wholes 473+165+260 = 898; the two dollars go to .79 and .68.
        assertThat(shares(pool)).containsExactly(Map.entry(unit("A"), 474L), Map.entry(unit("B"), 166L), Map.entry(unit("C"), 260L));
    }

    @Test
    void customWeightsNeedOneWeightPerMemberAndBadPoolsWriteNothing() throws Exception {
        allocate("100", "CUSTOM", Map.of(unit("A"), "1")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("weights"));
        allocate("100.50", "EQUAL", null).andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].rule").value("WholeUnits"));
        f.as(f.board, post(base + "/cost-pools"), "{\"periodFrom\":\"2026-03-01\",\"periodTo\":\"2026-03-31\",\"amount\":100,"
                + "\"driver\":\"EQUAL\",\"description\":\"x\"}").andExpect(status().isForbidden());
        assertThat(jdbc.sql("select count(*) from cost_pool where service_line_id = :l").param("l", line).query(Integer.class).single()).isZero();
        String pool = allocate("100", "CUSTOM", Map.of(unit("A"), "1", unit("B"), "1", unit("C"), "1.5"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        assertThat(shares(pool)).containsExactly(Map.entry(unit("A"), 29L), Map.entry(unit("B"), 28L), Map.entry(unit("C"), 43L));
    }

    @Test
    void revenueCoveringCostsMeansContributionsAreNoLongerNeeded() throws Exception {
        ticket("R1", "EMP", 100000, "DOM", null);
        allocate("1500", "EQUAL", null).andExpect(status().isCreated());
        f.as(f.director, post(base + "/billing"), "{\"month\":\"2026-03\"}").andExpect(status().isOk());
        f.as(f.director, get(base + "/recovery?from=2026-03-01&to=2026-03-31"), null).andExpect(status().isOk())
                .andExpect(jsonPath("$.revenue").value(2000.00)).andExpect(jsonPath("$.cost").value(1500.00))
                .andExpect(jsonPath("$.contributionsNeeded").value(false));
        allocate("2600", "EQUAL", null).andExpect(status().isCreated());
        f.as(f.director, get(base + "/recovery?from=2026-03-01&to=2026-03-31"), null)
                .andExpect(jsonPath("$.contributionsNeeded").value(true)).andExpect(jsonPath("$.gap").value(2100.00));
    }

    @Test
    void largestRemainderAlwaysAddsUpToThePool() {
        var rng = new java.util.Random(7);
        for (int run = 0; run < 500; run++) {
            Map<String, BigDecimal> bases = new LinkedHashMap<>();
            int n = 1 + rng.nextInt(30);
            for (int i = 0; i < n; i++) {
                bases.put("U" + i, BigDecimal.valueOf(rng.nextInt(1_000_000), rng.nextInt(4)));
            }
            bases.put("U0", bases.get("U0").add(BigDecimal.ONE));
            BigDecimal amount = BigDecimal.valueOf(rng.nextInt(10_000_000));
            var parts = LargestRemainder.split(amount, bases);
            assertThat(parts.stream().map(LargestRemainder.Part::share).reduce(BigDecimal.ZERO, BigDecimal::add)).isEqualByComparingTo(amount);
            assertThat(parts).allSatisfy(p -> assertThat(p.share().subtract(p.quota()).abs()).isLessThan(BigDecimal.ONE));
        }
    }

    private String unit(String letter) {
        return "X" + line + letter;
    }

    private org.springframework.test.web.servlet.ResultActions allocate(String amount, String driver, Map<String, String> weights)
            throws Exception {
        String w = weights == null ? "null" : "{" + String.join(",", weights.entrySet().stream()
                .map(e -> "\"" + e.getKey() + "\":" + e.getValue()).toList()) + "}";
        return f.as(f.director, post(base + "/cost-pools"), "{\"periodFrom\":\"2026-03-01\",\"periodTo\":\"2026-03-31\",\"amount\":"
                + amount + ",\"driver\":\"" + driver + "\",\"description\":\"Operación del relleno\",\"weights\":" + w + "}");
    }

    private void ticket(String number, String client, int netKg, String waste, String reason) throws Exception {
        f.as(f.staff, post(base + "/tickets"), "{\"ticketNumber\":\"" + number + "\",\"clientCode\":\"" + client + "\",\"plate\":\"P-1\","
                + "\"grossKg\":" + (netKg + 4000) + ",\"tareKg\":4000,\"wasteType\":\"" + waste + "\",\"weighedAt\":\"2026-03-10T08:00:00\","
                + "\"operator\":\"Operador\",\"refusalReason\":" + (reason == null ? "null" : "\"" + reason + "\"") + "}")
                .andExpect(status().isCreated());
    }

    private static List<Map.Entry<String, Long>> shares(String pool) {
        List<Map<String, Object>> shares = JsonPath.read(pool, "$.shares");
        return shares.stream().map(s -> Map.entry((String) s.get("unitCode"), ((Number) s.get("share")).longValue())).toList();
    }
}
