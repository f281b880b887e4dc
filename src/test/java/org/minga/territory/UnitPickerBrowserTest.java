package org.minga.territory;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.minga.support.ApiFixtures;
import org.minga.support.Axe;
import org.minga.support.BrowserTest;
import org.minga.support.TerritoryFixtures;
import org.minga.support.TestData;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A scheme's manager makes a person the official of Sonsón by typing "sonson" (no accent) and
 * choosing the suggestion with the keyboard: no DIVIPOLA code known or typed.
 */
class UnitPickerBrowserTest extends BrowserTest {

    static final String PASSWORD = "una-clave-larga-1";

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aManagerGrantsARoleOnAUnitChosenByName() throws Exception {
        TerritoryFixtures.importAll(mvc, jdbc);
        ApiFixtures api = new ApiFixtures(mvc);
        String schemeName = TestData.unique("Asociación del Oriente");
        long scheme = api.scheme(schemeName);
        String manager = TestData.unique("gerente");
        api.user(manager, PASSWORD, "SCHEME_ADMIN", scheme, null);
        long person = api.user(TestData.unique("funcionaria"), PASSWORD, "BOARD_MEMBER", scheme, null);

        logIn(manager, PASSWORD);
        browser.get(url("/admin/users/" + person));
        WebElement unit = browser.findElement(By.id("unitCode"));
        WebElement form = unit.findElement(By.xpath("ancestor::form"));
        new Select(form.findElement(By.name("role"))).selectByValue("MEMBER_OFFICIAL");
        new Select(form.findElement(By.name("schemeId"))).selectByValue(String.valueOf(scheme));
        unit.sendKeys("sonson");

        waitUpTo(10).until(ExpectedConditions.visibilityOfElementLocated(By.id("unitCode-option-0")));
        assertThat(unit.getAttribute("aria-expanded")).isEqualTo("true");
        assertThat(text("#unitCode-option-0")).contains("Sonsón, Antioquia").contains("Municipio").contains("05756");
        // The scheme chosen above is Colombian: Salvadoran Sonsonate, which contains "sonson", is not offered.
        waitFor("#unitCode-count", "1 sugerencia; use las flechas");
        assertThat(Axe.seriousViolations(browser)).as("axe with the suggestions open").isEmpty();

        unit.sendKeys(Keys.ARROW_DOWN);
        assertThat(unit.getAttribute("aria-activedescendant")).isEqualTo("unitCode-option-0");
        unit.sendKeys(Keys.ENTER);
        assertThat(unit.getAttribute("value")).isEqualTo("Sonsón, Antioquia");
        assertThat(browser.findElement(By.id("unitCode-options")).isDisplayed()).isFalse();
        WebElement code = form.findElement(By.cssSelector("input[type=hidden][data-unit-code]"));
        assertThat(code.getAttribute("value")).isEqualTo("05756");
        assertThat(code.isEnabled()).isTrue();

        clickAndWait(By.cssSelector("form[hx-post$='/grants'] button[type=submit]"));
        waitFor(".notice", "Función asignada");
        assertThat(text("main table")).contains("Funcionario").contains("05756");
        assertThat(jdbc.sql("select unit_code from user_grant where app_user = :u and role = 'MEMBER_OFFICIAL'")
                .param("u", person).query(String.class).single()).isEqualTo("05756");
    }
}
