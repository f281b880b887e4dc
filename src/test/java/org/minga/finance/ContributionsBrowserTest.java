package org.minga.finance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.minga.support.ApiFixtures;
import org.minga.support.Browser;
import org.minga.support.BrowserTest;
import org.minga.support.TerritoryFixtures;
import org.minga.support.TestData;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A treasurer records two receipts out of order (March's first, then February's), reads the right
 * arrears on 29 February, voids March's receipt with a reason, and sees the payment list, the
 * arrears, the member's statement and the equity chart follow.
 */
class ContributionsBrowserTest extends BrowserTest {

    static final String PASSWORD = "una-clave-larga-1";
    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;

    @Test
    void receiptsOutOfOrderGiveTheRightArrearsAndAVoidIsFollowedEverywhere() throws Exception {
        TerritoryFixtures.importAll(mvc, jdbc);
        ApiFixtures fixtures = new ApiFixtures(mvc);
        long scheme = fixtures.scheme(TestData.unique("Tesorería"));
        // Ocaña is a member, so the rule's form offers it by name.
        fixtures.members(scheme, "54498");
        String treasurer = TestData.unique("tesorera");
        fixtures.user(treasurer, PASSWORD, "SCHEME_ADMIN", scheme, null);

        logIn(treasurer, PASSWORD);
        String page = url("/finance/schemes/" + scheme);
        browser.get(page);
        WebElement rule = browser.findElement(By.id("rule-form"));
        fill(rule, "year", "2024");
        fill(rule, "name", "Cuota ordinaria 2024");
        fill(rule, "amount", "100000");
        // Members are ticked by name (issue 20: no codes to type).
        rule.findElement(By.xpath(".//label[contains(., 'Ocaña (54498)')]/input[@name='members']")).click();
        rule.findElement(By.cssSelector("button[type=submit]")).click();
        waitFor("#rules", "Cuota ordinaria 2024");
        clickAndWait(By.cssSelector("#rules form[action$='/generate'] button"));

        // March's receipt is typed first, February's second.
        receipt("2024-03-05", "Recibo 0032");
        receipt("2024-02-01", "Recibo 0031");

        // On 29 February only February's receipt had been made; it paid January, so February's
        // 100.000 is 19 days past due and nothing is older than 30 days.
        showAt("2024-02-29");
        WebElement ocana = browser.findElement(By.xpath("//section[@id='arrears']//tbody/tr[1]"));
        assertThat(ocana.getText()).contains("Ocaña (54498)");
        assertThat(cells(ocana)).containsExactly("Ocaña (54498)", "COP", "100.000,00", "0,00", "0,00", "100.000,00");
        assertThat(text("#payment-list tbody")).contains("Recibo 0031").doesNotContain("Recibo 0032");
        Browser.screenshot(browser, "contributions-arrears-29-february");

        // On 31 March both receipts count: January and February are paid, March is 21 days past due.
        showAt("2024-03-31");
        assertThat(cells(browser.findElement(By.xpath("//section[@id='arrears']//tbody/tr[1]"))))
                .containsExactly("Ocaña (54498)", "COP", "100.000,00", "0,00", "0,00", "100.000,00");
        // Due 300.000, paid 200.000, balance 100.000.
        assertThat(balance(statement(scheme, "2024-03-31"))).contains("COP 300.000 COP 200.000 COP 100.000");
        assertThat(equityPaid()).contains("COP 200.000");

        // March's receipt bounced: void it with the reason; it stays listed, struck out, with the reason.
        WebElement march = browser.findElement(By.xpath("//section[@id='payment-list']//tr[td[contains(., 'Recibo 0032')]]"));
        fill(march.findElement(By.tagName("form")), "reason", "Cheque devuelto por el banco");
        clickAndWait(By.xpath("//section[@id='payment-list']//tr[td[contains(., 'Recibo 0032')]]//button"));
        assertThat(text("main")).contains("Cambios guardados");
        showAt("2024-03-31");
        assertThat(text("#payment-list")).contains("Anulado: Cheque devuelto por el banco");
        assertThat(cells(browser.findElement(By.xpath("//section[@id='arrears']//tbody/tr[1]"))))
                .containsExactly("Ocaña (54498)", "COP", "100.000,00", "100.000,00", "0,00", "200.000,00");
        String after = statement(scheme, "2024-03-31");
        assertThat(balance(after)).contains("COP 300.000 COP 100.000 COP 200.000");
        assertThat(after).contains("Recibo 0031").doesNotContain("Recibo 0032");
        assertThat(equityPaid()).contains("COP 100.000");
        Browser.screenshot(browser, "contributions-after-void");
    }

    private void receipt(String on, String reference) {
        WebElement form = browser.findElement(By.id("payment-form"));
        new Select(form.findElement(By.name("unitCode"))).selectByVisibleText("Ocaña (54498)");
        browser.executeScript("arguments[0].value = arguments[1]", form.findElement(By.name("paidOn")), on);
        fill(form, "amount", "100000");
        fill(form, "reference", reference);
        clickAndWait(By.cssSelector("#payment-form button[type=submit]"));
        waitFor("main", "Cambios guardados");
    }

    /** Shows the page as of a date with its own date filter. */
    private void showAt(String date) {
        WebElement filter = browser.findElement(By.cssSelector("#arrears form.filters"));
        browser.executeScript("arguments[0].value = arguments[1]", filter.findElement(By.name("at")), date);
        clickAndWait(By.cssSelector("#arrears form.filters button"));
        waitFor("#arrears h2", "");
    }

    private static java.util.List<String> cells(WebElement row) {
        return row.findElements(By.tagName("td")).stream().map(c -> c.getText().strip()).toList();
    }

    /** The statement PDF the page links to, fetched with the treasurer's session, as text. */
    private String statement(long scheme, String at) throws Exception {
        String link = browser.findElement(By.cssSelector("#statements a[href*='/members/54498/statement.pdf']"))
                .getDomAttribute("href");
        assertThat(link).contains("at=" + at);
        String base64 = (String) browser.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch(arguments[0]).then(r => r.arrayBuffer()).then(b => {
                  let s = ''; new Uint8Array(b).forEach(x => s += String.fromCharCode(x)); done(btoa(s));
                });""", link);
        try (var doc = Loader.loadPDF(Base64.getDecoder().decode(base64))) {
            return new PDFTextStripper().getText(doc);
        }
    }

    /** The statement's text from its balance table on (due, paid, balance), its words on one line. */
    private static String balance(String statement) {
        return statement.substring(statement.indexOf("Causado")).replaceAll("\\s+", " ");
    }

    /** Ocaña's row in the equity chart's table, loaded by the page itself. */
    private String equityPaid() {
        return waitUpTo(15).until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#equity-section tr[data-unit='54498']"))).getText();
    }
}
