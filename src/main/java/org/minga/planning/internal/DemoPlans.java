package org.minga.planning.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;

import org.minga.planning.Indicators;
import org.minga.planning.Plans;
import org.minga.platform.Zones;
import org.minga.projects.ProjectDigest;
import org.minga.registry.DemoSchemesRegistered;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Asomunicipios' plan in the demo: the vision of its Agenda Regional 2032 (catatumbo L539, L679,
 * L779), a pillar per strategic priority of the source (L657), a work plan 2024–2027 and four goals
 * whose measurements put one on track, one late and two off track on the dashboard. The 16,000
 * families and the 50 producers' projects are the source's figures; the rest is invented. Two goals
 * are judged at the end of periods still running, so their last measurement is dated in the last
 * closed period and sized to the status it illustrates.
 */
@Component
record DemoPlans(Plans plans, Strategy strategy, GoalTracking tracking, ProjectDigest projects, TransactionTemplate tx,
        Zones zones) {

    static final String SOURCE = "Fuente: Asociatividad municipal en el Catatumbo (FOINCIDE, 2021)";
    static final String VISION = "Agenda Regional 2032 – Una visión compartida de desarrollo regional sostenible";
    private static final String INVENTED = DemoSchemesRegistered.INVENTED;
    private static final LocalDate PLAN_START = LocalDate.of(2024, 1, 1);
    private static final LocalDate PLAN_END = LocalDate.of(2027, 12, 31);

    @EventListener
    @Order(30)
    void on(DemoSchemesRegistered demo) {
        long scheme = demo.id("ASOMUNICIPIOS");
        if (strategy.vision(scheme) != null) {
            return;
        }
        tx.executeWithoutResult(status -> load(scheme));
    }

    private void load(long scheme) {
        strategy.setVision(scheme, new Strategy.VisionInput(VISION, "Una visión de desarrollo de corto, mediano y largo plazo para el Catatumbo, "
                + "la Provincia de Ocaña y el sur del Cesar, construida con metodologías de prospectiva y la "
                + "participación de actores públicos, privados y de la sociedad civil para un periodo de 16 años; "
                + "insumo de políticas públicas y de los planes de desarrollo (" + SOURCE + ", L539, L679 y L779).",
                2032));
        String bets = "Prioridad estratégica para la estructuración y gestión de proyectos comunes, con la "
                + "concurrencia de los tres niveles de gobierno (" + SOURCE + ", L657).";
        long energy = pillar(scheme, "Electrificación rural", bets);
        long farming = pillar(scheme, "Desarrollo agropecuario", bets);
        pillar(scheme, "Vivienda rural", bets);
        long roads = pillar(scheme, "Mejoramiento vial", bets);
        pillar(scheme, "Saneamiento básico", bets);
        long workPlan = strategy.addWorkPlan(scheme, new Strategy.WorkPlanInput("Plan de trabajo 2024–2027",
                PLAN_START, PLAN_END, "Gestionar los proyectos regionales de la Agenda 2032 con los gobiernos locales "
                        + "2024–2027. " + INVENTED + ".")).id();

        long families = goal(scheme, null, energy, "16.000 familias rurales con servicio de energía",
                "Familias rurales conectadas", "familias", 0, 16_000, "YEARLY", LocalDate.of(2022, 1, 1),
                LocalDate.of(2025, 12, 31), SOURCE + ", L537 (la cifra); mediciones intermedias: " + INVENTED);
        measure(scheme, families, LocalDate.of(2022, 12, 15), 3_500);
        measure(scheme, families, LocalDate.of(2023, 12, 15), 7_200);
        measure(scheme, families, LocalDate.of(2024, 12, 13), 11_800);
        measure(scheme, families, LocalDate.of(2025, 8, 29), 16_000);
        link(scheme, families, "ASO-ER-2022");

        long producers = goal(scheme, workPlan, farming, "50 proyectos de asociaciones de productores financiados",
                "Proyectos productivos con financiación", "proyectos", 0, 50, "QUARTERLY", PLAN_START, PLAN_END,
                SOURCE + ", L537 (la cifra); mediciones: " + INVENTED);
        measure(scheme, producers, LocalDate.of(2024, 9, 30), 6);
        measureBehind(scheme, producers, 0, 50, Indicators.Periodicity.QUARTERLY, 0.17);
        link(scheme, producers, "ASO-PP-2023");

        long plansGoal = goal(scheme, workPlan, null, "Proyectos regionales en los planes de desarrollo municipales",
                "Municipios miembros con proyectos regionales en su plan de desarrollo 2024–2027", "municipios", 4, 16,
                "SEMIANNUAL", PLAN_START, PLAN_END, INVENTED);
        measureBehind(scheme, plansGoal, 4, 16, Indicators.Periodicity.SEMIANNUAL, 0.03);
        for (String unit : List.of("54498", "54003", "54206", "54810", "54720", "54250", "54398", "20614")) {
            tracking.link(scheme, plansGoal, new GoalTracking.LinkInput("MEMBER_DEVELOPMENT_PLAN",
                    "Plan de desarrollo municipal 2024–2027", unit, null));
        }

        long km = goal(scheme, workPlan, roads, "60 km de vías terciarias mejorados", "Vías terciarias mejoradas",
                "km", 0, 60, "YEARLY", PLAN_START, LocalDate.of(2025, 12, 31), INVENTED);
        measure(scheme, km, LocalDate.of(2024, 12, 16), 5);
        measure(scheme, km, LocalDate.of(2025, 12, 15), 12);
        link(scheme, km, "ASO-VT-2025");
    }

    private long pillar(long scheme, String name, String bets) {
        return strategy.addPillar(scheme, new Strategy.PillarInput(name, bets)).id();
    }

    private long goal(long scheme, Long workPlan, Long pillar, String name, String indicator, String unit,
            long baseline, long target, String periodicity, LocalDate start, LocalDate due, String source) {
        return plans.createGoal(scheme, new Plans.GoalInput(workPlan, pillar, name, indicator, unit,
                BigDecimal.valueOf(baseline), BigDecimal.valueOf(target), periodicity, start, due, source,
                "Dirección ejecutiva de Asomunicipios")).id();
    }

    private void measure(long scheme, long goal, LocalDate on, long value) {
        tracking.measure(scheme, goal, new GoalTracking.MeasurementInput(on, BigDecimal.valueOf(value), INVENTED));
    }

    /** A measurement in the last closed period, {@code behind} of the way short of the straight line. */
    private void measureBehind(long scheme, long goal, long baseline, long target, Indicators.Periodicity p,
            double behind) {
        LocalDate today = zones.today();
        LocalDate judged = Indicators.lastPeriodEnd(PLAN_START, PLAN_END, p, today);
        if (judged == null) {
            return;
        }
        double progress = Math.max(0, Indicators.expected(PLAN_START, PLAN_END, judged) - behind);
        BigDecimal value = BigDecimal.valueOf(baseline + (target - baseline) * progress).setScale(0,
                RoundingMode.HALF_UP);
        tracking.measure(scheme, goal, new GoalTracking.MeasurementInput(judged.minusDays(3), value, INVENTED));
    }

    private void link(long scheme, long goal, String projectCode) {
        projects.projects(scheme, null).stream().filter(p -> p.code().equals(projectCode)).findFirst()
                .ifPresent(p -> tracking.link(scheme, goal, new GoalTracking.LinkInput("PROJECT", null, null, p.id())));
    }
}
