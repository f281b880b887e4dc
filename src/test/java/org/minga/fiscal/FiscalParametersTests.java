package org.minga.fiscal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import com.jayway.jsonpath.JsonPath;

import org.awaitility.Awaitility;
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

/**
 * A year's CPI and minimum wage are updated one at a time without erasing the other; a liquidation
 * keeps the figures and rules it used and a parcel's explanation names them; amounts are plain numbers.
 */
@IntegrationTest
class FiscalParametersTests {

    static final String PASSWORD = FiscalTests.PASSWORD;
    static final String TOWN = FiscalTests.TOWN;
    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    long scheme;
    String manager;
    String base;

    @BeforeEach
    void setUp() throws Exception {
        TerritoryFixtures.importAll(mvc, jdbc);
        scheme = new ApiFixtures(mvc).scheme(TestData.unique("Predial"));
        new ApiFixtures(mvc).members(scheme, java.time.LocalDate.of(2000, 1, 1), TOWN);
        manager = TestData.unique("catastro");
        new ApiFixtures(mvc).user(manager, PASSWORD, "SCHEME_ADMIN", scheme, null);
        base = "/api/v1/fiscal/schemes/" + scheme + "/municipalities/" + TOWN + "/years/2023";
    }

    @Test
    void updatingACpiKeepsTheMinimumWageAndAReplacementMustGiveBoth() throws Exception {
        String year = "/api/v1/fiscal/economic-years/2032";
        write(put(year), "admin", "{\"cpiPercent\":4.10,\"minimumWage\":2100000}").andExpect(status().isOk());
        write(patch(year), "admin", "{\"cpiPercent\":5.25}").andExpect(status().isOk())
                .andExpect(jsonPath("$.cpiPercent").value(5.25)).andExpect(jsonPath("$.minimumWage").value(2100000));
        write(patch(year), "admin", "{\"minimumWage\":2200000}").andExpect(status().isOk())
                .andExpect(jsonPath("$.cpiPercent").value(5.25)).andExpect(jsonPath("$.minimumWage").value(2200000));
        // A PUT that leaves a value out is refused, naming it, and changes nothing.
        write(put(year), "admin", "{\"cpiPercent\":6}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("minimumWage")).andExpect(jsonPath("$.errors[0].rule").value("NotNull"));
        write(patch(year), "admin", "{}").andExpect(status().isBadRequest());
        write(patch(year), manager, "{\"cpiPercent\":1}").andExpect(status().isForbidden());
        assertThat(jdbc.sql("select cpi_percent::text || '/' || minimum_wage from fiscal_economic_year where year = 2032")
                .query(String.class).single()).isEqualTo("5.25/2200000");
        assertThat(jdbc.sql("select count(*) from audit_event where entity_type = 'fiscal_economic_year' and entity_id = '2032'")
                .query(Integer.class).single()).isEqualTo(3);
        // The page's form: a year with only its CPI typed keeps its minimum wage.
        mvc.perform(post("/fiscal/economic-years").with(user("admin").roles("PLATFORM_ADMIN")).with(csrf())
                .param("year", "2032").param("cpiPercent", "7.5").param("minimumWage", "")).andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("select cpi_percent::text || '/' || minimum_wage from fiscal_economic_year where year = 2032")
                .query(String.class).single()).isEqualTo("7.50/2200000");
    }

    @Test
    void aLiquidationRecordsItsParametersAndTheExplanationNamesThemWithPlainNumbers() throws Exception {
        String body = mvc.perform(post(base + "/cadastre").with(httpBasic(manager, PASSWORD)).contentType("text/csv")
                .content(FiscalTests.smallCadastre().getBytes(StandardCharsets.UTF_8))).andExpect(status().isAccepted())
                .andReturn().getResponse().getContentAsString();
        assertThat(waitFor(JsonPath.read(body, "$.jobId"))).isEqualTo("SUCCEEDED");
        for (String band : List.of("{\"ratePerMil\":10}", "{\"zone\":\"R\",\"ratePerMil\":7}",
                "{\"zone\":\"U\",\"destination\":\"A\",\"ratePerMil\":6}", "{\"destination\":\"Q\",\"ratePerMil\":30}")) {
            write(post(base + "/rates"), manager, band).andExpect(status().isCreated());
        }
        String run = write(post(base + "/liquidations"), manager, "").andExpect(status().isAccepted()).andReturn().getResponse()
                .getContentAsString();
        assertThat(waitFor(JsonPath.read(run, "$.jobId"))).isEqualTo("SUCCEEDED");
        long id = ((Number) JsonPath.read(run, "$.liquidationId")).longValue();
        // Parcel 2's cap is 1,500,000 × 1.2112 = 1,816,800 exactly: written 1816800, never 1.8168E+6.
        String explanation = mvc.perform(get("/api/v1/fiscal/liquidations/" + id + "/parcels/" + FiscalTests.number(2))
                .with(httpBasic(manager, PASSWORD))).andExpect(status().isOk())
                .andExpect(jsonPath("$.economy.cpiYear").value(2022)).andExpect(jsonPath("$.economy.cpiPercent").value(13.12))
                .andExpect(jsonPath("$.economy.minimumWageYear").value(2023))
                .andExpect(jsonPath("$.economy.minimumWage").value(1160000))
                .andReturn().getResponse().getContentAsString();
        assertThat(explanation).contains("\"limitCap\":1816800").doesNotContain("E+");
        assertThat(jdbc.sql("""
                select law->>'regime' || ' ' || (law->>'cpiPercent') || ' ' || (law->>'minimumWage') || ' '
                    || jsonb_array_length(law->'rates') || ' ' || jsonb_array_length(law->'limits') || ' '
                    || jsonb_array_length(law->'bounds') from fiscal_liquidation where id = :id""").param("id", id)
                .query(String.class).single()).isEqualTo("LEY_1995_2019 13.12 1160000 4 3 2");
        String page = mvc.perform(get("/fiscal/liquidations/" + id + "/parcels/" + FiscalTests.number(2))
                .with(user(manager).roles("SCHEME_ADMIN"))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("IPC de 2022: 13,12 %; salario mínimo de 2023: $1.160.000");
        String csv = mvc.perform(get("/api/v1/fiscal/liquidations/" + id + "/export?format=csv").with(httpBasic(manager, PASSWORD)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(csv).contains("2000000").doesNotContain("E+").doesNotContain("E7");
    }

    String waitFor(String job) {
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> !jdbc.sql(
                "select status from job where id = cast(:id as uuid)").param("id", job).query(String.class).single()
                .matches("QUEUED|RUNNING"));
        return jdbc.sql("select status from job where id = cast(:id as uuid)").param("id", job).query(String.class).single();
    }

    ResultActions write(MockHttpServletRequestBuilder request, String as, String json) throws Exception {
        return mvc.perform(request.with(httpBasic(as, as.equals("admin") ? IntegrationTest.ADMIN_PASSWORD : PASSWORD))
                .contentType(MediaType.APPLICATION_JSON).content(json));
    }
}
