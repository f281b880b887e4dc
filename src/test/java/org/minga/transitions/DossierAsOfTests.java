package org.minga.transitions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import com.jayway.jsonpath.JsonPath;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.minga.identity.Scopes;
import org.minga.platform.AuditLog;
import org.minga.platform.SystemActor;
import org.minga.platform.Zones;
import org.minga.registry.SchemeFacts;
import org.minga.registry.Schemes;
import org.minga.support.ApiFixtures;
import org.minga.support.IntegrationTest;
import org.minga.support.TerritoryFixtures;
import org.minga.support.TestData;
import org.minga.transitions.internal.DossierBuilder;
import org.minga.transitions.internal.DossierPdf;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Dossiers as of a day: every candidate dossier of an election is built as of its cut-off date, so
 * the same data give the same version and the same PDF bytes on any day they are generated; a
 * back-dated correction makes the delivered versions outdated, and the neutrality report says so.
 * A member's handover dossier carries what concerns that member, by name and figures the country's way.
 */
@IntegrationTest
class DossierAsOfTests {

    static final String PASSWORD = "una-clave-larga-1";
    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Scopes scopes;
    @Autowired
    AuditLog audit;
    @Autowired
    Schemes schemes;
    @Autowired
    SchemeFacts facts;
    @Autowired
    DossierBuilder builder;
    @Autowired
    PlatformTransactionManager transactions;
    long scheme;
    long project;
    long goal;
    long measurement;
    String director;
    String base;
    String planning;

    @BeforeEach
    void setUp() throws Exception {
        TerritoryFixtures.importAll(mvc, jdbc);
        String body = write(post("/api/v1/registry/schemes"), "admin", "{\"name\":\"" + TestData.unique("Asomunicipios")
                + "\",\"acronym\":\"A\",\"country\":\"CO\",\"figure\":\"ASOCIACION_MUNICIPIOS\"}")
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        scheme = ((Number) JsonPath.read(body, "$.id")).longValue();
        director = TestData.unique("directora");
        new ApiFixtures(mvc).user(director, PASSWORD, "SCHEME_ADMIN", scheme, null);
        for (String code : List.of("54498", "54003", "54206")) {
            write(post("/api/v1/registry/schemes/" + scheme + "/members"), "admin",
                    "{\"unitCode\":\"" + code + "\",\"joinedOn\":\"2020-01-01\"}").andExpect(status().is2xxSuccessful());
        }
        project = id(write(post("/api/v1/projects/schemes/" + scheme + "/projects"), director, """
                {"code":"ELEC-1","name":"Electrificación rural","sector":"Minas y energía","cost":500000000,"currency":"COP",
                 "beneficiaries":[{"unitCode":"54498","people":1000},{"unitCode":"54003","people":500}]}""")
                .andExpect(status().isCreated()));
        planning = "/api/v1/planning/schemes/" + scheme;
        goal = goal("Familias con energía");
        measurement = id(write(post(planning + "/goals/" + goal + "/measurements"), director,
                "{\"measuredOn\":\"" + LocalDate.now().minusDays(5) + "\",\"value\":2000}").andExpect(status().isCreated()));
        write(post("/api/v1/transitions/schemes/" + scheme + "/mayors"), director,
                "{\"unitCode\":\"54498\",\"name\":\"Alcaldesa de Ocaña\"}").andExpect(status().isCreated());
        base = "/api/v1/transitions/schemes/" + scheme;
    }

    @Test
    void anElectionsDossiersAreTheSameVersionAndBytesOnAnyDayUntilABackDatedCorrection() throws Exception {
        LocalDate cutOff = LocalDate.now().minusDays(3);
        long election = id(write(post(base + "/elections"), director, "{\"name\":\"Regionales\",\"heldOn\":\""
                + LocalDate.now().plusDays(300) + "\",\"cutOffOn\":\"" + cutOff + "\"}").andExpect(status().isCreated())
                .andExpect(jsonPath("$.cutOffOn").value(cutOff.toString())));
        long ana = id(write(post(base + "/elections/" + election + "/candidates"), director, "{\"name\":\"Ana Pérez\"}"));
        long luis = id(write(post(base + "/elections/" + election + "/candidates"), director, "{\"name\":\"Luis Gómez\"}"));
        String first = write(post(base + "/elections/" + election + "/candidates/" + ana + "/deliveries"), director, "")
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        String hash = JsonPath.read(first, "$.version.hash");
        long version = ((Number) JsonPath.read(first, "$.version.id")).longValue();

        // Two years later the day's data differ (another government period, no mayor; another goal period)...
        Zones later = new Zones(Clock.offset(Clock.system(ZoneId.of("America/Bogota")), Duration.ofDays(730)));
        assertThat(builder.build(scheme, Dossier.Kind.CANDIDATE, null, later.today()).sections())
                .isNotEqualTo(builder.build(scheme, Dossier.Kind.CANDIDATE, null, cutOff).sections());
        // ...but the election's dossier is made as of its cut-off: Luis, served then, gets Ana's version.
        Transitions thatDay = new Transitions(jdbc, scopes, audit, builder,
                new Elections(jdbc, scopes, audit, schemes, facts, later), later);
        AtomicReference<Transitions.Delivery> delivered = new AtomicReference<>();
        SystemActor.runAsAdmin(() -> new TransactionTemplate(transactions)
                .executeWithoutResult(t -> delivered.set(thatDay.deliverToCandidate(scheme, election, luis))));
        assertThat(delivered.get().version().hash()).isEqualTo(hash);
        assertThat(delivered.get().version().id()).isEqualTo(version);
        assertThat(delivered.get().differs()).isFalse();
        read(base + "/elections/" + election + "/neutrality").andExpect(jsonPath("$.verdict").value("SAME"))
                .andExpect(jsonPath("$.outdated").value(0)).andExpect(jsonPath("$.currentHash").value(hash));

        // The same bytes whenever rendered: fixed creation date, identifier from the version.
        byte[] stored = pdf(version);
        assertThat(DossierPdf.render(builder.build(scheme, Dossier.Kind.CANDIDATE, null, cutOff), hash)).isEqualTo(stored);
        assertThat(new String(stored, StandardCharsets.ISO_8859_1)).contains("/CreationDate(D:19700101000000Z)");
        assertThat(text(stored)).contains("a la fecha de corte " + org.minga.platform.CountryFormat.DATE.format(cutOff), "Alcaldesa de Ocaña",
                "Figura: Asociación de municipios");

        // A measurement dated before the cut-off is corrected: both candidates now hold an outdated version.
        write(post(planning + "/goals/" + goal + "/measurements/" + measurement + "/correction"), director,
                "{\"measuredOn\":\"" + LocalDate.now().minusDays(5) + "\",\"value\":1500,\"reason\":\"Conteo duplicado\"}")
                .andExpect(status().isCreated());
        read(base + "/elections/" + election + "/neutrality").andExpect(jsonPath("$.verdict").value("SAME"))
                .andExpect(jsonPath("$.outdated").value(2)).andExpect(jsonPath("$.candidates[0].current").value(false));
        mvc.perform(get("/transitions/schemes/" + scheme + "/elections/" + election)
                .with(user(director).roles("SCHEME_ADMIN"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("2 candidato(s) tienen una versión desactualizada")))
                .andExpect(content().string(containsString("muestran los datos al " + org.minga.platform.CountryFormat.DATE.format(cutOff))));

        // The cut-off cannot be after today nor after the election; nothing is written.
        write(post(base + "/elections"), director, "{\"name\":\"Futura\",\"heldOn\":\"" + LocalDate.now().plusDays(300)
                + "\",\"cutOffOn\":\"" + LocalDate.now().plusDays(5) + "\"}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("cutOffOn"));
        assertThat(jdbc.sql("select count(*) from election where scheme_id = :s").param("s", scheme).query(Long.class)
                .single()).isEqualTo(1);
    }

    @Test
    void aMunicipalitysHandoverListsTheGoalsAndProjectsThatConcernItByName() throws Exception {
        long water = goal("Acueducto veredal");
        goal("Vías regionales");
        write(post(planning + "/goals/" + water + "/links"), director,
                "{\"kind\":\"MEMBER_DEVELOPMENT_PLAN\",\"reference\":\"Plan de desarrollo municipal\",\"unitCode\":\"54206\"}")
                .andExpect(status().isCreated());
        write(post(planning + "/goals/" + goal + "/links"), director, "{\"kind\":\"PROJECT\",\"projectId\":" + project + "}")
                .andExpect(status().isCreated());
        String neighbour = jdbc.sql("select name from territorial_unit where code = '54003' and valid_to is null")
                .query(String.class).single();

        String ocana = raw(handover("54498"));
        assertThat(ocana.replaceAll("\\s+", " ")).contains("Familias con energía", "Electrificación rural",
                "Figura: Asociación de municipios", neighbour + ", Ocaña", "2.000")
                .doesNotContain("Acueducto veredal", "Vías regionales");
        // Figures the Colombian way, each whole on one line.
        assertThat(ocana).contains("COP 500.000.000");

        String convencion = raw(handover("54206")).replaceAll("\\s+", " ");
        assertThat(convencion).contains("Acueducto veredal", "Sin proyectos.")
                .doesNotContain("Familias con energía", "Vías regionales", "Electrificación rural");
    }

    private long goal(String name) throws Exception {
        return id(write(post(planning + "/goals"), director, "{\"name\":\"" + name + "\",\"indicator\":\"Familias\","
                + "\"unit\":\"familias\",\"baseline\":0,\"target\":16000,\"periodicity\":\"YEARLY\",\"startsOn\":\"2024-01-01\","
                + "\"dueOn\":\"2032-12-31\",\"source\":\"Operador\",\"responsible\":\"Dirección\"}").andExpect(status().isCreated()));
    }

    private byte[] handover(String unit) throws Exception {
        String body = write(post(base + "/handovers"), director, "{\"unitCode\":\"" + unit + "\",\"recipient\":\"Entrante\"}")
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return pdf(((Number) JsonPath.read(body, "$.version.id")).longValue());
    }

    private byte[] pdf(long version) throws Exception {
        return mvc.perform(get(base + "/dossiers/" + version + ".pdf").with(httpBasic(director, PASSWORD)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
    }

    private static String raw(byte[] pdf) throws Exception {
        try (var doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc);
        }
    }

    private static String text(byte[] pdf) throws Exception {
        return raw(pdf).replaceAll("\\s+", " ");
    }

    private static long id(ResultActions r) throws Exception {
        return ((Number) JsonPath.read(r.andReturn().getResponse().getContentAsString(), "$.id")).longValue();
    }

    private ResultActions read(String url) throws Exception {
        return mvc.perform(get(url).with(httpBasic(director, PASSWORD))).andExpect(status().isOk());
    }

    private ResultActions write(MockHttpServletRequestBuilder request, String as, String json) throws Exception {
        return mvc.perform(request.with(httpBasic(as, as.equals("admin") ? IntegrationTest.ADMIN_PASSWORD : PASSWORD))
                .contentType(MediaType.APPLICATION_JSON).content(json));
    }
}
