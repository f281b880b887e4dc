package org.minga.projects;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
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
import org.minga.support.TerritoryFixtures;
import org.minga.support.TestData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * A member official's desk item for projects: a project in execution that benefits their municipality
 * and has a milestone past its planned date; not for the official of a municipality it does not
 * benefit, nor for the same municipality's official in another scheme; gone when the milestone is reached.
 */
@IntegrationTest
class ProjectAttentionTests {

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
    void aLateMilestoneReachesTheOfficialsOfTheMunicipalitiesTheProjectBenefitsOnly() throws Exception {
        TerritoryFixtures.importAll(mvc, jdbc);
        ApiFixtures fixtures = new ApiFixtures(mvc);
        long scheme = fixtures.scheme(TestData.unique("Provincia que ejecuta"));
        long other = fixtures.scheme(TestData.unique("Provincia vecina"));
        fixtures.members(scheme, "54498", "54003");
        fixtures.members(other, "54498");
        String director = TestData.unique("directora");
        String ocana = TestData.unique("enlace-ocana");
        String abrego = TestData.unique("enlace-abrego");
        String ocanaElsewhere = TestData.unique("enlace-ocana-vecina");
        fixtures.user(director, PASSWORD, "SCHEME_ADMIN", scheme, null);
        fixtures.user(ocana, PASSWORD, "MEMBER_OFFICIAL", scheme, "54498");
        fixtures.user(abrego, PASSWORD, "MEMBER_OFFICIAL", scheme, "54003");
        fixtures.user(ocanaElsewhere, PASSWORD, "MEMBER_OFFICIAL", other, "54498");

        String name = TestData.unique("Acueducto de Ocaña");
        long project = id(api(director, post("/api/v1/projects/schemes/" + scheme + "/projects"), "{\"code\":\""
                + TestData.unique("P") + "\",\"name\":\"" + name + "\",\"sector\":\"Vivienda, ciudad y territorio\",\"cost\":1000,"
                + "\"currency\":\"COP\",\"beneficiaries\":[{\"unitCode\":\"54498\",\"people\":100}]}")
                .andExpect(status().isCreated()));
        long late = id(api(director, post("/api/v1/projects/" + project + "/milestones"),
                "{\"name\":\"Entrega de obra\",\"plannedOn\":\"2021-01-01\"}").andExpect(status().isCreated()));
        api(director, post("/api/v1/projects/" + project + "/milestones"),
                "{\"name\":\"Diseños\",\"plannedOn\":\"2020-06-01\",\"actualOn\":\"2020-06-01\"}")
                .andExpect(status().isCreated());
        // Still an idea: nothing is being executed, so nothing is late for the municipality.
        assertThat(items(ocana)).isEmpty();

        for (String stage : List.of("PROFILE", "PRE_INVESTMENT", "FORMULATED", "VIABLE", "APPROVED", "CONTRACTED",
                "IN_EXECUTION")) {
            api(director, post("/api/v1/projects/" + project + "/steps"),
                    "{\"stage\":\"" + stage + "\",\"on\":\"" + LocalDate.now() + "\"}").andExpect(status().isOk());
        }
        assertThat(items(ocana)).singleElement().isEqualTo(new AttentionItem("projects.late", 1, name,
                "/projects/" + project, scheme));
        assertThat(items(abrego)).isEmpty();
        assertThat(items(ocanaElsewhere)).isEmpty();
        // The link is one the official may open.
        mvc.perform(get("/projects/" + project).with(user(ocana))).andExpect(status().isOk());

        api(director, put("/api/v1/projects/" + project + "/milestones/" + late),
                "{\"actualOn\":\"" + LocalDate.now() + "\"}").andExpect(status().isOk());
        assertThat(items(ocana)).isEmpty();
    }

    private List<AttentionItem> items(String username) {
        return attention.itemsFor(recipients.byUsername(username).orElseThrow()).stream()
                .filter(i -> i.kind().equals("projects.late")).toList();
    }

    private ResultActions api(String who, MockHttpServletRequestBuilder request, String body) throws Exception {
        return mvc.perform(request.with(httpBasic(who, PASSWORD)).contentType(MediaType.APPLICATION_JSON).content(body));
    }

    private static long id(ResultActions result) throws Exception {
        return ((Number) JsonPath.read(result.andReturn().getResponse().getContentAsString(), "$.id")).longValue();
    }
}
