package org.minga.evaluation.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.minga.evaluation.DecisionAid;
import org.minga.evaluation.SelfEvaluations;
import org.minga.registry.DemoSchemesRegistered;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Asomunicipios' self-evaluation in the demo: the feedback the source describes from the executive
 * direction, the board and assembly, the municipal teams, the institutions and civil society
 * (catatumbo L1362–1404), as one anonymous campaign of November 2025 with ten answers, an
 * improvement action and the steps of RINDE's decision aid already taken. Scores, comments and
 * evidence are invented and say so.
 */
@Component
record DemoEvaluation(SelfEvaluations evaluations, DecisionAid decisionAid, TransactionTemplate tx) {

    static final String CAMPAIGN = "Autoevaluación con retroalimentación de todos los niveles 2025";
    private static final String INVENTED = DemoSchemesRegistered.INVENTED;
    private static final LocalDate OPENS = LocalDate.of(2025, 11, 3);
    private static final LocalDate ANSWERED = LocalDate.of(2025, 11, 14);

    /** One respondent: group, member unit (or none) and scores for AGENDA, SERVICES, TRUST, COMMUNICATION, RESULTS. */
    record Respondent(String group, String unit, int[] scores, String comment) {
    }

    static final List<Respondent> RESPONDENTS = List.of(
            new Respondent("DIRECTION", null, new int[] {5, 4, 4, 3, 4}, "Falta comunicar mejor los avances a las "
                    + "veredas."),
            new Respondent("BOARD_ASSEMBLY", "54498", new int[] {4, 4, 5, 4, 4}, null),
            new Respondent("BOARD_ASSEMBLY", "54810", new int[] {4, 3, 3, 3, 3}, "Tibú pide más proyectos propios."),
            new Respondent("MUNICIPAL", "54003", new int[] {5, 4, 4, 4, 5}, null),
            new Respondent("MUNICIPAL", "54250", new int[] {4, 4, 4, 3, 4}, null),
            new Respondent("MUNICIPAL", "54720", new int[] {4, 5, 4, 4, 4}, null),
            new Respondent("MUNICIPAL", "20614", new int[] {3, 3, 3, 2, 2}, "Río de Oro paga su cuota y aún no ve "
                    + "proyectos en su territorio."),
            new Respondent("INSTITUTIONS", null, new int[] {5, 4, 5, 4, 5}, null),
            new Respondent("CIVIL_SOCIETY", null, new int[] {4, 3, 4, 2, 3}, "Queremos informes de avance en la "
                    + "radio comunitaria."),
            new Respondent("CIVIL_SOCIETY", null, new int[] {4, 4, 4, 3, 4}, null));

    @EventListener
    @Order(40)
    void on(DemoSchemesRegistered demo) {
        long scheme = demo.id("ASOMUNICIPIOS");
        if (evaluations.campaigns(scheme).stream().anyMatch(c -> c.name().equals(CAMPAIGN))) {
            return;
        }
        tx.executeWithoutResult(status -> load(scheme));
    }

    private void load(long scheme) {
        long campaign = evaluations.create(scheme, new SelfEvaluations.CampaignInput(CAMPAIGN, "FEEDBACK", true, OPENS,
                LocalDate.of(2025, 11, 28))).id();
        var questions = evaluations.questions(campaign);
        for (Respondent r : RESPONDENTS) {
            List<SelfEvaluations.Answer> answers = new ArrayList<>();
            for (int i = 0; i < questions.size(); i++) {
                String comment = i == 3 && r.comment() != null ? r.comment() + " (" + INVENTED + ")" : null;
                answers.add(new SelfEvaluations.Answer(questions.get(i).id(), r.scores()[i], comment));
            }
            // Feedback groups answer on paper in the assemblies; the team transcribes their questionnaires.
            evaluations.respondOnPaper(scheme, campaign, new SelfEvaluations.ResponseInput(r.group(), null, r.unit(),
                    answers), ANSWERED);
        }
        evaluations.addAction(scheme, campaign, new SelfEvaluations.ActionInput("COMMUNICATION",
                "Informe trimestral de avance de los proyectos para las comunidades y los concejos. " + INVENTED + ".",
                "Dirección ejecutiva", LocalDate.of(2026, 3, 31)));
        decisionAid.mark(scheme, "RECONVENE", true, "La asamblea general de diciembre de 2025 revisó los resultados "
                + "de la autoevaluación. " + INVENTED + ".");
        decisionAid.mark(scheme, "WORK_PLAN", true, "Plan de trabajo 2024–2027 con metas e indicadores. " + INVENTED
                + ".");
    }
}
