package org.minga.services.internal;

import static org.minga.registry.DemoSchemesRegistered.INVENTED;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import org.minga.platform.Jobs;
import org.minga.platform.Zones;
import org.minga.registry.DemoSchemesRegistered;
import org.minga.services.BusinessCentre;
import org.minga.services.CaseType;
import org.minga.services.Cases;
import org.minga.services.Landfill;
import org.minga.services.ServiceLines;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The shared services of the demo, as the El Salvador source tells them: ASINORLU's landfill (a
 * month of weighing tickets through the weighbridge import and that month's invoices), the
 * OPLAGEST land-use permits of Los Nonualcos (a case in every state of the workflow) and El
 * Bálsamo's business centre (firms with subsidised assistance). Each part is added once.
 */
@Component
record DemoServices(ServiceLines lines, Landfill landfill, Cases cases, BusinessCentre centre, Jobs jobs, Zones zones) {

    /** Its jobs (imports, liquidations) must end before the demo says it is ready. */
    private static final Duration PATIENCE = Duration.ofMinutes(2);

    /** The demo's services are El Salvador's: their days are counted there. */
    static final String COUNTRY = "SV";
    static final String SOURCE = "Fuente: Mancomunidades de El Salvador (USAID, 2018)";
    static final String LANDFILL = "Relleno sanitario intermunicipal de ASINORLU";
    static final String OPLAGEST = "OPLAGEST Los Nonualcos: permisos de construcción y uso del suelo";
    static final String CENTRE = "Centro de desarrollo empresarial de El Bálsamo";

    /** A client of the landfill: its usual load and how many trips a week (tonnages invented, plausible for the size). */
    record Hauler(String code, String name, ServiceLines.ClientKind kind, String unit, String plate, int netKg,
            int tripsPerWeek) {
    }

    static final List<Hauler> HAULERS = List.of(
            new Hauler("SRL", "Alcaldía de Santa Rosa de Lima", ServiceLines.ClientKind.MEMBER, "D259", "N-12031", 7_400, 12),
            new Hauler("ANA", "Alcaldía de Anamorós", ServiceLines.ClientKind.MEMBER, "D245", "N-12044", 6_200, 5),
            new Hauler("BOL", "Alcaldía de Bolívar", ServiceLines.ClientKind.MEMBER, "D246", "N-12057", 3_100, 3),
            new Hauler("CDO", "Alcaldía de Concepción de Oriente", ServiceLines.ClientKind.MEMBER, "D247", "N-12060", 3_400, 3),
            new Hauler("ELS", "Alcaldía de El Sauce", ServiceLines.ClientKind.MEMBER, "D250", "N-12072", 4_300, 3),
            new Hauler("LIS", "Alcaldía de Lislique", ServiceLines.ClientKind.MEMBER, "D253", "N-12085", 4_800, 4),
            new Hauler("NES", "Alcaldía de Nueva Esparta", ServiceLines.ClientKind.MEMBER, "D254", "N-12098", 4_200, 3),
            new Hauler("POL", "Alcaldía de Polorós", ServiceLines.ClientKind.MEMBER, "D256", "N-12101", 3_900, 3),
            new Hauler("SJF", "Alcaldía de San José La Fuente", ServiceLines.ClientKind.MEMBER, "D258", "N-12114", 2_900, 2),
            new Hauler("PAS", "Alcaldía de Pasaquina (cliente no socio)", ServiceLines.ClientKind.NON_MEMBER, null, "N-20417", 6_000, 5),
            new Hauler("SAL", "Alcaldía de San Alejo (cliente no socio)", ServiceLines.ClientKind.NON_MEMBER, null, "N-20533", 5_600, 4),
            new Hauler("YUC", "Alcaldía de Yucuaiquín (cliente no socio)", ServiceLines.ClientKind.NON_MEMBER, null, "N-20649", 3_300, 2),
            new Hauler("EMP", "Empresa privada de la zona (cliente ilustrativo)", ServiceLines.ClientKind.PRIVATE_FIRM, null, "C-88120", 2_500, 1));

    /** A permit application and the state the demo takes it to. */
    record Permit(String applicant, String unit, String subject, String state) {
    }

    static final List<Permit> PERMITS = List.of(
            new Permit("Rosa Elena Martínez (solicitante ficticia)", "D152", "Construcción de vivienda unifamiliar de dos plantas", "NEW"),
            new Permit("Inversiones Costa del Sol S.A. de C.V. (ficticia)", "D153", "Parcelación habitacional de 24 lotes cerca del estero de Jaltepeque", "SCHEDULED"),
            new Permit("José Antonio Hernández (solicitante ficticio)", "D150", "Ampliación de local comercial en el casco urbano", "VISITED"),
            new Permit("Comercial La Herradura (ficticia)", "D141", "Construcción de bodega de almacenamiento", "RETURNED"),
            new Permit("Ana Lucía Rivas (solicitante ficticia)", "D136", "Construcción de vivienda con taller artesanal", "TO_SIGN"),
            new Permit("Logística Aeropuerto S.A. de C.V. (ficticia)", "D144", "Nave industrial junto a la zona franca", "DELIVERED"),
            new Permit("Carlos Mauricio Pérez (solicitante ficticio)", "D147", "Muro perimetral y cochera", "CLOSED"));

    /** The order of the workflow's happy path; RETURNED branches off VISITED. */
    static final List<String> PATH = List.of("NEW", "SCHEDULED", "VISITED", "TO_SIGN", "DELIVERED", "CLOSED");

    record Firm(String name, String sector, String sex, String age, boolean rural, boolean associative, String unit,
            String assistance, String provider, String cost, String seedCapital) {
    }

    static final List<Firm> FIRMS = List.of(
            new Firm("Cooperativa cafetalera Cordillera del Bálsamo", "Café", "M", "FROM_30_TO_59", true, true, "D095",
                    "Mejora del beneficio húmedo y de la calidad de taza", "Consultora agroindustrial", "2400.00", "1500.00"),
            new Firm("Artesanías de barro Jayaque", "Artesanía", "F", "FROM_30_TO_59", false, false, "D081",
                    "Diseño de marca y empaque", "Estudio de diseño", "850.00", null),
            new Firm("Turismo rural Ruta del Bálsamo", "Turismo", "F", "UNDER_30", true, false, "D093",
                    "Plan de mercadeo digital del hostal", "Agencia de mercadeo", "1200.00", "800.00"),
            new Firm("Panadería San Antonio Sacacoyo", "Alimentos", "M", "FROM_60", false, false, "D087",
                    "Registro sanitario y etiquetado nutricional", "Laboratorio de alimentos", "600.00", null),
            new Firm("Taller de estructuras metálicas Colón", "Metalmecánica", "M", "FROM_30_TO_59", false, false, "D077",
                    "Costeo y contabilidad básica", "Asesor financiero", "900.00", null));

    @EventListener
    @Order(50)
    void on(DemoSchemesRegistered demo) {
        landfill(demo.id("ASINORLU"));
        permits(demo.id("ALN"));
        businessCentre(demo.id("El Bálsamo"));
    }

    private boolean has(long scheme, String name) {
        return lines.lines(scheme).stream().anyMatch(l -> l.name().equals(name));
    }

    // ---- ASINORLU: the landfill ----------------------------------------------------------------

    void landfill(long scheme) {
        if (has(scheme, LANDFILL)) {
            return;
        }
        long line = lines.create(scheme, new ServiceLines.LineInput("SOLID_WASTE", LANDFILL, "USD")).id();
        lines.setWasteType(line, new ServiceLines.WasteTypeInput("DOM", "Desechos sólidos domiciliares", true));
        lines.setWasteType(line, new ServiceLines.WasteTypeInput("MER", "Desechos de mercados municipales", true));
        lines.setWasteType(line, new ServiceLines.WasteTypeInput("ADU", "Productos incautados para destrucción (casos especiales)", true));
        lines.setWasteType(line, new ServiceLines.WasteTypeInput("PEL", "Desechos peligrosos u hospitalarios", false));
        // Invented tariffs (the source gives none); two, so the history shows.
        LocalDate today = zones.today(COUNTRY);
        lines.setTariff(line, new ServiceLines.TariffInput(today.withDayOfYear(1).minusYears(1), new BigDecimal("22.50"), "TONNE"));
        lines.setTariff(line, new ServiceLines.TariffInput(today.withDayOfYear(1), new BigDecimal("24.00"), "TONNE"));
        for (Hauler h : HAULERS) {
            lines.addClient(line, new ServiceLines.ClientInput(h.code(), h.name(), h.kind().name(), h.unit()));
        }
        YearMonth month = YearMonth.from(today).minusMonths(1);
        UUID job = landfill.submitImport(line, "bascula-" + month + ".csv", weighbridgeExport(month));
        jobs.awaitSuccess(job, PATIENCE);
        landfill.bill(line, month);
    }

    /** The weighbridge's CSV for a month: each client's trips on working days, weights varying around its usual load. */
    static byte[] weighbridgeExport(YearMonth month) {
        StringBuilder csv = new StringBuilder(Landfill.IMPORT_HEADER).append('\n');
        Random random = new Random(month.hashCode());
        int n = 0;
        for (LocalDate day = month.atDay(1); !day.isAfter(month.atEndOfMonth()); day = day.plusDays(1)) {
            if (day.getDayOfWeek() == DayOfWeek.SUNDAY) {
                continue;
            }
            int weekday = day.getDayOfWeek().getValue(); // 1..6
            for (Hauler h : HAULERS) {
                int trips = h.tripsPerWeek() / 6 + (weekday <= h.tripsPerWeek() % 6 ? 1 : 0);
                for (int t = 0; t < trips; t++) {
                    int tare = 6_500 + random.nextInt(400);
                    int net = (int) (h.netKg() * (0.85 + 0.3 * random.nextDouble()));
                    String at = day.atTime(6 + t * 4 + random.nextInt(3), random.nextInt(60)).toString().replace('T', ' ');
                    csv.append("%s-%05d,%s,%s,%d,%d,DOM,%s:00,Operador de báscula %d,%n".formatted(
                            "B" + month.toString().replace("-", ""), ++n, h.code(), h.plate(), tare + net, tare, at,
                            1 + random.nextInt(2)));
                }
            }
        }
        // Two loads the operators turned away: hazardous waste (not accepted) and one mixed with tyres.
        LocalDate mid = month.atDay(14);
        csv.append("B%s-%05d,EMP,C-88120,9100,6600,PEL,%s 10:20:00,Operador de báscula 1,%n"
                .formatted(month.toString().replace("-", ""), ++n, mid));
        csv.append("B%s-%05d,SAL,N-20533,12100,6700,DOM,%s 11:05:00,Operador de báscula 2,Carga mezclada con llantas%n"
                .formatted(month.toString().replace("-", ""), ++n, mid.plusDays(7)));
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    // ---- Los Nonualcos: OPLAGEST permits ---------------------------------------------------------

    void permits(long scheme) {
        if (has(scheme, OPLAGEST)) {
            return;
        }
        long line = lines.create(scheme, new ServiceLines.LineInput("LAND_USE_PERMITS", OPLAGEST, "USD")).id();
        CaseType type = cases.createPermitType(scheme, line, "PERMISO");
        for (Permit p : PERMITS) {
            long id = cases.open(scheme, new Cases.CaseInput(type.id(), p.applicant(), null, null, p.unit(), p.subject())).id();
            cases.comment(scheme, id, INVENTED + ". El trámite exige que el solicitante esté solvente en los impuestos "
                    + "municipales y que el proyecto sea coherente con el Plan de Desarrollo Territorial. " + SOURCE + ".");
            walk(scheme, id, type, p.state());
        }
    }

    /** Takes a case along the workflow to its state, meeting each rule as the OPLAGEST's team would. */
    private void walk(long scheme, long id, CaseType type, String target) {
        if (target.equals("NEW")) {
            return;
        }
        type.requirements().forEach(r -> cases.meetRequirement(scheme, id, r.code(), true));
        cases.transition(scheme, id, "SCHEDULED", null);
        if (target.equals("SCHEDULED")) {
            return;
        }
        cases.transition(scheme, id, "VISITED", "Visita de campo con el técnico de catastro del municipio.");
        if (target.equals("VISITED")) {
            return;
        }
        if (target.equals("RETURNED")) {
            cases.recordCheck(scheme, id, "TAX_SOLVENCY", false, "El solicitante no presenta solvencia de impuestos municipales.");
            cases.transition(scheme, id, "RETURNED", "Presentar la solvencia municipal para continuar el trámite.");
            return;
        }
        cases.recordCheck(scheme, id, "TAX_SOLVENCY", true, null);
        cases.recordCheck(scheme, id, "PLAN_CONSISTENCY", true, "Uso permitido por el Plan de Desarrollo Territorial.");
        for (String state : PATH.subList(PATH.indexOf("TO_SIGN"), PATH.indexOf(target) + 1)) {
            cases.transition(scheme, id, state, null);
        }
    }

    // ---- El Bálsamo: the business centre -------------------------------------------------------

    void businessCentre(long scheme) {
        if (has(scheme, CENTRE)) {
            return;
        }
        long line = lines.create(scheme, new ServiceLines.LineInput("BUSINESS_DEVELOPMENT", CENTRE, "USD")).id();
        // 90 % standard, 95 % for women-owned, rural or associative firms: the cost shares the source gives (L609).
        lines.setCostShares(line, new ServiceLines.CostShares(new BigDecimal("90"), new BigDecimal("95")));
        LocalDate today = zones.today(COUNTRY);
        int i = 0;
        for (Firm f : FIRMS) {
            long firm = centre.addFirm(line, new BusinessCentre.FirmInput(f.name(), f.sector(), f.sex(), f.age(), f.rural(),
                    f.associative(), f.unit())).id();
            LocalDate first = today.minusMonths(8 - i);
            centre.recordService(firm, new BusinessCentre.ServiceInput(first, "Diagnóstico empresarial",
                    "Diagnóstico inicial de la empresa. " + INVENTED + "."));
            centre.addPlan(firm, new BusinessCentre.PlanInput(first.plusDays(14), "Aumentar las ventas en un 20 % en un año",
                    "Mejorar el producto, formalizar la empresa y abrir nuevos canales de venta. " + INVENTED + "."));
            centre.approveAssistance(firm, new BusinessCentre.AssistanceInput(first.plusMonths(1), f.provider(),
                    f.assistance() + ". " + INVENTED + ".", new BigDecimal(f.cost())));
            if (f.seedCapital() != null) {
                centre.grantSeedCapital(firm, new BusinessCentre.SeedInput(first.plusMonths(2), new BigDecimal(f.seedCapital()),
                        "Equipo productivo. " + INVENTED + "."));
            }
            i++;
        }
    }
}
