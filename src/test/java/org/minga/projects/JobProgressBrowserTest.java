package org.minga.projects;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.minga.support.ApiFixtures;
import org.minga.support.Axe;
import org.minga.support.BrowserTest;
import org.minga.support.TerritoryFixtures;
import org.minga.support.TestData;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A director uploads a bank of 5,000 projects on the import page, lands on the job's page with its
 * labelled progress bar, sees it finish with the summary and the link to the result without
 * reloading, and follows the link to the list with the imported projects.
 */
class JobProgressBrowserTest extends BrowserTest {

    static final String PASSWORD = "una-clave-larga-1";
    static final int ROWS = 5_000;

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;

    @Test
    void anUploadedBankShowsItsProgressThenLeadsToTheImportedProjects() throws Exception {
        TerritoryFixtures.importAll(mvc, jdbc);
        ApiFixtures fixtures = new ApiFixtures(mvc);
        long scheme = fixtures.scheme(TestData.unique("Provincia con progreso"));
        fixtures.members(scheme, "54498", "54003");
        String director = TestData.unique("directora");
        fixtures.user(director, PASSWORD, "SCHEME_ADMIN", scheme, null);
        Object[][] rows = new Object[ROWS][];
        for (int i = 0; i < ROWS; i++) {
            rows[i] = new Object[] {"JP-" + i, null, "Proyecto de progreso " + i, "Vivienda, ciudad y territorio", null, 1000.0 + i, "COP",
                    i % 2 == 0 ? "54498" : "54003", null};
        }
        Path file = Files.createTempFile("banco-", ".xlsx");
        Files.write(file, ProjectImportJobTests.workbook(rows));

        logIn(director, PASSWORD);
        browser.get(url("/projects/schemes/" + scheme + "/import"));
        browser.findElement(By.id("file")).sendKeys(file.toAbsolutePath().toString());
        clickAndWait(By.cssSelector("main form button[type=submit]"));

        // The job's page: a progress bar with its label, and a status line read out as it changes. htmx
        // replaces them every second, so each is read again if it was replaced while being read.
        assertThat(browser.getCurrentUrl()).contains("/jobs/");
        assertThat(attribute("#job-progress progress", "max")).isEqualTo("100");
        assertThat(text("label[for=job-bar]")).isEqualTo("Progreso");
        assertThat(attribute("#job-message", "aria-live")).isEqualTo("polite");
        assertThat(text("#job-type")).isEqualTo("Importación del banco de proyectos");

        // htmx refreshes it until the job ends; then the summary and the result's link appear.
        waitUpTo(120).ignoring(WebDriverException.class).until(ExpectedConditions.visibilityOfElementLocated(By.id("job-result")));
        assertThat(text("#job-status")).isEqualTo("Terminado");
        assertThat(text("#job-message")).isEqualTo("5.000 proyectos importados");
        assertThat(attribute("#job-progress progress", "value")).isEqualTo("100");
        // Finished, the fragment no longer polls.
        assertThat(attribute("#job-progress", "hx-get")).isEmpty();
        assertThat(Axe.seriousViolations(browser)).as("axe on the job page").isEmpty();

        clickAndWait(By.id("job-result"));
        assertThat(browser.getCurrentUrl()).endsWith("/projects/schemes/" + scheme);
        assertThat(text("main table")).contains("JP-").contains("Proyecto de progreso");
        assertThat(jdbc.sql("select count(*) from project where scheme_id = :s").param("s", scheme).query(Long.class)
                .single()).isEqualTo(ROWS);
        Files.delete(file);
    }

    /** An attribute's value ("" when absent), read again while htmx is replacing the element. */
    private String attribute(String css, String name) {
        return waitUpTo(10).ignoring(WebDriverException.class).until(d -> {
            String value = d.findElement(By.cssSelector(css)).getAttribute(name);
            return value == null ? "" : value;
        });
    }
}
