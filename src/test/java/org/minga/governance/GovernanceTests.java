package org.minga.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.minga.support.ApiFixtures;
import org.minga.support.IntegrationTest;
import org.minga.support.TestData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import com.jayway.jsonpath.JsonPath;

/**
 * A board that meets and decides: convened in time per its statutes, attendance from the seats in
 * term, quorum, decisions numbered per body and year against the statutes' majority, a statute reform
 * that changes the rules from its date, minutes as PDF, the public list, and who may do what.
 */
@IntegrationTest
class GovernanceTests {

    static final String PASSWORD = "una-clave-larga-1";
    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    ApiFixtures fixtures;
    long scheme;
    long board;
    List<Long> seats = new ArrayList<>();
    String director;

    @BeforeEach
    void setUp() throws Exception {
        fixtures = new ApiFixtures(mvc);
        scheme = fixtures.scheme(TestData.unique("Asomunicipios"));
        director = TestData.unique("director");
        fixtures.user(director, PASSWORD, "SCHEME_ADMIN", scheme, null);
        board = id(mvc.perform(post("/api/v1/registry/schemes/" + scheme + "/bodies").with(httpBasic(director, PASSWORD))
                .contentType(MediaType.APPLICATION_JSON).content("{\"kind\":\"BOARD\",\"name\":\"Junta Directiva\"}"))
                .andExpect(status().isCreated()));
        String[][] holders = {{"PRESIDENT", "54498"}, {"VICE_PRESIDENT", "54810"}, {"SECRETARY", "54003"},
                {"TREASURER", "54128"}, {"MEMBER", "54206"}};
        for (String[] h : holders) {
            seats.add(id(mvc.perform(post("/api/v1/registry/schemes/" + scheme + "/bodies/" + board + "/seats")
                    .with(httpBasic(director, PASSWORD)).contentType(MediaType.APPLICATION_JSON)
                    .content("{\"personName\":\"Alcaldía " + h[1] + "\",\"role\":\"" + h[0] + "\",\"unitCode\":\"" + h[1]
                            + "\",\"termStart\":\"2024-01-01\",\"termEnd\":\"2027-12-31\"}"))
                    .andExpect(status().isCreated())));
        }
        rules("2024-01-01", 51, "SIMPLE", "TWO_THIRDS", 8, 2, 4).andExpect(status().isCreated());
    }

    @Test
    void aSessionConvenedInTimeWithQuorumAdoptsNumberedDecisionsAndEveryWriteIsAudited() throws Exception {
        convene("ORDINARY", "2025-03-14", "2025-03-10")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("convenedOn"))
                .andExpect(jsonPath("$.errors[0].rule").value("Notice"))
                .andExpect(jsonPath("$.errors[0].message").value(
                        "La convocatoria se envió con 4 días de antelación y los estatutos vigentes desde 01/01/2024 exigen al menos 8."));
        assertThat(count("governance_session")).isZero();
        // An extraordinary session needs only the statutes' shorter notice.
        convene("EXTRAORDINARY", "2025-03-14", "2025-03-10").andExpect(status().isCreated());
        long session = id(convene("ORDINARY", "2025-03-14", "2025-03-01").andExpect(status().isCreated()));

        adopt(session, "AGREEMENT", "Antes de la asistencia", 3, 0, 0).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].rule").value("Attendance"));
        attendance(session, seats.subList(0, 2)).andExpect(status().isOk())
                .andExpect(jsonPath("$.present").value(2)).andExpect(jsonPath("$.seatsInTerm").value(5))
                .andExpect(jsonPath("$.quorum").value(3));
        adopt(session, "AGREEMENT", "Sin quórum", 2, 0, 0).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("session"))
                .andExpect(jsonPath("$.errors[0].rule").value("Quorum"))
                .andExpect(jsonPath("$.errors[0].message").value("La sesión no tiene quórum: asistieron 2 de 5 puestos "
                        + "en periodo y los estatutos exigen 3 (51 %). Una sesión sin quórum no puede adoptar decisiones."));
        assertThat(count("governance_decision")).isZero();

        attendance(session, seats.subList(0, 4)).andExpect(status().isOk()).andExpect(jsonPath("$.present").value(4));
        adopt(session, "AGREEMENT", "Más votos que presentes", 4, 1, 0).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].rule").value("Votes"));
        adopt(session, "AGREEMENT", "Sin mayoría", 1, 2, 1).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("votesFor"))
                .andExpect(jsonPath("$.errors[0].rule").value("Majority"))
                .andExpect(jsonPath("$.errors[0].message", containsString("mayoría simple")));
        long first = id(adopt(session, "AGREEMENT", "Plan de trabajo 2025", 4, 0, 0).andExpect(status().isCreated())
                .andExpect(jsonPath("$.number").value(1)).andExpect(jsonPath("$.year").value(2025)));
        long second = id(adopt(session, "RESOLUTION", "Delegación de cofinanciación", 2, 1, 1)
                .andExpect(status().isCreated()).andExpect(jsonPath("$.number").value(2)));
        // Once it decided, the session's attendance is what it was.
        attendance(session, seats).andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].rule").value("Adopted"));
        // Numbering starts again each year.
        long next = id(convene("ORDINARY", "2026-01-20", "2026-01-05").andExpect(status().isCreated()));
        attendance(next, seats).andExpect(status().isOk());
        adopt(next, "AGREEMENT", "Primero de 2026", 5, 0, 0).andExpect(jsonPath("$.number").value(1));

        mvc.perform(get(base() + "/sessions/" + session + "/decisions").with(httpBasic(director, PASSWORD)))
                .andExpect(jsonPath("$[*].title", org.hamcrest.Matchers.contains("Plan de trabajo 2025",
                        "Delegación de cofinanciación")));
        assertThat(audits("governance_session", session)).isEqualTo(3);
        assertThat(audits("governance_decision", first)).isEqualTo(1);
        assertThat(audits("governance_decision", second)).isEqualTo(1);
        assertThat(audits("governance_rule", null)).isEqualTo(1);
    }

    @Test
    void aStatuteReformIsADecisionThatChangesTheRulesFromItsDate() throws Exception {
        long session = id(convene("ORDINARY", "2025-03-14", "2025-03-01").andExpect(status().isCreated()));
        attendance(session, seats).andExpect(status().isOk());
        // Two thirds of five seats is four votes.
        reform(session, 3).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].rule").value("Majority"))
                .andExpect(jsonPath("$.errors[0].message").value("No alcanza la mayoría de dos tercios de los estatutos "
                        + "vigentes desde 01/01/2024: 3 votos a favor; se necesitan 4."));
        long reform = id(reform(session, 4).andExpect(status().isCreated())
                .andExpect(jsonPath("$.kind").value("STATUTE_REFORM")));
        mvc.perform(get(base() + "/rules").with(httpBasic(director, PASSWORD)))
                .andExpect(jsonPath("$", hasSize(2)))
                .andExpect(jsonPath("$[0].validFrom").value("2025-03-14"))
                .andExpect(jsonPath("$[0].quorumPercent").value(80))
                .andExpect(jsonPath("$[0].noticeDays").value(15))
                .andExpect(jsonPath("$[0].decisionId").value(reform))
                .andExpect(jsonPath("$[1].validFrom").value("2024-01-01"));
        // Before the reform the old notice still applies; after it, the new one.
        convene("ORDINARY", "2025-03-13", "2025-03-03").andExpect(status().isCreated());
        convene("ORDINARY", "2025-06-10", "2025-06-01").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].rule").value("Notice"));
        long later = id(convene("ORDINARY", "2025-06-20", "2025-06-01").andExpect(status().isCreated()));
        attendance(later, seats.subList(0, 3)).andExpect(jsonPath("$.quorum").value(4));
        adopt(later, "AGREEMENT", "Con el quórum nuevo", 3, 0, 0).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].rule").value("Quorum"));
    }

    @Test
    void aSessionNeedsTheStatutesRulesAPlaceAndAnAgendaAndNothingIsWritten() throws Exception {
        long assembly = id(mvc.perform(post("/api/v1/registry/schemes/" + scheme + "/bodies")
                .with(httpBasic(director, PASSWORD)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"kind\":\"ASSEMBLY\",\"name\":\"Asamblea General\"}")).andExpect(status().isCreated()));
        mvc.perform(post(base() + "/sessions").with(httpBasic(director, PASSWORD)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"bodyId\":" + assembly + ",\"kind\":\"ORDINARY\",\"date\":\"2025-03-14\",\"time\":\"9 y media\","
                        + "\"convenedOn\":\"2025-03-01\",\"agenda\":\" \"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", org.hamcrest.Matchers.containsInAnyOrder("time", "place", "agenda",
                        "bodyId")))
                .andExpect(jsonPath("$.errors[?(@.field == 'bodyId')].rule").value("StatuteRules"));
        rules("2024-01-01", 0, "MOST", "SIMPLE", -1, 2, 0).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", org.hamcrest.Matchers.containsInAnyOrder("quorumPercent",
                        "majority", "noticeDays", "sessionsPerYear", "validFrom")));
        assertThat(count("governance_session")).isZero();
    }

    @Test
    void theMinutesAreAPdfOfTheSessionAndSignedCopiesArePdfs() throws Exception {
        long session = id(convene("ORDINARY", "2025-03-14", "2025-03-01").andExpect(status().isCreated()));
        mvc.perform(get(base() + "/sessions/" + session + "/minutes.pdf").with(httpBasic(director, PASSWORD)))
                .andExpect(status().isBadRequest());
        attendance(session, seats.subList(0, 4)).andExpect(status().isOk());
        adopt(session, "AGREEMENT", "Plan de trabajo 2025", 4, 0, 0).andExpect(status().isCreated());
        byte[] pdf = mvc.perform(get(base() + "/sessions/" + session + "/minutes.pdf").with(httpBasic(director, PASSWORD)))
                .andExpect(status().isOk()).andExpect(content().contentType(MediaType.APPLICATION_PDF))
                .andReturn().getResponse().getContentAsByteArray();
        String text = text(pdf);
        assertThat(text).contains("Acta de la sesión ordinaria de Junta Directiva", "Orden del día", "Presidencia",
                "asistieron 4 de 5", "Hubo quórum", "Acuerdo 1 de 2025 de Junta Directiva: Plan de trabajo 2025",
                "Votos a favor 4, en contra 0, abstenciones 0.");
        byte[] again = mvc.perform(get(base() + "/sessions/" + session + "/minutes.pdf").with(httpBasic(director, PASSWORD)))
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(text(again)).isEqualTo(text);
        // Nothing in the file says when it was rendered: the same session is the same bytes.
        assertThat(again).isEqualTo(pdf);
        try (var doc = Loader.loadPDF(again)) {
            assertThat(doc.getDocumentInformation().getCreationDate().toInstant()).isEqualTo(java.time.Instant.EPOCH);
            assertThat(doc.getDocumentInformation().getModificationDate().toInstant()).isEqualTo(java.time.Instant.EPOCH);
        }

        mvc.perform(multipart(base() + "/sessions/" + session + "/signed-minutes")
                .file(new MockMultipartFile("document", "acta.pdf", "application/pdf", "no soy un pdf".getBytes()))
                .with(httpBasic(director, PASSWORD)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].rule").value("Pdf"));
        long copy = id(mvc.perform(multipart(base() + "/sessions/" + session + "/signed-minutes")
                .file(new MockMultipartFile("document", "acta-firmada.pdf", "application/pdf", pdf))
                .with(httpBasic(director, PASSWORD))).andExpect(status().isCreated())
                .andExpect(jsonPath("$.documentName").value("acta-firmada.pdf")));
        assertThat(audits("governance_signed_minutes", copy)).isEqualTo(1);
        mvc.perform(get(base() + "/sessions/" + session + "/signed-minutes").with(httpBasic(director, PASSWORD)))
                .andExpect(jsonPath("$", hasSize(1)));
    }

    @Test
    void boardMembersAndOfficialsReadStaffWritesOthersAreRefusedAndDecisionsArePublic() throws Exception {
        long session = id(convene("ORDINARY", "2025-03-14", "2025-03-01").andExpect(status().isCreated()));
        attendance(session, seats.subList(0, 4)).andExpect(status().isOk());
        adopt(session, "AGREEMENT", "Plan de trabajo 2025", 4, 0, 0).andExpect(status().isCreated());

        String boardMember = TestData.unique("junta");
        fixtures.user(boardMember, PASSWORD, "BOARD_MEMBER", scheme, null);
        String official = TestData.unique("enlace");
        fixtures.user(official, PASSWORD, "MEMBER_OFFICIAL", scheme, "54498");
        long other = fixtures.scheme(TestData.unique("Otro esquema"));
        String stranger = TestData.unique("ajeno");
        fixtures.user(stranger, PASSWORD, "SCHEME_STAFF", other, null);
        String citizen = TestData.unique("ciudadana");
        fixtures.user(citizen, PASSWORD, "CITIZEN", null, null);

        for (String reader : List.of(boardMember, official)) {
            mvc.perform(get(base() + "/sessions").with(httpBasic(reader, PASSWORD))).andExpect(status().isOk())
                    .andExpect(jsonPath("$", hasSize(1)));
            // The scheme's readers see attendance by role; names are for its staff.
            mvc.perform(get(base() + "/sessions/" + session + "/attendance").with(httpBasic(reader, PASSWORD)))
                    .andExpect(status().isOk()).andExpect(jsonPath("$[0].personName").doesNotExist())
                    .andExpect(jsonPath("$[0].role").exists());
            convene(reader, "ORDINARY", "2025-05-14", "2025-05-01").andExpect(status().isForbidden());
            adopt(reader, session, "AGREEMENT", "Intruso", 4, 0, 0).andExpect(status().isForbidden());
        }
        for (String outsider : List.of(stranger, citizen)) {
            mvc.perform(get(base() + "/sessions").with(httpBasic(outsider, PASSWORD))).andExpect(status().isForbidden());
            mvc.perform(get(base() + "/sessions/" + session + "/minutes.pdf").with(httpBasic(outsider, PASSWORD)))
                    .andExpect(status().isForbidden());
            convene(outsider, "ORDINARY", "2025-05-14", "2025-05-01").andExpect(status().isForbidden());
            attendance(outsider, session, seats).andExpect(status().isForbidden());
        }
        // The pages refuse the same: a board member reads the session page but may not adopt on it.
        mvc.perform(get("/governance/schemes/" + scheme + "/sessions/" + session)
                .with(user(boardMember).roles("BOARD_MEMBER")))
                .andExpect(status().isOk()).andExpect(content().string(containsString("Plan de trabajo 2025")))
                .andExpect(content().string(not(containsString("Alcaldía 54498"))));
        mvc.perform(post("/governance/schemes/" + scheme + "/sessions/" + session + "/decisions")
                .param("kind", "AGREEMENT").param("title", "Intruso").param("text", "Texto").param("votesFor", "4")
                .param("votesAgainst", "0").param("abstentions", "0")
                .with(user(boardMember).roles("BOARD_MEMBER")).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(get("/governance/schemes/" + scheme).with(user(stranger).roles("SCHEME_STAFF")))
                .andExpect(status().isForbidden());
        assertThat(count("governance_decision")).isEqualTo(1);

        mvc.perform(get("/public/schemes/" + scheme + "/decisions")).andExpect(status().isOk())
                .andExpect(content().string(containsString("Plan de trabajo 2025")))
                .andExpect(content().string(containsString("A favor 4, en contra 0, abstenciones 0.")))
                .andExpect(content().string(not(containsString("Alcaldía 54498"))));
    }

    @Test
    void theHealthIndexCountsSessionsHeldAgainstTheStatutesRequirement() throws Exception {
        long session = id(convene("ORDINARY", "2025-03-14", "2025-03-01").andExpect(status().isCreated()));
        attendance(session, seats).andExpect(status().isOk());
        // A convened session whose attendance was never taken was not held.
        convene("ORDINARY", "2025-06-14", "2025-06-01").andExpect(status().isCreated());
        mvc.perform(get("/api/v1/evaluation/schemes/" + scheme + "/health").param("at", "2025-12-31")
                .with(httpBasic(director, PASSWORD)))
                .andExpect(jsonPath("$.components[?(@.key == 'bodiesMeeting')].score").value(25.0))
                .andExpect(jsonPath("$.components[?(@.key == 'bodiesMeeting')].explanationText").value(
                        "1 de 4 sesiones que exigen los estatutos se celebraron en los últimos doce meses."));
    }

    private ResultActions rules(String from, int quorum, String majority, String reformMajority, int notice,
            int extraordinary, int perYear) throws Exception {
        return mvc.perform(post(base() + "/rules").with(httpBasic(director, PASSWORD)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"bodyId\":" + board + ",\"validFrom\":" + (from == null ? "null" : "\"" + from + "\"")
                        + ",\"quorumPercent\":" + quorum + ",\"majority\":\"" + majority + "\",\"reformMajority\":\""
                        + reformMajority + "\",\"noticeDays\":" + notice + ",\"extraordinaryNoticeDays\":" + extraordinary
                        + ",\"sessionsPerYear\":" + perYear + "}"));
    }

    private ResultActions convene(String kind, String date, String convenedOn) throws Exception {
        return convene(director, kind, date, convenedOn);
    }

    private ResultActions convene(String user, String kind, String date, String convenedOn) throws Exception {
        return mvc.perform(post(base() + "/sessions").with(httpBasic(user, PASSWORD)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"bodyId\":" + board + ",\"kind\":\"" + kind + "\",\"date\":\"" + date
                        + "\",\"time\":\"09:00\",\"place\":\"Sede, Ocaña\",\"convenedOn\":\"" + convenedOn
                        + "\",\"agenda\":\"1. Quórum\\n2. Plan de trabajo\"}"));
    }

    private ResultActions attendance(long session, List<Long> present) throws Exception {
        return attendance(director, session, present);
    }

    private ResultActions attendance(String user, long session, List<Long> present) throws Exception {
        return mvc.perform(post(base() + "/sessions/" + session + "/attendance").with(httpBasic(user, PASSWORD))
                .contentType(MediaType.APPLICATION_JSON).content("{\"present\":" + present + "}"));
    }

    private ResultActions adopt(long session, String kind, String title, int votesFor, int against, int abstentions)
            throws Exception {
        return adopt(director, session, kind, title, votesFor, against, abstentions);
    }

    private ResultActions adopt(String user, long session, String kind, String title, int votesFor, int against,
            int abstentions) throws Exception {
        return mvc.perform(post(base() + "/sessions/" + session + "/decisions").with(httpBasic(user, PASSWORD))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"kind\":\"" + kind + "\",\"title\":\"" + title + "\",\"text\":\"Texto de " + title
                        + ".\",\"votesFor\":" + votesFor + ",\"votesAgainst\":" + against + ",\"abstentions\":"
                        + abstentions + "}"));
    }

    private ResultActions reform(long session, int votesFor) throws Exception {
        return mvc.perform(post(base() + "/sessions/" + session + "/decisions").with(httpBasic(director, PASSWORD))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"kind\":\"STATUTE_REFORM\",\"title\":\"Reforma del quórum\",\"text\":\"Se reforman los "
                        + "artículos del quórum y la convocatoria.\",\"votesFor\":" + votesFor + ",\"votesAgainst\":"
                        + (5 - votesFor) + ",\"abstentions\":0,\"quorumPercent\":80,\"majority\":\"ABSOLUTE\","
                        + "\"reformMajority\":\"TWO_THIRDS\",\"noticeDays\":15,\"extraordinaryNoticeDays\":3,"
                        + "\"sessionsPerYear\":6}"));
    }

    private String base() {
        return "/api/v1/governance/schemes/" + scheme;
    }

    private static long id(ResultActions result) throws Exception {
        return ((Number) JsonPath.read(result.andReturn().getResponse().getContentAsString(), "$.id")).longValue();
    }

    private int count(String table) {
        return jdbc.sql("select count(*) from " + table + " where scheme_id = :s").param("s", scheme)
                .query(Integer.class).single();
    }

    private int audits(String entity, Long id) {
        return jdbc.sql("select count(*) from audit_event where entity_type = :e and scheme_id = :s"
                + " and (cast(:id as text) is null or entity_id = :id)").param("e", entity).param("s", scheme)
                .param("id", id == null ? null : id.toString()).query(Integer.class).single();
    }

    private static String text(byte[] pdf) throws Exception {
        try (var doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
        }
    }
}
