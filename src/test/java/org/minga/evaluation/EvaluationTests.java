package org.minga.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;

import com.jayway.jsonpath.JsonPath;

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

/** Self-evaluation campaigns, the health index from live data and RINDE's checklist. */
@IntegrationTest
class EvaluationTests {

    static final String PASSWORD = "una-clave-larga-1";
    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    long scheme;
    String director;
    String outsider;
    String base;

    @BeforeEach
    void setUp() throws Exception {
        TerritoryFixtures.importAll(mvc, jdbc);
        var fixtures = new ApiFixtures(mvc);
        scheme = fixtures.scheme(TestData.unique("Salud"));
        long other = fixtures.scheme(TestData.unique("Otro"));
        director = TestData.unique("evaluadora");
        outsider = TestData.unique("ajena");
        fixtures.user(director, PASSWORD, "SCHEME_ADMIN", scheme, null);
        fixtures.user(outsider, PASSWORD, "SCHEME_ADMIN", other, null);
        for (String code : List.of("54498", "54003", "54206", "54245")) {
            write(post("/api/v1/registry/schemes/" + scheme + "/members"), "admin",
                    "{\"unitCode\":\"" + code + "\",\"joinedOn\":\"2020-01-01\"}").andExpect(status().is2xxSuccessful());
        }
        base = "/api/v1/evaluation/schemes/" + scheme;
    }

    @Test
    void answersGiveResultsByDimensionAndGroupAndFeedTheHealthIndex() throws Exception {
        long campaign = id(write(post(base + "/campaigns"), director, "{\"name\":\"Autoevaluación 2026\",\"template\":\"RINDE\","
                + "\"anonymous\":true,\"opensOn\":\"" + LocalDate.now().minusDays(1) + "\",\"closesOn\":\"" + LocalDate.now().plusDays(30) + "\"}")
                .andExpect(status().isCreated()));
        List<Integer> questions = JsonPath.read(read(base + "/campaigns/" + campaign + "/questions").andReturn().getResponse()
                .getContentAsString(), "$[*].id");
        assertThat(questions).hasSize(9);
        var fixtures = new ApiFixtures(mvc);
        String alcaldia = TestData.unique("alcaldia");
        String junta = TestData.unique("junta");
        fixtures.user(alcaldia, PASSWORD, "MEMBER_OFFICIAL", scheme, "54498");
        fixtures.user(junta, PASSWORD, "BOARD_MEMBER", scheme, null);
        write(post(base + "/campaigns/" + campaign + "/invitations"), director,
                "{\"usernames\":[\"" + alcaldia + "\",\"" + junta + "\"]}").andExpect(status().isOk())
                .andExpect(jsonPath("$.added").value(2));
        respond(alcaldia, campaign, questions, "MUNICIPAL", "54498", 4).andExpect(status().isCreated());
        respond(junta, campaign, questions, "CIVIL_SOCIETY", "54003", 2).andExpect(status().isCreated());
        read(base + "/campaigns/" + campaign + "/results").andExpect(jsonPath("$.responses").value(2))
                .andExpect(jsonPath("$.mean").value(3.0))
                .andExpect(jsonPath("$.byDimension[0].key").value("OBJECTIVES"))
                .andExpect(jsonPath("$.byDimension.length()").value(5))
                .andExpect(jsonPath("$.byGroup[?(@.key == 'MUNICIPAL')].mean").value(4.0))
                .andExpect(jsonPath("$.byGroup[?(@.key == 'CIVIL_SOCIETY')].mean").value(2.0));
        assertThat(jdbc.sql("select count(*) from evaluation_response where campaign_id = :c and respondent_name is not null")
                .param("c", campaign).query(Long.class).single()).isZero();
        write(post(base + "/campaigns/" + campaign + "/actions"), director, "{\"dimension\":\"FINANCES\",\"description\":\"Acordar cuotas\","
                + "\"responsible\":\"Junta\",\"dueOn\":\"2026-12-31\"}").andExpect(status().isCreated());

        // Two of four members answered; the evaluation's mean is 3 of 5; no bodies registered: left out.
        read(base + "/health").andExpect(jsonPath("$.components[?(@.key == 'participation')].score").value(50.0))
                .andExpect(jsonPath("$.components[?(@.key == 'selfEvaluation')].score").value(50.0))
                .andExpect(jsonPath("$.components[?(@.key == 'bodies')].explanation").value("evaluation.health.bodies.unregistered"))
                .andExpect(jsonPath("$.components[?(@.key == 'goals')].explanation").value("evaluation.health.goals.none"));
        mvc.perform(get("/evaluation/schemes/" + scheme).with(user(director).roles("SCHEME_ADMIN"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("2 de 4 miembros respondieron la última autoevaluación.")))
                .andExpect(content().string(containsString("Vigente y para continuar")));
    }

    @Test
    void badAnswersAndRefusedWritesChangeNothing() throws Exception {
        long campaign = id(write(post(base + "/campaigns"), director, "{\"name\":\"Con nombre\",\"template\":\"FEEDBACK\","
                + "\"anonymous\":false,\"opensOn\":\"" + LocalDate.now() + "\",\"closesOn\":\"" + LocalDate.now() + "\"}"));
        List<Integer> questions = JsonPath.read(read(base + "/campaigns/" + campaign + "/questions").andReturn().getResponse()
                .getContentAsString(), "$[*].id");
        write(post(base + "/campaigns/" + campaign + "/invitations"), director, "{\"usernames\":[\"" + director + "\"]}")
                .andExpect(status().isOk());
        respond(director, campaign, questions, "NOBODY", "99999", 6).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.hasItems("group", "unitCode", "name",
                        "q" + questions.getFirst())));
        write(post(base + "/campaigns"), director, "{\"name\":\"Mal\",\"template\":\"OTRA\",\"opensOn\":\"2026-02-01\",\"closesOn\":\"2026-01-01\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.hasItems("template", "closesOn")));
        write(post(base + "/campaigns"), outsider, "{\"name\":\"Intrusa\",\"template\":\"RINDE\",\"opensOn\":\"2026-01-01\",\"closesOn\":\"2026-02-01\"}")
                .andExpect(status().isForbidden());
        write(put(base + "/checklist/RECONVENE"), outsider, "{\"done\":true,\"evidence\":\"Acta\"}").andExpect(status().isForbidden());
        write(put(base + "/checklist/RECONVENE"), director, "{\"done\":true}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("evidence"));
        assertThat(jdbc.sql("select count(*) from evaluation_response where campaign_id = :c").param("c", campaign).query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from evaluation_campaign where scheme_id = :s").param("s", scheme).query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from evaluation_checklist where scheme_id = :s").param("s", scheme).query(Long.class).single()).isZero();
        write(put(base + "/checklist/RECONVENE"), director, "{\"done\":true,\"evidence\":\"Acta de la asamblea de marzo\"}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.steps[0].done").value(true))
                .andExpect(jsonPath("$.steps[0].evidence").value("Acta de la asamblea de marzo"));
    }

    @Test
    void onlyInvitedPeopleAnswerOnceEachAndNobodyElseMovesTheHealthIndex() throws Exception {
        long campaign = id(write(post(base + "/campaigns"), director, "{\"name\":\"Solo invitados\",\"template\":\"RINDE\","
                + "\"anonymous\":true,\"opensOn\":\"" + LocalDate.now() + "\",\"closesOn\":\"" + LocalDate.now() + "\"}"));
        List<Integer> questions = JsonPath.read(read(base + "/campaigns/" + campaign + "/questions").andReturn().getResponse()
                .getContentAsString(), "$[*].id");
        var fixtures = new ApiFixtures(mvc);
        String invited = TestData.unique("invitada");
        String uninvited = TestData.unique("noinvitado");
        String citizen = TestData.unique("ciudadano");
        fixtures.user(invited, PASSWORD, "MEMBER_OFFICIAL", scheme, "54498");
        fixtures.user(uninvited, PASSWORD, "MEMBER_OFFICIAL", scheme, "54003");
        fixtures.user(citizen, PASSWORD, "CITIZEN", null, "54498");
        // Staff invite only people of the scheme: a citizen or another scheme's admin is refused by name.
        write(post(base + "/campaigns/" + campaign + "/invitations"), director,
                "{\"usernames\":[\"" + invited + "\",\"" + citizen + "\",\"" + outsider + "\"]}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].message").value(org.hamcrest.Matchers.hasItems(
                        containsString(citizen), containsString(outsider))));
        write(post(base + "/campaigns/" + campaign + "/invitations"), outsider, "{\"usernames\":[\"" + outsider + "\"]}")
                .andExpect(status().isForbidden());
        write(post(base + "/campaigns/" + campaign + "/invitations"), director, "{\"usernames\":[\"" + invited + "\"]}")
                .andExpect(status().isOk());
        String healthBefore = read(base + "/health").andReturn().getResponse().getContentAsString();

        // Stuffing: a citizen, an uninvited official and another scheme's admin, ten times each.
        for (int i = 0; i < 10; i++) {
            for (String who : List.of(citizen, uninvited, outsider)) {
                respond(who, campaign, questions, "MUNICIPAL", "54498", 5).andExpect(status().isForbidden());
            }
        }
        assertThat(jdbc.sql("select count(*) from evaluation_response where campaign_id = :c").param("c", campaign)
                .query(Long.class).single()).isZero();
        assertThat(read(base + "/health").andReturn().getResponse().getContentAsString()).isEqualTo(healthBefore);

        // The invited official answers once; a second answer is refused and the first stands.
        respond(invited, campaign, questions, "MUNICIPAL", "54498", 5).andExpect(status().isCreated());
        respond(invited, campaign, questions, "MUNICIPAL", "54498", 1).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].rule").value("OneResponse"));
        read(base + "/campaigns/" + campaign + "/results").andExpect(jsonPath("$.responses").value(1))
                .andExpect(jsonPath("$.mean").value(5.0));
        // The scheme's people who were not invited are told why they cannot answer; a citizen does not read the page.
        mvc.perform(get("/evaluation/schemes/" + scheme + "/campaigns/" + campaign).with(user(uninvited)))
                .andExpect(status().isOk()).andExpect(content().string(containsString("Solo responden las personas")));
        mvc.perform(get("/evaluation/schemes/" + scheme + "/campaigns/" + campaign).with(user(citizen)))
                .andExpect(status().isForbidden());
    }

    private ResultActions respond(String who, long campaign, List<Integer> questions, String group, String unit, int score)
            throws Exception {
        StringBuilder answers = new StringBuilder();
        for (Integer q : questions) {
            answers.append(answers.isEmpty() ? "" : ",").append("{\"questionId\":").append(q).append(",\"score\":").append(score).append("}");
        }
        return write(post(base + "/campaigns/" + campaign + "/responses"), who,
                "{\"group\":\"" + group + "\",\"unitCode\":\"" + unit + "\",\"answers\":[" + answers + "]}");
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
