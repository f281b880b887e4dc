package org.minga.projects;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.UUID;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.minga.platform.Jobs;
import org.minga.projects.internal.Spreadsheets;
import org.minga.support.ApiFixtures;
import org.minga.support.IntegrationTest;
import org.minga.support.TerritoryFixtures;
import org.minga.support.TestData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The project bank import from its page runs as a job: its page leads to the imported list when it
 * succeeds, and lists the rows to correct with advice (no stack trace) when it fails, having written
 * nothing. The person who started it finds it on their desk; no one else does.
 */
@IntegrationTest
class ProjectImportJobTests {

    static final String PASSWORD = "una-clave-larga-1";
    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Jobs jobs;
    long scheme;
    String director;
    String colleague;

    @BeforeEach
    void setUp() throws Exception {
        TerritoryFixtures.importAll(mvc, jdbc);
        ApiFixtures fixtures = new ApiFixtures(mvc);
        scheme = fixtures.scheme(TestData.unique("Provincia que importa"));
        fixtures.members(scheme, "54498", "54003", "20614");
        director = TestData.unique("directora");
        fixtures.user(director, PASSWORD, "SCHEME_ADMIN", scheme, null);
        colleague = TestData.unique("colega");
        fixtures.user(colleague, PASSWORD, "SCHEME_ADMIN", scheme, null);
    }

    @Test
    void aCleanFileIsImportedAsAJobWhosePageLeadsToTheListAndTheDeskOfWhoStartedIt() throws Exception {
        UUID job = upload(workbook(new Object[][] {
                {"J-1", "123", "Vía terciaria", "Transporte", "d", 1000.5, "COP", "54498;54003", "IDEA"},
                {"J-2", null, "Acueducto", "Vivienda, ciudad y territorio", null, 2500.0, "COP", "20614", null},
                {"J-3", null, "Escuela", "Educación", null, null, null, null, "PROFILE"}}));
        Jobs.JobView done = finished(job);
        assertThat(done.status()).isEqualTo(Jobs.Status.SUCCEEDED);
        assertThat(done.message()).isEqualTo("3 proyectos importados");
        assertThat(projects()).isEqualTo(3);

        String page = page(job, director);
        assertThat(page).contains("3 proyectos importados").contains("id=\"job-result\"")
                .contains("href=\"/projects/schemes/" + scheme + "\"").contains("Ver los proyectos importados")
                .contains("<div id=\"job-progress\" aria-busy=\"false\">").doesNotContain("id=\"job-failed\"");
        // The list the link leads to has them.
        assertThat(mvc.perform(get("/projects/schemes/" + scheme).with(user(director))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString()).contains("Vía terciaria").contains("Acueducto");

        assertThat(desk(director)).contains("id=\"desk-jobs-mine-succeeded\"").contains("href=\"/jobs/" + job + "\"")
                .contains("Importación del banco de proyectos: 3 proyectos importados");
        assertThat(desk(colleague)).doesNotContain("/jobs/" + job).doesNotContain("desk-jobs-mine");
        // Nor may the colleague open the job: for them it does not exist.
        mvc.perform(get("/jobs/" + job).with(user(colleague))).andExpect(status().isNotFound());
    }

    @Test
    void aFileWithErrorsWritesNothingAndItsJobPageListsTheRowsWithAdviceAndNoStackTrace() throws Exception {
        UUID job = upload(workbook(new Object[][] {
                {"P-1", "123", "Vía", "Transporte", "d", 1000.5, "COP", "54498;54003", "IDEA"},
                {"P-1", "12A", "", "Transporte", null, -5.0, "EUR", "99999", "NADA"}}));
        Jobs.JobView failed = finished(job);
        assertThat(failed.status()).isEqualTo(Jobs.Status.FAILED);
        assertThat(failed.error()).isEqualTo("No se importó nada: 7 problemas en el archivo.");
        assertThat(projects()).isZero();

        String page = page(job, director);
        assertThat(page).contains("id=\"job-failed\"").contains("role=\"alert\"")
                .contains("No se importó nada: 7 problemas en el archivo.")
                .contains("Revise que el archivo sea un libro XLSX con una fila de encabezados")
                .contains("El código P-1 se repite en el archivo.").contains("<td>3</td>")
                .contains("href=\"/projects/schemes/" + scheme + "/import\"")
                .doesNotContain("Exception").doesNotContain("at org.").contains("<div id=\"job-progress\" aria-busy=\"false\">")
                .doesNotContain("id=\"job-result\"");
        // The same page in English for an English reader.
        assertThat(mvc.perform(get("/jobs/" + job).with(user(director)).param("lang", "en"))
                .andReturn().getResponse().getContentAsString())
                .contains("Check that the file is an XLSX workbook");

        assertThat(desk(director)).contains("id=\"desk-jobs-mine-failed\"").contains("href=\"/jobs/" + job + "\"");
        // The failure is also told at once, in the inbox of whoever started it.
        assertThat(jdbc.sql("select count(*) from notification_message m join app_user u on u.id = m.app_user "
                + "where u.username = :u and m.unique_key = :k").param("u", director).param("k", "job-failed:" + job)
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aFileThatIsNoWorkbookFailsSayingSo() throws Exception {
        UUID job = upload("no es un libro".getBytes());
        assertThat(finished(job).status()).isEqualTo(Jobs.Status.FAILED);
        assertThat(page(job, director)).contains("El archivo no es un libro XLSX legible.")
                .contains("Revise que el archivo sea un libro XLSX");
        assertThat(projects()).isZero();
    }

    private UUID upload(byte[] book) throws Exception {
        String location = mvc.perform(multipart("/projects/schemes/" + scheme + "/import")
                .file(new MockMultipartFile("file", "banco.xlsx", "application/octet-stream", book))
                .with(user(director)).with(csrf())).andExpect(status().is3xxRedirection()).andReturn().getResponse()
                .getRedirectedUrl();
        assertThat(location).startsWith("/jobs/");
        return UUID.fromString(location.substring("/jobs/".length()));
    }

    private Jobs.JobView finished(UUID job) {
        await().atMost(Duration.ofSeconds(60)).until(() -> jobs.find(job).orElseThrow().finished());
        return jobs.find(job).orElseThrow();
    }

    private String page(UUID job, String username) throws Exception {
        return mvc.perform(get("/jobs/" + job).with(user(username))).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString();
    }

    private String desk(String username) throws Exception {
        return mvc.perform(get("/desk").with(user(username))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
    }

    /** A bank with the import's header row and these rows (text, numbers or blanks). */
    static byte[] workbook(Object[][] rows) throws Exception {
        try (var book = new XSSFWorkbook(); var out = new ByteArrayOutputStream()) {
            Sheet sheet = book.createSheet("Proyectos");
            Row header = sheet.createRow(0);
            for (int c = 0; c < Spreadsheets.IMPORT_COLUMNS.size(); c++) {
                header.createCell(c).setCellValue(Spreadsheets.IMPORT_COLUMNS.get(c));
            }
            for (int r = 0; r < rows.length; r++) {
                Row row = sheet.createRow(r + 1);
                for (int c = 0; c < rows[r].length; c++) {
                    if (rows[r][c] instanceof Double d) {
                        row.createCell(c).setCellValue(d);
                    } else if (rows[r][c] != null) {
                        row.createCell(c).setCellValue((String) rows[r][c]);
                    }
                }
            }
            book.write(out);
            return out.toByteArray();
        }
    }

    private long projects() {
        return jdbc.sql("select count(*) from project where scheme_id = :s").param("s", scheme).query(Long.class).single();
    }
}
