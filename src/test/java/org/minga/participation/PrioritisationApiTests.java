package org.minga.participation;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.minga.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** The stateless prioritisation endpoint: results, refusals naming the field, authentication. */
@IntegrationTest
class PrioritisationApiTests {

    static final String URL = "/api/v1/participation/prioritisations/compute";

    @Autowired
    MockMvc mvc;

    ResultActions compute(String body) throws Exception {
        return mvc.perform(post(URL).with(httpBasic("admin", IntegrationTest.ADMIN_PASSWORD))
                .contentType(MediaType.APPLICATION_JSON).content(body));
    }

    @Test
    void schulzeRanksAndNamesTheWinners() throws Exception {
        compute("""
                {"method":"SCHULZE","options":["A","B","C"],
                 "ballots":[{"ranking":["A","B"],"count":3},{"ranking":["B","A","C"],"count":2},{"ranking":["C"]}]}""")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.ranking[0].option").value("A"))
                .andExpect(jsonPath("$.ranking[0].position").value(1))
                .andExpect(jsonPath("$.ranking[0].score").value(2))
                .andExpect(jsonPath("$.ranking[2].option").value("C"))
                .andExpect(jsonPath("$.winners[0]").value("A"))
                .andExpect(jsonPath("$.explanation", containsString("Schulze")));
    }

    @Test
    void tooManyDistinctBallotsAreRefusedAskingForCounts() throws Exception {
        String ballots = String.join(",", java.util.Collections.nCopies(100_001, "{\"approved\":[\"A\"]}"));
        compute("{\"method\":\"APPROVAL\",\"options\":[\"A\",\"B\"],\"ballots\":[" + ballots + "]}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("ballots"))
                .andExpect(jsonPath("$.errors[0].rule").value("Size"));
    }

    @Test
    void approvalTiesShareThePosition() throws Exception {
        compute("""
                {"method":"APPROVAL","options":["A","B","C"],
                 "ballots":[{"approved":["A","B"],"count":2},{"approved":["C"]}]}""")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.ranking[*].position").value(org.hamcrest.Matchers.contains(1, 1, 3)))
                .andExpect(jsonPath("$.winners").value(org.hamcrest.Matchers.contains("A", "B")));
    }

    @Test
    void budgetFundsWhatFits() throws Exception {
        compute("""
                {"method":"BUDGET","options":["A","B","C"],"budget":100,"costs":{"A":60,"B":50,"C":30},
                 "ballots":[{"approved":["A","B","C"],"count":3},{"approved":["A","B"]},{"approved":["A"]}]}""")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.winners").value(org.hamcrest.Matchers.contains("A", "C")));
    }

    @Test
    void anUnknownOptionInABallotIsRefusedNamingTheField() throws Exception {
        compute("""
                {"method":"BORDA","options":["A","B"],"ballots":[{"ranking":["A","B"]},{"ranking":["A","Z"]}]}""")
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[?(@.field == 'ballots[1].ranking')].rule").value(hasItem("UnknownOption")));
    }

    @Test
    void aDuplicateOptionIsRefusedNamingTheField() throws Exception {
        compute("""
                {"method":"SCHULZE","options":["A","B","A"],"ballots":[]}""")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[?(@.field == 'options[2]')].rule").value(hasItem("Unique")));
        compute("""
                {"method":"APPROVAL","options":["A","B"],"ballots":[{"approved":["A","A"]}]}""")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[?(@.field == 'ballots[0].approved')].rule").value(hasItem("Unique")));
    }

    @Test
    void otherRefusals() throws Exception {
        compute("""
                {"method":"PLURALITY","options":["A"]}""")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[?(@.field == 'method')].rule").value(hasItem("Unknown")));
        compute("""
                {"method":"BUDGET","options":["A","B"],"costs":{"A":-1},"ballots":[{"approved":["A"],"count":0}]}""")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[?(@.field == 'budget')].rule").value(hasItem("Required")))
                .andExpect(jsonPath("$.errors[?(@.field == 'costs.A')].rule").value(hasItem("Min")))
                .andExpect(jsonPath("$.errors[?(@.field == 'costs.B')].rule").value(hasItem("Required")));
        compute("""
                {"method":"APPROVAL","options":["A"],"ballots":[{"approved":["A"],"count":0}]}""")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[?(@.field == 'ballots[0].count')].rule").value(hasItem("Min")));
        compute("""
                {"method":"APPROVAL","options":[]}""")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[?(@.field == 'options')].rule").value(hasItem("NotEmpty")));
    }

    @Test
    void withoutCredentialsIs401() throws Exception {
        mvc.perform(post(URL).contentType(MediaType.APPLICATION_JSON).content("{\"method\":\"APPROVAL\",\"options\":[\"A\"]}"))
                .andExpect(status().isUnauthorized());
    }
}
