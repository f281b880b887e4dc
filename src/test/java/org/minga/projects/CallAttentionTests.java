package org.minga.projects;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import com.jayway.jsonpath.JsonPath;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.minga.identity.Recipients;
import org.minga.notifications.AttentionItem;
import org.minga.notifications.internal.Attention;
import org.minga.support.ApiFixtures;
import org.minga.support.IntegrationTest;
import org.minga.support.TerritoryFixtures;
import org.minga.support.TestData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Calls closing within a week, on the desk of the team of each scheme that could apply: of its
 * country, open to any unit or to one of its members; not a call closing later, nor one for units
 * outside the scheme; never to a board member.
 */
@IntegrationTest
class CallAttentionTests {

    static final String PASSWORD = "una-clave-larga-1";
    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Attention attention;
    @Autowired
    Recipients recipients;
    final List<Long> calls = new ArrayList<>();

    /**
     * The calls are a platform-wide catalogue in the suite's one database: one closing this week would
     * be on every Colombian scheme team's desk in the other tests, so they go when this test ends.
     */
    @AfterEach
    void deleteCalls() throws Exception {
        for (long id : calls) {
            mvc.perform(delete("/api/v1/projects/calls/" + id).with(httpBasic("admin", IntegrationTest.ADMIN_PASSWORD)))
                    .andExpect(status().is2xxSuccessful());
        }
    }

    @Test
    void theSchemesTeamSeesTheCallsItCouldApplyToThatCloseThisWeek() throws Exception {
        TerritoryFixtures.importAll(mvc, jdbc);
        ApiFixtures api = new ApiFixtures(mvc);
        long scheme = api.scheme(TestData.unique("Esquema que postula"));
        long other = api.scheme(TestData.unique("Esquema vecino"));
        api.members(scheme, "54498");
        api.members(other, "54003");
        String staff = TestData.unique("tecnico");
        String board = TestData.unique("junta");
        String neighbour = TestData.unique("vecino");
        api.user(staff, PASSWORD, "SCHEME_STAFF", scheme, null);
        api.user(board, PASSWORD, "BOARD_MEMBER", scheme, null);
        api.user(neighbour, PASSWORD, "SCHEME_ADMIN", other, null);
        String tag = TestData.unique("Convocatoria");
        LocalDate today = LocalDate.now();
        long anyUnit = call(tag + " abierta", "CO", "[]", today.minusDays(10), today.plusDays(3));
        long ours = call(tag + " Ocaña", "CO", "[\"54498\"]", today.minusDays(10), today.plusDays(6));
        call(tag + " lejana", "CO", "[]", today.minusDays(10), today.plusDays(20));
        call(tag + " de otro país", "SV", "[]", today.minusDays(10), today.plusDays(3));
        call(tag + " sin futuro", "CO", "[]", today.plusDays(2), today.plusDays(5));

        assertThat(calls(staff, tag)).extracting(AttentionItem::link).containsExactly(
                "/projects/schemes/" + scheme + "/calls/" + anyUnit + "/eligibility",
                "/projects/schemes/" + scheme + "/calls/" + ours + "/eligibility");
        assertThat(calls(neighbour, tag)).extracting(AttentionItem::link)
                .containsExactly("/projects/schemes/" + other + "/calls/" + anyUnit + "/eligibility");
        assertThat(calls(board, tag)).isEmpty();
    }

    private List<AttentionItem> calls(String username, String tag) {
        return attention.itemsFor(recipients.byUsername(username).orElseThrow()).stream()
                .filter(i -> i.kind().equals("projects.callClosing") && i.subject().startsWith(tag)).toList();
    }

    private long call(String name, String country, String units, LocalDate opens, LocalDate closes) throws Exception {
        String json = mvc.perform(post("/api/v1/projects/calls").with(httpBasic("admin", IntegrationTest.ADMIN_PASSWORD))
                .contentType(MediaType.APPLICATION_JSON).content("{\"owner\":\"Agencia de Renovación del Territorio\","
                        + "\"name\":\"" + name + "\",\"country\":\"" + country + "\",\"opensOn\":\"" + opens
                        + "\",\"closesOn\":\"" + closes + "\",\"sectors\":[\"" + ("SV".equals(country) ? "Apoyo al desarrollo económico" : "Transporte")
                        + "\"],\"maxAmount\":1000,"
                        + "\"currency\":\"" + ("SV".equals(country) ? "USD" : "COP") + "\",\"units\":" + units
                        + ",\"pdetOnly\":false,\"categories\":[]}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        long id = ((Number) JsonPath.read(json, "$.id")).longValue();
        calls.add(id);
        return id;
    }
}
