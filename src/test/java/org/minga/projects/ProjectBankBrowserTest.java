package org.minga.projects;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.minga.support.ApiFixtures;
import org.minga.support.Browser;
import org.minga.support.BrowserTest;
import org.minga.support.IntegrationTest;
import org.minga.support.TerritoryFixtures;
import org.minga.support.TestData;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The project bank as its people use it: the scheme's director records Ocaña's need, turns it into a
 * project for Ocaña, Ábrego and Convención, adds financing from two sources, is refused an illegal
 * jump to execution, moves it to Aprobado, posts a progress report with a photo; then Ocaña's member
 * official finds it on the municipality's page and Ocaña in the scheme's equity chart.
 */
class ProjectBankBrowserTest extends BrowserTest {

    static final String PASSWORD = "una-clave-larga-1";
    /** A 1×1 PNG. */
    static final byte[] PNG = Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aNeedBecomesAnApprovedFinancedProjectThatAMemberOfficialSees() throws Exception {
        TerritoryFixtures.importAll(mvc, jdbc);
        ApiFixtures fixtures = new ApiFixtures(mvc);
        long scheme = fixtures.scheme(TestData.unique("Asomunicipios"));
        for (String code : List.of("54498", "54003", "54206")) {
            mvc.perform(post("/api/v1/registry/schemes/" + scheme + "/members")
                    .with(httpBasic("admin", IntegrationTest.ADMIN_PASSWORD)).contentType(MediaType.APPLICATION_JSON)
                    .content("{\"unitCode\":\"" + code + "\",\"joinedOn\":\"2020-01-01\"}"));
        }
        String director = TestData.unique("directora");
        String official = TestData.unique("enlace-ocana");
        fixtures.user(director, PASSWORD, "SCHEME_ADMIN", scheme, null);
        fixtures.user(official, PASSWORD, "MEMBER_OFFICIAL", scheme, "54498");
        String code = TestData.unique("VIA");

        logIn(director);
        browser.get(url("/projects/schemes/" + scheme + "/needs"));
        WebElement needForm = browser.findElement(By.cssSelector("form[action$='/needs'][method=post]"));
        fill(needForm, "unitCode", "54498");
        new Select(needForm.findElement(By.name("sector"))).selectByVisibleText("24 Transporte");
        fill(needForm, "description", "Placa huella vereda El Salobre");
        fill(needForm, "priority", "1");
        needForm.findElement(By.cssSelector("button[type=submit]")).click();
        waitFor("main table", "Placa huella vereda El Salobre");

        // The need becomes a project; two more members benefit from it.
        browser.findElement(By.cssSelector("input[name=needIds]")).click();
        WebElement toProject = browser.findElement(By.cssSelector("form[action$='/needs/project']"));
        fill(toProject, "code", code);
        fill(toProject, "name", "Vía regional El Salobre");
        new Select(toProject.findElement(By.name("sector"))).selectByVisibleText("24 Transporte");
        fill(toProject, "cost", "1000000000");
        toProject.findElement(By.cssSelector("button[type=submit]")).click();
        waitFor("h1", "Vía regional El Salobre");
        String projectUrl = browser.getCurrentUrl();
        for (String unit : List.of("54003", "54206")) {
            WebElement form = browser.findElement(By.cssSelector("form[action$='/beneficiaries']"));
            new Select(form.findElement(By.name("unitCode"))).selectByValue(unit);
            fill(form, "people", "1000");
            form.findElement(By.cssSelector("button[type=submit]")).click();
            waitFor("main", unit);
        }
        financing("NATION", "Ministerio de Transporte", "600000000");
        waitFor("main", "Ministerio de Transporte");
        financing("ROYALTIES_SGR", "OCAD Paz", "300000000");
        waitFor("main", "OCAD Paz");

        // A jump from Idea to execution is refused, in Spanish, beside the field.
        browser.executeScript("var s = document.querySelector(\"form[action$='/stage'] select[name=stage]\");"
                + "var o = document.createElement('option'); o.value = 'IN_EXECUTION'; o.text = 'x'; s.add(o); s.value = 'IN_EXECUTION';");
        stepDate();
        browser.findElement(By.cssSelector("form[action$='/stage'] button[type=submit]")).click();
        assertThat(text("#stage-error").strip()).isEqualTo("Un proyecto en Idea no puede pasar a En ejecución; los pasos posibles son: "
                + "Perfil, Suspendido, Descartado.");
        for (String stage : List.of("PROFILE", "PRE_INVESTMENT", "FORMULATED", "VIABLE", "APPROVED")) {
            // The page reloads after each step: choose the next one once the new form is there.
            waitUpTo(10).ignoring(org.openqa.selenium.WebDriverException.class).until(d -> {
                new Select(d.findElement(By.cssSelector("form[action$='/stage'] select[name=stage]"))).selectByValue(stage);
                stepDate();
                return true;
            });
            clickAndWait(By.cssSelector("form[action$='/stage'] button[type=submit]"));
        }
        waitFor("main", "Aprobado");

        Path photo = Files.createTempFile("avance", ".png");
        Files.write(photo, PNG);
        WebElement report = browser.findElement(By.cssSelector("form[action$='/reports']"));
        browser.executeScript("arguments[0].value = '2025-03-01'", report.findElement(By.name("reportedOn")));
        fill(report, "physicalPercent", "10");
        fill(report, "financialPercent", "5");
        fill(report, "text", "Estudios y diseños entregados.");
        report.findElement(By.name("photo")).sendKeys(photo.toAbsolutePath().toString());
        report.findElement(By.cssSelector("button[type=submit]")).click();
        waitFor("main", "Estudios y diseños entregados.");
        assertThat(browser.findElements(By.cssSelector("main img"))).isNotEmpty();
        waitUpTo(15).until(ExpectedConditions.attributeToBe(By.id("project-map"), "data-loaded", "3"));
        Browser.screenshot(browser, "project-bank-approved");

        // Ocaña's member official sees the project on the municipality's page.
        browser.get(url("/logout"));
        browser.manage().deleteAllCookies();
        logIn(official);
        browser.get(url("/projects/units/54498"));
        assertThat(text("main")).contains("Vía regional El Salobre");
        clickAndWait(By.linkText("Vía regional El Salobre"));
        assertThat(browser.getCurrentUrl()).isEqualTo(projectUrl);

        // And Ocaña in the scheme's equity chart, with its share of the financing as benefits.
        browser.get(url("/registry/schemes/" + scheme));
        WebElement ocana = waitUpTo(15).until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#equity tr[data-unit='54498']")));
        assertThat(ocana.getText()).contains("Ocaña").contains("300.000.000");
        assertThat(browser.findElements(By.cssSelector("#equity svg rect"))).isNotEmpty();
        Browser.screenshot(browser, "project-bank-equity-chart");
    }

    private void financing(String source, String entity, String amount) {
        WebElement form = browser.findElement(By.cssSelector("form[action$='/financing']"));
        new Select(form.findElement(By.name("sourceType"))).selectByValue(source);
        fill(form, "entity", entity);
        fill(form, "amount", amount);
        browser.executeScript("arguments[0].value = '2024-06-01'", form.findElement(By.name("committedOn")));
        form.findElement(By.cssSelector("button[type=submit]")).click();
    }

    private void stepDate() {
        browser.executeScript("arguments[0].value = arguments[1]",
                browser.findElement(By.cssSelector("form[action$='/stage'] input[name=on]")), java.time.LocalDate.now().toString());
    }

    private void logIn(String username) {
        logIn(username, PASSWORD);
    }
}
