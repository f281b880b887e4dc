package org.minga.participation.internal;

import static org.minga.registry.DemoSchemesRegistered.INVENTED;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.minga.registry.DemoSchemesRegistered;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Asomunicipios' participation as the CTT strategy describes it: the actors of the Catatumbo, a
 * characterisation workshop with disaggregated attendance, the territorial issues it found
 * (published on the map), their prioritisation by the workshop's delegates on paper ballots
 * (closed, so the results show) and a CTT agreement with lines, actions and participatory
 * monitoring. Added once: the workshop's title marks it.
 */
@Component
record DemoParticipation(Stakeholders actors, Events events, TerritorialIssues issues,
        PrioritisationExercises exercises, Agreements agreements) {

    static final String CATATUMBO = "Fuente: Asociatividad municipal en el Catatumbo (FOINCIDE, 2021)";
    static final String CTT = "Fuente: Cooperación Técnica Territorial (DNP)";
    static final String WORKSHOP = "Taller de caracterización territorial de la Provincia de Ocaña y el Catatumbo";

    record NewActor(String name, String kind, String unit, int interest, int influence, String notes) {
    }

    static final List<NewActor> ACTORS = List.of(
            new NewActor("Gobernación de Norte de Santander", "PUBLIC_DEPARTMENTAL", null, 4, 5,
                    "Cofinanció proyectos regionales con los municipios y el Gobierno Nacional. " + CATATUMBO + " (L503)."),
            new NewActor("Departamento Nacional de Planeación (DNP)", "PUBLIC_NATIONAL", null, 4, 5,
                    "Lidera la estrategia de Cooperación Técnica Territorial y acompaña el empalme. " + CTT + "."),
            new NewActor("Alcaldía de Ocaña", "PUBLIC_MUNICIPAL", "54498", 5, 4,
                    "Ejerció el liderazgo de la asociación entre 1993 y 1999. " + CATATUMBO + " (L499)."),
            new NewActor("Empresa operadora de energía eléctrica", "PRIVATE", null, 4, 4,
                    "Financió estudios de preinversión del programa de electrificación rural. " + CATATUMBO + " (L1089)."),
            new NewActor("Programas de cooperación internacional", "COOPERATION", null, 4, 4,
                    "Doce años de relaciones de confianza con la asociación. " + CATATUMBO + " (L1176)."),
            new NewActor("Juntas de acción comunal de Tibú", "COMMUNITY_ACTION_BOARD", "54810", 5, 2, INVENTED + "."),
            new NewActor("Asociación de productores de cacao de El Tarra", "PRODUCERS_ASSOCIATION", "54250", 5, 2,
                    INVENTED + "."),
            new NewActor("Asociación de mujeres rurales de Ábrego", "WOMENS_ASSOCIATION", "54003", 5, 2, INVENTED + "."));

    record NewIssue(String theme, String title, String description, double lat, double lon) {
    }

    /** Issues a workshop would find where the source says the region works (roads, energy, water, tenure); all invented. */
    static final List<NewIssue> ISSUES = List.of(
            new NewIssue("ROADS", "Vía terciaria Ábrego–La Playa intransitable en invierno",
                    "Las lluvias cortan la vía y los productores no sacan la cosecha.", 8.08, -73.22),
            new NewIssue("PUBLIC_SERVICES", "Veredas de El Tarra sin energía eléctrica",
                    "Familias rurales siguen sin conexión pese al programa de electrificación.", 8.575, -73.095),
            new NewIssue("WATER", "Acueducto veredal de Teorama sin tratamiento",
                    "El agua llega sin potabilizar a tres veredas.", 8.44, -73.29),
            new NewIssue("TENURE", "Predios rurales sin título en Hacarí",
                    "Los campesinos no pueden acceder a crédito sin título de propiedad.", 8.32, -73.15));

    @EventListener
    @Order(15)
    void on(DemoSchemesRegistered demo) {
        long scheme = demo.id("ASOMUNICIPIOS");
        if (events.ofScheme(scheme).stream().anyMatch(e -> e.title().equals(WORKSHOP))) {
            return;
        }
        actors(scheme);
        long workshop = workshop(scheme);
        List<Long> issueIds = new ArrayList<>();
        for (NewIssue i : ISSUES) {
            long id = issues.report(new TerritorialIssues.Report(scheme, i.theme(), i.title(), i.description()
                    + " Recogida en el " + WORKSHOP.toLowerCase() + ". " + INVENTED + ".", i.lat(), i.lon(), null, false,
                    List.of()));
            issues.publish(id);
            issueIds.add(id);
        }
        prioritise(scheme, workshop, issueIds);
        agreement(scheme, issueIds);
    }

    private void actors(long scheme) {
        List<Long> ids = new ArrayList<>();
        for (NewActor a : ACTORS) {
            ids.add(actors.create(scheme, new Stakeholders.NewActor(a.name(), a.kind(), a.unit(), a.interest(), a.influence(),
                    a.notes())));
        }
        actors.relate(scheme, ids.get(0), ids.get(2), "FUNDING");
        actors.relate(scheme, ids.get(3), ids.get(2), "COLLABORATION");
        actors.relate(scheme, ids.get(4), ids.get(1), "COLLABORATION");
        actors.relate(scheme, ids.get(5), ids.get(2), "REPRESENTATION");
        actors.relate(scheme, ids.get(6), ids.get(7), "INFORMATION");
    }

    /** The workshop of the CTT's participatory dialogue, with 36 invented attendees, 12 of them delegates. */
    private long workshop(long scheme) {
        long id = events.create(scheme, new Events.NewEvent("WORKSHOP", WORKSHOP, LocalDate.of(2025, 3, 14),
                "Ocaña, Norte de Santander", "54498",
                "1. Caracterización colectiva de problemáticas de ordenamiento y administración del territorio. "
                        + "2. Elección de delegados para la priorización. " + CTT + ".",
                "Asistieron representantes de los dieciséis municipios, juntas de acción comunal y organizaciones de "
                        + "productores y de mujeres. " + INVENTED + ".",
                "Se identificaron cuatro problemáticas y se eligieron doce delegados para priorizarlas."));
        Events.Sex[] sexes = {Events.Sex.FEMALE, Events.Sex.MALE};
        Events.AgeGroup[] ages = {Events.AgeGroup.FROM_18_TO_28, Events.AgeGroup.FROM_29_TO_59,
                Events.AgeGroup.FROM_29_TO_59, Events.AgeGroup.OVER_59};
        String[] organisations = {"Junta de acción comunal", "Asociación de productores", "Alcaldía municipal",
                "Asociación de mujeres rurales"};
        List<Events.Attendee> attendees = new ArrayList<>();
        for (int i = 1; i <= 36; i++) {
            Events.EthnicGroup ethnic = i % 9 == 0 ? Events.EthnicGroup.INDIGENOUS
                    : i % 11 == 0 ? Events.EthnicGroup.AFRO : Events.EthnicGroup.NONE;
            attendees.add(new Events.Attendee("Participante %02d (demostración)".formatted(i), organisations[i % 4],
                    sexes[i % 2], ages[i % 4], ethnic, i % 17 == 0, i % 3 == 0 ? Events.Zone.URBAN : Events.Zone.RURAL,
                    i <= 12));
        }
        events.addAttendees(id, attendees);
        return id;
    }

    /** The delegates rank the four issues on paper (Schulze); invented ballots, closed so the results show. */
    private void prioritise(long scheme, long workshop, List<Long> issueIds) {
        long id = exercises.create(scheme, new PrioritisationExercises.NewExercise(
                "Priorización de problemáticas territoriales 2025 (" + INVENTED.toLowerCase() + ")", "SCHULZE", null,
                "EVENT_DELEGATES", List.of(), workshop, issueIds, Map.of(), List.of()));
        List<Long> options = exercises.get(id).options().stream().map(PrioritisationExercises.Option::id).toList();
        // Order of preference by ballot, as indexes of the options: roads and energy lead.
        int[][] rankings = {{0, 1, 2, 3}, {1, 0, 2, 3}, {0, 2, 1, 3}, {1, 0, 3, 2}, {0, 1, 3, 2}, {2, 0, 1, 3},
                {0, 1, 2, 3}, {1, 2, 0, 3}, {0, 3, 1, 2}, {1, 0, 2, 3}, {3, 0, 1, 2}, {0, 1, 2, 3}};
        List<Events.Named> delegates = events.attendees(workshop).stream().filter(Events.Named::delegate).toList();
        for (int i = 0; i < rankings.length; i++) {
            List<Long> choice = new ArrayList<>();
            for (int option : rankings[i]) {
                choice.add(options.get(option));
            }
            exercises.votePaper(id, new PrioritisationExercises.Voter(null, delegates.get(i).id()),
                    new PrioritisationExercises.Choice(choice));
        }
        exercises.close(id);
    }

    /** The CTT agreement answering the first two issues, with its participatory monitoring. */
    private void agreement(long scheme, List<Long> issueIds) {
        long id = agreements.create(scheme, "Acuerdo de Cooperación Técnica Territorial de la Provincia de Ocaña",
                "Responder a las problemáticas priorizadas por la comunidad con la oferta institucional local, "
                        + "departamental y nacional, con un esquema de seguimiento participativo. " + CTT + ".");
        agreements.addParty(id, "Departamento Nacional de Planeación", "NATIONAL");
        agreements.addParty(id, "Gobernación de Norte de Santander", "DEPARTMENTAL");
        agreements.addParty(id, "Asomunicipios", "SCHEME");
        agreements.addParty(id, "Juntas de acción comunal de la provincia", "COMMUNITY");
        long roads = agreements.addLine(id, "Conectividad vial rural");
        long energy = agreements.addLine(id, "Electrificación rural");
        long fiscal = agreements.addLine(id, "Fortalecimiento de capacidades: finanzas territoriales");
        long road = agreements.addAction(id, new Agreements.NewAction(roads, "Placa huella en los tramos críticos Ábrego–La Playa",
                "Gobernación de Norte de Santander", "DEPARTMENTAL", new BigDecimal("900000000"), "Kilómetros de placa huella",
                "3 km", LocalDate.of(2025, 6, 1), LocalDate.of(2026, 12, 31), issueIds.get(0)));
        long power = agreements.addAction(id, new Agreements.NewAction(energy, "Estructurar la conexión de las veredas de El Tarra",
                "Asomunicipios", "SCHEME", new BigDecimal("1500000000"), "Familias conectadas", "250 familias",
                LocalDate.of(2025, 6, 1), LocalDate.of(2027, 6, 30), issueIds.get(1)));
        long training = agreements.addAction(id, new Agreements.NewAction(fiscal,
                "Capacitación en impuesto predial y sus límites legales", "Departamento Nacional de Planeación", "NATIONAL",
                new BigDecimal("40000000"), "Municipios capacitados", "16 municipios", LocalDate.of(2025, 5, 1),
                LocalDate.of(2025, 11, 30), null));
        agreements.recordUpdate(road, LocalDate.of(2025, 12, 10), new BigDecimal("35"),
                "Primer kilómetro construido; veeduría comunitaria conformada. " + INVENTED + ".", null, null);
        agreements.recordUpdate(power, LocalDate.of(2026, 2, 20), new BigDecimal("20"),
                "Estudios de preinversión en curso con la empresa de energía. " + INVENTED + ".", null, null);
        agreements.recordUpdate(training, LocalDate.of(2025, 11, 28), new BigDecimal("100"),
                "Los dieciséis municipios recibieron la capacitación en finanzas territoriales. " + INVENTED + ".", null, null);
    }
}
