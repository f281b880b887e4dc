package org.minga.participation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.minga.participation.internal.Agreements;
import org.minga.participation.internal.Events;
import org.minga.participation.internal.PrioritisationExercises;
import org.minga.participation.internal.PrioritisationExercises.Choice;
import org.minga.participation.internal.PrioritisationExercises.NewExercise;
import org.minga.participation.internal.PrioritisationExercises.Voter;
import org.minga.participation.internal.TerritorialIssues;
import org.minga.platform.InvalidInputException;
import org.minga.support.ApiFixtures;
import org.minga.support.IntegrationTest;
import org.minga.support.TerritoryFixtures;
import org.minga.support.TestData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;

import com.jayway.jsonpath.JsonPath;

/**
 * Participation end to end on the database: citizens' reports and their moderation, who may vote
 * and how often, agreements and monitoring, citizens' own data, attendance sheets, actors.
 */
@IntegrationTest
class ParticipationTests {

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
    Events events;
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
        scheme = fixtures.scheme(TestData.unique("Provincia participativa"));
        fixtures.members(scheme, "54498", "54003");
        long other = fixtures.scheme(TestData.unique("Otra provincia"));
        director = TestData.unique("directora");
        stranger = TestData.unique("ajeno");
        fixtures.user(director, PASSWORD, "SCHEME_ADMIN", scheme, null);
        fixtures.user(stranger, PASSWORD, "SCHEME_ADMIN", other, null);
        // A point inside Ocaña (54498): its boundary's centre, as the territory module stored it.
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

    /** A citizen who signed up (each from their own address, as people do) and verified the code sent to them. */
    String citizen(String unit) throws Exception {
        String name = TestData.unique("ciudadana");
        mvc.perform(post("/public/participation/register").with(csrf()).with(org.minga.support.ClientAddress.from(
                "10.54." + (name.hashCode() & 0xff) + "." + ((name.hashCode() >> 8) & 0xff))).param("username", name)
                .param("fullName", "Ana Ciudadana").param("email", name + "@correo.co").param("password", PASSWORD)
                .param("unitCode", unit)).andExpect(redirectedUrl("/login?registered"));
        mvc.perform(post("/participation/verify").with(user(name)).with(csrf())
                .param("code", codes.lastCodeFor(name).orElseThrow())).andExpect(redirectedUrl("/participation/verify"));
        return name;
    }

    <T> T as(String username, Callable<T> work) throws Exception {
        SecurityContextHolder.getContext()
                .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(username, null, List.of()));
        try {
            return work.call();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    long report(String who, String title) throws Exception {
        return as(who, () -> issues.report(new TerritorialIssues.Report(scheme, "WATER", title, "Descripción de " + title,
                lat, lon, null, true, List.of())));
    }

    long published(String title) throws Exception {
        long id = report(director, title);
        as(director, () -> {
            issues.publish(id);
            return null;
        });
        return id;
    }

    long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    @Test
    void aCitizensReportIsPrivateUntilTheSchemesTeamPublishesIt() throws Exception {
        String ana = citizen("54498");
        String title = TestData.unique("Quebrada contaminada");
        mvc.perform(post("/participation/report").with(user(ana)).with(csrf()).param("schemeId", String.valueOf(scheme))
                .param("theme", "WATER").param("title", title).param("description", "Vierten aguas negras")
                .param("lat", String.valueOf(lat)).param("lon", String.valueOf(lon)).param("consent", "on"))
                .andExpect(redirectedUrl("/participation/my-reports"));
        long id = jdbc.sql("select id from territorial_issue where title = :t").param("t", title).query(Long.class).single();
        assertThat(jdbc.sql("select unit_code from territorial_issue_unit where issue_id = :i").param("i", id)
                .query(String.class).list()).containsExactly("54498");
        assertThat(jdbc.sql("select consent_at is not null from territorial_issue where id = :i").param("i", id)
                .query(Boolean.class).single()).isTrue();

        // Nothing unpublished reaches the public: page, map, or photos.
        mvc.perform(get("/public/participation/issues/" + id)).andExpect(status().isNotFound());
        String viewport = "/public/participation/issues/markers?west=" + (lon - 0.01) + "&south=" + (lat - 0.01)
                + "&east=" + (lon + 0.01) + "&north=" + (lat + 0.01) + "&scheme=" + scheme;
        mvc.perform(get(viewport)).andExpect(status().isOk()).andExpect(content().string("[]"));
        mvc.perform(get("/public/participation/issues").param("scheme", String.valueOf(scheme)))
                .andExpect(status().isOk()).andExpect(content().string(not(containsString(title))));

        // Another scheme's administrator may not publish it; the scheme's may.
        mvc.perform(post("/participation/schemes/" + scheme + "/issues/" + id + "/publish").with(user(stranger)).with(csrf()))
                .andExpect(status().isForbidden());
        assertThat(issues.get(id).moderation()).isEqualTo(TerritorialIssues.Moderation.SUBMITTED);
        mvc.perform(post("/participation/schemes/" + scheme + "/issues/" + id + "/publish").with(user(director)).with(csrf()))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/public/participation/issues/" + id)).andExpect(status().isOk())
                .andExpect(content().string(containsString(title))).andExpect(content().string(containsString("Ocaña")))
                .andExpect(content().string(not(containsString("Ana Ciudadana"))));
        mvc.perform(get(viewport)).andExpect(jsonPath("$[0].id").value(id)).andExpect(jsonPath("$[0].title").value(title));
    }

    @Test
    void aReportWithoutConsentOrPlaceIsRefusedAndNothingIsWritten() throws Exception {
        String ana = citizen("54498");
        long before = count("select count(*) from territorial_issue");
        mvc.perform(post("/participation/report").with(user(ana)).with(csrf()).param("schemeId", String.valueOf(scheme))
                .param("theme", "WATER").param("title", "Sin consentimiento").param("description", "x"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("debe autorizar el tratamiento de sus datos")))
                .andExpect(content().string(containsString("Marque el lugar en el mapa")));
        mvc.perform(post("/participation/report").with(csrf())).andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/login"));
        assertThat(count("select count(*) from territorial_issue")).isEqualTo(before);
        // Someone who is neither a citizen nor on the scheme's team cannot report for the scheme.
        assertThatThrownBy(() -> report(stranger, "Ajeno")).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void rejectionNeedsAReasonAndTheReporterSeesIt() throws Exception {
        String ana = citizen("54498");
        long id = report(ana, TestData.unique("Repetido"));
        assertThatThrownBy(() -> as(director, () -> {
            issues.reject(id, " ");
            return null;
        })).isInstanceOf(InvalidInputException.class);
        as(director, () -> {
            issues.reject(id, "Ya está reportado como #1");
            return null;
        });
        mvc.perform(get("/public/participation/issues/" + id)).andExpect(status().isNotFound());
        mvc.perform(get("/participation/my-reports").with(user(ana))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Ya está reportado como #1")));
    }

    @Test
    void oneBallotPerEligiblePersonOnlineOrOnPaperAndTheWinnerIsPrioritised() throws Exception {
        long water = published(TestData.unique("Acueducto"));
        long road = published(TestData.unique("Vía"));
        long school = published(TestData.unique("Escuela"));
        long unpublished = report(director, "Sin publicar");
        assertThatThrownBy(() -> as(director, () -> exercises.create(scheme, new NewExercise("X", "APPROVAL", null,
                "UNIT_CITIZENS", List.of("54498"), null, List.of(water, unpublished), Map.of(), List.of()))))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> as(stranger, () -> exercises.create(scheme, new NewExercise("X", "APPROVAL", null,
                "UNIT_CITIZENS", List.of("54498"), null, List.of(water, road), Map.of(), List.of()))))
                .isInstanceOf(AccessDeniedException.class);
        long exercise = as(director, () -> exercises.create(scheme, new NewExercise("Prioridades 2026", "APPROVAL",
                null, "UNIT_CITIZENS", List.of("54498"), null, List.of(water, road, school), Map.of(), List.of())));
        var options = exercises.get(exercise).options();
        long w = options.get(0).id();
        long r = options.get(1).id();
        long s = options.get(2).id();

        String ana = citizen("54498");
        String beto = citizen("54498");
        String carla = citizen("54003");
        as(ana, () -> {
            exercises.voteOnline(exercise, new Choice(List.of(w, r)));
            return null;
        });
        assertThatThrownBy(() -> as(ana, () -> {
            exercises.voteOnline(exercise, new Choice(List.of(s)));
            return null;
        })).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.violations().getFirst().rule()).isEqualTo("OneBallot"));
        assertThatThrownBy(() -> as(carla, () -> {
            exercises.voteOnline(exercise, new Choice(List.of(s)));
            return null;
        })).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.violations().getFirst().rule()).isEqualTo("Eligible"));
        // Paper ballots: staff enter them for the person; the same person cannot vote twice either way.
        mvc.perform(post("/participation/schemes/" + scheme + "/prioritisations/" + exercise + "/paper").with(user(director))
                .with(csrf()).param("username", beto).param("approve-" + w, "on")).andExpect(status().is3xxRedirection());
        mvc.perform(post("/participation/schemes/" + scheme + "/prioritisations/" + exercise + "/paper").with(user(director))
                .with(csrf()).param("username", ana).param("approve-" + s, "on")).andExpect(status().isOk())
                .andExpect(content().string(containsString("Esta persona ya votó")));
        mvc.perform(post("/participation/schemes/" + scheme + "/prioritisations/" + exercise + "/paper").with(user(director))
                .with(csrf()).param("username", carla).param("approve-" + s, "on")).andExpect(status().isOk())
                .andExpect(content().string(containsString("no está habilitado")));
        mvc.perform(post("/participation/schemes/" + scheme + "/prioritisations/" + exercise + "/paper").with(user(stranger))
                .with(csrf()).param("username", beto).param("approve-" + s, "on")).andExpect(status().isForbidden());

        var exerciseNow = exercises.get(exercise);
        assertThat(exerciseNow.online()).isEqualTo(1);
        assertThat(exerciseNow.paper()).isEqualTo(1);
        var result = as(director, () -> exercises.close(exercise));
        assertThat(result.ranking().getFirst().score()).isEqualTo(2);
        assertThat(result.winners()).containsExactly(options.get(0).label());
        assertThat(issues.get(water).stage()).isEqualTo(TerritorialIssues.Stage.PRIORITISED);
        assertThat(issues.get(road).stage()).isEqualTo(TerritorialIssues.Stage.OPEN);
        assertThatThrownBy(() -> as(beto, () -> {
            exercises.voteOnline(exercise, new Choice(List.of(s)));
            return null;
        })).isInstanceOf(InvalidInputException.class);
        mvc.perform(get("/public/participation/prioritisations/" + exercise)).andExpect(status().isOk())
                .andExpect(content().string(containsString("aprobación")));
    }

    long project(String code, String cost) throws Exception {
        String body = mvc.perform(post("/api/v1/projects/schemes/" + scheme + "/projects").with(httpBasic(director, PASSWORD))
                .contentType(MediaType.APPLICATION_JSON).content("{\"code\":\"" + code + "\",\"name\":\"Proyecto " + code
                        + "\",\"sector\":\"Vivienda, ciudad y territorio\",\"cost\":" + cost + ",\"currency\":\"COP\",\"beneficiaries\":"
                        + "[{\"unitCode\":\"54498\"}]}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return ((Number) JsonPath.read(body, "$.id")).longValue();
    }

    @Test
    void aParticipatoryBudgetOverTheProjectBankUsesTheBanksCosts() throws Exception {
        long aqueduct = project(TestData.unique("ACU"), "1000");
        long tank = project(TestData.unique("TAN"), "800");
        long exercise = as(director, () -> exercises.create(scheme, new NewExercise("Presupuesto 2027", "BUDGET",
                new BigDecimal("1500"), "UNIT_CITIZENS", List.of("54498"), null, List.of(), Map.of(),
                List.of(aqueduct, tank))));
        var options = exercises.get(exercise).options();
        assertThat(options).extracting(PrioritisationExercises.Option::cost)
                .usingElementComparator(BigDecimal::compareTo).containsExactly(new BigDecimal("1000"), new BigDecimal("800"));
        String ana = citizen("54498");
        String beto = citizen("54498");
        as(ana, () -> {
            exercises.voteOnline(exercise, new Choice(List.of(options.get(0).id(), options.get(1).id())));
            return null;
        });
        as(beto, () -> {
            exercises.voteOnline(exercise, new Choice(List.of(options.get(1).id())));
            return null;
        });
        // The tank (2 approvals, 800) is funded; the aqueduct (1,000) no longer fits in the 700 left.
        assertThat(exercises.results(exercise).winners()).containsExactly(options.get(1).label());
        long foreign = jdbc.sql("select id from project where scheme_id <> :s limit 1").param("s", scheme)
                .query(Long.class).optional().orElse(-1L);
        assertThatThrownBy(() -> as(director, () -> exercises.create(scheme, new NewExercise("Ajeno", "APPROVAL", null,
                "UNIT_CITIZENS", List.of("54498"), null, List.of(), Map.of(), List.of(aqueduct, foreign)))))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.violations().getFirst().field()).isEqualTo("projectIds"));
    }

    @Test
    void delegatesAtAnEventVoteOnPaperAndOthersAreRefused() throws Exception {
        long a = published(TestData.unique("Uno"));
        long b = published(TestData.unique("Dos"));
        long event = as(director, () -> events.create(scheme, new Events.NewEvent("ASSEMBLY", "Asamblea provincial",
                LocalDate.now(), "Ocaña", "54498", null, null, null)));
        as(director, () -> events.addAttendees(event, List.of(
                new Events.Attendee("Delegada Uno", "JAC", Events.Sex.FEMALE, Events.AgeGroup.FROM_29_TO_59,
                        Events.EthnicGroup.NONE, false, Events.Zone.RURAL, true),
                new Events.Attendee("Asistente", null, Events.Sex.MALE, Events.AgeGroup.OVER_59,
                        Events.EthnicGroup.AFRO, true, Events.Zone.URBAN, false))));
        var people = events.attendees(event);
        long exercise = as(director, () -> exercises.create(scheme, new NewExercise("Asamblea", "SCHULZE", null,
                "EVENT_DELEGATES", List.of(), event, List.of(a, b), Map.of(), List.of())));
        var options = exercises.get(exercise).options();
        as(director, () -> {
            exercises.votePaper(exercise, new Voter(null, people.get(0).id()),
                    new Choice(List.of(options.get(1).id(), options.get(0).id())));
            return null;
        });
        assertThatThrownBy(() -> as(director, () -> {
            exercises.votePaper(exercise, new Voter(null, people.get(1).id()), new Choice(List.of(options.get(0).id())));
            return null;
        })).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.violations().getFirst().messageKey()).isEqualTo("participation.ballot.notDelegate"));
        assertThat(exercises.results(exercise).winners()).containsExactly(options.get(1).label());
        var counts = events.disaggregation(event);
        assertThat(counts.total()).isEqualTo(2);
        assertThat(counts.sex().get(Events.Sex.FEMALE)).isEqualTo(1);
        assertThat(counts.ethnic().get(Events.EthnicGroup.AFRO)).isEqualTo(1);
        assertThat(counts.withDisability()).isEqualTo(1);
        assertThat(counts.delegates()).isEqualTo(1);
    }

    @Test
    void anAgreementsActionAnswersAnIssueAndItsProgressReachesThePublicTimeline() throws Exception {
        long issue = published(TestData.unique("Deslizamiento en la vía"));
        long agreement = as(director, () -> agreements.create(scheme, "Acuerdo CTT de Ocaña", "Gestionar el riesgo"));
        assertThatThrownBy(() -> as(stranger, () -> agreements.addLine(agreement, "Riesgo")))
                .isInstanceOf(AccessDeniedException.class);
        long line = as(director, () -> agreements.addLine(agreement, "Gestión del riesgo"));
        long action = as(director, () -> agreements.addAction(agreement, new Agreements.NewAction(line,
                "Obras de mitigación", "Gobernación de Norte de Santander", "DEPARTMENTAL", new BigDecimal("250000000"),
                "Metros de muro", "120 m", LocalDate.now(), LocalDate.now().plusMonths(6), issue)));
        assertThat(issues.get(issue).stage()).isEqualTo(TerritorialIssues.Stage.IN_AGREEMENT);
        assertThatThrownBy(() -> as(director, () -> agreements.recordUpdate(action, LocalDate.now(),
                new BigDecimal("150"), "Demasiado", null, null))).isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.violations().getFirst().field()).isEqualTo("progress"));
        as(director, () -> agreements.recordUpdate(action, LocalDate.now(), new BigDecimal("40"), "Muro de 48 m",
                null, null));
        assertThat(agreements.get(agreement).progress()).isEqualByComparingTo("40.0");
        assertThat(agreements.ofScheme(scheme)).singleElement()
                .satisfies(a -> assertThat(a.progress()).isEqualByComparingTo("40.0"));
        mvc.perform(get("/participation/schemes/" + scheme).with(user(director))).andExpect(status().isOk())
                .andExpect(content().string(containsString("40,0 %")));
        mvc.perform(get("/public/participation/issues/" + issue)).andExpect(status().isOk())
                .andExpect(content().string(containsString("Acuerdo CTT de Ocaña")))
                .andExpect(content().string(containsString("40 % · Muro de 48 m")));
        // A signed document must be a PDF.
        assertThatThrownBy(() -> as(director, () -> agreements.addDocument(agreement, "LETTER_OF_INTENT",
                LocalDate.now(), "Alcalde y gobernador", "carta.pdf", "no es pdf".getBytes())))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.violations().getFirst().field()).isEqualTo("document"));
        as(director, () -> agreements.addDocument(agreement, "LETTER_OF_INTENT", LocalDate.now(), "Alcalde y gobernador",
                "carta.pdf", "%PDF-1.4 firmado".getBytes()));
        assertThat(agreements.get(agreement).documents()).hasSize(1);
        as(director, () -> agreements.recordUpdate(action, LocalDate.now(), new BigDecimal("100"), "Terminado", null, null));
        assertThat(issues.get(issue).stage()).isEqualTo(TerritorialIssues.Stage.RESOLVED);
    }

    @Test
    void citizensObservationsAreModeratedBeforeThePublicSeesThem() throws Exception {
        long agreement = as(director, () -> agreements.create(scheme, "Acuerdo de agua", "Agua para todos"));
        long line = as(director, () -> agreements.addLine(agreement, "Agua"));
        long action = as(director, () -> agreements.addAction(agreement, new Agreements.NewAction(line, "Tanque",
                "Alcaldía", "MUNICIPAL", null, "Tanques", "3", LocalDate.now(), LocalDate.now(), null)));
        String ana = citizen("54498");
        mvc.perform(post("/participation/actions/" + action + "/observations").with(user(ana)).with(csrf())
                .param("agreement", String.valueOf(agreement)).param("text", "El tanque no se ha empezado"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/public/participation/agreements/" + agreement)).andExpect(status().isOk())
                .andExpect(content().string(not(containsString("El tanque no se ha empezado"))));
        long observation = agreements.observations(agreement, TerritorialIssues.Moderation.SUBMITTED).getFirst().id();
        mvc.perform(post("/participation/schemes/" + scheme + "/agreements/" + agreement + "/observations/" + observation)
                .with(user(stranger)).with(csrf()).param("decision", "publish")).andExpect(status().isForbidden());
        mvc.perform(post("/participation/schemes/" + scheme + "/agreements/" + agreement + "/observations/" + observation)
                .with(user(director)).with(csrf()).param("decision", "publish")).andExpect(status().is3xxRedirection());
        mvc.perform(get("/public/participation/agreements/" + agreement))
                .andExpect(content().string(containsString("El tanque no se ha empezado")));
    }

    @Test
    void aCitizenExportsAndDeletesTheirData() throws Exception {
        String ana = citizen("54498");
        long kept = report(ana, TestData.unique("Publicada"));
        as(director, () -> {
            issues.publish(kept);
            return null;
        });
        long pending = report(ana, TestData.unique("Pendiente"));
        long other = published(TestData.unique("Otra"));
        long exercise = as(director, () -> exercises.create(scheme, new NewExercise("Votación", "APPROVAL", null,
                "UNIT_CITIZENS", List.of("54498"), null, List.of(kept, other), Map.of(), List.of())));
        long option = exercises.get(exercise).options().getFirst().id();
        as(ana, () -> {
            exercises.voteOnline(exercise, new Choice(List.of(option)));
            return null;
        });

        mvc.perform(get("/participation/my-data/export").with(user(ana))).andExpect(status().isOk())
                .andExpect(jsonPath("$.account.username").value(ana))
                .andExpect(jsonPath("$.account.fullName").value("Ana Ciudadana"))
                .andExpect(jsonPath("$.issues.length()").value(2))
                .andExpect(jsonPath("$.ballots[0].prioritisation").value("Votación"));
        mvc.perform(post("/participation/my-data/delete").with(user(ana)).with(csrf()).param("confirm", "no"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("Escriba ELIMINAR")));
        mvc.perform(post("/participation/my-data/delete").with(user(ana)).with(csrf()).param("confirm", "ELIMINAR"))
                .andExpect(redirectedUrl("/login?deleted"));

        assertThat(jdbc.sql("select count(*) from app_user where username = :u").param("u", ana).query(Long.class)
                .single()).isZero();
        assertThat(jdbc.sql("select count(*) from territorial_issue where id = :i").param("i", pending)
                .query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select reporter_id from territorial_issue where id = :i").param("i", kept)
                .query(Long.class).optional()).isEmpty();
        // The vote still counts, under an anonymous key.
        assertThat(exercises.results(exercise).ranking().getFirst().score()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from audit_event where summary like '%Ana Ciudadana%' or "
                + "cast(after_state as text) like '%Ana Ciudadana%'").query(Long.class).single()).isZero();
    }

    @Test
    void anAttendanceSheetIsImportedWholeOrNotAtAll() throws Exception {
        long event = as(director, () -> events.create(scheme, new Events.NewEvent("WORKSHOP", "Taller de caracterización",
                LocalDate.now(), "Ábrego", null, "Agenda", null, null)));
        byte[] good = sheet(new String[][] {{"Nombre", "Organización", "Sexo", "Edad", "Grupo étnico", "Discapacidad",
                "Zona", "Delegado"}, {"María Pérez", "Asociación de mujeres", "Mujer", "29-59", "Ninguno", "No", "Rural", "Sí"},
                {"José Gómez", "", "Hombre", "60+", "Indígena", "Sí", "Urbana", "No"},
                {"Luz Díaz", "JAC", "mujer", "18-28", "afrocolombiano", "no", "rural", ""}});
        byte[] bad = sheet(new String[][] {{"Nombre", "Sexo", "Edad", "Grupo étnico", "Discapacidad", "Zona"},
                {"Pedro", "Hombre", "30", "Ninguno", "No", "Rural"}, {"Rosa", "Mujer", "18-28", "Ninguno", "No", "Rural"}});
        String path = "/participation/schemes/" + scheme + "/events/" + event + "/attendance";
        mvc.perform(multipart(path).file(new MockMultipartFile("file", "mala.xlsx", null, bad)).with(user(director))
                .with(csrf())).andExpect(status().isOk())
                .andExpect(content().string(containsString("Fila 2, columna «edad»: «30» no es un valor válido.")));
        assertThat(events.get(event).attendees()).isZero();
        mvc.perform(multipart(path).file(new MockMultipartFile("file", "buena.xlsx", null, good)).with(user(stranger))
                .with(csrf())).andExpect(status().isForbidden());
        mvc.perform(multipart(path).file(new MockMultipartFile("file", "buena.xlsx", null, good)).with(user(director))
                .with(csrf())).andExpect(status().is3xxRedirection());
        var counts = events.disaggregation(event);
        assertThat(counts.total()).isEqualTo(3);
        assertThat(counts.sex().get(Events.Sex.FEMALE)).isEqualTo(2);
        assertThat(counts.zone().get(Events.Zone.RURAL)).isEqualTo(2);
        assertThat(counts.ethnic().get(Events.EthnicGroup.INDIGENOUS)).isEqualTo(1);
        assertThat(counts.delegates()).isEqualTo(1);
    }

    @Test
    void actorsAndTheirRelationsDrawASociogram() throws Exception {
        String base = "/participation/schemes/" + scheme;
        mvc.perform(post(base + "/actors").with(user(director)).with(csrf()).param("name", "JAC Vereda El Llano")
                .param("kind", "COMMUNITY_ACTION_BOARD").param("interest", "5").param("influence", "2"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post(base + "/actors").with(user(director)).with(csrf()).param("name", "Gobernación")
                .param("kind", "PUBLIC_DEPARTMENTAL").param("interest", "3").param("influence", "6"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("Use un número de 1 (bajo) a 5 (alto).")));
        mvc.perform(post(base + "/actors").with(user(stranger)).with(csrf()).param("name", "Intruso")
                .param("kind", "MEDIA").param("interest", "1").param("influence", "1")).andExpect(status().isForbidden());
        mvc.perform(post(base + "/actors").with(user(director)).with(csrf()).param("name", "Gobernación")
                .param("kind", "PUBLIC_DEPARTMENTAL").param("interest", "3").param("influence", "5"))
                .andExpect(status().is3xxRedirection());
        List<Long> ids = jdbc.sql("select id from actor where scheme_id = :s order by name").param("s", scheme)
                .query(Long.class).list();
        mvc.perform(post(base + "/relations").with(user(director)).with(csrf()).param("fromId", ids.get(0).toString())
                .param("toId", ids.get(0).toString()).param("kind", "CONFLICT")).andExpect(status().isOk())
                .andExpect(content().string(containsString("no se relaciona consigo mismo")));
        mvc.perform(post(base + "/relations").with(user(director)).with(csrf()).param("fromId", ids.get(0).toString())
                .param("toId", ids.get(1).toString()).param("kind", "CONFLICT")).andExpect(status().is3xxRedirection());
        mvc.perform(get(base + "/actors").with(user(director))).andExpect(status().isOk())
                .andExpect(content().string(containsString("<line")))
                .andExpect(content().string(containsString("class=\"CONFLICT\"")))
                .andExpect(content().string(containsString("JAC Vereda El Llano")));
    }

    @Test
    void aZoneReportedThroughTheApiFindsEveryUnitItTouchesAndBadShapesAreRefused() throws Exception {
        String box = String.format(java.util.Locale.ROOT, "{\"type\":\"Polygon\",\"coordinates\":[[[%1$f,%2$f],[%3$f,%2$f],[%3$f,%4$f],[%1$f,%4$f],[%1$f,%2$f]]]}",
                lon - 0.25, lat - 0.25, lon + 0.25, lat + 0.25);
        String body = mvc.perform(post("/api/v1/participation/schemes/" + scheme + "/issues")
                .with(httpBasic(director, PASSWORD))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"theme\":\"DETERMINANTS_CONFLICT\",\"title\":\"Páramo y minería\",\"description\":\"x\","
                        + "\"geometry\":" + box + "}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        long id = ((Number) JsonPath.read(body, "$.id")).longValue();
        assertThat(issues.get(id).units()).hasSizeGreaterThan(1).extracting(TerritorialIssues.Unit::code).contains("54498");
        mvc.perform(post("/api/v1/participation/schemes/" + scheme + "/issues")
                .with(httpBasic(director, PASSWORD))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"theme\":\"WATER\",\"title\":\"t\",\"description\":\"d\","
                        + "\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[1,1]]]}}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("geometry"))
                .andExpect(jsonPath("$.errors[0].rule").value("GeoJson"));
        // F16: a zone the size of the world, or a place outside the members' territory, is refused.
        long before = jdbc.sql("select count(*) from territorial_issue_unit").query(Long.class).single();
        mvc.perform(post("/api/v1/participation/schemes/" + scheme + "/issues").with(httpBasic(director, PASSWORD))
                .contentType(MediaType.APPLICATION_JSON).content("{\"theme\":\"WATER\",\"title\":\"Mundo\","
                        + "\"description\":\"d\",\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[-179,-89],[179,-89],"
                        + "[179,89],[-179,89],[-179,-89]]]}}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("geometry"))
                .andExpect(jsonPath("$.errors[0].rule").value("Size"));
        mvc.perform(post("/api/v1/participation/schemes/" + scheme + "/issues").with(httpBasic(director, PASSWORD))
                .contentType(MediaType.APPLICATION_JSON).content("{\"theme\":\"WATER\",\"title\":\"Bogotá\","
                        + "\"description\":\"d\",\"lat\":4.6097,\"lon\":-74.0817}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("lat"))
                .andExpect(jsonPath("$.errors[0].rule").value("Territory"));
        mvc.perform(post("/api/v1/participation/schemes/" + scheme + "/issues").with(httpBasic(director, PASSWORD))
                .contentType(MediaType.APPLICATION_JSON).content("{\"theme\":\"WATER\",\"title\":\"Pacífico\","
                        + "\"description\":\"d\",\"lat\":3.0,\"lon\":-80.0}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].rule").value("Territory"));
        assertThat(jdbc.sql("select count(*) from territorial_issue_unit").query(Long.class).single()).isEqualTo(before);
        assertThat(jdbc.sql("select count(*) from territorial_issue where scheme_id = :s and title in "
                + "('Mundo', 'Bogotá', 'Pacífico')").param("s", scheme).query(Long.class).single()).isZero();
    }

    private static byte[] sheet(String[][] rows) throws Exception {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            var sheet = workbook.createSheet("Asistencia");
            for (int r = 0; r < rows.length; r++) {
                var row = sheet.createRow(r);
                for (int c = 0; c < rows[r].length; c++) {
                    row.createCell(c).setCellValue(rows[r][c]);
                }
            }
            workbook.write(out);
            return out.toByteArray();
        }
    }
}
