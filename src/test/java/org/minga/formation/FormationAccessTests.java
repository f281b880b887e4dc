package org.minga.formation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.minga.support.ApiFixtures;
import org.minga.support.IntegrationTest;
import org.minga.support.TerritoryFixtures;
import org.minga.support.TestData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** Every formation write is scoped to the scheme: another scheme's administrator reads but cannot write. */
@IntegrationTest
class FormationAccessTests {

    static final String PASSWORD = "una-clave-larga-1";
    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    long scheme;
    FormationApi owner;
    FormationApi outsider;

    @BeforeEach
    void setUp() throws Exception {
        TerritoryFixtures.importAll(mvc, jdbc);
        ApiFixtures fixtures = new ApiFixtures(mvc);
        scheme = fixtures.scheme(TestData.unique("Esquema propio"));
        long other = fixtures.scheme(TestData.unique("Esquema ajeno"));
        String director = TestData.unique("directora");
        String stranger = TestData.unique("ajeno");
        fixtures.user(director, PASSWORD, "SCHEME_ADMIN", scheme, null);
        fixtures.user(stranger, PASSWORD, "SCHEME_ADMIN", other, null);
        owner = new FormationApi(mvc, director, PASSWORD);
        outsider = new FormationApi(mvc, stranger, PASSWORD);
    }

    @Test
    void anotherSchemesAdministratorIsRefusedEveryWriteAndNothingChanges() throws Exception {
        owner.addUnit(scheme, "54498").andExpect(status().isCreated());
        long audited = auditRows();

        outsider.deliverable(scheme, "AGENDA", "{\"status\":\"DONE\"}").andExpect(status().isForbidden())
                .andExpect(jsonPath("$.type").value("/problems/forbidden"));
        outsider.addUnit(scheme, "20614").andExpect(status().isForbidden());
        outsider.authorise(scheme, "54498", "{\"authorisation\":\"REFUSED\"}").andExpect(status().isForbidden());
        outsider.answer(scheme, "LIDERAZGO", "{\"answer\":\"NO\",\"justification\":\"No\"}")
                .andExpect(status().isForbidden());

        // Reads are scoped too (issue 15): another scheme's formation route is not theirs to read.
        outsider.route(scheme).andExpect(status().isForbidden());
        owner.prospects(scheme).andExpect(jsonPath("$", hasSize(1)))
                .andExpect(jsonPath("$[0].authorisation").value("PENDING"));
        owner.pertinence(scheme, null).andExpect(jsonPath("$.verdict.unanswered").value(13));
        assertThat(auditRows()).isEqualTo(audited);
    }

    private long auditRows() {
        return jdbc.sql("select count(*) from audit_event where scheme_id = :s").param("s", scheme)
                .query(Long.class).single();
    }
}
