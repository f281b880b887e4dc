package org.minga.services;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.minga.platform.Zones;
import org.minga.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import com.jayway.jsonpath.JsonPath;

/** A permit's due date counts its target time in working days of the scheme's country, as permit offices do. */
@IntegrationTest
class CaseDueDateTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Zones zones;

    @Test
    void aPermitOpenedTodayIsDueThirtyWorkingDaysLaterInItsSchemesCountry() throws Exception {
        for (String country : new String[] {"CO", "SV"}) {
            ServiceFixtures f = new ServiceFixtures(mvc, "Permisos " + country);
            jdbc.sql("update scheme set country = :c where id = :s").param("c", country).param("s", f.scheme).update();
            long line = f.line("LAND_USE_PERMITS", "Permisos", "USD");
            String type = f.as(f.director, post(f.base + "/case-types/permit"), "{\"serviceLineId\":" + line + "}")
                    .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
            int target = JsonPath.read(type, "$.targetDays");
            LocalDate today = zones.today(country);
            String opened = f.as(f.staff, post(f.base + "/cases"), "{\"caseTypeId\":" + JsonPath.read(type, "$.id")
                    + ",\"applicantName\":\"José Ayala\",\"unitCode\":\"D070\",\"subject\":\"Lotificación de 4 lotes\"}").andExpect(status().isCreated())
                    .andReturn().getResponse().getContentAsString();
            LocalDate due = LocalDate.parse(JsonPath.read(opened, "$.dueOn"));
            assertThat(due).as(country).isEqualTo(WorkingDays.plus(country, today, target));
            assertThat(WorkingDays.isWorkingDay(country, due)).isTrue();
            // Thirty working days span at least six weeks: never the calendar date thirty days on.
            assertThat(due).isAfterOrEqualTo(today.plusDays(target / 5 * 7));
        }
    }
}
