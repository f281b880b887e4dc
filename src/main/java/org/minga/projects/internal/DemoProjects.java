package org.minga.projects.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.minga.projects.Stage;
import org.minga.projects.internal.calls.Cooperants;
import org.minga.projects.internal.calls.FundingCalls;
import org.minga.registry.DemoSchemesRegistered;
import org.minga.platform.Zones;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Asomunicipios' project bank in the demo: the rural electrification and the producers' projects
 * the Catatumbo source tells of, and the strategic priorities it lists (rural housing, tertiary
 * roads, basic sanitation, L657) at earlier stages, with needs, co-financing, a cooperant, two
 * funding calls and monitoring. Figures of the source are facts; amounts, dates and the share of
 * each member are invented and say so. All through the bank's services, in one transaction.
 */
@Component
record DemoProjects(Projects projects, Needs needs, Financing financing, Monitoring monitoring, Cooperants cooperants,
        FundingCalls calls, JdbcClient jdbc, TransactionTemplate tx, ProjectSteps steps, Zones zones) {

    static final String SOURCE = "Fuente: Asociatividad municipal en el Catatumbo (FOINCIDE, 2021)";
    static final String ELECTRIFICATION = "Electrificación rural del Catatumbo y la Provincia de Ocaña";
    static final String COOPERANT = "Programa de cooperación internacional para el desarrollo rural (demostración)";
    private static final String INVENTED = DemoSchemesRegistered.INVENTED;

    /** Asomunicipios' members in Norte de Santander (Río de Oro, in Cesar, is 20614). */
    static final List<String> NORTE = List.of("54498", "54003", "54128", "54206", "54245", "54250", "54344", "54385",
            "54398", "54670", "54720", "54800", "54810", "54871", "54109");
    /** The eight Catatumbo municipalities of the PDET (the national programme of the peace agreement). */
    static final List<String> PDET = List.of("54206", "54245", "54250", "54344", "54670", "54720", "54800", "54810");

    /** Sectors of the MGA/DNP catalogue (V132); water and sanitation are sector 40 there, with housing. */
    private static final String HOUSING = "Vivienda, ciudad y territorio";
    private static final String TRANSPORT = "Transporte";
    private static final String AGRICULTURE = "Agricultura y desarrollo rural";
    private static final String ENERGY = "Minas y energía";

    record NeedSeed(String unit, String sector, String description, int priority, String origin) {
    }

    record Money(String type, String entity, String unit, long millions, LocalDate on, long disbursedMillions) {
    }

    @EventListener
    @Order(10)
    void on(DemoSchemesRegistered demo) {
        long scheme = demo.id("ASOMUNICIPIOS");
        if (jdbc.sql("select count(*) > 0 from project where scheme_id = :s and name = :n").param("s", scheme)
                .param("n", ELECTRIFICATION).query(Boolean.class).single()) {
            return;
        }
        tx.executeWithoutResult(status -> load(scheme));
    }

    private void load(long scheme) {
        List<Long> n = recordNeeds(scheme);
        long cooperant = cooperant(scheme);
        electrification(scheme);
        producers(scheme, cooperant);
        housing(scheme, List.of(n.get(0), n.get(1)));
        roads(scheme, List.of(n.get(2), n.get(3), n.get(4)));
        sanitation(scheme, List.of(n.get(5)));
        fundingCalls();
    }

    private List<Long> recordNeeds(long scheme) {
        List<NeedSeed> seeds = List.of(
                new NeedSeed("54003", HOUSING, "Viviendas rurales con pisos de tierra y sin unidad sanitaria", 1,
                        "COMMUNITY_WORKSHOP"),
                new NeedSeed("54206", HOUSING, "Mejoramiento de viviendas rurales afectadas por humedad", 2,
                        "DEVELOPMENT_PLAN"),
                new NeedSeed("54250", TRANSPORT, "Vía terciaria intransitable en invierno entre veredas y la "
                        + "cabecera", 1, "COMMUNITY_WORKSHOP"),
                new NeedSeed("54810", TRANSPORT, "Placa huella en los tramos críticos de la vía hacia El Tarra", 1,
                        "DEVELOPMENT_PLAN"),
                new NeedSeed("54800", TRANSPORT, "Obras de drenaje en la vía terciaria hacia Teorama", 2,
                        "TECHNICAL_STUDY"),
                new NeedSeed("54398", HOUSING, "Unidades sanitarias para familias rurales dispersas", 2,
                        "COMMUNITY_WORKSHOP"),
                new NeedSeed("20614", AGRICULTURE, "Centro de acopio para los productores de cebolla y frijol", 2,
                        "COMMUNITY_WORKSHOP"),
                new NeedSeed("54128", ENERGY, "Veredas que siguen sin servicio de energía eléctrica", 1,
                        "DEVELOPMENT_PLAN"));
        List<Long> ids = new ArrayList<>();
        for (NeedSeed s : seeds) {
            ids.add(needs.record(scheme, s.unit(), s.sector(), s.description() + ". " + INVENTED + ".", s.priority(),
                    s.origin()).id());
        }
        return ids;
    }

    private long cooperant(long scheme) {
        long id = cooperants.create(new Cooperants.NewCooperant(COOPERANT,
                "Apoya a organizaciones de productores y a gobiernos locales del Catatumbo; Asomunicipios articula "
                        + "su acción con la de otros cooperantes para evitar la duplicidad (" + SOURCE + ", L1220 y "
                        + "L1248). Nombre y cifras: " + INVENTED + ".",
                List.of("AGRICULTURE", "INSTITUTIONAL", "PEACE"), List.of("54250", "54810", "54800", "54206"),
                "Convocatoria anual; perfiles a través de la asociación.", null)).id();
        for (String unit : List.of("54250", "54810")) {
            cooperants.addSupport(id, new Cooperants.NewSupport(unit, "AGRICULTURE", LocalDate.of(2024, 3, 1),
                    LocalDate.of(2026, 12, 31), millions(1_000), "COP", scheme,
                    "Proyectos productivos de asociaciones de productores. " + INVENTED + "."));
        }
        return id;
    }

    /** The source's main achievement: 16,000 rural families reached the power grid (L537, L1089). */
    private void electrification(long scheme) {
        List<Projects.Beneficiary> families = new ArrayList<>();
        int each = 16_000 / NORTE.size();
        for (int i = 0; i < NORTE.size(); i++) {
            int f = i == 0 ? 16_000 - each * (NORTE.size() - 1) : each;
            families.add(new Projects.Beneficiary(NORTE.get(i), f, f * 4, null, null));
        }
        long id = create(scheme, "ASO-ER-2022", ELECTRIFICATION, ENERGY, "Electrificación rural",
                "Programa de electrificación rural que permitió a 16.000 familias rurales acceder al servicio de "
                        + "energía; la empresa de energía financió estudios de preinversión y ejecutó obras con "
                        + "economías de escala (" + SOURCE + ", L537 y L1089). Montos, fechas y reparto de familias "
                        + "por municipio: " + INVENTED + ".",
                48_000, LocalDate.of(2022, 2, 14), LocalDate.of(2023, 3, 1), LocalDate.of(2025, 6, 30), families,
                List.of());
        advance(id, "2022-04-04", "2022-06-01", "2022-08-16", "2022-10-03", "2022-11-08", "2023-02-10", "2023-03-01",
                "2025-08-29");
        projects.execution(id, new Projects.Execution("Empresa operadora de energía de la región", "Contratistas del operador de red",
                "Interventoría contratada por el Gobierno Nacional (" + INVENTED + ")",
                "Juntas de acción comunal de las veredas beneficiarias"));
        finance(id, List.of(
                new Money("NATION", "Gobierno Nacional – Ministerio de Minas y Energía", null, 24_000,
                        LocalDate.of(2022, 11, 8), 24_000),
                new Money("DEPARTMENT", "Gobernación de Norte de Santander", null, 8_000, LocalDate.of(2022, 11, 30),
                        8_000),
                new Money("ROYALTIES_SGR", "Sistema General de Regalías (SGR)", null, 12_000, LocalDate.of(2022, 12, 15),
                        12_000),
                new Money("PRIVATE", "Empresa operadora de energía (estudios de preinversión)", null, 1_500,
                        LocalDate.of(2022, 6, 1), 1_500),
                new Money("MEMBER_MUNICIPALITY", "Municipio de Ocaña", "54498", 1_500, LocalDate.of(2022, 12, 20),
                        1_500),
                new Money("MEMBER_MUNICIPALITY", "Municipio de Tibú", "54810", 1_000, LocalDate.of(2022, 12, 20),
                        1_000)));
        monitoring.addMilestone(id, "Contratación de las obras", LocalDate.of(2023, 1, 31), LocalDate.of(2023, 2, 10));
        monitoring.addMilestone(id, "8.000 familias conectadas", LocalDate.of(2024, 3, 31), LocalDate.of(2024, 4, 22));
        monitoring.addMilestone(id, "16.000 familias conectadas", LocalDate.of(2025, 6, 30),
                LocalDate.of(2025, 8, 15));
        report(id, LocalDate.of(2023, 9, 30), 30, 35, "Redes de media tensión en construcción.");
        report(id, LocalDate.of(2024, 6, 30), 60, 62, "8.000 familias ya tienen servicio.");
        report(id, LocalDate.of(2025, 8, 29), 100, 100, "16.000 familias rurales conectadas (" + SOURCE
                + ", L537).");
    }

    /** 50 producers' associations financed by the nation and cooperation (L537; Alianzas Productivas, L821). */
    private void producers(long scheme, long cooperant) {
        List<Projects.Beneficiary> bens = List.of(new Projects.Beneficiary("54003", 600, 2_400, 1_150, 1_250),
                new Projects.Beneficiary("54250", 450, 1_800, 850, 950),
                new Projects.Beneficiary("54810", 700, 2_800, 1_300, 1_500),
                new Projects.Beneficiary("54720", 500, 2_000, 980, 1_020),
                new Projects.Beneficiary("54398", 350, 1_400, 700, 700));
        long id = create(scheme, "ASO-PP-2023", "Fortalecimiento de 50 proyectos productivos de asociaciones de "
                + "productores", AGRICULTURE, "Proyectos productivos",
                "Financiación, por el Gobierno Nacional y programas de cooperación, de 50 proyectos de asociaciones "
                        + "de productores para fortalecer los sistemas agrícolas y pecuarios y mejorar los ingresos de "
                        + "las familias campesinas (" + SOURCE + ", L537; programa Alianzas Productivas del "
                        + "Ministerio de Agricultura, L821). Montos, fechas, avances y beneficiarios: " + INVENTED + ".",
                12_500, LocalDate.of(2023, 3, 6), LocalDate.of(2024, 3, 1), LocalDate.of(2027, 2, 28), bens, List.of());
        advance(id, "2023-05-02", "2023-07-10", "2023-09-04", "2023-10-17", "2023-11-28", "2024-02-12", "2024-03-01");
        projects.execution(id, new Projects.Execution("Asomunicipios", "Asociaciones de productores beneficiarias",
                "Supervisión del Ministerio de Agricultura (" + INVENTED + ")", "Veeduría ciudadana de productores"));
        finance(id, List.of(
                new Money("NATION", "Ministerio de Agricultura – Alianzas Productivas", null, 6_000,
                        LocalDate.of(2023, 12, 1), 3_600),
                new Money("INTERNATIONAL_COOPERATION", COOPERANT, null, 4_000, LocalDate.of(2024, 1, 15), 2_800),
                new Money("DEPARTMENT", "Gobernación de Norte de Santander", null, 1_500, LocalDate.of(2024, 2, 1),
                        600)));
        monitoring.addMilestone(id, "Selección de las 50 asociaciones", LocalDate.of(2024, 5, 31),
                LocalDate.of(2024, 5, 20));
        monitoring.addMilestone(id, "Insumos y equipos entregados a 25 asociaciones", LocalDate.of(2025, 6, 30),
                LocalDate.of(2025, 8, 15));
        monitoring.addMilestone(id, "Insumos y equipos entregados a las 50 asociaciones", LocalDate.of(2026, 6, 30),
                null);
        report(id, LocalDate.of(2024, 9, 30), 20, 25, "50 asociaciones seleccionadas; planes de negocio listos.");
        report(id, LocalDate.of(2025, 6, 30), 45, 50, "25 asociaciones con insumos y equipos.");
        report(id, LocalDate.of(2026, 9, 30), 62, 70, "El invierno retrasó las entregas en El Tarra y Tibú.");
    }

    private void housing(long scheme, List<Long> needIds) {
        List<Projects.Beneficiary> bens = new ArrayList<>();
        for (String unit : List.of("54003", "54206", "54245", "54385", "54871", "54109")) {
            bens.add(new Projects.Beneficiary(unit, 80, 320, null, null));
        }
        long id = create(scheme, "ASO-VR-2024", "Mejoramiento de vivienda rural en seis municipios", HOUSING,
                "Vivienda rural", "Una de las prioridades estratégicas de la región (" + SOURCE + ", L657). Alcance, "
                        + "montos y fechas: " + INVENTED + ".",
                9_800, LocalDate.of(2024, 2, 12), LocalDate.of(2026, 2, 1), LocalDate.of(2027, 6, 30), bens, needIds);
        advance(id, "2024-05-06", "2024-09-09", "2025-02-17", "2025-07-21", "2025-11-14");
        finance(id, List.of(
                new Money("NATION", "Ministerio de Vivienda, Ciudad y Territorio", null, 5_000,
                        LocalDate.of(2025, 11, 20), 0),
                new Money("MEMBER_MUNICIPALITY", "Municipio de Ábrego", "54003", 300, LocalDate.of(2025, 6, 10), 0),
                new Money("MEMBER_MUNICIPALITY", "Municipio de Convención", "54206", 300, LocalDate.of(2025, 6, 12),
                        0)));
    }

    private void roads(long scheme, List<Long> needIds) {
        List<Projects.Beneficiary> bens = List.of(new Projects.Beneficiary("54250", 1_200, null, null, null),
                new Projects.Beneficiary("54810", 2_100, null, null, null),
                new Projects.Beneficiary("54800", 900, null, null, null));
        long id = create(scheme, "ASO-VT-2025", "Mejoramiento de vías terciarias El Tarra – Tibú – Teorama",
                TRANSPORT, "Conectividad vial", "Mejoramiento vial, prioridad estratégica de la región (" + SOURCE
                        + ", L657). Tramos, montos y fechas: " + INVENTED + ".",
                15_000, LocalDate.of(2025, 1, 20), null, null, bens, needIds);
        advance(id, "2025-03-10", "2025-06-16", "2025-10-03");
    }

    private void sanitation(long scheme, List<Long> needIds) {
        List<Projects.Beneficiary> bens = List.of(new Projects.Beneficiary("54398", 150, null, null, null),
                new Projects.Beneficiary("54344", 120, null, null, null),
                new Projects.Beneficiary("54670", 110, null, null, null));
        long id = create(scheme, "ASO-SB-2025", "Unidades sanitarias para familias rurales dispersas",
                HOUSING, "Saneamiento básico", "Saneamiento básico, prioridad estratégica de la región ("
                        + SOURCE + ", L657). Alcance y montos: " + INVENTED + ".",
                3_200, LocalDate.of(2025, 7, 7), null, null, bens, needIds);
        advance(id, "2025-09-01");
    }

    /** A PDET-only source and an alternative for the members it leaves out (L593); both open today. */
    private void fundingCalls() {
        LocalDate today = zones.today("CO");
        calls.create(new FundingCalls.NewCall("Gobierno Nacional", "Obras para los municipios PDET del Catatumbo "
                + "(demostración)", "CO", today.minusMonths(2), today.plusMonths(3),
                List.of(TRANSPORT, AGRICULTURE, HOUSING), millions(20_000), "COP", PDET, false,
                List.of(), "Solo para los municipios del PDET: una fuente así deja fuera a otros miembros, a quienes "
                        + "hay que buscarles otra financiación (" + SOURCE + ", L593). " + INVENTED + "."));
        calls.create(new FundingCalls.NewCall("Gobernación de Norte de Santander", "Cofinanciación departamental de "
                + "vivienda y vías (demostración)", "CO", today.minusMonths(1), today.plusMonths(4),
                List.of(HOUSING, TRANSPORT), millions(10_000), "COP", List.of(), false, List.of(),
                "Alternativa para los miembros que no son PDET. " + INVENTED + "."));
    }

    private long create(long scheme, String code, String name, String sector, String pillar, String description,
            long costMillions, LocalDate registered, LocalDate start, LocalDate end,
            List<Projects.Beneficiary> beneficiaries, List<Long> needIds) {
        return projects.create(scheme, new Projects.Draft(code, null, name, sector, description, pillar,
                millions(costMillions), "COP", null, start, end), beneficiaries, needIds, registered).id();
    }

    /** Walks the main line from the idea one step at a time, a date per step. */
    private void advance(long id, String... dates) {
        List<Stage> line = Stage.mainLine();
        for (int i = 0; i < dates.length; i++) {
            steps.change(id, new ProjectSteps.Step(line.get(i + 1).name(), LocalDate.parse(dates[i]), null));
        }
    }

    private void finance(long id, List<Money> lines) {
        for (Money m : lines) {
            financing.add(id, new Financing.NewLine(m.type(), m.entity(), m.unit(), millions(m.millions()), "COP",
                    m.on(), millions(m.disbursedMillions())));
        }
    }

    private void report(long id, LocalDate on, int physical, int financial, String text) {
        String marked = text.contains("Fuente") ? text : text + " " + INVENTED + ".";
        monitoring.report(id, on, BigDecimal.valueOf(physical), BigDecimal.valueOf(financial), marked, List.of());
    }

    static BigDecimal millions(long millions) {
        return BigDecimal.valueOf(millions).multiply(BigDecimal.valueOf(1_000_000));
    }
}
