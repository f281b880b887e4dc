package org.minga.services;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;

import org.junit.jupiter.api.Test;
import org.minga.identity.Recipients;
import org.minga.notifications.AttentionItem;
import org.minga.notifications.internal.Attention;
import org.minga.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A case assigned from its page to a person of the scheme's team: shown there, audited, told to the
 * assignee once per assignment, listed under "Mis casos", counted on their desk apart from the
 * unassigned cases; anyone outside the team is refused with a message and nothing changes.
 */
@IntegrationTest
class CaseAssignmentTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Attention attention;
    @Autowired
    Recipients recipients;

    @Test
    void theDirectorAssignsACaseToAStaffPersonWhoIsToldOnceAndFindsItAsTheirs() throws Exception {
        ServiceFixtures f = new ServiceFixtures(mvc, "Asignación de trámites");
        long caseId = openCase(f);
        long staffId = id(f.staff);
        long directorId = id(f.director);
        jdbc.sql("update app_user set full_name = 'Laura Gómez (inventada)' where id = :id").param("id", staffId).update();
        String page = "/services/schemes/" + f.scheme + "/cases/" + caseId;

        String form = mvc.perform(get(page).with(user(f.director))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        assertThat(form).contains("Nadie todavía").contains("<option value=\"" + staffId + "\">Laura Gómez (inventada)</option>")
                .doesNotContain("value=\"" + id(f.board) + "\"");

        assign(f.director, page, staffId).andExpect(status().is3xxRedirection());
        // A double click: the same person again is the same assignment.
        assign(f.director, page, staffId).andExpect(status().is3xxRedirection());
        assertThat(mvc.perform(get(page).with(user(f.director))).andReturn().getResponse().getContentAsString())
                .contains("id=\"case-assignee\">Laura Gómez (inventada)</dd>");
        assertThat(notices(staffId, caseId)).isEqualTo(1);
        assertThat(jdbc.sql("""
                select count(*) from audit_event where entity_type = 'service_case' and entity_id = :id and action = 'UPDATE'
                and summary like '%asignado a Laura Gómez (inventada)'""").param("id", String.valueOf(caseId))
                .query(Long.class).single()).isEqualTo(1);
        String inbox = mvc.perform(get("/inbox").with(user(f.staff))).andReturn().getResponse().getContentAsString();
        assertThat(inbox).contains("Se le asignó un trámite: ");

        // "Mis casos": the staff person's list has it, the director's does not.
        String number = jdbc.sql("select number from service_case where id = :id").param("id", caseId).query(String.class).single();
        assertThat(mvc.perform(get("/services/schemes/" + f.scheme).param("mine", "true").with(user(f.staff))).andReturn()
                .getResponse().getContentAsString()).contains(number);
        assertThat(mvc.perform(get("/services/schemes/" + f.scheme).param("mine", "true").with(user(f.director))).andReturn()
                .getResponse().getContentAsString()).doesNotContain(number);

        // Overdue: on the assignee's desk as theirs; no longer among the scheme's unassigned ones for anybody.
        jdbc.sql("update service_case set due_on = current_date - 2 where id = :id").param("id", caseId).update();
        assertThat(count(f.staff, "services.assigned.overdue", f.scheme)).isEqualTo(1);
        assertThat(count(f.staff, "services.overdue", f.scheme)).isZero();
        assertThat(count(f.director, "services.assigned.overdue", f.scheme)).isZero();
        assertThat(count(f.director, "services.overdue", f.scheme)).isZero();
        assertThat(count(f.outsider, "services.assigned.overdue", f.scheme)).isZero();

        // Away to the director and back: a new assignment, told again.
        assign(f.director, page, directorId).andExpect(status().is3xxRedirection());
        assertThat(count(f.staff, "services.assigned.overdue", f.scheme)).isZero();
        assign(f.director, page, staffId).andExpect(status().is3xxRedirection());
        assertThat(notices(staffId, caseId)).isEqualTo(2);
        assertThat(notices(directorId, caseId)).isEqualTo(1);
    }

    @Test
    void aPersonOutsideTheSchemesTeamIsRefusedWithAMessageAndNothingChanges() throws Exception {
        ServiceFixtures f = new ServiceFixtures(mvc, "Asignación rechazada");
        long caseId = openCase(f);
        String page = "/services/schemes/" + f.scheme + "/cases/" + caseId;

        // A board member of the scheme and a director of another scheme are not its team.
        for (long who : new long[] {id(f.board), id(f.outsider)}) {
            String html = assign(f.director, page, who).andExpect(status().isOk()).andReturn().getResponse()
                    .getContentAsString();
            assertThat(html).contains("Elija una persona del equipo del esquema (dirección o personal técnico)");
            assertThat(notices(who, caseId)).isZero();
        }
        String html = mvc.perform(post(page + "/assignee").with(user(f.director)).with(csrf()).param("assigneeId", ""))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(html).contains("Elija una persona del equipo del esquema");
        assertThat(jdbc.sql("select assignee_id from service_case where id = :id").param("id", caseId).query(Long.class)
                .optional()).isEmpty();

        // Nor may someone outside the scheme assign its cases.
        assign(f.outsider, page, id(f.staff)).andExpect(status().isForbidden());
        assign(f.board, page, id(f.staff)).andExpect(status().isForbidden());
        assertThat(notices(id(f.staff), caseId)).isZero();
    }

    private org.springframework.test.web.servlet.ResultActions assign(String as, String page, long who) throws Exception {
        return mvc.perform(post(page + "/assignee").with(user(as)).with(csrf()).param("assigneeId", String.valueOf(who)));
    }

    private long openCase(ServiceFixtures f) throws Exception {
        f.members(jdbc, "D080");
        long line = f.line("LAND_USE_PERMITS", "OPLAGEST", "USD");
        String type = f.as(f.director, post(f.base + "/case-types/permit"), "{\"serviceLineId\":" + line + "}")
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        String c = f.as(f.staff, post(f.base + "/cases"), "{\"caseTypeId\":" + JsonPath.read(type, "$.id")
                + ",\"applicantName\":\"José Ayala\",\"unitCode\":\"D080\",\"subject\":\"Lotificación\"}")
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return ((Number) JsonPath.read(c, "$.id")).longValue();
    }

    private long id(String username) {
        return recipients.byUsername(username).orElseThrow().id();
    }

    private long notices(long userId, long caseId) {
        return jdbc.sql("""
                select count(*) from notification_message where app_user = :u and kind = 'services.case.assigned'
                and link like :link""").param("u", userId).param("link", "%/cases/" + caseId)
                .query(Long.class).single();
    }

    private long count(String username, String kind, long scheme) {
        return attention.itemsFor(recipients.byUsername(username).orElseThrow()).stream()
                .filter(i -> i.kind().equals(kind) && Long.valueOf(scheme).equals(i.schemeId()))
                .mapToLong(AttentionItem::count).sum();
    }
}
