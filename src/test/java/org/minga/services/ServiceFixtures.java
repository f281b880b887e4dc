package org.minga.services;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.minga.support.ApiFixtures;
import org.minga.support.TestData;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import com.jayway.jsonpath.JsonPath;

/** A scheme with its director, staff, a board member and an outsider, and calls to the services API as them. */
final class ServiceFixtures {

    static final String PASSWORD = "una-clave-larga-1";
    final MockMvc mvc;
    final long scheme;
    final String director = TestData.unique("directora");
    final String staff = TestData.unique("tecnico");
    final String board = TestData.unique("junta");
    final String outsider = TestData.unique("otro-esquema");
    final String base;

    ServiceFixtures(MockMvc mvc, String schemeName) throws Exception {
        this.mvc = mvc;
        ApiFixtures api = new ApiFixtures(mvc);
        scheme = api.scheme(TestData.unique(schemeName));
        long other = api.scheme(TestData.unique("Otro esquema"));
        api.user(director, PASSWORD, "SCHEME_ADMIN", scheme, null);
        api.user(staff, PASSWORD, "SCHEME_STAFF", scheme, null);
        api.user(board, PASSWORD, "BOARD_MEMBER", scheme, null);
        api.user(outsider, PASSWORD, "SCHEME_ADMIN", other, null);
        base = "/api/v1/services/schemes/" + scheme;
    }

    ResultActions as(String user, MockHttpServletRequestBuilder request, String json) throws Exception {
        if (user != null) {
            request = request.with(httpBasic(user, PASSWORD));
        }
        if (json != null) {
            request = request.contentType(MediaType.APPLICATION_JSON).content(json);
        }
        return mvc.perform(request);
    }

    long line(String type, String name, String currency) throws Exception {
        String body = as(director, post(base + "/lines"), "{\"type\":\"" + type + "\",\"name\":\"" + name + "\",\"currency\":\""
                + currency + "\"}").andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return ((Number) JsonPath.read(body, "$.id")).longValue();
    }

    /**
     * Makes the units members of the scheme since 2020-01-01, for clients of kind MEMBER. These tests
     * use invented unit codes (so their rows meet no other test's units) that the register cannot
     * join through its API, so the membership row is written directly.
     */
    void members(org.springframework.jdbc.core.simple.JdbcClient jdbc, String... units) {
        for (String unit : units) {
            jdbc.sql("insert into membership (scheme_id, unit_code, joined_on) values (:s, :u, date '2020-01-01')")
                    .param("s", scheme).param("u", unit).update();
        }
    }

    long client(long line, String code, String name, String kind, String unit) throws Exception {
        String body = as(director, post(base + "/lines/" + line + "/clients"), "{\"code\":\"" + code + "\",\"name\":\"" + name
                + "\",\"kind\":\"" + kind + "\",\"unitCode\":" + (unit == null ? "null" : "\"" + unit + "\"") + "}")
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return ((Number) JsonPath.read(body, "$.id")).longValue();
    }

    void tariff(long line, String from, String amount, String unit) throws Exception {
        as(director, put(base + "/lines/" + line + "/tariffs"), "{\"validFrom\":\"" + from + "\",\"amount\":" + amount
                + ",\"unit\":\"" + unit + "\"}").andExpect(status().isOk());
    }
}
