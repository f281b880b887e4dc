package org.minga.services;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.minga.support.LivingDemoBrowserTest;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The demo as a person walks it: Asomunicipios' participation, property tax (Ocaña) and knowledge;
 * ASINORLU's landfill with last month's tickets and invoices; Los Nonualcos' OPLAGEST permits, one
 * in each state of the workflow; El Bálsamo's business centre with its firms and cost shares.
 * Other modules add their own data to the same schemes: every check looks for the demo's own rows.
 */
class LivingDemoServicesBrowserTest extends LivingDemoBrowserTest {

    static final String WORKSHOP = "Taller de caracterización territorial de la Provincia de Ocaña y el Catatumbo";
    static final String ROADS = "Vía terciaria Ábrego–La Playa intransitable en invierno";
    static final String AGREEMENT = "Acuerdo de Cooperación Técnica Territorial de la Provincia de Ocaña";
    static final String INVENTED = "Dato de demostración (inventado para ilustrar)";

    @Test
    void asomunicipiosParticipationShowsItsWorkshopPrioritisationAndAgreement() {
        long scheme = schemeId("ASOMUNICIPIOS");
        logInAsAdmin();
        browser.get(url("/participation/schemes/" + scheme));
        assertThat(text("#events")).contains(WORKSHOP);
        assertThat(text("#issues")).contains(ROADS, "Veredas de El Tarra sin energía eléctrica",
                "Acueducto veredal de Teorama sin tratamiento", "Predios rurales sin título en Hacarí");
        assertThat(text("#agreements")).contains(AGREEMENT);

        // The workshop: 36 invented attendees, 12 of them delegates, 2 with a disability.
        clickAndWait(By.linkText(WORKSHOP));
        assertThat(text("#attendance caption")).isEqualTo("36 asistentes, 12 delegados, 2 con discapacidad");
        assertThat(text("main")).contains(INVENTED);

        // The delegates' paper ballots, closed: roads win the Schulze count.
        browser.get(url("/participation/schemes/" + scheme));
        clickAndWait(By.partialLinkText("Priorización de problemáticas territoriales 2025"));
        assertThat(text("#ballot-counts")).isEqualTo("12 (0 en línea, 12 en papel)");
        assertThat(text("#results tbody tr:nth-child(1)")).startsWith("1").contains(ROADS).contains("ganadora");

        // The CTT agreement: its parties, lines, actions and monitoring.
        browser.get(url("/participation/schemes/" + scheme));
        clickAndWait(By.linkText(AGREEMENT));
        assertThat(text("main")).contains("Departamento Nacional de Planeación", "Gobernación de Norte de Santander",
                "Conectividad vial rural", "Placa huella en los tramos críticos Ábrego–La Playa",
                "Capacitación en impuesto predial y sus límites legales", "Fuente: Cooperación Técnica Territorial (DNP)");

        // The actors and their sociogram.
        browser.get(url("/participation/schemes/" + scheme + "/actors"));
        assertThat(text("main")).contains("Gobernación de Norte de Santander", "Empresa operadora de energía eléctrica",
                "Asociación de mujeres rurales de Ábrego");

        // The public page of the issue now in the agreement.
        long issue = jdbc.sql("select id from territorial_issue where scheme_id = :s and title = :t").param("s", scheme)
                .param("t", ROADS).query(Long.class).single();
        browser.manage().deleteAllCookies();
        browser.get(url("/public/participation/issues/" + issue));
        assertThat(text("h1")).contains(ROADS);
        assertThat(text("#issue-stage")).isEqualTo("En un acuerdo");
    }

    @Test
    void ocanaPropertyTaxHasItsCadastreRatesAndLiquidations() {
        long scheme = schemeId("ASOMUNICIPIOS");
        logInAsAdmin();
        browser.get(url("/fiscal/schemes/" + scheme + "/municipalities/54498/years/2024"));
        assertThat(text("#cadastre-status")).contains("36 predios").contains("Catastro de demostración de Ocaña 2024 (inventado)");
        assertThat(browser.findElements(By.cssSelector("#rates-table tbody tr"))).hasSizeGreaterThanOrEqualTo(6);
        assertThat(text("#rates-table")).contains("5.5").contains("25");

        long official = jdbc.sql("""
                select total_final from fiscal_liquidation where scheme_id = :s and municipality = '54498' and year = 2024
                and kind = 'OFFICIAL'""").param("s", scheme).query(Long.class).single();
        clickAndWait(By.cssSelector("#liquidations a[data-kind=OFFICIAL]"));
        assertThat(text("#total-final")).isEqualTo(pesos(official));
        assertThat(text("main")).contains("36");

        browser.navigate().back();
        clickAndWait(By.cssSelector("#liquidations a[data-kind=SIMULATION]"));
        assertThat(text("h1")).contains("Actualización catastral rural +30 %");
        assertThat(text("#official-final")).isEqualTo(pesos(official));
    }

    @Test
    void knowledgeBaseHoldsTheSourcesLessonsByScheme() {
        logInAsAdmin();
        browser.get(url("/knowledge?scheme=" + schemeId("ASINORLU")));
        assertThat(text("#hits")).contains("Relleno sanitario intermunicipal con gestión empresarial",
                "Transparencia y especialización en un servicio");
        clickAndWait(By.linkText("Relleno sanitario intermunicipal con gestión empresarial"));
        assertThat(text("main")).contains("27", "Fuente: Mancomunidades de El Salvador (USAID, 2018)",
                "Integralidad 5, impacto 5, sostenibilidad 4, replicabilidad 5: 19 de 20", "inventado para ilustrar");

        browser.get(url("/knowledge?q=OPLAGEST"));
        assertThat(text("#hits")).contains("La OPLAGEST de Los Nonualcos: control del uso del suelo en asociación",
                "Reactivar una asociación para instalar la OPLAGEST");
        browser.get(url("/knowledge?scheme=" + schemeId("ASOMUNICIPIOS")));
        assertThat(text("#hits")).contains("Electrificación rural gestionada por la asociación del Catatumbo");
        browser.get(url("/knowledge?kind=TECHNICAL_DOCUMENT"));
        assertThat(text("#hits")).contains("ABC de los esquemas asociativos territoriales (RINDE)");
    }

    @Test
    void asinorluLandfillShowsLastMonthsTicketsAndInvoices() {
        long scheme = schemeId("ASINORLU");
        long line = line(scheme, "Relleno sanitario intermunicipal de ASINORLU");
        YearMonth month = YearMonth.now(ZoneId.of("America/El_Salvador")).minusMonths(1);
        logInAsAdmin();
        browser.get(url("/services/schemes/" + scheme));
        assertThat(text("#lines")).contains("Relleno sanitario intermunicipal de ASINORLU");

        browser.get(url("/services/schemes/" + scheme + "/lines/" + line + "?month=" + month));
        assertThat(text("#clients")).contains("Alcaldía de Santa Rosa de Lima", "Alcaldía de Pasaquina (cliente no socio)");
        assertThat(text("#tariffs")).contains("24");
        assertThat(text("#weighing")).contains("Desechos sólidos domiciliares").doesNotContain("Desechos peligrosos");

        // Thirteen clients, thirteen invoices; Santa Rosa de Lima's total as the month's tickets priced.
        assertThat(browser.findElements(By.cssSelector("#billing tbody tr"))).hasSize(13);
        BigDecimal total = jdbc.sql("""
                select i.total from service_invoice i join service_client c on c.id = i.client_id
                where i.service_line_id = :l and c.code = 'SRL' and i.month = :m""").param("l", line)
                .param("m", month.atDay(1)).query(BigDecimal.class).single();
        assertThat(row("#billing", "Alcaldía de Santa Rosa de Lima")).contains("USD " + dollars(total));

        // Tickets by client: Santa Rosa makes two trips every working day; two loads were refused.
        long tickets = jdbc.sql("""
                select count(*) from weighing_ticket t join service_client c on c.id = t.client_id
                where t.service_line_id = :l and c.code = 'SRL' and t.refusal_reason is null""").param("l", line)
                .query(Long.class).single();
        assertThat(tickets).isGreaterThan(40);
        assertThat(row("#tonnes", "Alcaldía de Santa Rosa de Lima")).startsWith(month.toString()).endsWith(" " + tickets + " 0");
        assertThat(row("#tonnes", "Empresa privada de la zona")).endsWith(" 1");
        assertThat(row("#tonnes", "Alcaldía de San Alejo")).endsWith(" 1");
    }

    @Test
    void losNonualcosHasAPermitInEveryStateOfTheWorkflow() {
        long scheme = schemeId("ALN");
        logInAsAdmin();
        browser.get(url("/services/schemes/" + scheme));
        assertThat(text("#types")).contains("Permiso de uso de suelo y construcción");
        List<String[]> expected = List.of(new String[] {"Rosa Elena Martínez", "Nuevo"},
                new String[] {"Inversiones Costa del Sol", "Visita programada"},
                new String[] {"José Antonio Hernández", "Visitado"},
                new String[] {"Comercial La Herradura", "Devuelto con observaciones"},
                new String[] {"Ana Lucía Rivas", "Para firma"},
                new String[] {"Logística Aeropuerto", "Entregado"},
                new String[] {"Carlos Mauricio Pérez", "Cerrado"});
        for (String[] e : expected) {
            assertThat(row("#cases", e[0])).as(e[0]).contains(e[1]);
        }

        // The returned case: the applicant is not tax-solvent, the check says so.
        clickAndWait(By.xpath("//section[@id='cases']//tr[contains(., 'Comercial La Herradura')]//a"));
        assertThat(text("#case-state")).contains("Devuelto con observaciones");
        assertThat(text("#checks")).contains("no presenta solvencia de impuestos municipales");
        assertThat(text("#comments")).contains(INVENTED);
        assertThat(text("#history")).contains("Presentar la solvencia municipal");

        // The delivered case, on its public page: state and dates, nothing about the applicant.
        String number = jdbc.sql("select number from service_case where scheme_id = :s and applicant_name like 'Logística%'")
                .param("s", scheme).query(String.class).single();
        browser.manage().deleteAllCookies();
        browser.get(url("/public/services/cases/" + number));
        assertThat(text("#public-state")).isEqualTo("Entregado");
        assertThat(text("main")).doesNotContain("Logística Aeropuerto");
    }

    @Test
    void elBalsamoBusinessCentreServesItsFirmsWithSubsidisedAssistance() {
        long scheme = schemeId("El Bálsamo");
        long line = line(scheme, "Centro de desarrollo empresarial de El Bálsamo");
        logInAsAdmin();
        browser.get(url("/services/schemes/" + scheme + "/lines/" + line));
        assertThat(browser.findElements(By.cssSelector("#firms tbody tr"))).hasSize(5);
        // Associative, rural or women-owned firms get 95 %; the others 90 %.
        assertThat(row("#firms", "Cooperativa cafetalera Cordillera del Bálsamo")).contains("Café").contains("95");
        assertThat(row("#firms", "Artesanías de barro Jayaque")).contains("95");
        assertThat(row("#firms", "Taller de estructuras metálicas Colón")).contains("90");
        BigDecimal subsidy = jdbc.sql("""
                select a.subsidy from bc_assistance a join bc_firm f on f.id = a.firm_id
                where f.service_line_id = :l and f.name = 'Cooperativa cafetalera Cordillera del Bálsamo'""")
                .param("l", line).query(BigDecimal.class).single();
        assertThat(subsidy).isEqualByComparingTo("2280.00");
    }

    private long line(long scheme, String name) {
        return jdbc.sql("select id from service_line where scheme_id = :s and name = :n").param("s", scheme)
                .param("n", name).query(Long.class).single();
    }

    /** The text of the first row of a section's table that mentions a text. */
    private String row(String section, String mentioning) {
        List<WebElement> rows = browser.findElements(By.cssSelector(section + " tbody tr"));
        return rows.stream().map(r -> r.getText().strip()).filter(t -> t.contains(mentioning)).findFirst()
                .orElseThrow(() -> new AssertionError("No row mentions " + mentioning + " in " + section));
    }

    /** Pesos as the pages write them: $5.032.400. */
    private static String pesos(long amount) {
        return "$" + String.format("%,d", amount).replace(',', '.');
    }

    /** Dollars as the pages write them: 1.234,56. */
    /** As El Salvador writes dollars (ASINORLU's country): thousands with a comma, a decimal point. */
    private static String dollars(BigDecimal amount) {
        return String.format(java.util.Locale.ROOT, "%,.2f", amount);
    }
}
