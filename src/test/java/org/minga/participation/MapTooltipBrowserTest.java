package org.minga.participation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.minga.support.ApiFixtures;
import org.minga.support.BrowserTest;
import org.minga.support.TerritoryFixtures;
import org.minga.support.TestData;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import com.jayway.jsonpath.JsonPath;

/** F11: a name holding HTML is shown as that text in the maps' tooltips, never as markup. */
class MapTooltipBrowserTest extends BrowserTest {

    static final String PASSWORD = "una-clave-larga-1";
    static final String HTML = "<b>x</b><img src=x onerror=alert(1)>";
    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;

    @Test
    void issueAndProjectNamesWithHtmlAreShownAsText() throws Exception {
        TerritoryFixtures.importAll(mvc, jdbc);
        ApiFixtures fixtures = new ApiFixtures(mvc);
        long scheme = fixtures.scheme(TestData.unique("Provincia del mapa"));
        fixtures.members(scheme, "54498", "54003");
        String director = TestData.unique("directora");
        fixtures.user(director, PASSWORD, "SCHEME_ADMIN", scheme, null);
        String issue = mvc.perform(post("/api/v1/participation/schemes/" + scheme + "/issues")
                .with(httpBasic(director, PASSWORD)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"theme\":\"WATER\",\"title\":\"" + HTML + "\",\"description\":\"d\",\"lat\":8.2371,"
                        + "\"lon\":-73.3562}")).andExpect(status().isCreated()).andReturn().getResponse()
                .getContentAsString();
        long issueId = ((Number) JsonPath.read(issue, "$.id")).longValue();
        mvc.perform(post("/participation/schemes/" + scheme + "/issues/" + issueId + "/publish")
                .with(user(director).roles("SCHEME_ADMIN")).with(csrf())).andExpect(status().is3xxRedirection());
        String project = mvc.perform(post("/api/v1/projects/schemes/" + scheme + "/projects")
                .with(httpBasic(director, PASSWORD)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"code\":\"P-MAPA\",\"name\":\"" + HTML + "\",\"sector\":\"Vivienda, ciudad y territorio\",\"cost\":1,\"currency\":\"COP\","
                        + "\"location\":{\"type\":\"Point\",\"coordinates\":[-73.35,8.24]}}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        long projectId = ((Number) JsonPath.read(project, "$.id")).longValue();

        browser.get(url("/public/participation/issues?scheme=" + scheme));
        WebElement marker = waitUpTo(15).until(d -> d.findElements(By.cssSelector(".issue-marker")).stream()
                .findFirst().orElse(null));
        assertTooltipIsText(marker);

        logIn(director, PASSWORD);
        browser.get(url("/projects/" + projectId));
        WebElement pin = waitUpTo(15).until(d -> d.findElements(By.cssSelector("#project-map .project-location"))
                .stream().findFirst().orElse(null));
        assertTooltipIsText(pin);
    }

    private void assertTooltipIsText(WebElement target) {
        new Actions(browser).moveToElement(target).perform();
        WebElement tooltip = waitUpTo(10).until(d -> d.findElements(By.cssSelector(".leaflet-tooltip")).stream()
                .findFirst().orElse(null));
        assertThat(tooltip.getText()).isEqualTo(HTML);
        assertThat(tooltip.findElements(By.cssSelector("b, img"))).isEmpty();
    }
}
