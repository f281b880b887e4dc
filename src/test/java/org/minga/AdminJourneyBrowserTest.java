package org.minga;

import static org.assertj.core.api.Assertions.assertThat;


import org.junit.jupiter.api.Test;
import org.minga.support.Browser;
import org.minga.support.BrowserTest;
import org.minga.support.IntegrationTest;
import org.minga.support.TestData;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * What the foundation promises a new administrator, in a real browser: log in, register a scheme,
 * create a user scoped to it, switch to English, and find the change in the audit log.
 */
class AdminJourneyBrowserTest extends BrowserTest {

    @Test
    void adminCreatesAScopedUserSwitchesToEnglishAndSeesTheAudit() {
        String scheme = TestData.unique("Asociación de Municipios del Catatumbo");
        String username = TestData.unique("directora");

        browser.get(url("/registry/schemes"));
        assertThat(browser.getCurrentUrl()).endsWith("/login");
        assertThat(text("h1")).isEqualTo("Entrar a Minga");
        browser.findElement(By.id("username")).sendKeys("admin");
        browser.findElement(By.id("password")).sendKeys("contraseña-equivocada");
        clickAndWait(By.cssSelector("form button[type=submit]"));
        assertThat(text("[role=alert]")).isEqualTo("Usuario o contraseña incorrectos.");

        browser.findElement(By.id("username")).sendKeys("admin");
        browser.findElement(By.id("password")).sendKeys(IntegrationTest.ADMIN_PASSWORD);
        clickAndWait(By.cssSelector("form button[type=submit]"));
        assertThat(text("h1")).isEqualTo("Esquemas asociativos");

        browser.findElement(By.id("name")).sendKeys(scheme);
        browser.findElement(By.id("acronym")).sendKeys("ASOMUNICIPIOS");
        new Select(browser.findElement(By.id("country"))).selectByVisibleText("Colombia");
        clickAndWait(By.cssSelector("#new-scheme-form button[type=submit]"));
        assertThat(text("h1")).isEqualTo(scheme);
        assertThat(text("[role=status]")).isEqualTo("Esquema registrado.");

        clickAndWait(By.linkText("Usuarios"));
        clickAndWait(By.linkText("Nuevo usuario"));
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("fullName")).sendKeys("Directora Ejecutiva");
        browser.findElement(By.id("password")).sendKeys("corta");
        new Select(browser.findElement(By.id("role"))).selectByVisibleText("Administrador del esquema");
        // The form is an htmx fragment: a refusal replaces the form, not the page.
        browser.findElement(By.cssSelector("main form button[type=submit]")).click();
        waitUpTo(10).until(ExpectedConditions.presenceOfElementLocated(By.id("password-error")));
        // A short password is refused beside its field, and nothing else is lost.
        assertThat(text("#password-error")).isEqualTo("La contraseña debe tener entre 10 y 128 caracteres.");
        assertThat(text("#schemeId-error")).isEqualTo("Esta función exige elegir un esquema.");
        assertThat(browser.findElement(By.id("username")).getAttribute("value")).isEqualTo(username);

        browser.findElement(By.id("password")).sendKeys("una-clave-bien-larga");
        new Select(browser.findElement(By.id("schemeId"))).selectByVisibleText(scheme + " (CO)");
        clickAndWait(By.cssSelector("main form button[type=submit]"));
        assertThat(text("[role=status]")).isEqualTo("Usuario creado.");
        assertThat(text("h1")).contains("Directora Ejecutiva");
        assertThat(text("main table tbody tr")).contains("Administrador del esquema").contains(scheme);

        clickAndWait(By.linkText("English"));
        assertThat(text("main h2")).isEqualTo("Roles");
        assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("en");

        clickAndWait(By.linkText("Audit"));
        assertThat(text("h1")).isEqualTo("Audit");
        browser.findElement(By.id("entityType")).sendKeys("user");
        clickAndWait(By.cssSelector("form.filters button"));
        WebElement newest = browser.findElement(By.cssSelector("table.audit tbody tr"));
        assertThat(newest.getText()).contains("admin").contains("CREATE").contains("Usuario " + username);
        newest.findElement(By.tagName("summary")).click();
        assertThat(newest.findElement(By.tagName("details")).getText()).contains("SCHEME_ADMIN").contains(username);

        clickAndWait(By.linkText("Español"));
        assertThat(text("h1")).isEqualTo("Auditoría");
        Browser.screenshot(browser, "admin-journey-audit");
    }
}
