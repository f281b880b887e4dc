package org.minga.support;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's headless Chromium driven through its own chromedriver (packages chromium and
 * chromium-driver), never a downloaded browser. Missing packages fail the test loudly.
 */
public final class Browser {

    static final String CHROMIUM = System.getProperty("minga.chromium", "/usr/bin/chromium");
    static final String CHROMEDRIVER = System.getProperty("minga.chromedriver", "/usr/bin/chromedriver");

    private Browser() {
    }

    public static ChromeDriver start() throws Exception {
        if (!new File(CHROMIUM).canExecute() || !new File(CHROMEDRIVER).canExecute()) {
            throw new IllegalStateException("Browser tests need Debian's Chromium: apt-get install chromium chromium-driver"
                    + " (looked for " + CHROMIUM + " and " + CHROMEDRIVER + ")");
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--window-size=1280,900", "--lang=es-CO",
                "--user-data-dir=" + Files.createTempDirectory("minga-chromium"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().implicitlyWait(Duration.ofSeconds(5));
        return driver;
    }

    /** Keeps what the person saw, for a failing test's report. */
    public static void screenshot(ChromeDriver driver, String name) {
        try {
            Path dir = Path.of("target", "screenshots");
            Files.createDirectories(dir);
            Files.write(dir.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        } catch (Exception ignored) {
            // a missing screenshot must not hide the real failure
        }
    }
}
