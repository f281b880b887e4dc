package org.minga.services;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;

import org.junit.jupiter.api.Test;
import org.minga.identity.Recipients;
import org.minga.notifications.AttentionItem;
import org.minga.notifications.internal.Attention;
import org.minga.support.ApiFixtures;
import org.minga.support.IntegrationTest;
import org.minga.support.TestData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** Overdue and soon-due cases as attention items: staff see the scheme's, an official their unit's, others none. */
@IntegrationTest
class CaseAttentionTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Attention attention;
    @Autowired
    Recipients recipients;

    @Test
    void overdueCasesReachTheirSchemesStaffAndTheOfficialOfTheirUnitOnly() throws Exception {
        ServiceFixtures f = new ServiceFixtures(mvc, "Trámites pendientes");
        f.members(jdbc, "D070", "D071");
        String official = TestData.unique("enlace-d071");
        new ApiFixtures(mvc).user(official, ServiceFixtures.PASSWORD, "MEMBER_OFFICIAL", f.scheme, "D071");
        long line = f.line("LAND_USE_PERMITS", "OPLAGEST", "USD");
        String type = f.as(f.director, post(f.base + "/case-types/permit"), "{\"serviceLineId\":" + line + "}")
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        long typeId = ((Number) JsonPath.read(type, "$.id")).longValue();
        long inD070 = open(f, typeId, "D070");
        open(f, typeId, "D071");
        // Time passes for one case: its due date is behind us.
        jdbc.sql("update service_case set due_on = current_date - 3 where id = :id").param("id", inD070).update();

        assertThat(count(f.staff, "services.overdue", f.scheme)).isEqualTo(1);
        assertThat(count(official, "services.overdue", f.scheme)).isZero();
        assertThat(attention.itemsFor(recipients.byUsername(f.outsider).orElseThrow()))
                .noneMatch(i -> Long.valueOf(f.scheme).equals(i.schemeId()));
        AttentionItem item = attention.itemsFor(recipients.byUsername(f.staff).orElseThrow()).stream()
                .filter(i -> i.kind().equals("services.overdue")).findFirst().orElseThrow();
        assertThat(item.link()).isEqualTo("/services/schemes/" + f.scheme);

        // Handled: the case is completed, and the item is gone (computed, never a stale copy).
        jdbc.sql("update service_case set completed_at = now() where id = :id").param("id", inD070).update();
        assertThat(count(f.staff, "services.overdue", f.scheme)).isZero();
    }

    private long open(ServiceFixtures f, long typeId, String unit) throws Exception {
        String c = f.as(f.staff, post(f.base + "/cases"), "{\"caseTypeId\":" + typeId + ",\"applicantName\":\"José Ayala\","
                + "\"unitCode\":\"" + unit + "\",\"subject\":\"Lotificación\"}").andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString();
        return ((Number) JsonPath.read(c, "$.id")).longValue();
    }

    private long count(String username, String kind, long scheme) {
        return attention.itemsFor(recipients.byUsername(username).orElseThrow()).stream()
                .filter(i -> i.kind().equals(kind) && Long.valueOf(scheme).equals(i.schemeId()))
                .mapToLong(AttentionItem::count).sum();
    }
}
