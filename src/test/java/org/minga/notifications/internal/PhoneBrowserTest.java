package org.minga.notifications.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;

import com.jayway.jsonpath.JsonPath;

import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.minga.identity.internal.LogVerificationSender;
import org.minga.participation.internal.TerritorialIssues;
import org.minga.platform.Zones;
import org.minga.support.Axe;
import org.minga.support.Browser;
import org.minga.support.BrowserTest;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Minga on a phone (360 × 740): a director with items on the desk finds a one-line header, opens the
 * menu with the keyboard, sees its groups and goes to the scheme through "Mis esquemas"; there the seats
 * read as labelled cards and a governing body is created with the form at the phone's width. The other
 * pages a mayor opens from a phone (projects, a case form, the inbox, the map, the public home) never
 * scroll sideways. At a desktop's width the same menu is a row of links with no "Menú" button, and
 * "Mis esquemas" a drop-down.
 */
class PhoneBrowserTest extends BrowserTest {

    static final String PASSWORD = CitizenReports.PASSWORD;
    static final int WIDTH = 360;
    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TerritorialIssues issues;
    @Autowired
    LogVerificationSender codes;
    @Autowired
    Zones zones;

    @Test
    void aDirectorWorksFromAPhone() throws Exception {
        CitizenReports reports = new CitizenReports(mvc, jdbc, issues, codes);
        long scheme = reports.scheme;
        String director = reports.director;
        String schemeName = jdbc.sql("select name from scheme where id = :id").param("id", scheme)
                .query(String.class).single();
        LocalDate today = zones.today();

        // Items for the desk: a permit past its due date and a board term ending in 30 days.
        String services = "/api/v1/services/schemes/" + scheme;
        long line = id(api(director, services + "/lines",
                "{\"type\":\"LAND_USE_PERMITS\",\"name\":\"Licencias\",\"currency\":\"COP\"}"));
        long type = id(api(director, services + "/case-types/permit", "{\"serviceLineId\":" + line + "}"));
        long permit = id(api(director, services + "/cases", "{\"caseTypeId\":" + type
                + ",\"applicantName\":\"José Ayala\",\"unitCode\":\"54498\",\"subject\":\"Lotificación\"}"));
        jdbc.sql("update service_case set due_on = current_date - 3 where id = :id").param("id", permit).update();
        String bodies = "/api/v1/registry/schemes/" + scheme + "/bodies";
        long board = id(api(director, bodies, "{\"kind\":\"BOARD\",\"name\":\"Junta Directiva\"}"));
        api(director, bodies + "/" + board + "/seats", "{\"personName\":\"María Pérez\",\"role\":\"PRESIDENT\","
                + "\"unitCode\":\"54498\",\"termStart\":\"" + today.minusYears(2) + "\",\"termEnd\":\""
                + today.plusDays(30) + "\"}");

        browser.manage().window().setSize(new Dimension(WIDTH, 740));
        logIn(director, PASSWORD);
        assertThat(text("h1")).isEqualTo("Mi escritorio");
        assertThat(number("return window.innerWidth")).isEqualTo(WIDTH);
        assertThat(text("#desk-services-overdue")).contains("1 trámites vencidos en");
        assertThat(text("#desk-registry-terms")).contains("1 periodos en órganos de gobierno terminan");
        noSidewaysScroll("the desk");

        // The header is one line: the brand, "Menú" and the messages; the groups wait behind "Menú".
        assertThat(number("return document.querySelector('header.top').getBoundingClientRect().height"))
                .isLessThan(80);
        WebElement menu = browser.findElement(By.cssSelector("#menu > summary"));
        WebElement inbox = browser.findElement(By.id("inbox-link"));
        assertThat(menu.getText()).isEqualTo("Menú");
        assertThat(inbox.getText()).isEqualTo("Mensajes (0)");
        WebElement brand = browser.findElement(By.cssSelector("header .brand"));
        assertThat(middle(menu)).isCloseTo(middle(inbox), Offset.offset(8L))
                .isCloseTo(middle(brand), Offset.offset(8L));
        assertThat(browser.findElement(By.id("nav-consult")).isDisplayed()).isFalse();
        assertThat(browser.findElement(By.cssSelector("#menu nav")).isDisplayed()).isFalse();

        // Opened with the keyboard, the menu shows its groups over the page.
        menu.sendKeys(Keys.ENTER);
        waitUpTo(5).until(d -> d.findElement(By.id("nav-consult")).isDisplayed());
        assertThat(browser.findElement(By.id("menu")).getAttribute("open")).isNotNull();
        assertThat(text("#nav-consult")).isEqualToIgnoringCase("Consultar");
        assertThat(text("#nav-admin")).isEqualToIgnoringCase("Administrar");
        assertThat(browser.findElement(By.cssSelector("#my-schemes > summary")).getText()).isEqualTo("Mis esquemas");
        assertThat(browser.findElement(By.linkText("Territorio")).isDisplayed()).isTrue();
        assertThat(browser.findElement(By.linkText("Usuarios")).isDisplayed()).isTrue();
        // Any scheme role opens the fiscal pages (Reader.TEAM).
        assertThat(browser.findElement(By.linkText("Fiscal")).isDisplayed()).isTrue();
        // Only platform administrators import territory or read the audit log.
        assertThat(browser.findElements(By.linkText("Importar territorio"))).isEmpty();
        assertThat(browser.findElements(By.linkText("Auditoría"))).isEmpty();
        noSidewaysScroll("the open menu");
        assertThat(Axe.seriousViolations(browser)).as("axe with the menu open").isEmpty();
        Browser.screenshot(browser, "phone-menu-open");
        browser.findElement(By.linkText("Territorio")).sendKeys(Keys.ESCAPE);
        assertThat(browser.findElement(By.id("menu")).getAttribute("open")).as("Escape closes the menu").isNull();
        menu.sendKeys(Keys.ENTER);

        // "Mis esquemas" names her scheme; its link leads to the scheme's page.
        browser.findElement(By.cssSelector("#my-schemes > summary")).click();
        clickAndWait(By.linkText(schemeName));
        assertThat(browser.getCurrentUrl()).endsWith("/registry/schemes/" + scheme);
        assertThat(browser.findElement(By.id("menu")).getAttribute("open")).as("a new page starts closed").isNull();
        noSidewaysScroll("the scheme page");

        // The seats table reads as a card: each value beside its column's name.
        WebElement seat = browser.findElement(By.xpath("//section[@id='bodies']//table//tr[td[normalize-space()='María Pérez']]"));
        WebElement person = seat.findElement(By.xpath("td[1]"));
        assertThat(person.getText()).isEqualTo("María Pérez");
        assertThat(person.getAttribute("data-label")).isEqualTo("Persona");
        assertThat(pseudo(person)).isEqualTo("\"Persona: \"");
        assertThat(pseudo(seat.findElement(By.xpath("td[2]")))).isEqualTo("\"Función: \"");
        assertThat(seat.findElement(By.xpath("td[2]")).getText()).isEqualTo("Presidencia");
        assertThat(browser.findElement(By.cssSelector("#bodies table thead")).isDisplayed()).isFalse();
        assertThat(seat.getCssValue("display")).isEqualTo("block");
        Browser.screenshot(browser, "phone-scheme-seats");

        // A governing body created with the form at the phone's width: its fields fill the screen.
        WebElement name = browser.findElement(By.id("body-name"));
        assertThat(name.getSize().getWidth()).isGreaterThan(WIDTH - 60);
        new Select(browser.findElement(By.id("body-kind"))).selectByValue("ASSEMBLY");
        name.sendKeys("Asamblea General de Alcaldes");
        clickAndWait(By.id("body-submit"));
        assertThat(text("[role=status]")).isEqualTo("Órgano de gobierno creado.");
        assertThat(text("#bodies")).contains("Asamblea General de Alcaldes · Asamblea");
        noSidewaysScroll("the scheme page after the form");

        for (String page : new String[] {"/projects/schemes/" + scheme, "/inbox"}) {
            browser.get(url(page));
            noSidewaysScroll(page);
        }
        // The case form: full width, its button within reach.
        browser.get(url("/services/schemes/" + scheme));
        noSidewaysScroll("the services page");
        WebElement caseSubmit = browser.findElement(By.cssSelector("form[action$='/cases'] button[type=submit]"));
        assertThat(caseSubmit.getRect().getX() + caseSubmit.getRect().getWidth()).isLessThanOrEqualTo(WIDTH);
        assertThat(caseSubmit.getRect().getHeight()).isGreaterThanOrEqualTo(44);

        // The map fits the screen.
        browser.get(url("/territory"));
        waitUpTo(30).until(d -> !d.findElements(By.cssSelector("#map path")).isEmpty());
        assertThat(number("return document.getElementById('map').getBoundingClientRect().right"))
                .isLessThanOrEqualTo(WIDTH);
        assertThat(number("return document.getElementById('map').getBoundingClientRect().height"))
                .isLessThanOrEqualTo(740);
        noSidewaysScroll("the map");

        // Signing out from the menu; the public home keeps a light header (language, sign in).
        browser.findElement(By.cssSelector("#menu > summary")).click();
        clickAndWait(By.cssSelector("#menu button[type=submit]"));
        browser.get(url("/"));
        assertThat(browser.findElements(By.id("menu"))).isEmpty();
        assertThat(browser.findElement(By.linkText("Entrar")).isDisplayed()).isTrue();
        assertThat(number("return document.querySelector('header.top').getBoundingClientRect().height"))
                .isLessThan(80);
        noSidewaysScroll("the public home");

        // At a desktop's width the menu is a row: no "Menú" button, the links in sight.
        browser.manage().window().setSize(new Dimension(1280, 900));
        logIn(director, PASSWORD);
        assertThat(browser.findElement(By.cssSelector("#menu > summary")).isDisplayed()).isFalse();
        assertThat(browser.findElement(By.linkText("Territorio")).isDisplayed()).isTrue();
        assertThat(browser.findElement(By.cssSelector("#menu button[type=submit]")).isDisplayed()).isTrue();
        // "Mis esquemas" drops down there, and a click elsewhere folds it again.
        browser.findElement(By.cssSelector("#my-schemes > summary")).click();
        assertThat(browser.findElement(By.linkText(schemeName)).isDisplayed()).isTrue();
        browser.findElement(By.tagName("h1")).click();
        assertThat(browser.findElement(By.id("my-schemes")).getAttribute("open")).isNull();
    }

    private void noSidewaysScroll(String what) {
        assertThat(number("return document.documentElement.scrollWidth - document.documentElement.clientWidth"))
                .as("sideways scroll on " + what).isLessThanOrEqualTo(0);
    }

    /** The vertical middle of an element on the page. */
    private static long middle(WebElement element) {
        return element.getRect().getY() + element.getRect().getHeight() / 2;
    }

    private long number(String script) {
        return Math.round(((Number) browser.executeScript(script)).doubleValue());
    }

    /** What the cell's ::before shows (its column's name on a phone). */
    private String pseudo(WebElement cell) {
        return (String) browser.executeScript("return getComputedStyle(arguments[0], '::before').content", cell);
    }

    private String api(String user, String path, String json) throws Exception {
        return mvc.perform(post(path).with(httpBasic(user, PASSWORD)).contentType(MediaType.APPLICATION_JSON)
                .content(json)).andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
    }

    private static long id(String json) {
        return ((Number) JsonPath.read(json, "$.id")).longValue();
    }
}
