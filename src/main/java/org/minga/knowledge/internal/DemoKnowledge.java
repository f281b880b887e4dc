package org.minga.knowledge.internal;

import static org.minga.registry.DemoSchemesRegistered.INVENTED;

import java.util.Arrays;
import java.util.List;

import org.minga.knowledge.KnowledgeBase;
import org.minga.registry.DemoSchemesRegistered;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The knowledge base of the demo: experiences, good practices and technical documents taken from
 * the sources' own lessons (Catatumbo, the Salvadoran associations, RINDE, DNP 2014), each attached
 * to its scheme (or to none, for the national guides) and citing where it comes from. Only the
 * good-practice scores are the demo's own judgement, and say so.
 */
@Component
record DemoKnowledge(KnowledgeBase knowledge, JdbcClient jdbc) {

    static final String CATATUMBO = "Fuente: Asociatividad municipal en el Catatumbo (FOINCIDE, 2021)";
    static final String SALVADOR = "Fuente: Mancomunidades de El Salvador (USAID, 2018)";
    static final String SCORED = "Puntuación de la buena práctica: " + INVENTED.toLowerCase() + ".";

    /** One item; {@code scheme} is a demo acronym or null for the platform's own guides. */
    record Entry(String scheme, String kind, String title, String context, String whatWasDone, String successes,
            String lessons, String voices, String body, List<Integer> scores, String documentType, List<Integer> factors,
            List<Integer> areas) {

        static Entry experience(String scheme, String title, String context, String done, String successes,
                String lessons, String voices, List<Integer> factors, List<Integer> areas) {
            return new Entry(scheme, "EXPERIENCE", title, context, done, successes, lessons, voices, null, null, null,
                    factors, areas);
        }

        /** {@code scores}: integrality, impact, sustainability and replicability, 1 to 5 each. */
        static Entry practice(String scheme, String title, String body, List<Integer> scores, List<Integer> factors,
                List<Integer> areas) {
            return new Entry(scheme, "GOOD_PRACTICE", title, null, null, null, null, null, body + " " + SCORED, scores,
                    null, factors, areas);
        }

        /** Where an experience comes from, shown in its body. */
        Entry withSource(String source) {
            return new Entry(scheme, kind, title, context, whatWasDone, successes, lessons, voices, source, scores,
                    documentType, factors, areas);
        }

        static Entry document(String title, String type, String body, List<Integer> factors, List<Integer> areas) {
            return new Entry(null, "TECHNICAL_DOCUMENT", title, null, null, null, null, null, body, null, type, factors,
                    areas);
        }
    }

    static final List<Entry> ENTRIES = List.of(
            Entry.experience("ASOMUNICIPIOS", "Electrificación rural gestionada por la asociación del Catatumbo",
                    "Municipios de sexta categoría, con veredas sin energía, en una región afectada por el conflicto armado.",
                    "La asociación logró que los niveles de gobierno se encontraran y acordaran la financiación del programa "
                            + "de electrificación rural; la empresa operadora de energía financió estudios de preinversión.",
                    "16.000 familias rurales electrificadas; 50 proyectos de productores financiados.",
                    "Un proyecto de interés común a todos los miembros, estructurado por la asociación y ejecutado por "
                            + "otros, crea confianza y reconocimiento institucional.",
                    null, List.of(6, 12), List.of(3, 7)).withSource(CATATUMBO + " (L537, L1089)"),
            Entry.experience("ASOMUNICIPIOS", "Acompañamiento a los nuevos mandatarios en el empalme",
                    "Cada cambio de gobierno municipal pone en riesgo la continuidad de la asociación.",
                    "Tras las elecciones la asociación capacita a los nuevos alcaldes, socializa metodologías para los planes "
                            + "de desarrollo y entrena a los equipos, con el DNP y el DAFP.",
                    "Las nuevas administraciones confían en la asociación y mantienen su participación.",
                    "La neutralidad política y la misma información para todos los candidatos sostienen la asociación "
                            + "más allá de los periodos de gobierno.", null, List.of(3, 9), List.of(2, 4))
                    .withSource(CATATUMBO + " (L725, L945)"),
            Entry.practice("ASOMUNICIPIOS", "Puentes de confianza con la cooperación internacional",
                    "Durante doce años la asociación construyó relaciones con los programas de cooperación, mostrando el "
                            + "territorio como su principal activo, y coordinó a los cooperantes para evitar duplicidades. "
                            + CATATUMBO + " (L269–271, L1176).", List.of(4, 4, 4, 5), List.of(13, 4), List.of(8)),
            Entry.practice("ASINORLU", "Relleno sanitario intermunicipal con gestión empresarial",
                    "El relleno inició en 2007 con 12 municipalidades usuarias y hoy atiende a 27; a los seis meses de "
                            + "operar sus ingresos permitieron suspender los aportes de los municipios. Las decisiones técnicas "
                            + "se confían a la Unidad Técnica Intermunicipal y la segregación de plástico alarga la vida del "
                            + "relleno. " + SALVADOR + " (L498–514, L674–689).", List.of(5, 5, 4, 5), List.of(6, 7), List.of(5)),
            Entry.experience("ASINORLU", "Transparencia y especialización en un servicio",
                    "Una asociación que vive de la venta de un servicio especializado.",
                    "Auditor externo permanente y auditorías sin previo aviso de los socios; atención equitativa a todos los "
                            + "municipios sin importar su tamaño ni su signo político.",
                    "Las tres últimas auditorías de la Corte de Cuentas sin observaciones por malos manejos.",
                    "Buscar primero un nicho de servicio especializado y fortalecerlo antes de ir a otro: «No debemos ser "
                            + "multitemas».", null, List.of(3, 5), List.of(2, 10)).withSource(SALVADOR + " (L776–785)"),
            Entry.experience("ALN", "La OPLAGEST de Los Nonualcos: control del uso del suelo en asociación",
                    "Dieciséis municipios de La Paz con aeropuerto, zonas francas y el complejo Jaltepeque.",
                    "Desde 2004 la asociación elaboró el Plan de Desarrollo Territorial con el VMVDU; entre 2008 y 2011 los "
                            + "municipios aprobaron sus ordenanzas y en 2011 la OPLAGEST empezó a operar.",
                    "Exigir a los solicitantes la solvencia de impuestos municipales ayuda a disminuir la mora.",
                    "La OPLAGEST no se reduce a los trámites de permisos: su quehacer es la planificación del desarrollo "
                            + "territorial.", "«El territorio es finito y los trámites igual, pero el desarrollo y su gestión "
                            + "no lo son».", List.of(1, 9), List.of(4, 5)).withSource(SALVADOR + " (L346–360, L635, L741–747)"),
            Entry.experience("Los Izalcos", "Reactivar una asociación para instalar la OPLAGEST",
                    "Fundada en 2006, la asociación quedó inactiva muy pronto.",
                    "En 2015 los alcaldes la reactivaron: reformaron los estatutos para incluir el ordenamiento territorial, "
                            + "firmaron un convenio con el VMVDU, acordaron nuevos aportes y contrataron un equipo técnico.",
                    "Mesas técnicas intermunicipales de catastro, medio ambiente, proyección social y jurídica.",
                    "La voluntad política de los concejos y un equipo técnico fuerte son la base de la reactivación.",
                    null, List.of(4, 7), List.of(1, 2)).withSource(SALVADOR + " (L201–219)"),
            Entry.experience("El Bálsamo", "Desarrollo económico local con enfoque integral en la Cordillera del Bálsamo",
                    "Nacida en 2001 como respuesta a los terremotos, la micro región pasó de la reconstrucción a promover el "
                            + "desarrollo económico local.",
                    "Diagnóstico de DEL en 2009, mesas de micro y pequeños empresarios, comité de competitividad y una "
                            + "oficina de vinculación laboral.",
                    "Planes estratégicos de la asociación coherentes con los de sus municipios.",
                    "La gestión ambiental debe considerar el café: «Si descuidamos el café, descuidamos el 60% de nuestros "
                            + "mantos acuíferos».", null, List.of(1, 6), List.of(3, 7)).withSource(SALVADOR + " (L456–468, L656, L749–766)"),
            Entry.practice("Cayaguanca", "Asistencia técnica cofinanciada del CDMYPE",
                    "La asistencia técnica especializada se paga en un 90 % por el CDMYPE y un 10 % por la empresa, o 95/5 "
                            + "cuando es de mujeres, rural o asociativa. Los municipios aportan el 1 % de su FODES. "
                            + SALVADOR + " (L288, L609).", List.of(4, 5, 4, 5), List.of(12, 9), List.of(7)),
            Entry.document("ABC de los esquemas asociativos territoriales (RINDE)", "Guía",
                    "Antes de conformar un esquema: evaluar pertinencia, aliados y recursos. Si el municipio ya es parte de "
                            + "uno: evaluar objetivos, metas, duración, equipo y finanzas, y decidir si continuar (ajustes, plan "
                            + "de trabajo, inclusión en el plan de desarrollo) o preparar su liquidación. Fuente: ABC de los "
                            + "esquemas asociativos (RINDE).", List.of(4, 7), List.of(1, 10)),
            Entry.document("Guía para la conformación de esquemas asociativos territoriales (DNP, 2014)", "Guía metodológica",
                    "Las figuras asociativas de la Ley 1454 de 2011 y la ruta de conformación en tres momentos: Construyendo "
                            + "las bases, Pensando el futuro y Transformando la región. Fuente: Esquemas asociativos "
                            + "territoriales (DNP, 2014).", List.of(1, 4), List.of(1, 3)));

    @EventListener
    @Order(70)
    void on(DemoSchemesRegistered demo) {
        for (Entry e : ENTRIES) {
            if (jdbc.sql("select count(*) from knowledge_item where title = :t").param("t", e.title()).query(Long.class)
                    .single() > 0) {
                continue;
            }
            List<Integer> s = e.scores() == null ? Arrays.asList(null, null, null, null) : e.scores();
            knowledge.create(new KnowledgeBase.Input(e.scheme() == null ? null : demo.id(e.scheme()), e.kind(), e.title(),
                    e.context(), e.whatWasDone(), e.successes(), null, e.lessons(), null, e.voices(), e.body(), s.get(0), s.get(1),
                    s.get(2), s.get(3), e.documentType(), null, null, null, e.factors(), e.areas()));
        }
    }
}
