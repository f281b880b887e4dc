package org.minga.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;

import com.jayway.jsonpath.JsonPath;

import org.junit.jupiter.api.Test;
import org.minga.identity.Recipients;
import org.minga.notifications.AttentionItem;
import org.minga.notifications.internal.Attention;
import org.minga.support.ApiFixtures;
import org.minga.support.IntegrationTest;
import org.minga.support.TestData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A board member's desk: the next session of each body of their scheme ("Próxima sesión: 12/12/2026
 * …") and the held sessions whose minutes wait for a signed copy; a board member of another scheme,
 * and the scheme's staff, see none of it.
 */
@IntegrationTest
class BoardAttentionTests {

    static final String PASSWORD = "una-clave-larga-1";
    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Attention attention;
    @Autowired
    Recipients recipients;

    @Test
    void aBoardMemberSeesTheNextSessionAndTheMinutesToSignOfTheirSchemeOnly() throws Exception {
        ApiFixtures api = new ApiFixtures(mvc);
        long scheme = api.scheme(TestData.unique("Junta que sesiona"));
        long other = api.scheme(TestData.unique("Otra junta"));
        String director = TestData.unique("directora");
        String member = TestData.unique("miembro-junta");
        String otherMember = TestData.unique("miembro-ajeno");
        api.user(director, PASSWORD, "SCHEME_ADMIN", scheme, null);
        api.user(member, PASSWORD, "BOARD_MEMBER", scheme, null);
        api.user(otherMember, PASSWORD, "BOARD_MEMBER", other, null);
        long board = body(director, scheme, "Junta Directiva");
        LocalDate today = LocalDate.now();

        // Sessions as convening writes them (its notice rules are GovernanceTests'): two ahead, one held a month ago.
        long next = session(scheme, board, today.plusDays(7) + " 09:00", null);
        session(scheme, board, today.plusDays(40) + " 09:00", null);
        long held = session(scheme, board, today.minusDays(30) + " 09:00", 4);

        List<AttentionItem> items = attention.itemsFor(recipients.byUsername(member).orElseThrow());
        assertThat(items).filteredOn(i -> i.kind().equals("governance.nextSession")).singleElement().satisfies(i -> {
            assertThat(i.subject()).startsWith(today.plusDays(7).format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy"))
                    + " 09:00 — Junta Directiva");
            assertThat(i.link()).isEqualTo("/governance/schemes/" + scheme + "/sessions/" + next);
        });
        assertThat(items).filteredOn(i -> i.kind().equals("governance.minutesToSign")).singleElement().satisfies(i -> {
            assertThat(i.count()).isEqualTo(1);
            assertThat(i.link()).isEqualTo("/governance/schemes/" + scheme + "/sessions/" + held);
        });

        // Another scheme's board member, and the director (not a board member), see none of it.
        assertThat(attention.itemsFor(recipients.byUsername(otherMember).orElseThrow()))
                .noneMatch(i -> i.kind().startsWith("governance."));
        assertThat(attention.itemsFor(recipients.byUsername(director).orElseThrow()))
                .noneMatch(i -> i.kind().startsWith("governance."));

        // The next session is held: the one after it becomes next.
        jdbc.sql("update governance_session set present = 4, seats_in_term = 5, quorum = 3 where id = :id").param("id", next)
                .update();
        assertThat(attention.itemsFor(recipients.byUsername(member).orElseThrow()))
                .filteredOn(i -> i.kind().equals("governance.nextSession")).singleElement()
                .satisfies(i -> assertThat(i.subject()).startsWith(
                        today.plusDays(40).format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy"))));
    }

    private long body(String director, long scheme, String name) throws Exception {
        String json = mvc.perform(post("/api/v1/registry/schemes/" + scheme + "/bodies").with(httpBasic(director, PASSWORD))
                .contentType(MediaType.APPLICATION_JSON).content("{\"kind\":\"BOARD\",\"name\":\"" + name + "\"}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return ((Number) JsonPath.read(json, "$.id")).longValue();
    }

    private long session(long scheme, long body, String startsAt, Integer present) {
        return jdbc.sql("""
                insert into governance_session (scheme_id, body_id, kind, starts_at, place, convened_on, agenda,
                    seats_in_term, present, quorum)
                values (:s, :b, 'ORDINARY', cast(:at as timestamp), 'Sede del esquema', cast(:at as timestamp)::date - 10,
                    'Orden del día', :seats, :present, :quorum) returning id""").param("s", scheme).param("b", body)
                .param("at", startsAt).param("seats", present == null ? null : 5).param("present", present)
                .param("quorum", present == null ? null : 3).query(Long.class).single();
    }
}
