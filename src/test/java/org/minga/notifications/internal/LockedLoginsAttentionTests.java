package org.minga.notifications.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.minga.support.ClientAddress.from;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.minga.identity.Recipients;
import org.minga.notifications.AttentionItem;
import org.minga.support.ApiFixtures;
import org.minga.support.IntegrationTest;
import org.minga.support.TestData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * An account locked by wrong passwords is on the platform administrators' desk, linked to the page
 * where it is unlocked, and gone once unlocked; a scheme's director never sees it. A guessed name
 * without an account is nobody's to unlock and is not listed.
 */
@IntegrationTest
class LockedLoginsAttentionTests {

    static final String PASSWORD = "una-clave-larga-1";
    @Autowired
    MockMvc mvc;
    @Autowired
    Attention attention;
    @Autowired
    Recipients recipients;

    @Test
    void aLockedAccountIsOnTheAdministratorsDeskUntilUnlocked() throws Exception {
        ApiFixtures api = new ApiFixtures(mvc);
        long scheme = api.scheme(TestData.unique("Esquema con bloqueos"));
        String director = TestData.unique("directora");
        api.user(director, PASSWORD, "SCHEME_ADMIN", scheme, null);
        String victim = TestData.unique("bloqueada");
        long victimId = api.user(victim, PASSWORD, "SCHEME_STAFF", scheme, null);
        String ghost = TestData.unique("no-existe");
        for (int i = 0; i < 6; i++) {
            mvc.perform(get("/api/v1/me").with(from("203.0.113.77")).with(httpBasic(victim, "adivinanza-" + i)));
            mvc.perform(get("/api/v1/me").with(from("203.0.113.77")).with(httpBasic(ghost, "adivinanza-" + i)));
        }

        List<AttentionItem> items = locked("admin");
        assertThat(items).filteredOn(i -> i.subject().equals(victim)).singleElement().satisfies(i -> {
            assertThat(i.link()).isEqualTo("/admin/users/" + victimId);
            assertThat(i.schemeId()).isNull();
        });
        assertThat(items).noneMatch(i -> i.subject().equals(ghost));
        assertThat(locked(director)).isEmpty();

        // The desk says it in words, with the link.
        String desk = mvc.perform(get("/desk").with(user("admin").roles("PLATFORM_ADMIN"))).andReturn().getResponse()
                .getContentAsString();
        assertThat(desk).contains("Cuentas bloqueadas").contains("La cuenta " + victim + " tiene el ingreso bloqueado")
                .contains("href=\"/admin/users/" + victimId + "\"");

        mvc.perform(post("/admin/users/" + victimId + "/unlock").with(user("admin").roles("PLATFORM_ADMIN")).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(locked("admin")).noneMatch(i -> i.subject().equals(victim));
    }

    private List<AttentionItem> locked(String username) {
        return attention.itemsFor(recipients.byUsername(username).orElseThrow()).stream()
                .filter(i -> i.kind().equals("identity.locked")).toList();
    }
}
