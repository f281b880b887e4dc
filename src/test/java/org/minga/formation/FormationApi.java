package org.minga.formation;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** The formation API as one user sees it. */
record FormationApi(MockMvc mvc, String user, String password) {

    static final String BASE = "/api/v1/formation/schemes/";

    ResultActions route(long scheme) throws Exception {
        return mvc.perform(get(BASE + scheme + "/route").with(httpBasic(user, password)));
    }

    ResultActions deliverable(long scheme, String code, String json) throws Exception {
        return mvc.perform(put(BASE + scheme + "/route/deliverables/" + code).with(httpBasic(user, password))
                .contentType(MediaType.APPLICATION_JSON).content(json));
    }

    ResultActions prospects(long scheme) throws Exception {
        return mvc.perform(get(BASE + scheme + "/prospective-members").with(httpBasic(user, password)));
    }

    ResultActions addProspect(long scheme, String json) throws Exception {
        return mvc.perform(post(BASE + scheme + "/prospective-members").with(httpBasic(user, password))
                .contentType(MediaType.APPLICATION_JSON).content(json));
    }

    ResultActions addUnit(long scheme, String code) throws Exception {
        return addProspect(scheme, "{\"unitCode\":\"" + code + "\"}");
    }

    ResultActions authorise(long scheme, String code, String json) throws Exception {
        return mvc.perform(put(BASE + scheme + "/prospective-members/" + code).with(httpBasic(user, password))
                .contentType(MediaType.APPLICATION_JSON).content(json));
    }

    ResultActions pertinence(long scheme, String at) throws Exception {
        var request = get(BASE + scheme + "/pertinence").with(httpBasic(user, password));
        return mvc.perform(at == null ? request : request.param("at", at));
    }

    ResultActions answer(long scheme, String question, String json) throws Exception {
        return mvc.perform(put(BASE + scheme + "/pertinence/answers/" + question).with(httpBasic(user, password))
                .contentType(MediaType.APPLICATION_JSON).content(json));
    }
}
