package org.minga.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.minga.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** Pages link static files by fingerprint, and those files are served and cached for a year. */
@IntegrationTest
class StaticResourcesTests {

    @Autowired
    MockMvc mvc;

    @Test
    void theLoginPageLinksFingerprintedFilesThatAreCachedForAYear() throws Exception {
        String page = mvc.perform(get("/login")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        Matcher css = Pattern.compile("/css/minga-[0-9a-f]{32}\\.css").matcher(page);
        Matcher htmx = Pattern.compile("/webjars/htmx\\.org/[0-9.]+/dist/htmx\\.min-[0-9a-f]{32}\\.js").matcher(page);
        assertThat(css.find()).as("fingerprinted stylesheet link in %s", page).isTrue();
        assertThat(htmx.find()).as("fingerprinted htmx link").isTrue();
        for (String path : new String[] {css.group(), htmx.group()}) {
            mvc.perform(get(path)).andExpect(status().isOk())
                    .andExpect(header().string("Cache-Control", "max-age=31536000, public"));
        }
        mvc.perform(get("/registry/schemes")).andExpect(status().is3xxRedirection());
    }
}
