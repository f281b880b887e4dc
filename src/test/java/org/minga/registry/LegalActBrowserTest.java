package org.minga.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.minga.support.ApiFixtures;
import org.minga.support.BrowserTest;
import org.minga.support.TestData;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** A scheme's director records a council authorisation with its PDF from a real browser. */
class LegalActBrowserTest extends BrowserTest {

    @Autowired
    MockMvc mvc;

    @Test
    void anActIsUploadedFromTheSchemePageAndListedWithItsDocument() throws Exception {
        String name = TestData.unique("Asomunicipios");
        long scheme = new ApiFixtures(mvc).scheme(name);
        Path notPdf = Files.createTempFile("foto", ".pdf");
        Files.write(notPdf, new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        Path pdf = Files.createTempFile("acuerdo-012", ".pdf");
        Files.write(pdf, LegalActTests.pdf());

        logInAsAdmin();
        browser.get(url("/registry/schemes/" + scheme));
        fill("COUNCIL_AUTHORISATION", notPdf);
        // Refused by its content, beside the field; what was typed is still there.
        assertThat(text("#act-document-error")).isEqualTo("El documento no es un PDF; adjunte el acto en formato PDF.");
        assertThat(browser.findElement(By.id("act-issuer")).getAttribute("value")).isEqualTo("Concejo Municipal de Ocaña");

        browser.findElement(By.id("act-document")).sendKeys(pdf.toAbsolutePath().toString());
        browser.findElement(By.id("act-submit")).click();
        assertThat(text("[role=status]")).isEqualTo("Acto registrado.");
        WebElement row = browser.findElement(By.cssSelector("table.acts tbody tr"));
        assertThat(row.getText()).contains("Acuerdo del concejo").contains("012").contains("2024-03-15")
                .contains("Concejo Municipal de Ocaña");
        assertThat(row.findElement(By.tagName("a")).getAttribute("href"))
                .matches(".*/registry/schemes/" + scheme + "/acts/\\d+/document");
        assertThat(text("ol.timeline li")).contains("Acuerdo del concejo 012 de 2024, Concejo Municipal de Ocaña");
    }

    private void fill(String type, Path file) {
        new Select(browser.findElement(By.id("act-type"))).selectByValue(type);
        browser.findElement(By.id("act-number")).sendKeys("012");
        // Date inputs take the digits in the browser's locale order (es-CO: day, month, year).
        browser.executeScript("arguments[0].value = '2024-03-15'", browser.findElement(By.id("act-issuedOn")));
        browser.findElement(By.id("act-issuer")).sendKeys("Concejo Municipal de Ocaña");
        browser.findElement(By.id("act-unitCode")).sendKeys("54498");
        browser.findElement(By.id("act-document")).sendKeys(file.toAbsolutePath().toString());
        browser.findElement(By.id("act-submit")).click();
    }

    private String text(String css) {
        return waitUpTo(5).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css))).getText().strip();
    }
}
