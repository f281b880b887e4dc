package org.minga.support;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import com.jayway.jsonpath.JsonPath;

/** Creates schemes and users through the real API, as the administrator. */
public final class ApiFixtures {

    private final MockMvc mvc;

    public ApiFixtures(MockMvc mvc) {
        this.mvc = mvc;
    }

    public long scheme(String name) throws Exception {
        String body = mvc.perform(post("/api/v1/registry/schemes").with(httpBasic("admin", IntegrationTest.ADMIN_PASSWORD))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\":\"" + name + "\",\"acronym\":\"T\",\"country\":\"CO\"}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return ((Number) JsonPath.read(body, "$.id")).longValue();
    }

    /** A user with one grant; {@code schemeId} and {@code unit} may be null. */
    public long user(String username, String password, String role, Long schemeId, String unit) throws Exception {
        String grant = "{\"role\":\"" + role + "\",\"schemeId\":" + schemeId + ",\"unitCode\":"
                + (unit == null ? "null" : "\"" + unit + "\"") + "}";
        String body = mvc.perform(post("/api/v1/users").with(httpBasic("admin", IntegrationTest.ADMIN_PASSWORD))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"username\":\"" + username + "\",\"fullName\":\"Persona de prueba\",\"password\":\""
                        + password + "\",\"grant\":" + grant + "}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return ((Number) JsonPath.read(body, "$.id")).longValue();
    }

    /** Makes the units members of the scheme from 2020-01-01. */
    public void members(long schemeId, String... unitCodes) throws Exception {
        members(schemeId, java.time.LocalDate.of(2020, 1, 1), unitCodes);
    }

    /** Makes the units members of the scheme from the date (for writes about earlier years). */
    public void members(long schemeId, java.time.LocalDate since, String... unitCodes) throws Exception {
        for (String code : unitCodes) {
            mvc.perform(post("/api/v1/registry/schemes/" + schemeId + "/members")
                    .with(httpBasic("admin", IntegrationTest.ADMIN_PASSWORD)).contentType(MediaType.APPLICATION_JSON)
                    .content("{\"unitCode\":\"" + code + "\",\"joinedOn\":\"" + since + "\"}"))
                    .andExpect(status().isCreated());
        }
    }
}
