package org.minga.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.minga.support.ApiFixtures;
import org.minga.support.IntegrationTest;
import org.minga.support.TestData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The header's menu shows each person only what their grants open: their own schemes by name (never
 * another's), the fiscal pages to those who work in a scheme, administration to administrators, the
 * whole register to observers; an anonymous visitor gets the light header.
 */
@IntegrationTest
class MenuTests {

    static final String PASSWORD = "una-clave-larga-1";
    @Autowired
    MockMvc mvc;

    @Test
    void eachPersonSeesOnlyWhatTheirGrantsOpen() throws Exception {
        ApiFixtures fixtures = new ApiFixtures(mvc);
        String mineName = TestData.unique("Provincia del menú");
        long mine = fixtures.scheme(mineName);
        String otherName = TestData.unique("Esquema ajeno del menú");
        long other = fixtures.scheme(otherName);
        String staff = TestData.unique("equipo-menu");
        fixtures.user(staff, PASSWORD, "SCHEME_STAFF", mine, null);
        String director = TestData.unique("directora-menu");
        fixtures.user(director, PASSWORD, "SCHEME_ADMIN", other, null);
        String observer = TestData.unique("observadora-menu");
        fixtures.user(observer, PASSWORD, "OBSERVER", null, null);
        String citizen = TestData.unique("vecino-menu");
        fixtures.user(citizen, PASSWORD, "CITIZEN", null, null);

        String staffMenu = header(get("/knowledge").with(user(staff)));
        assertThat(staffMenu).contains("id=\"my-schemes\"").contains("href=\"/registry/schemes/" + mine + "\"")
                .contains(">" + mineName + "<").doesNotContain("/registry/schemes/" + other + "\"")
                .doesNotContain(otherName).contains("href=\"/fiscal\"").doesNotContain("/admin/")
                .doesNotContain("href=\"/registry/schemes\"").contains("href=\"/account/password\"")
                .contains("id=\"inbox-link\"");

        // A scheme's director administers its users, not the platform's imports or audit.
        String directorMenu = header(get("/knowledge").with(user(director)));
        assertThat(directorMenu).contains("href=\"/registry/schemes/" + other + "\"").doesNotContain(mineName)
                .contains("href=\"/admin/users\"").doesNotContain("href=\"/admin/audit\"")
                .doesNotContain("href=\"/admin/territory/imports\"");

        String observerMenu = header(get("/knowledge").with(user(observer)));
        assertThat(observerMenu).contains("href=\"/registry/schemes\"").doesNotContain("id=\"my-schemes\"")
                .contains("href=\"/fiscal\"").doesNotContain("/admin/");

        String citizenMenu = header(get("/knowledge").with(user(citizen)));
        assertThat(citizenMenu).contains("id=\"menu\"").contains("href=\"/public/participation/issues\"")
                .doesNotContain("id=\"my-schemes\"").doesNotContain("href=\"/registry/schemes")
                .doesNotContain("href=\"/fiscal\"").doesNotContain("/admin/");

        String adminMenu = header(get("/knowledge").with(user("admin").roles("PLATFORM_ADMIN")));
        assertThat(adminMenu).contains("href=\"/registry/schemes\"").contains("href=\"/admin/users\"")
                .contains("href=\"/admin/territory/imports\"").contains("href=\"/admin/audit\"");

        String anonymous = header(get("/public"));
        assertThat(anonymous).doesNotContain("id=\"menu\"").contains("href=\"/login\"").contains("hreflang=\"en\"");
    }

    /** The page's header only, so that links in the page itself do not count. */
    private String header(MockHttpServletRequestBuilder request) throws Exception {
        String page = mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        return page.substring(page.indexOf("<header class=\"top\">"), page.indexOf("</header>"));
    }
}
