package org.minga.registry;

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

/** A board term ending within 90 days needs the scheme's directors' attention until the seat is handled. */
@IntegrationTest
class TermAttentionTests {

    static final String PASSWORD = "una-clave-larga-1";
    @Autowired
    MockMvc mvc;
    @Autowired
    Attention attention;
    @Autowired
    Recipients recipients;

    @Test
    void aTermEndingIn30DaysIsAnItemForTheSchemesDirectorOnlyUntilTheSeatIsEnded() throws Exception {
        ApiFixtures fixtures = new ApiFixtures(mvc);
        long scheme = fixtures.scheme(TestData.unique("Junta que termina"));
        long other = fixtures.scheme(TestData.unique("Otra junta"));
        String director = TestData.unique("director");
        String outsider = TestData.unique("ajeno");
        fixtures.user(director, PASSWORD, "SCHEME_ADMIN", scheme, null);
        fixtures.user(outsider, PASSWORD, "SCHEME_ADMIN", other, null);
        String base = "/api/v1/registry/schemes/" + scheme + "/bodies";
        long board = id(mvc.perform(post(base).with(httpBasic(director, PASSWORD)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"kind\":\"BOARD\",\"name\":\"Junta Directiva\"}")).andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString());
        LocalDate today = LocalDate.now();
        long seat = id(mvc.perform(post(base + "/" + board + "/seats").with(httpBasic(director, PASSWORD))
                .contentType(MediaType.APPLICATION_JSON).content("{\"personName\":\"María Pérez\",\"role\":\"PRESIDENT\","
                        + "\"unitCode\":\"D097\",\"termStart\":\"" + today.minusYears(2) + "\",\"termEnd\":\""
                        + today.plusDays(30) + "\"}")).andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString());

        assertThat(terms(director, scheme)).isEqualTo(1);
        assertThat(attention.itemsFor(recipients.byUsername(outsider).orElseThrow()))
                .noneMatch(i -> Long.valueOf(scheme).equals(i.schemeId()));

        mvc.perform(post(base + "/" + board + "/seats/" + seat + "/end").with(httpBasic(director, PASSWORD))
                .contentType(MediaType.APPLICATION_JSON).content("{\"endedOn\":\"" + today + "\"}"))
                .andExpect(status().isOk());
        assertThat(terms(director, scheme)).isZero();
    }

    private long terms(String username, long scheme) {
        return attention.itemsFor(recipients.byUsername(username).orElseThrow()).stream()
                .filter(i -> i.kind().equals("registry.terms") && Long.valueOf(scheme).equals(i.schemeId()))
                .mapToLong(AttentionItem::count).sum();
    }

    private static long id(String json) {
        return ((Number) JsonPath.read(json, "$.id")).longValue();
    }
}
