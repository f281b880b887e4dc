package org.minga.services;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.minga.support.ApiFixtures;
import org.minga.support.Browser;
import org.minga.support.BrowserTest;
import org.minga.support.TestData;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * An OPLAGEST permit as its people live it: the director opens the permit service, files María's
 * application, checks the requirements, schedules and records the visit, returns it with an
 * observation, receives it again, is refused the signature until both checks pass (in Spanish,
 * beside the field), signs and delivers; then María, without an account, follows it by number.
 */
class PermitCaseBrowserTest extends BrowserTest {

    static final String PASSWORD = "una-clave-larga-1";

    @Autowired
    MockMvc mvc;

    @Test
    void aPermitIsReturnedResubmittedBlockedUntilBothChecksPassDeliveredAndFollowedInPublic() throws Exception {
        ApiFixtures fixtures = new ApiFixtures(mvc);
        long scheme = fixtures.scheme(TestData.unique("Los Nonualcos"));
        String director = TestData.unique("directora-oplagest");
        fixtures.user(director, PASSWORD, "SCHEME_ADMIN", scheme, null);

        logIn(director);
        browser.get(url("/registry/schemes/" + scheme));
        clickAndWait(By.cssSelector("main a[href$='/services/schemes/" + scheme + "']"));
        WebElement lineForm = browser.findElement(By.cssSelector("form[action$='/lines']"));
        new Select(lineForm.findElement(By.name("type"))).selectByValue("LAND_USE_PERMITS");
        fill(lineForm, "name", "OPLAGEST Los Nonualcos");
        clickAndWait(By.cssSelector("form[action$='/lines'] button[type=submit]"));
        clickAndWait(By.cssSelector("form[action$='/permit-type'] button[type=submit]"));
        assertThat(text("#types")).contains("Permiso de uso de suelo y construcción");

        WebElement caseForm = browser.findElement(By.cssSelector("form[action$='/cases']"));
        fill(caseForm, "applicantName", "María Elena Portillo");
        fill(caseForm, "applicantDocument", "04567890-1");
        fill(caseForm, "unitCode", "D065");
        fill(caseForm, "subject", "Construcción de vivienda, lote 12, cantón San Antonio");
        clickAndWait(By.cssSelector("form[action$='/cases'] button[type=submit]"));
        String number = text("h1").replace("Trámite ", "");
        assertThat(number).matches(scheme + "-PERMISO-\\d{4}-\\d{5}");
        assertThat(text("#case-state")).isEqualTo("Nuevo");

        // The visit is not scheduled while the file is incomplete.
        move("SCHEDULED", null);
        assertThat(text("#state-error")).startsWith("No se puede pasar a «Visita programada» mientras falten requisitos:");
        for (String requirement : List.of("APPLICATION", "DEED", "PLANS", "ID")) {
            clickAndWait(By.cssSelector("li[data-requirement='" + requirement + "'] button"));
        }
        move("SCHEDULED", null);
        waitFor("#case-state", "Visita programada");
        move("VISITED", null);
        waitFor("#case-state", "Visitado");

        // Returned with an observation, then resubmitted.
        move("RETURNED", "Falta el plano de fachada firmado por el profesional responsable.");
        waitFor("#case-state", "Devuelto con observaciones");
        assertThat(text("#history")).contains("Falta el plano de fachada firmado");
        move("VISITED", null);
        waitFor("#case-state", "Visitado");

        // Signing is refused until both recorded checks pass.
        move("TO_SIGN", null);
        assertThat(text("#state-error")).isEqualTo("No se puede pasar a «Para firma» hasta que cumplan estas verificaciones: "
                + "Solvencia de impuestos municipales del solicitante; Consistencia con el plan de ordenamiento territorial.");
        assertThat(text("#case-state")).isEqualTo("Visitado");
        Browser.screenshot(browser, "permit-signing-refused");
        check("TAX_SOLVENCY");
        move("TO_SIGN", null);
        assertThat(text("#state-error")).isEqualTo("No se puede pasar a «Para firma» hasta que cumplan estas verificaciones: "
                + "Consistencia con el plan de ordenamiento territorial.");
        check("PLAN_CONSISTENCY");
        assertThat(text("li[data-check='PLAN_CONSISTENCY']")).contains("Cumple");
        move("TO_SIGN", null);
        waitFor("#case-state", "Para firma");
        move("DELIVERED", null);
        waitFor("#case-state", "Entregado");

        // María follows her case by number, without logging in, and sees only its state and dates.
        browser.get(url("/logout"));
        browser.manage().deleteAllCookies();
        browser.get(url("/public/services/cases"));
        browser.findElement(By.id("number")).sendKeys(number);
        clickAndWait(By.cssSelector("main form button[type=submit]"));
        assertThat(browser.getCurrentUrl()).endsWith("/public/services/cases/" + number);
        assertThat(text("#public-state")).isEqualTo("Entregado");
        assertThat(text("#public-case")).contains(number).contains("Devuelto con observaciones")
                .doesNotContain("María").doesNotContain("04567890").doesNotContain("Falta el plano");
        Browser.screenshot(browser, "permit-public-page");
    }

    private void move(String state, String observation) {
        waitUpTo(10).ignoring(WebDriverException.class).until(d -> {
            new Select(d.findElement(By.cssSelector("form[action$='/transition'] select[name=state]"))).selectByValue(state);
            return true;
        });
        if (observation != null) {
            fill(browser.findElement(By.cssSelector("form[action$='/transition']")), "observation", observation);
        }
        clickAndWait(By.cssSelector("form[action$='/transition'] button[type=submit]"));
    }

    private void check(String code) {
        WebElement form = browser.findElement(By.cssSelector("form[action$='/checks']"));
        new Select(form.findElement(By.name("code"))).selectByValue(code);
        new Select(form.findElement(By.name("passed"))).selectByValue("true");
        clickAndWait(By.cssSelector("form[action$='/checks'] button[type=submit]"));
    }

    private void logIn(String username) {
        logIn(username, PASSWORD);
    }
}
