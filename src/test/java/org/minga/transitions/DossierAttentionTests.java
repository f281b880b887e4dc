package org.minga.transitions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;

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
import org.springframework.test.web.servlet.MockMvc;

/**
 * Dossiers to deliver: an election ahead whose candidates have not all received their dossier is on
 * the desk of its scheme's director and staff, counted by candidate, until each has it; another
 * scheme's director and the scheme's board member see none.
 */
@IntegrationTest
class DossierAttentionTests {

    static final String PASSWORD = "una-clave-larga-1";
    @Autowired
    MockMvc mvc;
    @Autowired
    Attention attention;
    @Autowired
    Recipients recipients;

    @Test
    void candidatesWithoutTheirDossierAreCountedForTheSchemesTeamUntilDelivered() throws Exception {
        ApiFixtures api = new ApiFixtures(mvc);
        long scheme = api.scheme(TestData.unique("Elecciones por delante"));
        long other = api.scheme(TestData.unique("Ajeno"));
        String director = TestData.unique("directora");
        String staff = TestData.unique("tecnico");
        String board = TestData.unique("junta");
        String outsider = TestData.unique("ajeno");
        api.user(director, PASSWORD, "SCHEME_ADMIN", scheme, null);
        api.user(staff, PASSWORD, "SCHEME_STAFF", scheme, null);
        api.user(board, PASSWORD, "BOARD_MEMBER", scheme, null);
        api.user(outsider, PASSWORD, "SCHEME_ADMIN", other, null);
        String base = "/api/v1/transitions/schemes/" + scheme;
        String name = TestData.unique("Elecciones regionales");
        long election = id(create(director, base + "/elections", "{\"name\":\"" + name + "\",\"heldOn\":\""
                + LocalDate.now().plusDays(60) + "\"}"));
        long ana = id(create(director, base + "/elections/" + election + "/candidates", "{\"name\":\"Ana Pérez\",\"party\":\"A\"}"));
        id(create(director, base + "/elections/" + election + "/candidates", "{\"name\":\"Luis Gómez\",\"party\":\"B\"}"));
        // An election already held is past its deadline: not on the desk.
        long past = id(create(director, base + "/elections", "{\"name\":\"" + TestData.unique("Pasada") + "\",\"heldOn\":\""
                + LocalDate.now().minusDays(10) + "\",\"cutOffOn\":\"" + LocalDate.now().minusDays(20) + "\"}"));
        create(director, base + "/elections/" + past + "/candidates", "{\"name\":\"Eva Ruiz\",\"party\":\"C\"}");

        for (String who : new String[] {director, staff}) {
            assertThat(attention.itemsFor(recipients.byUsername(who).orElseThrow()))
                    .filteredOn(i -> i.kind().equals("transitions.dossiers") && Long.valueOf(scheme).equals(i.schemeId()))
                    .singleElement().satisfies(i -> {
                        assertThat(i.count()).isEqualTo(2);
                        assertThat(i.subject()).startsWith(name);
                        assertThat(i.link()).isEqualTo("/transitions/schemes/" + scheme + "/elections/" + election);
                    });
        }
        for (String who : new String[] {board, outsider}) {
            assertThat(attention.itemsFor(recipients.byUsername(who).orElseThrow()))
                    .noneMatch(i -> i.kind().equals("transitions.dossiers") && Long.valueOf(scheme).equals(i.schemeId()));
        }

        mvc.perform(post(base + "/elections/" + election + "/candidates/" + ana + "/deliveries")
                .with(httpBasic(director, PASSWORD))).andExpect(status().isCreated());
        assertThat(count(staff, scheme)).isEqualTo(1);
    }

    private long count(String username, long scheme) {
        return attention.itemsFor(recipients.byUsername(username).orElseThrow()).stream()
                .filter(i -> i.kind().equals("transitions.dossiers") && Long.valueOf(scheme).equals(i.schemeId()))
                .mapToLong(AttentionItem::count).sum();
    }

    private String create(String user, String path, String json) throws Exception {
        return mvc.perform(post(path)
                .with(httpBasic(user, PASSWORD)).contentType(MediaType.APPLICATION_JSON).content(json))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
    }

    private static long id(String json) {
        return ((Number) JsonPath.read(json, "$.id")).longValue();
    }
}
