package org.minga.notifications.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.minga.identity.Recipients;
import org.minga.identity.internal.LogVerificationSender;
import org.minga.participation.internal.PrioritisationExercises;
import org.minga.participation.internal.PrioritisationExercises.NewExercise;
import org.minga.participation.internal.TerritorialIssues;
import org.minga.support.IntegrationTest;
import org.minga.support.TestData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** A citizen's daily digest carries the ballot open to them, with the link to vote, as the desk does. */
@IntegrationTest
class CitizenDigestTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TerritorialIssues issues;
    @Autowired
    PrioritisationExercises exercises;
    @Autowired
    LogVerificationSender codes;
    @Autowired
    Recipients recipients;
    @Autowired
    Digests digests;

    @Test
    void theBallotOpenToACitizenIsInTheirDigest() throws Exception {
        CitizenReports reports = new CitizenReports(mvc, jdbc, issues, codes);
        String ana = reports.citizen();
        long water = reports.report(reports.director, TestData.unique("Acueducto veredal"));
        long road = reports.report(reports.director, TestData.unique("Puente caído"));
        reports.publish(water);
        reports.publish(road);
        String title = TestData.unique("Prioridades del año");
        long exercise = CitizenReports.as(reports.director, () -> exercises.create(reports.scheme, new NewExercise(title,
                "APPROVAL", null, "UNIT_CITIZENS", List.of("54498"), null, List.of(water, road), Map.of(), List.of())));
        var person = recipients.byUsername(ana).orElseThrow();
        LocalDate day = LocalDate.of(2026, 12, 5);

        try {
            assertThat(digests.write(person, day)).isTrue();
            String body = jdbc.sql("select body from notification_message where unique_key = :k")
                    .param("k", "digest:" + person.id() + ":" + day).query(String.class).single();
            assertThat(body).contains("Puede votar en «" + title + "»")
                    .contains("/participation/prioritisations/" + exercise + "/vote");
        } finally {
            // Closed, so it asks nothing of the citizens of Ocaña that other tests sign up.
            CitizenReports.as(reports.director, () -> exercises.close(exercise));
        }
    }
}
