package org.minga.finance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.minga.support.ApiFixtures;
import org.minga.support.BrowserTest;
import org.minga.support.TerritoryFixtures;
import org.minga.support.TestData;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A treasurer of a Salvadoran scheme reading Minga in English types a receipt's date day first
 * and its amount with a decimal point, as a person does, in a date field that is plain text (a
 * browser's date input would ask for mm/dd/yyyy in English), and reads both back the same way.
 */
class CountryFormatsBrowserTest extends BrowserTest {

    static final String PASSWORD = "una-clave-larga-1";
    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aReceiptTypedDayFirstWithTheSalvadoranDecimalPointIsShownBackTheSameWay() throws Exception {
        TerritoryFixtures.importAll(mvc, jdbc);
        ApiFixtures fixtures = new ApiFixtures(mvc);
        long scheme = fixtures.scheme(TestData.unique("Tesorería SV"));
        fixtures.members(scheme, "54498");
        String treasurer = TestData.unique("tesorero");
        fixtures.user(treasurer, PASSWORD, "SCHEME_ADMIN", scheme, null);
        // A quota for Ocaña, set while the scheme is still Colombian; then the scheme is Salvadoran.
        mvc.perform(post("/api/v1/finance/schemes/" + scheme + "/rules").with(httpBasic(treasurer, PASSWORD))
                .contentType(MediaType.APPLICATION_JSON).content("{\"year\":2024,\"name\":\"Cuota\",\"kind\":\"FIXED\","
                        + "\"amount\":2469135.00,\"periodicity\":\"YEARLY\",\"currency\":\"USD\",\"dueDay\":10,"
                        + "\"members\":[\"54498\"]}"))
                .andExpect(status().isCreated());
        jdbc.sql("update scheme set country = 'SV' where id = :s").param("s", scheme).update();

        logIn(treasurer, PASSWORD);
        browser.get(url("/finance/schemes/" + scheme + "?lang=en"));
        WebElement form = browser.findElement(By.id("payment-form"));
        WebElement date = form.findElement(By.name("paidOn"));
        assertThat(date.getDomAttribute("type")).isEqualTo("text");
        assertThat(date.getDomAttribute("placeholder")).isEqualTo("dd/mm/yyyy");
        assertThat(date.getDomProperty("value")).matches("\\d{2}/\\d{2}/\\d{4}");

        new Select(form.findElement(By.name("unitCode"))).selectByValue("54498");
        fill(form, "paidOn", "5/1/2024");
        fill(form, "amount", "1,234,567.50");
        new Select(form.findElement(By.name("currency"))).selectByValue("USD");
        fill(form, "reference", "Receipt 77");
        form.findElement(By.cssSelector("button[type=submit]")).click();
        waitUpTo(10).ignoring(WebDriverException.class).until(d -> text("#payment-list tbody").contains("Receipt 77")
                || !d.findElements(By.cssSelector("#payment-form .field-error, #payment-form .error")).isEmpty());
        assertThat(browser.findElements(By.cssSelector("#payment-form .field-error, #payment-form .error")))
                .extracting(WebElement::getText).isEmpty();
        WebElement row = browser.findElement(By.xpath("//section[@id='payment-list']//tr[td[contains(., 'Receipt 77')]]"));
        assertThat(row.getText()).contains("05/01/2024", "USD 1,234,567.50").doesNotContain("2024-01-05");

        // The same date typed the wrong way round is refused beside its field, in the reader's language.
        form = browser.findElement(By.id("payment-form"));
        new Select(form.findElement(By.name("unitCode"))).selectByValue("54498");
        fill(form, "paidOn", "12/31/2024");
        fill(form, "amount", "10");
        form.findElement(By.cssSelector("button[type=submit]")).click();
        waitFor("#paidOn-error", "dd/mm/yyyy");
        assertThat(text("#payment-list tbody")).doesNotContain("USD 10.00");
    }
}
