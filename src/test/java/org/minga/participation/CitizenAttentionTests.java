package org.minga.participation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.minga.identity.Recipients;
import org.minga.notifications.AttentionItem;
import org.minga.notifications.internal.Attention;
import org.minga.participation.internal.Agreements;
import org.minga.participation.internal.PrioritisationExercises;
import org.minga.participation.internal.PrioritisationExercises.Choice;
import org.minga.participation.internal.PrioritisationExercises.NewExercise;
import org.minga.participation.internal.TerritorialIssues;
import org.minga.support.ApiFixtures;
import org.minga.support.ClientAddress;
import org.minga.support.IntegrationTest;
import org.minga.support.TerritoryFixtures;
import org.minga.support.TestData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A citizen's desk items: a ballot reaches the verified citizens of the exercise's units until they
 * vote or it closes, and progress on a citizen's published report is news until they open their
 * reports; other citizens (another unit, another reporter) and other schemes' staff get none of it.
 */
@IntegrationTest
class CitizenAttentionTests {

    static final String PASSWORD = "una-clave-larga-1";
    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TerritorialIssues issues;
    @Autowired
    PrioritisationExercises exercises;
    @Autowired
    Agreements agreements;
    @Autowired
    Attention attention;
    @Autowired
    Recipients recipients;
    @Autowired
    org.minga.identity.internal.LogVerificationSender codes;
    long scheme;
    String director;
    String stranger;
    double lat;
    double lon;

    @BeforeEach
    void setUp() throws Exception {
        TerritoryFixtures.importAll(mvc, jdbc);
        ApiFixtures fixtures = new ApiFixtures(mvc);
        scheme = fixtures.scheme(TestData.unique("Provincia que vota"));
        fixtures.members(scheme, "54498", "54003");
        long other = fixtures.scheme(TestData.unique("Provincia ajena"));
        director = TestData.unique("directora");
        stranger = TestData.unique("ajeno");
        fixtures.user(director, PASSWORD, "SCHEME_ADMIN", scheme, null);
        fixtures.user(stranger, PASSWORD, "SCHEME_STAFF", other, null);
        double[] centre = jdbc.sql("""
                select centroid_lat, centroid_lon from territorial_unit where country = 'CO' and code = '54498'
                and valid_to is null""").query((rs, n) -> new double[] {rs.getDouble(1), rs.getDouble(2)}).single();
        lat = centre[0];
        lon = centre[1];
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void aBallotIsOnTheDeskOfTheVerifiedCitizensOfItsUnitsUntilTheyVoteOrItCloses() throws Exception {
        long water = published(ownReport(director, TestData.unique("Acueducto")));
        long road = published(ownReport(director, TestData.unique("Vía")));
        String title = TestData.unique("Prioridades de Ocaña");
        long exercise = as(director, () -> exercises.create(scheme, new NewExercise(title, "APPROVAL", null,
                "UNIT_CITIZENS", List.of("54498"), null, List.of(water, road), Map.of(), List.of())));
        long option = exercises.get(exercise).options().getFirst().id();
        String ana = citizen("54498", true);
        String beto = citizen("54498", true);
        String carla = citizen("54003", true);
        String dora = citizen("54498", false);

        assertThat(items(ana, "participation.ballots")).singleElement().isEqualTo(new AttentionItem(
                "participation.ballots", 1, title, "/participation/prioritisations/" + exercise + "/vote", scheme));
        // Another unit's citizen may not vote in it; an unverified account may not vote online yet; staff
        // of another scheme are not citizens.
        assertThat(items(carla, "participation.ballots")).isEmpty();
        assertThat(items(dora, "participation.ballots")).isEmpty();
        assertThat(attention.itemsFor(recipients.byUsername(stranger).orElseThrow()))
                .noneMatch(i -> Long.valueOf(scheme).equals(i.schemeId()));

        // Ana votes: her item is gone, Beto's stays; once closed, nobody is asked.
        as(ana, () -> {
            exercises.voteOnline(exercise, new Choice(List.of(option)));
            return null;
        });
        assertThat(items(ana, "participation.ballots")).isEmpty();
        assertThat(items(beto, "participation.ballots")).hasSize(1);
        as(director, () -> exercises.close(exercise));
        assertThat(items(beto, "participation.ballots")).isEmpty();
    }

    @Test
    void progressOnACitizensReportIsNewsUntilTheyOpenTheirReports() throws Exception {
        String ana = citizen("54498", true);
        String beto = citizen("54498", true);
        String title = TestData.unique("Deslizamiento en la vereda");
        long issue = published(ownReport(ana, title));
        long agreement = as(director, () -> agreements.create(scheme, "Acuerdo CTT de la vereda", "Gestionar el riesgo"));
        long line = as(director, () -> agreements.addLine(agreement, "Gestión del riesgo"));
        long action = as(director, () -> agreements.addAction(agreement, new Agreements.NewAction(line,
                "Muro de contención", "Gobernación", "DEPARTMENTAL", new BigDecimal("1000000"), "Metros de muro",
                "40 m", LocalDate.now(), LocalDate.now().plusMonths(3), issue)));
        assertThat(items(ana, "participation.mine.updated")).isEmpty();

        as(director, () -> agreements.recordUpdate(action, LocalDate.now(), new BigDecimal("30"), "Excavación", null, null));
        as(director, () -> agreements.recordUpdate(action, LocalDate.now(), new BigDecimal("50"), "Primer tramo", null,
                null));
        assertThat(items(ana, "participation.mine.updated")).singleElement().isEqualTo(new AttentionItem(
                "participation.mine.updated", 2, title, "/participation/my-reports", scheme));
        assertThat(items(beto, "participation.mine.updated")).isEmpty();

        // Her reports page marks the report with news, and having looked, the news is old.
        mvc.perform(get("/participation/my-reports").with(user(ana))).andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"news-" + issue + "\"")))
                .andExpect(content().string(containsString("/public/participation/issues/" + issue)));
        assertThat(items(ana, "participation.mine.updated")).isEmpty();
        mvc.perform(get("/participation/my-reports").with(user(ana))).andExpect(status().isOk())
                .andExpect(content().string(not(containsString("id=\"news-" + issue + "\""))));

        as(director, () -> agreements.recordUpdate(action, LocalDate.now(), new BigDecimal("70"), "Segundo tramo", null,
                null));
        assertThat(items(ana, "participation.mine.updated")).extracting(AttentionItem::count).containsExactly(1L);

        // When she looked is hers: in her data's export, and gone with her account.
        long id = recipients.byUsername(ana).orElseThrow().id();
        mvc.perform(get("/participation/my-data/export").with(user(ana))).andExpect(status().isOk())
                .andExpect(jsonPath("$.reportsSeenAt").isNotEmpty());
        mvc.perform(post("/participation/my-data/delete").with(user(ana)).with(csrf()).param("confirm", "ELIMINAR"))
                .andExpect(redirectedUrl("/login?deleted"));
        assertThat(jdbc.sql("select count(*) from citizen_reports_seen where app_user = :u").param("u", id)
                .query(Long.class).single()).isZero();
    }

    /** This test's scheme's items of a kind (other tests leave ballots open for Ocaña's citizens). */
    private List<AttentionItem> items(String username, String kind) {
        return attention.itemsFor(recipients.byUsername(username).orElseThrow()).stream()
                .filter(i -> i.kind().equals(kind) && Long.valueOf(scheme).equals(i.schemeId())).toList();
    }

    /** A citizen who signed up from their own address and, when told, verified the code sent to them. */
    private String citizen(String unit, boolean verified) throws Exception {
        String name = TestData.unique("votante");
        mvc.perform(post("/public/participation/register").with(csrf()).with(ClientAddress.from(
                "10.57." + (name.hashCode() & 0xff) + "." + ((name.hashCode() >> 8) & 0xff))).param("username", name)
                .param("fullName", "Ana Votante").param("email", name + "@correo.co").param("password", PASSWORD)
                .param("unitCode", unit)).andExpect(redirectedUrl("/login?registered"));
        if (verified) {
            mvc.perform(post("/participation/verify").with(user(name)).with(csrf())
                    .param("code", codes.lastCodeFor(name).orElseThrow())).andExpect(redirectedUrl("/participation/verify"));
        }
        return name;
    }

    private long ownReport(String who, String title) throws Exception {
        return as(who, () -> issues.report(new TerritorialIssues.Report(scheme, "WATER", title, "Descripción de " + title,
                lat, lon, null, true, List.of())));
    }

    private long published(long id) throws Exception {
        as(director, () -> {
            issues.publish(id);
            return null;
        });
        return id;
    }

    private <T> T as(String username, Callable<T> work) throws Exception {
        SecurityContextHolder.getContext()
                .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(username, null, List.of()));
        try {
            return work.call();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
