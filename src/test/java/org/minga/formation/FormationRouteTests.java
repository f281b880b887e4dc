package org.minga.formation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.minga.support.ApiFixtures;
import org.minga.support.IntegrationTest;
import org.minga.support.TerritoryFixtures;
import org.minga.support.TestData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** The DNP's formation route of a scheme and the councils' authorisations of its prospective members. */
@IntegrationTest
class FormationRouteTests {

    static final String PASSWORD = "una-clave-larga-1";
    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    long scheme;
    String director;
    FormationApi api;

    @BeforeEach
    void setUp() throws Exception {
        TerritoryFixtures.importAll(mvc, jdbc);
        ApiFixtures fixtures = new ApiFixtures(mvc);
        scheme = fixtures.scheme(TestData.unique("Asociación en conformación"));
        director = TestData.unique("directora");
        fixtures.user(director, PASSWORD, "SCHEME_ADMIN", scheme, null);
        api = new FormationApi(mvc, director, PASSWORD);
    }

    @Test
    void aNewRouteHasTheThreeMomentsWithEveryDeliverablePending() throws Exception {
        api.route(scheme).andExpect(status().isOk())
                .andExpect(jsonPath("$.inFormation").value(true))
                .andExpect(jsonPath("$.moments", hasSize(3)))
                .andExpect(jsonPath("$.moments[0].name").value("Construyendo las bases: aprestamiento"))
                .andExpect(jsonPath("$.moments[0].total").value(8))
                .andExpect(jsonPath("$.moments[1].total").value(5))
                .andExpect(jsonPath("$.moments[2].total").value(7))
                .andExpect(jsonPath("$.moments[*].done", everyItem(is(0))))
                .andExpect(jsonPath("$.moments[0].deliverables[0].name").value("Acuerdo de voluntades"))
                .andExpect(jsonPath("$.moments[2].deliverables[0].name").value("Figura asociativa"))
                .andExpect(jsonPath("$.moments[*].deliverables[*].status", everyItem(is("PENDING"))))
                .andExpect(jsonPath("$.done").value(0))
                .andExpect(jsonPath("$.total").value(20));
    }

    @Test
    void markingADeliverableDoneRecordsWhoAndWhenAndIsAudited() throws Exception {
        api.deliverable(scheme, "SOCIOGRAMA", """
                {"status":"DONE","notes":"Mapa de actores con alcaldes y juntas","evidence":"https://example.org/sociograma"}
                """).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("DONE"))
                .andExpect(jsonPath("$.doneBy").value(director))
                .andExpect(jsonPath("$.doneOn").value(LocalDate.now().toString()))
                .andExpect(jsonPath("$.updatedAt", notNullValue()));
        api.deliverable(scheme, "JUSTIFICACION", "{\"status\":\"IN_PROGRESS\"}").andExpect(status().isOk());
        api.route(scheme).andExpect(jsonPath("$.moments[0].done").value(1))
                .andExpect(jsonPath("$.done").value(1))
                .andExpect(jsonPath("$.moments[0].deliverables[?(@.code == 'JUSTIFICACION')].status")
                        .value("IN_PROGRESS"))
                .andExpect(jsonPath("$.moments[0].deliverables[?(@.code == 'SOCIOGRAMA')].evidence")
                        .value("https://example.org/sociograma"));
        var audit = jdbc.sql("""
                select actor, action, after_state ->> 'status' from audit_event
                where entity_type = 'formation_deliverable' and entity_id = :id order by id
                """).param("id", scheme + "/SOCIOGRAMA")
                .query((rs, n) -> rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3)).list();
        assertThat(audit).containsExactly(director + " UPDATE DONE");
        // Reopening clears the day and the person; the route counts it pending again.
        api.deliverable(scheme, "SOCIOGRAMA", "{\"status\":\"IN_PROGRESS\"}").andExpect(status().isOk())
                .andExpect(jsonPath("$.doneOn").doesNotExist());
        api.route(scheme).andExpect(jsonPath("$.done").value(0));
    }

    @Test
    void aBadStatusIsRefusedNamingTheFieldAndChangesNothing() throws Exception {
        api.deliverable(scheme, "AGENDA", "{\"status\":\"FINISHED\",\"notes\":\"no\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("status"))
                .andExpect(jsonPath("$.errors[0].rule").value("OneOf"));
        api.deliverable(scheme, "AGENDA", "{\"status\":\"DONE\",\"doneOn\":\"2999-01-01\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("doneOn"));
        api.deliverable(scheme, "NO_EXISTE", "{\"status\":\"DONE\"}").andExpect(status().isNotFound());
        api.route(scheme).andExpect(jsonPath("$.moments[0].deliverables[?(@.code == 'AGENDA')].status")
                .value("PENDING"));
    }

    @Test
    void prospectiveMembersCarryTheirCouncilsAuthorisation() throws Exception {
        api.addUnit(scheme, "54498").andExpect(status().isCreated())
                .andExpect(jsonPath("$.name").value("Ocaña"))
                .andExpect(jsonPath("$.parentName").value("Norte de Santander"))
                .andExpect(jsonPath("$.authorisation").value("PENDING"));
        api.addProspect(scheme, """
                {"unitCode":"20614","authorisation":"AUTHORISED","actNumber":"Acuerdo 007","actDate":"2024-03-15"}
                """).andExpect(status().isCreated()).andExpect(jsonPath("$.authorisation").value("AUTHORISED"));
        api.authorise(scheme, "54498", "{\"authorisation\":\"AUTHORISED\"}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.containsInAnyOrder("actNumber",
                        "actDate")));
        api.authorise(scheme, "54498", """
                {"authorisation":"REFUSED","actNumber":"Acuerdo 012","actDate":"2024-05-02"}
                """).andExpect(status().isOk()).andExpect(jsonPath("$.authorisation").value("REFUSED"));
        api.prospects(scheme).andExpect(jsonPath("$", hasSize(2)))
                .andExpect(jsonPath("$[0].unitCode").value("20614"))
                .andExpect(jsonPath("$[0].actNumber").value("Acuerdo 007"))
                .andExpect(jsonPath("$[1].authorisation").value("REFUSED"));
        assertThat(jdbc.sql("select count(*) from audit_event where entity_type = 'formation_prospect' and scheme_id = :s")
                .param("s", scheme).query(Integer.class).single()).isEqualTo(3);
    }

    @Test
    void anUnknownOrRepeatedProspectiveMemberIsRefusedNamingUnitCode() throws Exception {
        api.addUnit(scheme, "99999").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("unitCode"))
                .andExpect(jsonPath("$.errors[0].rule").value("Exists"));
        // A Salvadoran district is not a unit of a Colombian scheme.
        api.addUnit(scheme, "D097").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("unitCode"));
        api.addUnit(scheme, "54498").andExpect(status().isCreated());
        api.addUnit(scheme, "54498").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].rule").value("Unique"));
        api.addProspect(scheme, "{\"unitCode\":\"54003\",\"authorisation\":\"MAYBE\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("authorisation"));
        api.prospects(scheme).andExpect(jsonPath("$", hasSize(1)));
    }

    @Test
    void theRouteIsARecordOnceTheSchemeIsNoLongerInFormation() throws Exception {
        jdbc.sql("update scheme set status = 'ACTIVE' where id = :id").param("id", scheme).update();
        api.route(scheme).andExpect(status().isOk()).andExpect(jsonPath("$.inFormation").value(false));
        api.deliverable(scheme, "AGENDA", "{\"status\":\"DONE\"}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("scheme"))
                .andExpect(jsonPath("$.errors[0].rule").value("InFormation"));
    }
}
