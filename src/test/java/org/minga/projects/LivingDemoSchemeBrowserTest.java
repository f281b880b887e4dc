package org.minga.projects;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.minga.platform.SystemActor;
import org.minga.registry.DemoSchemesRegistered;
import org.minga.support.LivingDemoBrowserTest;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;

/**
 * Asomunicipios in the living demo, as the administrator sees it: its project bank (list, a project,
 * the public page, needs, funding calls and cooperants), its contributions and equity, its plan's
 * dashboard, its health and self-evaluation, and its handover. Other modules add their own data to
 * the same database, so every check looks for the demo's own items rather than counting everything.
 */
class LivingDemoSchemeBrowserTest extends LivingDemoBrowserTest {

    private long scheme;

    @Autowired
    private ApplicationEventPublisher events;

    @BeforeEach
    void logIn() {
        scheme = schemeId("ASOMUNICIPIOS");
        logInAsAdmin();
    }

    @Test
    void theProjectBankShowsTheSourcesProjectsAtTheirStages() {
        browser.get(url("/projects/schemes/" + scheme));
        String list = text("main");
        assertThat(list).contains("Electrificación rural del Catatumbo y la Provincia de Ocaña",
                "Fortalecimiento de 50 proyectos productivos de asociaciones de productores",
                "Mejoramiento de vivienda rural en seis municipios", "Unidades sanitarias para familias rurales dispersas",
                "Mejoramiento de vías terciarias El Tarra – Tibú – Teorama");
        assertThat(row("ASO-ER-2022")).contains("Terminado", "COP 48000000000.00");
        assertThat(row("ASO-PP-2023")).contains("En ejecución", "COP 11500000000.00");
        assertThat(row("ASO-VR-2024")).contains("Aprobado");
        assertThat(row("ASO-VT-2025")).contains("Formulado");
        assertThat(row("ASO-SB-2025")).contains("Perfil");

        clickAndWait(By.linkText("Electrificación rural del Catatumbo y la Provincia de Ocaña"));
        assertThat(text("#financing [role=status]")).contains("Costo COP 48000000000.00",
                "comprometido 48000000000.00 (100 %)", "falta por financiar 0.00");
        assertThat(text("#financing table")).contains("Nación", "Departamento", "Gobernación de Norte de Santander",
                "Regalías (SGR)", "Privado", "Municipio miembro");
        assertThat(text("main")).contains("16.000 familias rurales", "Fuente: Asociatividad municipal en el Catatumbo",
                DemoSchemesRegistered.INVENTED);
        assertThat(text("#beneficiaries").toLowerCase()).contains("ocaña", "tibú").doesNotContain("río de oro");
        assertThat(text("#reports")).contains("100.00 %", "16.000 familias rurales conectadas");
        assertThat(text("#steps")).contains("14/02/2022", "Terminado");
    }

    @Test
    void theProducersProjectIsPublicWithItsCooperationAndItsDelays() {
        long id = jdbc.sql("select id from project where scheme_id = :s and code = 'ASO-PP-2023'").param("s", scheme)
                .query(Long.class).single();
        browser.manage().deleteAllCookies();
        browser.get(url("/public/projects/" + id));
        assertThat(text("h1")).contains("ASO-PP-2023", "50 proyectos productivos");
        assertThat(text("#financing [role=status]")).contains("Costo COP 12500000000.00",
                "comprometido 11500000000.00 (92 %)",
                "falta por financiar 1000000000.00");
        assertThat(text("#financing table")).contains("Cooperación internacional",
                "Ministerio de Agricultura – Alianzas Productivas");
        assertThat(text("#delays")).contains("Hitos vencidos sin cumplir: Insumos y equipos entregados a las 50 "
                + "asociaciones");
        assertThat(text("#milestones")).contains("Retrasado");
        assertThat(text("#reports")).contains("62.00 %", "El invierno retrasó las entregas");
    }

    @Test
    void needsCallsAndCooperantsShowTheRegionsDemands() {
        browser.get(url("/projects/schemes/" + scheme + "/needs"));
        assertThat(text("main")).contains("Centro de acopio para los productores", "20614",
                "Vía terciaria intransitable en invierno");

        long call = jdbc.sql("select id from funding_call where name like 'Obras para los municipios PDET%'")
                .query(Long.class).single();
        browser.get(url("/projects/calls/" + call + "?schemeId=" + scheme));
        String eligibility = text("main");
        assertThat(eligibility).contains("(54810)", "Cofinanciación departamental de vivienda y vías (demostración)",
                "ASO-VT-2025");
        assertThat(eligibility.toLowerCase()).contains("ocaña (54498)");

        browser.get(url("/projects/cooperants"));
        assertThat(text("main")).contains("Programa de cooperación internacional para el desarrollo rural");
    }

    @Test
    void contributionsShowTheFeesAndWhoIsInArrears() {
        browser.get(url("/finance/schemes/" + scheme));
        assertThat(text("#rules")).contains("Cuota de administración 2024", "Cuota de administración 2025",
                "COP 6.000.000", "Aportes en especie 2025");
        String arrears = text("#arrears table").toLowerCase();
        assertThat(arrears).contains("tibú (54810)", "18.000.000,00", "hacarí (54344)", "30.000.000,00",
                "el tarra (54250)", "6.000.000,00").doesNotContain("(54498)");

        browser.get(url("/finance/schemes/" + scheme + "/equity"));
        String equity = text("main");
        assertThat(equity).contains("Índice de equidad", "(20614)", "(54498)");
        assertThat(equity.toLowerCase()).contains("río de oro pagó aportes", "no recibió beneficios");
    }

    @Test
    void thePlanShowsTheAgendaAndGoalsOnTrackLateAndOffTrack() {
        browser.get(url("/planning/schemes/" + scheme));
        assertThat(text("#vision-title + div")).contains("Agenda Regional 2032", "16 años");
        assertThat(goal("16.000 familias rurales con servicio de energía")).contains("Al día", "16000");
        assertThat(goal("50 proyectos de asociaciones de productores financiados")).contains("Atrasada");
        assertThat(goal("Proyectos regionales en los planes de desarrollo municipales")).contains("Al día");
        assertThat(goal("60 km de vías terciarias mejorados")).contains("Desviada", "12");
        assertThat(count("ON_TRACK")).isGreaterThanOrEqualTo(2);
        assertThat(count("LATE")).isGreaterThanOrEqualTo(1);
        assertThat(count("OFF_TRACK")).isGreaterThanOrEqualTo(1);
    }

    @Test
    void healthAndSelfEvaluationHaveData() {
        browser.get(url("/evaluation/schemes/" + scheme));
        assertThat(text("#health-index")).isNotBlank();
        assertThat(text("#components")).contains("metas al día");
        assertThat(text("#checklist")).contains("los datos sugieren", "Hecho",
                "Plan de trabajo 2024–2027 con metas e indicadores");

        clickAndWait(By.linkText("Autoevaluación con retroalimentación de todos los niveles 2025"));
        assertThat(text("#results")).contains("Resultados (10 respuestas)",
                "Río de Oro paga su cuota y aún no ve proyectos en su territorio");
        assertThat(text("#actions")).contains("Informe trimestral de avance de los proyectos");
    }

    @Test
    void theHandoverGaveEveryCandidateTheSameDossier() {
        browser.get(url("/transitions/schemes/" + scheme));
        assertThat(text("#elections")).contains("Elección de alcalde de Ocaña 2023", "29/10/2023",
                "01/01/2024 – 31/12/2027");
        assertThat(text("#mayors")).contains("Alcaldesa entrante de Tibú", "01/01/2020 – 31/12/2023");
        assertThat(text("#log")).contains("Alcaldía entrante de Ocaña 2024–2027", "Alcaldía entrante de Tibú 2024–2027",
                "Candidata A");
        assertThat(jdbc.sql("select count(*) from dossier_version v where v.scheme_id = :s and v.pdf is not null")
                .param("s", scheme).query(Long.class).single()).isGreaterThanOrEqualTo(3);

        clickAndWait(By.linkText("Elección de alcalde de Ocaña 2023"));
        assertThat(text("#verdict")).contains("Neutral: todos los candidatos recibieron la misma versión");
        assertThat(text("#candidates")).contains("Candidata A", "Candidato B", "Candidato C");
    }

    /** Every start of a demo publishes the event again: nothing of Asomunicipios' life is added twice. */
    @Test
    void aSecondStartAddsNothing() {
        String counts = """
                select (select count(*) from project where scheme_id = :s)
                     + (select count(*) from investment_need where scheme_id = :s)
                     + (select count(*) from contribution_payment where scheme_id = :s)
                     + (select count(*) from plan_goal where scheme_id = :s)
                     + (select count(*) from evaluation_response r join evaluation_campaign c on c.id = r.campaign_id
                        where c.scheme_id = :s)
                     + (select count(*) from dossier_delivery where scheme_id = :s)
                     + (select count(*) from funding_call) + (select count(*) from cooperant)""";
        long before = jdbc.sql(counts).param("s", scheme).query(Long.class).single();
        Map<String, Long> ids = new HashMap<>();
        for (String acronym : List.of("ASOMUNICIPIOS", "ALN", "ASINORLU", "El Bálsamo", "Cayaguanca", "Los Izalcos")) {
            ids.put(acronym, schemeId(acronym));
        }
        SystemActor.runAsAdmin(() -> events.publishEvent(new DemoSchemesRegistered(ids)));
        assertThat(jdbc.sql(counts).param("s", scheme).query(Long.class).single()).isEqualTo(before);
    }

    private String row(String code) {
        return browser.findElement(By.xpath("//tr[td[1][normalize-space()='" + code + "']]")).getText();
    }

    private String goal(String name) {
        return browser.findElement(By.xpath("//table[@id='goals']//tr[td[1][normalize-space()='" + name + "']]"))
                .getText();
    }

    private int count(String status) {
        return Integer.parseInt(text("li[data-status=" + status + "] strong"));
    }
}
