package org.minga.support;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
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

    protected void logInAsAdmin() {
        browser.get(url("/login"));
        browser.findElement(By.id("username")).sendKeys("admin");
        browser.findElement(By.id("password")).sendKeys(IntegrationTest.ADMIN_PASSWORD);
        browser.findElement(By.cssSelector("form button[type=submit]")).click();
    }
}
