package org.minga.support;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A real Chromium on the running application; the last screen is kept in target/screenshots. */
@IntegrationTest
public abstract class BrowserTest {

    @LocalServerPort
    protected int port;
    protected ChromeDriver browser;

    @BeforeEach
    void openBrowser() throws Exception {
        browser = Browser.start();
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            Browser.screenshot(browser, getClass().getSimpleName() + "-last");
            browser.quit();
        }
    }

    protected String url(String path) {
        return "http://localhost:" + port + path;
    }

    protected WebDriverWait waitUpTo(int seconds) {
        return new WebDriverWait(browser, Duration.ofSeconds(seconds));
    }

    /** Clicks and waits for the next page, so what is read next is not the page that was left. */
    protected void clickAndWait(By target) {
        WebElement page = browser.findElement(By.tagName("html"));
        browser.findElement(target).click();
        // While the page is replaced, Chromium may answer "node does not belong to the document": ask again.
        waitUpTo(10).ignoring(WebDriverException.class).until(ExpectedConditions.stalenessOf(page));
    }

    /** The text of an element, read again while a page is being replaced. */
    protected String text(String css) {
        return waitUpTo(10).ignoring(WebDriverException.class)
                .until(d -> d.findElement(By.cssSelector(css)).getText()).strip();
    }

    protected void logIn(String username, String password) {
        browser.get(url("/login"));
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys(password);
        clickAndWait(By.cssSelector("form button[type=submit]"));
    }

    /** Types into a form's field, replacing what it held. */
    protected static void fill(WebElement form, String name, String value) {
        WebElement field = form.findElement(By.name(name));
        field.clear();
        field.sendKeys(value);
    }

    /** Waits for the page after a submit to show the text; reading while the page changes is retried. */
    protected void waitFor(String css, String text) {
        waitUpTo(10).ignoring(WebDriverException.class)
                .until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(css), text));
    }

    protected void logInAsAdmin() {
        browser.get(url("/login"));
        browser.findElement(By.id("username")).sendKeys("admin");
        browser.findElement(By.id("password")).sendKeys(IntegrationTest.ADMIN_PASSWORD);
        clickAndWait(By.cssSelector("form button[type=submit]"));
    }
}
