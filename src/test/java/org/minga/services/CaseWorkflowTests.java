package org.minga.services;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.minga.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import com.jayway.jsonpath.JsonPath;

/** The permit workflow's rules through the API: illegal steps, wrong roles and scopes, gated signing. */
@IntegrationTest
class CaseWorkflowTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    ServiceFixtures f;
    long line;
    long caseId;
    String cases;

    @BeforeEach
    void setUp() throws Exception {
        f = new ServiceFixtures(mvc, "Los Nonualcos");
        line = f.line("LAND_USE_PERMITS", "OPLAGEST", "USD");
        String type = f.as(f.director, post(f.base + "/case-types/permit"), "{\"serviceLineId\":" + line + "}")
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        long typeId = ((Number) JsonPath.read(type, "$.id")).longValue();
        String c = f.as(f.staff, post(f.base + "/cases"), "{\"caseTypeId\":" + typeId + ",\"applicantName\":\"José Ayala\","
                + "\"unitCode\":\"D070\",\"subject\":\"Lotificación de 4 lotes\"}").andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString();
        caseId = ((Number) JsonPath.read(c, "$.id")).longValue();
        cases = f.base + "/cases/" + caseId;
    }

    @Test
    void anIllegalTransitionIsRefusedNamingTheStepsAllowedAndChangesNothing() throws Exception {
        f.as(f.director, post(cases + "/transitions"), "{\"state\":\"DELIVERED\"}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("state"))
                .andExpect(jsonPath("$.errors[0].rule").value("Transition"))
                .andExpect(jsonPath("$.errors[0].message").value(
                        "Un trámite en «Nuevo» no puede pasar a «Entregado»; los pasos posibles son: Visita programada."));
        assertThat(state()).isEqualTo("NEW");
        assertThat(events()).isEqualTo(1);
    }

    @Test
    void theVisitWaitsForTheRequirementsAndSigningForBothChecks() throws Exception {
        move(f.staff, "SCHEDULED").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].rule").value("RequirementsMissing"));
        meetAll();
        move(f.staff, "SCHEDULED").andExpect(status().isOk());
        move(f.staff, "VISITED").andExpect(status().isOk());
        move(f.staff, "TO_SIGN").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].rule").value("ChecksPending"));
        // A failed check needs its reason and still blocks.
        f.as(f.staff, put(cases + "/checks"), "{\"code\":\"TAX_SOLVENCY\",\"passed\":false}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("note"));
        f.as(f.staff, put(cases + "/checks"), "{\"code\":\"TAX_SOLVENCY\",\"passed\":false,\"note\":\"Mora en tasas 2025\"}")
                .andExpect(status().isOk());
        f.as(f.staff, put(cases + "/checks"), "{\"code\":\"PLAN_CONSISTENCY\",\"passed\":true}").andExpect(status().isOk());
        move(f.staff, "TO_SIGN").andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].message").value(
                "No se puede pasar a «Para firma» hasta que cumplan estas verificaciones: Solvencia de impuestos municipales del solicitante."));
        f.as(f.staff, put(cases + "/checks"), "{\"code\":\"TAX_SOLVENCY\",\"passed\":true,\"note\":\"Solvencia 0342\"}")
                .andExpect(status().isOk());
        move(f.staff, "TO_SIGN").andExpect(status().isOk());
        assertThat(state()).isEqualTo("TO_SIGN");
    }

    @Test
    void onlyTheDirectorSignsAndReturningNeedsAnObservation() throws Exception {
        meetAll();
        move(f.staff, "SCHEDULED").andExpect(status().isOk());
        move(f.staff, "VISITED").andExpect(status().isOk());
        move(f.staff, "RETURNED").andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("observation"));
        f.as(f.staff, post(cases + "/transitions"), "{\"state\":\"RETURNED\",\"observation\":\"Falta plano de fachada\"}")
                .andExpect(status().isOk());
        move(f.staff, "VISITED").andExpect(status().isOk());
        for (String check : new String[] {"TAX_SOLVENCY", "PLAN_CONSISTENCY"}) {
            f.as(f.staff, put(cases + "/checks"), "{\"code\":\"" + check + "\",\"passed\":true}").andExpect(status().isOk());
        }
        move(f.staff, "TO_SIGN").andExpect(status().isOk());
        int before = events();
        // Staff may not sign: the transition names only the director's role.
        move(f.staff, "DELIVERED").andExpect(status().isForbidden());
        assertThat(state()).isEqualTo("TO_SIGN");
        assertThat(events()).isEqualTo(before);
        move(f.director, "DELIVERED").andExpect(status().isOk()).andExpect(jsonPath("$.completedAt").isNotEmpty());
        assertThat(jdbc.sql("select count(*) from audit_event where entity_type = 'service_case' and entity_id = :id and action = 'TRANSITION'")
                .param("id", String.valueOf(caseId)).query(Integer.class).single()).isEqualTo(events() - 1);
        f.as(f.director, get(cases), null).andExpect(status().isOk()).andExpect(jsonPath("$.c.state").value("DELIVERED"))
                .andExpect(jsonPath("$.events[2].observation").doesNotExist())
                .andExpect(jsonPath("$.events[3].observation").value("Falta plano de fachada"));
    }

    @Test
    void theBoardAnotherSchemeAndAnonymousCannotWriteAndNothingIsWritten() throws Exception {
        meetAll();
        for (String user : new String[] {f.board, f.outsider}) {
            move(user, "SCHEDULED").andExpect(status().isForbidden());
            f.as(user, post(f.base + "/lines"), "{\"type\":\"OTHER\",\"name\":\"Intruso\",\"currency\":\"USD\"}")
                    .andExpect(status().isForbidden());
            f.as(user, put(cases + "/checks"), "{\"code\":\"TAX_SOLVENCY\",\"passed\":true}").andExpect(status().isForbidden());
        }
        move(null, "SCHEDULED").andExpect(status().isUnauthorized());
        f.as(null, post(f.base + "/lines"), "{\"type\":\"OTHER\",\"name\":\"Intruso\",\"currency\":\"USD\"}")
                .andExpect(status().isUnauthorized());
        assertThat(state()).isEqualTo("NEW");
        assertThat(events()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from case_check where case_id = :c").param("c", caseId).query(Integer.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from service_line where scheme_id = :s").param("s", f.scheme).query(Integer.class).single())
                .isEqualTo(1);
    }

    @Test
    void aCaseTypeWithATransitionToAnUnknownStateIsRefused() throws Exception {
        f.as(f.director, post(f.base + "/case-types"), """
                {"serviceLineId":%d,"code":"EMPLEO","name":"Colocación","targetDays":15,"initialState":"NEW",
                 "states":[{"code":"NEW","name":"Nueva","stopsClock":false},{"code":"PLACED","name":"Colocada","stopsClock":true}],
                 "transitions":[{"from":"NEW","to":"HIRED","roles":["SCHEME_STAFF"]}]}""".formatted(line))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("transitions"));
        assertThat(jdbc.sql("select count(*) from case_type where scheme_id = :s").param("s", f.scheme).query(Integer.class).single())
                .isEqualTo(1);
    }

    private org.springframework.test.web.servlet.ResultActions move(String user, String state) throws Exception {
        return f.as(user, post(cases + "/transitions"), "{\"state\":\"" + state + "\"}");
    }

    private void meetAll() throws Exception {
        for (String r : new String[] {"APPLICATION", "DEED", "PLANS", "ID"}) {
            f.as(f.staff, put(cases + "/requirements"), "{\"code\":\"" + r + "\"}").andExpect(status().isNoContent());
        }
    }

    private String state() {
        return jdbc.sql("select state from service_case where id = :c").param("c", caseId).query(String.class).single();
    }

    private int events() {
        return jdbc.sql("select count(*) from case_event where case_id = :c").param("c", caseId).query(Integer.class).single();
    }
}
