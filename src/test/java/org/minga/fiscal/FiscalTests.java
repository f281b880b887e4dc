package org.minga.fiscal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
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
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The property tax through the API: cadastre import (all or nothing), rates within the national
 * bounds, liquidation with the limits of Ley 1995 de 2019 for 2023 (CPI 2022 = 13.12 %, SMMLV 2023 =
 * $1,160,000), the explanation of a parcel, a simulation beside the official run, arrears, and
 * refusals that write nothing.
 */
@IntegrationTest
class FiscalTests {

    static final String PASSWORD = "una-clave-larga-1";
    static final String HEADER = "numero_predial,municipio,zona,destino,estrato,area_terreno,area_construida,avaluo,"
            + "vigencia_avaluo,actualizado,autoavaluo,impuesto_anterior,destino_anterior,area_terreno_anterior,"
            + "area_construida_anterior";
    static final String TOWN = "54498";
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
        // Rates go back to 2010 in one test: the town is a member since before then.
        new ApiFixtures(mvc).members(scheme, java.time.LocalDate.of(2000, 1, 1), TOWN, "54003");
        manager = TestData.unique("catastro");
        new ApiFixtures(mvc).user(manager, PASSWORD, "SCHEME_ADMIN", scheme, null);
        base = "/api/v1/fiscal/schemes/" + scheme + "/municipalities/" + TOWN + "/years/2023";
    }

    static String number(int i) {
        return TOWN + String.format("%025d", i);
    }

    /** Five parcels worked by hand in {@link #liquidationAppliesEachLimitAndExplainsTheParcel}. */
    static String smallCadastre() {
        return HEADER + "\n"
                + number(1) + "," + TOWN + ",U,A,2,120,80,100000000,2023,N,N,500000,A,120,80\n"
                + number(2) + "," + TOWN + ",U,C,0,300,300,200000000,2023,S,N,1500000,C,300,300\n"
                + number(3) + "," + TOWN + ",R,D,0,50000,0,50000000,2020,N,N,100000,D,50000,0\n"
                + number(4) + "," + TOWN + ",U,Q,0,500,0,80000000,2023,N,N,100000,Q,500,0\n"
                + number(5) + "," + TOWN + ",U,C,0,90,60,10000000,2023,N,N,,,,\n";
    }

    long importCadastre(String csv, String expectedStatus) throws Exception {
        String body = mvc.perform(post(base + "/cadastre").with(httpBasic(manager, PASSWORD))
                .contentType("text/csv").content(csv.getBytes(StandardCharsets.UTF_8)))
                .andExpect(status().isAccepted()).andReturn().getResponse().getContentAsString();
        String job = JsonPath.read(body, "$.jobId");
        assertThat(waitFor(job)).isEqualTo(expectedStatus);
        return ((Number) JsonPath.read(body, "$.cadastreId")).longValue();
    }

    String waitFor(String job) {
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> !jdbc.sql(
                "select status from job where id = cast(:id as uuid)").param("id", job).query(String.class).single()
                .matches("QUEUED|RUNNING"));
        return jdbc.sql("select status from job where id = cast(:id as uuid)").param("id", job).query(String.class).single();
    }

    String jobError(long cadastre) {
        return jdbc.sql("select j.error from job j join fiscal_cadastre c on c.job_id = j.id where c.id = :c")
                .param("c", cadastre).query(String.class).single();
    }

    void rates() throws Exception {
        for (String band : List.of("{\"ratePerMil\":10}", "{\"zone\":\"R\",\"ratePerMil\":7}",
                "{\"zone\":\"U\",\"destination\":\"A\",\"ratePerMil\":6}", "{\"destination\":\"Q\",\"ratePerMil\":30}")) {
            write(post(base + "/rates"), manager, band).andExpect(status().isCreated());
        }
    }

    long run(MockHttpServletRequestBuilder request, String json) throws Exception {
        String body = write(request, manager, json).andExpect(status().isAccepted()).andReturn().getResponse()
                .getContentAsString();
        assertThat(waitFor(JsonPath.read(body, "$.jobId"))).isEqualTo("SUCCEEDED");
        return ((Number) JsonPath.read(body, "$.liquidationId")).longValue();
    }

    @Test
    void liquidationAppliesEachLimitAndExplainsTheParcel() throws Exception {
        importCadastre(smallCadastre(), "SUCCEEDED");
        rates();
        long id = run(post(base + "/liquidations"), "");
        // 1: housing stratum 2, 100,000,000 ≤ 135 SMMLV (156,600,000): 100,000,000 × 6 ‰ = 600,000;
        //    cap CPI = 500,000 × 1.1312 = 565,600.
        mvc.perform(get("/api/v1/fiscal/liquidations/" + id + "/parcels/" + number(1)).with(httpBasic(manager, PASSWORD)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.taxBeforeLimit").value(600000))
                .andExpect(jsonPath("$.limitCode").value("LOW_STRATA_CPI"))
                .andExpect(jsonPath("$.limitArticle").value(org.hamcrest.Matchers.startsWith("Ley 1995 de 2019, art. 2")))
                .andExpect(jsonPath("$.limited").value(true)).andExpect(jsonPath("$.finalTax").value(565600))
                .andExpect(jsonPath("$.lostToLimit").value(34400)).andExpect(jsonPath("$.ratePerMil").value(6.0));
        // 2: updated commercial: 200,000,000 × 10 ‰ = 2,000,000; cap = 1,500,000 × 1.2112 = 1,816,800.
        // 3: rural not updated: 50,000,000 × 7 ‰ = 350,000; cap = 100,000 × 1.5 = 150,000.
        // 4: urbanisable unbuilt lot: 80,000,000 × 30 ‰ = 2,400,000, no limit (exception).
        // 5: first entry: 10,000,000 × 10 ‰ = 100,000, no limit (exception).
        long[][] expected = {{2, 1_816_800}, {3, 150_000}, {4, 2_400_000}, {5, 100_000}};
        for (long[] e : expected) {
            String json = mvc.perform(get("/api/v1/fiscal/liquidations/" + id + "/parcels/" + number((int) e[0]))
                    .with(httpBasic(manager, PASSWORD))).andExpect(status().isOk()).andReturn().getResponse()
                    .getContentAsString();
            assertThat(((Number) JsonPath.read(json, "$.finalTax")).longValue()).as("parcel " + e[0]).isEqualTo(e[1]);
        }
        mvc.perform(get("/api/v1/fiscal/liquidations/" + id + "/parcels/" + number(4)).with(httpBasic(manager, PASSWORD)))
                .andExpect(jsonPath("$.exception").value("UNBUILT_LOT"))
                .andExpect(jsonPath("$.exceptionArticle").value("Ley 1995 de 2019, art. 2 (excepciones)"));
        // Totals: before 5,450,000; final 5,032,400; last year 500,000 + 1,500,000 + 100,000 + 100,000 = 2,200,000; lost 34,400 + 183,200 + 200,000 = 417,600.
        mvc.perform(get("/api/v1/fiscal/liquidations/" + id).with(httpBasic(manager, PASSWORD)))
                .andExpect(jsonPath("$.liquidation.totalBefore").value(5450000))
                .andExpect(jsonPath("$.liquidation.totalFinal").value(5032400))
                .andExpect(jsonPath("$.liquidation.totalPrevious").value(2200000))
                .andExpect(jsonPath("$.totals[?(@.dimension=='LIMIT' && @.key=='NOT_UPDATED_50')].lost").value(200000))
                .andExpect(jsonPath("$.totals[?(@.dimension=='ZONE' && @.key=='R')].finalTax").value(150000));
        // A simulation raising rural values 40 % (a rural cadastral update): parcel 3 is worth 70,000,000,
        // 70,000,000 × 7 ‰ = 490,000, now capped as updated: 100,000 × 1.2112 = 121,120. The official run is untouched.
        long sim = run(post(base + "/simulations"), "{\"name\":\"Actualización rural\",\"ruralValuePercent\":140}");
        mvc.perform(get("/api/v1/fiscal/liquidations/" + sim + "/parcels/" + number(3)).with(httpBasic(manager, PASSWORD)))
                .andExpect(jsonPath("$.base").value(70000000)).andExpect(jsonPath("$.limitCode").value("UPDATED_CPI_PLUS_8"))
                .andExpect(jsonPath("$.finalTax").value(121120));
        mvc.perform(get("/api/v1/fiscal/liquidations/" + id + "/parcels/" + number(3)).with(httpBasic(manager, PASSWORD)))
                .andExpect(jsonPath("$.finalTax").value(150000));
        assertThat(jdbc.sql("select kind from fiscal_liquidation where id = :id").param("id", sim).query(String.class)
                .single()).isEqualTo("SIMULATION");
        // Exports: the CSV has a header and one row per parcel.
        String csv = mvc.perform(get("/api/v1/fiscal/liquidations/" + id + "/export?format=csv")
                .with(httpBasic(manager, PASSWORD))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(csv.strip().split("\r\n")).hasSize(6);
        assertThat(csv).contains(number(2) + ",200000000,10.00,2000000,UPDATED_CPI_PLUS_8,S,,1816800,1500000");

        // Arrears: parcel 2 paid in full, parcel 1 in part; the rest is owed for 2023.
        MockMultipartFile payments = new MockMultipartFile("file", "pagos.csv", "text/csv",
                ("numero_predial,vigencia,fecha_pago,valor,referencia\n" + number(2) + ",2023,2023-03-31,1816800,R1\n"
                        + number(1) + ",2023,2023-04-15,65600,R2\n").getBytes(StandardCharsets.UTF_8));
        mvc.perform(multipart("/api/v1/fiscal/schemes/" + scheme + "/municipalities/" + TOWN + "/payments").file(payments)
                .with(httpBasic(manager, PASSWORD))).andExpect(status().isOk()).andExpect(jsonPath("$.payments").value(2));
        // Owed: 500,000 (parcel 1) + 150,000 + 2,400,000 + 100,000 = 3,150,000; top debtor parcel 4.
        mvc.perform(get(base + "/arrears").with(httpBasic(manager, PASSWORD))).andExpect(status().isOk())
                .andExpect(jsonPath("$.balance").value(3150000))
                .andExpect(jsonPath("$.top[0].parcelNumber").value(number(4)))
                .andExpect(jsonPath("$.years[0].paid").value(1882400));
        // The pages render with all this data: the scheme side by side, the year with its arrears
        // charts, the simulation beside the official run, one parcel.
        page("/fiscal/schemes/" + scheme, "Ocaña (54498)");
        page("/fiscal/schemes/" + scheme + "/municipalities/54498/years/2023", "$3.150.000");
        page("/fiscal/liquidations/" + sim, "$5.032.400");
        page("/fiscal/liquidations/" + id + "/parcels/" + number(2), "IPC más 8 puntos");
        page("/fiscal/liquidations/" + id + "/export?format=xlsx", null);
    }

    void page(String path, String text) throws Exception {
        var result = mvc.perform(get(path).with(user(manager).roles("SCHEME_ADMIN")).accept(MediaType.TEXT_HTML))
                .andExpect(status().isOk()).andReturn().getResponse();
        if (text != null) {
            assertThat(result.getContentAsString(StandardCharsets.UTF_8)).contains(text);
        }
    }

    @Test
    void aCadastreWithInvalidRowsLoadsNothingAndNamesEachLine() throws Exception {
        String bad = HEADER + "\n" + number(1) + "," + TOWN + ",U,A,2,120,80,100000000,2023,N,N,500000,A,120,80\n"
                + "123," + TOWN + ",U,A,2,120,80,1,2023,N,N,,,,\n"
                + number(3) + "," + TOWN + ",X,A,2,120,80,1,2023,N,N,,,,\n"
                + number(4) + "," + TOWN + ",U,A,2,120,80,1.5,2023,N,N,,,,\n";
        long id = importCadastre(bad, "FAILED");
        assertThat(jobError(id)).contains("línea 3: numero_predial debe tener 30 dígitos")
                .contains("línea 4: zona debe ser U").contains("línea 5: avaluo");
        assertThat(jdbc.sql("select status from fiscal_cadastre where id = :id").param("id", id).query(String.class)
                .single()).isEqualTo("FAILED");
        assertThat(jdbc.sql("select count(*) from fiscal_parcel where cadastre_id = :id").param("id", id)
                .query(Integer.class).single()).isZero();
        assertThat(jdbc.sql("select to_regclass('fiscal_parcel_c' || :id) is null").param("id", id)
                .query(Boolean.class).single()).isTrue();
        // Repeated parcel numbers: nothing loaded either.
        String twice = HEADER + "\n" + number(7) + "," + TOWN + ",U,C,0,1,1,1000,2023,N,N,,,,\n" + number(7) + ","
                + TOWN + ",U,C,0,1,1,1000,2023,N,N,,,,\n";
        long dup = importCadastre(twice, "FAILED");
        assertThat(jobError(dup)).contains("líneas 2, 3").contains("repetido");
        assertThat(jdbc.sql("select count(*) from fiscal_cadastre where scheme_id = :s and status = 'ACTIVE'")
                .param("s", scheme).query(Integer.class).single()).isZero();
        // A file of several blocks (about 3 MB): the bad row is named by its exact line, nothing loaded.
        StringBuilder big = new StringBuilder(HEADER).append('\n');
        for (int i = 1; i <= 30_000; i++) {
            big.append(number(100_000 + i)).append(',').append(TOWN).append(i == 24_999 ? ",U,C,9" : ",U,C,0")
                    .append(",90.5,60.25,10000000,2023,N,N,50000,C,90.5,60.25\n");
        }
        long many = importCadastre(big.toString(), "FAILED");
        assertThat(jobError(many)).isEqualTo("No se cargó nada: 1 filas inválidas. línea 25000: estrato debe ser un número de 0 a 6");
        assertThat(jdbc.sql("select to_regclass('fiscal_parcel_c' || :id) is null").param("id", many)
                .query(Boolean.class).single()).isTrue();
        // The same file without the bad row loads every parcel, areas exact in square decimetres.
        long ok = importCadastre(big.toString().replace(",U,C,9,", ",U,C,0,"), "SUCCEEDED");
        assertThat(jdbc.sql("select count(*), min(line), max(line), sum(land_area_dm2) from fiscal_parcel where cadastre_id = :id")
                .param("id", ok).query((rs, n) -> List.of(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)))
                .single()).containsExactly(30_000L, 2L, 30_001L, 30_000L * 9_050);
        // Liquidated in chunks of lines (two on two cores): every parcel once. Each: 10,000,000 × 10 ‰ =
        // 100,000; not updated, last year 50,000, cap 50,000 × 1.5 = 75,000.
        write(post(base + "/rates"), manager, "{\"ratePerMil\":10}").andExpect(status().isCreated());
        long liquidation = run(post(base + "/liquidations"), "");
        assertThat(jdbc.sql("select count(*), count(distinct line), sum(final_tax) from fiscal_liquidation_parcel where liquidation_id = :l")
                .param("l", liquidation).query((rs, n) -> List.of(rs.getLong(1), rs.getLong(2), rs.getLong(3))).single())
                .containsExactly(30_000L, 30_000L, 2_250_000_000L);
        assertThat(jdbc.sql("select total_before from fiscal_liquidation where id = :l").param("l", liquidation)
                .query(Long.class).single()).isEqualTo(3_000_000_000L);
        // A valid import, then another replaces it: one active cadastre with the new parcels.
        long first = importCadastre(smallCadastre(), "SUCCEEDED");
        long second = importCadastre(HEADER + "\n" + number(9) + "," + TOWN + ",U,C,0,1,1,1000,2023,N,N,,,,\n", "SUCCEEDED");
        assertThat(jdbc.sql("select status from fiscal_cadastre where id in (:a, :b) order by id").param("a", first)
                .param("b", second).query(String.class).list()).containsExactly("REPLACED", "ACTIVE");
    }

    @Test
    void ratesOutsideTheNationalBoundsAreRefusedNamingTheFieldAndTheLaw() throws Exception {
        int before = bands();
        write(post(base + "/rates"), manager, "{\"ratePerMil\":17}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("ratePerMil"))
                .andExpect(jsonPath("$.errors[0].rule").value("NationalRange"))
                .andExpect(jsonPath("$.errors[0].message").value(org.hamcrest.Matchers.containsString("Ley 1450 de 2011")));
        write(post(base + "/rates"), manager, "{\"ratePerMil\":4.99}").andExpect(status().isBadRequest());
        // Unbuilt lots may go up to 33 per mil, not beyond.
        write(post(base + "/rates"), manager, "{\"destination\":\"R\",\"ratePerMil\":33.01}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].rule").value("NationalRange"));
        write(post(base + "/rates"), manager, "{\"zone\":\"X\",\"destination\":\"Z\",\"stratum\":9,\"ratePerMil\":8}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors.length()").value(3));
        // Before 2012 the floor was 1 per mil (Ley 44 de 1990 art. 4).
        write(post(base.replace("2023", "2010") + "/rates"), manager, "{\"ratePerMil\":2}").andExpect(status().isCreated());
        assertThat(bands()).isEqualTo(before + 1);
        // Liquidating without cadastre or rates: 400 naming both, nothing queued.
        int liquidations = jdbc.sql("select count(*) from fiscal_liquidation").query(Integer.class).single();
        write(post(base.replace("2023", "2022") + "/liquidations"), manager, "").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].rule").value(org.hamcrest.Matchers.containsInAnyOrder("Cadastre", "NotEmpty")));
        assertThat(jdbc.sql("select count(*) from fiscal_liquidation").query(Integer.class).single()).isEqualTo(liquidations);
    }

    @Test
    void othersAreRefusedAndNothingIsWritten() throws Exception {
        String official = TestData.unique("funcionario");
        new ApiFixtures(mvc).user(official, PASSWORD, "MEMBER_OFFICIAL", scheme, "54003");
        int cadastres = jdbc.sql("select count(*) from fiscal_cadastre").query(Integer.class).single();
        int uploads = jdbc.sql("select count(*) from fiscal_upload_chunk").query(Integer.class).single();
        int bands = bands();
        mvc.perform(post(base + "/cadastre").with(httpBasic(official, PASSWORD)).contentType("text/csv")
                .content(smallCadastre())).andExpect(status().isForbidden());
        write(post(base + "/rates"), official, "{\"ratePerMil\":10}").andExpect(status().isForbidden());
        write(post(base + "/liquidations"), official, "").andExpect(status().isForbidden());
        write(post(base + "/simulations"), official, "{}").andExpect(status().isForbidden());
        write(put("/api/v1/fiscal/economic-years/2030"), manager, "{\"cpiPercent\":3.1,\"minimumWage\":2000000}")
                .andExpect(status().isForbidden());
        assertThat(jdbc.sql("select count(*) from fiscal_cadastre").query(Integer.class).single()).isEqualTo(cadastres);
        assertThat(jdbc.sql("select count(*) from fiscal_upload_chunk").query(Integer.class).single()).isEqualTo(uploads);
        assertThat(bands()).isEqualTo(bands);
        assertThat(jdbc.sql("select count(*) from fiscal_economic_year where year = 2030").query(Integer.class).single())
                .isZero();
        // The official of 54003 may act for 54003 (a municipality of the scheme's members).
        write(post(base.replace(TOWN, "54003") + "/rates"), official, "{\"ratePerMil\":10}").andExpect(status().isCreated());
        // Bad input from an allowed user: problem+json naming the field, nothing written.
        mvc.perform(post(base.replace(TOWN, "99999") + "/cadastre").with(httpBasic(manager, PASSWORD))
                .contentType("text/csv").content(smallCadastre())).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("municipality"));
        assertThat(jdbc.sql("select count(*) from fiscal_upload_chunk").query(Integer.class).single()).isEqualTo(uploads);
        assertThat(jdbc.sql("select count(*) from fiscal_cadastre").query(Integer.class).single()).isEqualTo(cadastres);
    }

    @Test
    void anAdministratorMaintainsTheCpiAndMinimumWageAndItIsAudited() throws Exception {
        write(put("/api/v1/fiscal/economic-years/2031"), "admin", "{\"cpiPercent\":4.123,\"minimumWage\":2000000}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("cpiPercent"));
        write(put("/api/v1/fiscal/economic-years/2031"), "admin", "{\"cpiPercent\":4.12,\"minimumWage\":2000000}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.minimumWage").value(2000000));
        assertThat(jdbc.sql("select count(*) from audit_event where entity_type = 'fiscal_economic_year' and entity_id = '2031'")
                .query(Integer.class).single()).isEqualTo(1);
        mvc.perform(get("/api/v1/fiscal/economic-years").with(httpBasic(manager, PASSWORD)))
                .andExpect(jsonPath("$[?(@.year==2022)].cpiPercent").value(13.12));
    }

    int bands() {
        return jdbc.sql("select count(*) from fiscal_rate_band where scheme_id = :s").param("s", scheme)
                .query(Integer.class).single();
    }

    ResultActions write(MockHttpServletRequestBuilder request, String as, String json) throws Exception {
        return mvc.perform(request.with(httpBasic(as, as.equals("admin") ? IntegrationTest.ADMIN_PASSWORD : PASSWORD))
                .contentType(MediaType.APPLICATION_JSON).content(json));
    }

    static List<String> lines(String s) {
        return new ArrayList<>(List.of(s.split("\n")));
    }
}
