package org.minga.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.minga.support.ApiFixtures;
import org.minga.support.IntegrationTest;
import org.minga.support.TestData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import com.jayway.jsonpath.JsonPath;

/** Governing bodies and their seats in time: elections logged, terms checked, ends alerted, strangers refused. */
@IntegrationTest
class GoverningBodyTests {

    static final String PASSWORD = "una-clave-larga-1";
    static final LocalDate TODAY = LocalDate.now();
    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    long scheme;
    long other;
    String director;

    @BeforeEach
    void setUp() throws Exception {
        ApiFixtures fixtures = new ApiFixtures(mvc);
        scheme = fixtures.scheme(TestData.unique("Los Nonualcos"));
        other = fixtures.scheme(TestData.unique("ASINORLU"));
        director = TestData.unique("director");
        fixtures.user(director, PASSWORD, "SCHEME_ADMIN", scheme, null);
    }

    @Test
    void aBoardSeatIsAnElectionInTheTimelineAndEveryWriteIsAudited() throws Exception {
        long board = body(scheme, "BOARD", "Junta Directiva", director);
        long seat = seat(scheme, board, "María Pérez", "PRESIDENT", "D097", "2024-05-01", "2027-04-30", director);
        mvc.perform(get("/api/v1/registry/schemes/" + scheme + "/bodies").with(httpBasic(director, PASSWORD)))
                .andExpect(jsonPath("$", hasSize(1)))
                .andExpect(jsonPath("$[0].kind").value("BOARD"))
                .andExpect(jsonPath("$[0].seats[0].personName").value("María Pérez"))
                .andExpect(jsonPath("$[0].seats[0].termEnd").value("2027-04-30"));
        mvc.perform(get("/api/v1/registry/schemes/" + scheme + "/timeline").with(httpBasic(director, PASSWORD)))
                .andExpect(jsonPath("$[1].type").value("BOARD_ELECTED"))
                .andExpect(jsonPath("$[1].occurredOn").value("2024-05-01"))
                .andExpect(jsonPath("$[1].summary", containsString("María Pérez (presidencia, D097)")));
        assertThat(audits("governing_body", board, "CREATE")).isEqualTo(1);
        assertThat(audits("body_seat", seat, "CREATE")).isEqualTo(1);

        mvc.perform(post(seatUrl(scheme, board, seat) + "/end").with(httpBasic(director, PASSWORD))
                .contentType(MediaType.APPLICATION_JSON).content("{\"endedOn\":\"2025-01-31\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.endedOn").value("2025-01-31"));
        assertThat(audits("body_seat", seat, "UPDATE")).isEqualTo(1);
        mvc.perform(delete(seatUrl(scheme, board, seat)).with(httpBasic(director, PASSWORD)))
                .andExpect(status().isNoContent());
        assertThat(audits("body_seat", seat, "DELETE")).isEqualTo(1);
        assertThat(seats(scheme)).isZero();
    }

    @Test
    void aSeatOnAnAssemblyIsNoElection() throws Exception {
        long assembly = body(scheme, "ASSEMBLY", "Asamblea General", director);
        seat(scheme, assembly, "Alcalde de Zacatecoluca", "MEMBER", "D098", "2024-05-01", null, director);
        mvc.perform(get("/api/v1/registry/schemes/" + scheme + "/timeline").with(httpBasic(director, PASSWORD)))
                .andExpect(jsonPath("$[*].type", not(hasItem("BOARD_ELECTED"))));
    }

    @Test
    void badSeatsAreRefusedNamingTheFieldAndNothingIsWritten() throws Exception {
        long board = body(scheme, "BOARD", "Junta Directiva", director);
        addSeat(scheme, board, "Ana", "PRESIDENT", null, "2024-05-01", null, director)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("termEnd"))
                .andExpect(jsonPath("$.errors[0].rule").value("Required"))
                .andExpect(jsonPath("$.errors[0].message").value("En una junta o consejo directivo indique el fin del periodo."));
        addSeat(scheme, board, "Ana", "PRESIDENT", null, "2024-05-01", "2024-04-30", director)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("termEnd"))
                .andExpect(jsonPath("$.errors[0].rule").value("Min"));
        addSeat(scheme, board, " ", "KING", "no válido", null, null, director)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", org.hamcrest.Matchers.containsInAnyOrder("personName", "role",
                        "unitCode", "termStart", "termEnd")));
        mvc.perform(post("/api/v1/registry/schemes/" + scheme + "/bodies").with(httpBasic(director, PASSWORD))
                .contentType(MediaType.APPLICATION_JSON).content("{\"kind\":\"BOARD\",\"name\":\"Junta Directiva\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].rule").value("Unique"));
        assertThat(seats(scheme)).isZero();
    }

    @Test
    void termAlertsListSeatsEndingSoonOrEndedWithoutReplacement() throws Exception {
        long board = body(scheme, "BOARD", "Junta Directiva", director);
        seat(scheme, board, "Termina pronto", "PRESIDENT", "D097", "2023-05-01", TODAY.plusDays(30).toString(), director);
        seat(scheme, board, "Termina lejos", "SECRETARY", "D098", TODAY.toString(), TODAY.plusYears(2).toString(), director);
        seat(scheme, board, "Vencido", "TREASURER", "D099", "2021-05-01", TODAY.minusDays(10).toString(), director);
        seat(scheme, board, "Reemplazado", "SYNDIC", "D100", "2021-05-01", TODAY.minusDays(20).toString(), director);
        seat(scheme, board, "Reemplazo", "SYNDIC", "D100", TODAY.minusDays(19).toString(), TODAY.plusYears(3).toString(), director);
        long left = seat(scheme, board, "Renunció", "MEMBER", "D101", "2023-05-01", TODAY.plusDays(5).toString(), director);
        mvc.perform(post(seatUrl(scheme, board, left) + "/end").with(httpBasic(director, PASSWORD))
                .contentType(MediaType.APPLICATION_JSON).content("{\"endedOn\":\"" + TODAY + "\"}"))
                .andExpect(status().isOk());

        mvc.perform(get("/api/v1/registry/schemes/" + scheme + "/term-alerts").with(httpBasic(director, PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].personName", org.hamcrest.Matchers.contains("Vencido", "Termina pronto")))
                .andExpect(jsonPath("$[0].expired").value(true))
                .andExpect(jsonPath("$[1].expired").value(false))
                .andExpect(jsonPath("$[1].termEnd").value(TODAY.plusDays(30).toString()));
        mvc.perform(get("/api/v1/registry/schemes/" + scheme + "/term-alerts").param("days", "1000")
                .with(httpBasic(director, PASSWORD)))
                .andExpect(jsonPath("$[*].personName", hasItem("Termina lejos")));
        mvc.perform(get("/api/v1/registry/schemes/" + scheme + "/term-alerts").param("days", "-1")
                .with(httpBasic(director, PASSWORD)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("days"));

        mvc.perform(get("/registry/schemes/" + scheme).with(user(director).roles("SCHEME_ADMIN")))
                .andExpect(content().string(org.hamcrest.Matchers.allOf(containsString("Termina pronto"),
                        containsString("Vencido"), containsString(TODAY.plusDays(30).toString()))));
    }

    @Test
    void aSchemeAdministratorCannotTouchAnotherSchemesBodies() throws Exception {
        long board = body(other, "BOARD", "Junta Directiva", "admin");
        long seat = seat(other, board, "Presidente ajeno", "PRESIDENT", null, "2024-05-01", "2027-04-30", "admin");
        long auditBefore = audits();

        mvc.perform(post("/api/v1/registry/schemes/" + other + "/bodies").with(httpBasic(director, PASSWORD))
                .contentType(MediaType.APPLICATION_JSON).content("{\"kind\":\"ASSEMBLY\",\"name\":\"Asamblea\"}"))
                .andExpect(status().isForbidden()).andExpect(jsonPath("$.type").value("/problems/forbidden"));
        addSeat(other, board, "Intruso", "MEMBER", null, "2024-05-01", "2027-04-30", director)
                .andExpect(status().isForbidden());
        mvc.perform(post(seatUrl(other, board, seat) + "/end").with(httpBasic(director, PASSWORD))
                .contentType(MediaType.APPLICATION_JSON).content("{\"endedOn\":\"2025-01-01\"}"))
                .andExpect(status().isForbidden());
        mvc.perform(delete(seatUrl(other, board, seat)).with(httpBasic(director, PASSWORD)))
                .andExpect(status().isForbidden());
        mvc.perform(post("/registry/schemes/" + other + "/bodies").param("kind", "ASSEMBLY").param("name", "Asamblea")
                .with(user(director).roles("SCHEME_ADMIN")).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/registry/schemes/" + other + "/seats").param("bodyId", Long.toString(board))
                .param("personName", "Intruso").param("role", "MEMBER").param("termStart", "2024-05-01")
                .param("termEnd", "2027-04-30").with(user(director).roles("SCHEME_ADMIN")).with(csrf()))
                .andExpect(status().isForbidden());

        assertThat(seats(other)).isEqualTo(1);
        assertThat(jdbc.sql("select ended_on is null from body_seat where id = :id").param("id", seat)
                .query(Boolean.class).single()).isTrue();
        assertThat(jdbc.sql("select count(*) from governing_body where scheme_id = :s").param("s", other)
                .query(Long.class).single()).isEqualTo(1);
        assertThat(audits()).isEqualTo(auditBefore);
    }

    @Test
    void thePageCreatesABodyAndElectsASeat() throws Exception {
        mvc.perform(post("/registry/schemes/" + scheme + "/bodies").param("kind", "BOARD").param("name", "Consejo Directivo")
                .with(user(director).roles("SCHEME_ADMIN")).with(csrf()))
                .andExpect(redirectedUrl("/registry/schemes/" + scheme));
        long board = jdbc.sql("select id from governing_body where scheme_id = :s").param("s", scheme)
                .query(Long.class).single();
        // A board seat without its term's end is refused beside the field, keeping what was typed.
        mvc.perform(post("/registry/schemes/" + scheme + "/seats").param("bodyId", Long.toString(board))
                .param("personName", "Rosa Amaya").param("role", "SECRETARY").param("termStart", "2024-05-01")
                .with(user(director).roles("SCHEME_ADMIN")).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.allOf(
                        containsString("En una junta o consejo directivo indique el fin del periodo."),
                        containsString("value=\"Rosa Amaya\""))));
        mvc.perform(post("/registry/schemes/" + scheme + "/seats").param("bodyId", Long.toString(board))
                .param("personName", "Rosa Amaya").param("role", "SECRETARY").param("termStart", "2024-05-01")
                .param("termEnd", "2027-04-30").with(user(director).roles("SCHEME_ADMIN")).with(csrf()))
                .andExpect(redirectedUrl("/registry/schemes/" + scheme));
        mvc.perform(get("/registry/schemes/" + scheme).with(user(director).roles("SCHEME_ADMIN")))
                .andExpect(content().string(org.hamcrest.Matchers.allOf(containsString("Consejo Directivo"),
                        containsString("Rosa Amaya"), containsString("01/05/2024 – 30/04/2027"))));
    }

    @Test
    void thePageEndsASeatOnADateAndARefusalIsSaidWithoutChangingIt() throws Exception {
        long board = body(scheme, "BOARD", "Consejo Directivo", director);
        long seat = seat(scheme, board, "Rosa Amaya", "SECRETARY", null, "2024-05-01", "2027-04-30", director);
        String end = "/registry/schemes/" + scheme + "/bodies/" + board + "/seats/" + seat + "/end";
        mvc.perform(get("/registry/schemes/" + scheme).with(user(director).roles("SCHEME_ADMIN")))
                .andExpect(content().string(containsString("action=\"" + end + "\"")));
        mvc.perform(post(end).param("endedOn", "2020-01-01").with(user(director).roles("SCHEME_ADMIN")).with(csrf()))
                .andExpect(status().isOk()).andExpect(content().string(allOf(containsString("id=\"seat-end-error\""),
                        containsString("La fecha no puede ser anterior al inicio del periodo (01/05/2024)."))));
        String stranger = TestData.unique("ajeno");
        new ApiFixtures(mvc).user(stranger, PASSWORD, "SCHEME_ADMIN", other, null);
        mvc.perform(post(end).param("endedOn", "2025-06-30").with(user(stranger).roles("SCHEME_ADMIN")).with(csrf()))
                .andExpect(status().is4xxClientError());
        assertThat(jdbc.sql("select ended_on from body_seat where id = :id").param("id", seat).query(LocalDate.class)
                .optional()).isEmpty();
        mvc.perform(post(end).param("endedOn", "2025-06-30").with(user(director).roles("SCHEME_ADMIN")).with(csrf()))
                .andExpect(redirectedUrl("/registry/schemes/" + scheme));
        assertThat(jdbc.sql("select ended_on from body_seat where id = :id").param("id", seat).query(LocalDate.class)
                .single()).isEqualTo(LocalDate.of(2025, 6, 30));
        assertThat(audits("body_seat", seat, "UPDATE")).isEqualTo(1);
    }

    private long body(long id, String kind, String name, String as) throws Exception {
        String body = mvc.perform(post("/api/v1/registry/schemes/" + id + "/bodies").with(basic(as))
                .contentType(MediaType.APPLICATION_JSON).content("{\"kind\":\"" + kind + "\",\"name\":\"" + name + "\"}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return ((Number) JsonPath.read(body, "$.id")).longValue();
    }

    private long seat(long id, long body, String person, String role, String unit, String start, String end, String as)
            throws Exception {
        String json = addSeat(id, body, person, role, unit, start, end, as).andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString();
        return ((Number) JsonPath.read(json, "$.id")).longValue();
    }

    private ResultActions addSeat(long id, long body, String person, String role, String unit, String start, String end,
            String as) throws Exception {
        return mvc.perform(post("/api/v1/registry/schemes/" + id + "/bodies/" + body + "/seats").with(basic(as))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"personName\":\"" + person + "\",\"role\":\"" + role + "\",\"unitCode\":" + quoted(unit)
                        + ",\"termStart\":" + quoted(start) + ",\"termEnd\":" + quoted(end) + "}"));
    }

    private org.springframework.test.web.servlet.request.RequestPostProcessor basic(String as) {
        return "admin".equals(as) ? httpBasic("admin", IntegrationTest.ADMIN_PASSWORD) : httpBasic(as, PASSWORD);
    }

    private static String quoted(String s) {
        return s == null ? "null" : "\"" + s + "\"";
    }

    private static String seatUrl(long id, long body, long seat) {
        return "/api/v1/registry/schemes/" + id + "/bodies/" + body + "/seats/" + seat;
    }

    private long seats(long id) {
        return jdbc.sql("select count(*) from body_seat s join governing_body b on b.id = s.body_id where b.scheme_id = :s")
                .param("s", id).query(Long.class).single();
    }

    private long audits(String entity, long id, String action) {
        return jdbc.sql("""
                select count(*) from audit_event where entity_type = :e and entity_id = :id and action = :a
                and scheme_id = :s
                """).param("e", entity).param("id", Long.toString(id)).param("a", action).param("s", scheme)
                .query(Long.class).single();
    }

    private long audits() {
        return jdbc.sql("select count(*) from audit_event where scheme_id = :s").param("s", other).query(Long.class).single();
    }
}
