package org.minga.services;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.minga.platform.web.SchemeSection;
import org.minga.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** The services' section of a scheme's page: declared once, its summary rendered from this module's template, scoped. */
@IntegrationTest
class ServicesSectionTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    List<SchemeSection> sections;

    @Test
    void theSummaryListsTheLinesForTheSchemeAndIsRefusedToAnotherSchemesAdministrator() throws Exception {
        ServiceFixtures f = new ServiceFixtures(mvc, "Sección de servicios");
        f.line("SOLID_WASTE", "Relleno de la sección", "USD");
        SchemeSection section = sections.stream().filter(s -> s.titleKey().equals("services.link")).findFirst().orElseThrow();
        assertThat(section.path(f.scheme)).isEqualTo("/services/schemes/" + f.scheme);
        String html = mvc.perform(get(section.summaryPath(f.scheme)).with(user(f.staff).roles("SCHEME_STAFF")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(html).contains("Relleno de la sección").contains("Líneas de servicio: 1").doesNotContain("<html");
        mvc.perform(get(section.summaryPath(f.scheme)).with(user(f.outsider).roles("SCHEME_ADMIN"))).andExpect(status().isForbidden());
    }
}
