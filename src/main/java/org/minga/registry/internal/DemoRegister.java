package org.minga.registry.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.minga.platform.AuditLog;
import org.minga.platform.JobHandler;
import org.minga.platform.Jobs;
import org.minga.platform.SystemActor;
import org.minga.registry.DemoSchemesRegistered;
import org.minga.registry.Scheme;
import org.minga.territory.Territory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The six real cases of DOMAIN.md as demo data (MINGA_DEMO=true), with the facts the sources give:
 * names, members, founding years, competences. Where a source gives only a year, the first of
 * January stands for it and the membership says so. Waits for the territory (imported at start by
 * the demo too) because members are units on a date. Runs once: a scheme already registered by
 * name is left alone.
 */
@Component
class DemoRegister implements JobHandler<DemoRegister.Start> {

    static final String TYPE = "registry.demo";

    /** The demo's job carries nothing: what it loads is this class's. */
    record Start() {
    }

    private static final Logger log = LoggerFactory.getLogger(DemoRegister.class);
    private static final String APPROXIMATE = "Fecha aproximada: la fuente solo da el año";

    /** Members who joined after the founders, on a later date. */
    record Enlargement(List<String> members, LocalDate joined) {
    }

    record Case(String name, String acronym, Scheme.Country country, LocalDate founded,
            List<String> members, LocalDate joined, List<String> competences, List<String> lines, String purposes,
            String source, LocalDate reactivated, Enlargement enlargement) {

        Case(String name, String acronym, Scheme.Country country, LocalDate founded,
                List<String> members, LocalDate joined, List<String> competences, List<String> lines,
                String purposes, String source) {
            this(name, acronym, country, founded, members, joined, competences, lines, purposes, source, null, null);
        }
    }

    static final List<Case> CASES = List.of(
            new Case("Asociación de Municipios del Catatumbo, Provincia de Ocaña y Sur del Cesar", "ASOMUNICIPIOS",
                    Scheme.Country.CO, LocalDate.of(1993, 1, 1),
                    List.of("54498", "54003", "54128", "54206", "54245", "54250", "54344", "54385", "54398", "54670",
                            "54720", "54800", "54810", "54871", "54109", "20614"),
                    LocalDate.of(1993, 1, 1), List.of("SERVICE_ENERGY", "RURAL_DEVELOPMENT", "PLANNING", "PEACE"),
                    List.of("Agenda Regional 2032", "Electrificación rural", "Proyectos productivos"),
                    "Fundada en enero de 1993 al amparo del Decreto 1333 de 1986. 16.000 familias rurales "
                            + "electrificadas; 50 proyectos de productores financiados.",
                    "Asociatividad municipal en el Catatumbo (FOINCIDE, 2021)"),
            // The source: work began in 2004 with 16 municipalities; in 2014 San Juan Tepezontes and San Vicente.
            new Case("Asociación de Municipios Los Nonualcos", "ALN", Scheme.Country.SV, LocalDate.of(2004, 1, 1),
                    List.of("D132", "D133", "D136", "D138", "D142", "D144", "D146", "D151", "D152", "D141", "D153",
                            "D147", "D148", "D149", "D150", "D173"),
                    LocalDate.of(2004, 1, 1), List.of("LAND_USE", "PLANNING"), List.of("Gestión integral del control "
                            + "y uso del suelo (OPLAGEST)"),
                    "Dieciséis municipios desde 2004; en 2014 se sumaron San Juan Tepezontes y San Vicente. Opera una "
                            + "OPLAGEST.", "Mancomunidades de El Salvador (USAID, 2018)", null,
                    new Enlargement(List.of("D143", "D172"), LocalDate.of(2014, 1, 1))),
            new Case("Asociación Intermunicipal del Norte del departamento de La Unión", "ASINORLU", Scheme.Country.SV,
                    LocalDate.of(2003, 1, 1),
                    List.of("D245", "D246", "D247", "D250", "D253", "D254", "D256", "D258", "D259"),
                    LocalDate.of(2003, 1, 1), List.of("SERVICE_WASTE"), List.of("Manejo integral de desechos sólidos"),
                    "Relleno sanitario que sirvió a 12 municipios en 2007 y a 27 después.",
                    "Mancomunidades de El Salvador (USAID, 2018)"),
            new Case("Asociación de Municipios Micro Región El Bálsamo", "El Bálsamo", Scheme.Country.SV,
                    LocalDate.of(2001, 1, 1), List.of("D087", "D095", "D081", "D093", "D077"),
                    LocalDate.of(2001, 1, 1), List.of("ECONOMIC_DEVELOPMENT", "TOURISM"),
                    List.of("Desarrollo económico local"), "Municipios de la Cordillera del Bálsamo, La Libertad.",
                    "Mancomunidades de El Salvador (USAID, 2018)"),
            new Case("Asociación de Municipios Cayaguanca", "Cayaguanca", Scheme.Country.SV, null,
                    List.of("D053", "D066", "D042", "D054", "D074", "D057", "D045"), LocalDate.of(2010, 1, 1),
                    List.of("ECONOMIC_DEVELOPMENT"), List.of("Centro de Desarrollo de la Micro y Pequeña Empresa "
                            + "(CDMYPE)"),
                    "Opera un CDMYPE; los municipios aportan el 1 % de su FODES.",
                    "Mancomunidades de El Salvador (USAID, 2018)"),
            new Case("Entidad Descentralizada Autónoma Microrregión Los Izalcos", "Los Izalcos", Scheme.Country.SV,
                    LocalDate.of(2006, 1, 1), List.of("D031", "D033"), LocalDate.of(2006, 1, 1),
                    List.of("LAND_USE"), List.of("Gestión y planificación territorial", "Medio ambiente",
                            "Turismo e identidad cultural"),
                    "Fundada en 2006, inactiva después y reactivada en 2015 con la competencia de control del uso "
                            + "del suelo (OPLAGEST).", "Mancomunidades de El Salvador (USAID, 2018)",
                    LocalDate.of(2015, 1, 1), null));

    /** The steps an administrator sees counted: the territory, each of the six cases, the modules' life. */
    static final int STEPS = CASES.size() + 2;

    private final boolean enabled;
    private final Desk desk;
    private final Memberships memberships;
    private final Competences competences;
    private final SchemeDirectoryEntries entries;
    private final Territory territory;
    private final TransactionTemplate tx;
    private final ApplicationEventPublisher events;
    /** Looked up when the demo starts: the jobs' handlers, this one among them, lead back here. */
    private final ObjectProvider<Jobs> jobs;
    private volatile boolean membersLoaded;

    DemoRegister(@Value("${minga.demo.enabled:false}") boolean enabled, Desk desk, Memberships memberships,
            Competences competences, SchemeDirectoryEntries entries, Territory territory, TransactionTemplate tx,
            ApplicationEventPublisher events, ObjectProvider<Jobs> jobs) {
        this.enabled = enabled;
        this.desk = desk;
        this.memberships = memberships;
        this.competences = competences;
        this.entries = entries;
        this.territory = territory;
        this.tx = tx;
        this.events = events;
        this.jobs = jobs;
    }

    /**
     * The demo loads as a job, so that an administrator follows it on its page and desk ("Cargando
     * demostración 3/8"); the jobs it waits for (the territory, the cadastre) run beside it.
     */
    @EventListener(ApplicationReadyEvent.class)
    void start() {
        if (enabled) {
            SystemActor.runAsAdmin(() -> jobs.getObject().submit(TYPE, new Start(), null));
        }
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Class<Start> payloadType() {
        return Start.class;
    }

    @Override
    public Object run(Start start, Progress progress) {
        SystemActor.runAsAdmin(() -> {
            load(progress);
            bringToLife(progress);
        });
        return Map.of("schemes", CASES.size());
    }

    @Override
    public String resultLink(Start start, tools.jackson.databind.JsonNode result) {
        return "/registry/schemes";
    }

    private static void step(Progress progress, int step, String what) {
        progress.report(100 * (step - 1) / STEPS, "Cargando demostración " + step + "/" + STEPS + ": " + what);
    }

    /**
     * Lets every module add its part of the six cases' life; then says, in the log and the audit, it is
     * ready. A module's failure is said in the audit and fails the job.
     */
    void bringToLife(Progress progress) {
        step(progress, STEPS, "proyectos, finanzas, servicios y demás módulos de los seis esquemas");
        Map<String, Long> ids = new LinkedHashMap<>();
        for (Case c : CASES) {
            desk.jdbc().sql("select id from scheme where country = :c and lower(name) = lower(:n)")
                    .param("c", c.country().name()).param("n", c.name()).query(Long.class).optional()
                    .ifPresent(id -> ids.put(c.acronym(), id));
        }
        if (ids.size() < CASES.size() || !membersLoaded) {
            log.warn("Demo: sin el territorio los esquemas no tienen miembros; los demás módulos quedan vacíos.");
            progress.report(100, "Demostración sin miembros: el territorio de referencia no está importado");
            return;
        }
        try {
            events.publishEvent(new DemoSchemesRegistered(Map.copyOf(ids)));
        } catch (RuntimeException e) {
            log.error("Demo: un módulo no pudo cargar sus datos de demostración", e);
            // Said in the audit too, so an operator (and a test) sees at once that the demo will not be ready.
            tx.executeWithoutResult(status -> desk.audit().record(new AuditLog.Change("DEMO_FAILED", "registry",
                    "demo", null, "La demostración no se pudo cargar: " + e, null, Map.of("schemes", ids))));
            throw new IllegalStateException("Un módulo no pudo cargar sus datos de demostración: " + e.getMessage(), e);
        }
        tx.executeWithoutResult(status -> desk.audit().record(new AuditLog.Change("DEMO", "registry", "demo", null,
                "Datos de demostración cargados en los seis esquemas", null, Map.of("schemes", ids))));
        log.info("Demo: lista");
        progress.report(100, "Demostración lista en los seis esquemas");
    }

    void load() {
        load((percent, message) -> { });
    }

    void load(Progress progress) {
        step(progress, 1, "esperando el territorio de referencia");
        boolean units = awaitTerritory(Duration.ofMinutes(20));
        membersLoaded = units;
        int step = 1;
        for (Case c : CASES) {
            step(progress, ++step, c.acronym());
            if (desk.jdbc().sql("select count(*) > 0 from scheme where country = :c and lower(name) = lower(:n)")
                    .param("c", c.country().name()).param("n", c.name()).query(Boolean.class).single()) {
                continue;
            }
            tx.executeWithoutResult(status -> register(c, units));
            log.info("Demo: registrado {}", c.name());
        }
    }

    private void register(Case c, boolean withMembers) {
        long id = desk.schemes().create(c.name(), c.acronym(), c.country(), "ASOCIACION_MUNICIPIOS").getId();
        desk.schemes().describe(id, new Scheme.Profile(c.founded(), null, null, null, c.purposes() + " Fuente: "
                + c.source() + "."));
        entries.replaceStrategicLines(id, c.lines());
        if (withMembers) {
            for (String code : c.members()) {
                join(id, code, c.joined());
            }
            if (c.enlargement() != null) {
                c.enlargement().members().forEach(code -> join(id, code, c.enlargement().joined()));
            }
        }
        LocalDate competencesFrom = c.reactivated() == null ? c.joined() : c.reactivated();
        for (String competence : c.competences()) {
            competences.add(id, competence, competencesFrom, "Estatutos");
        }
        desk.schemes().changeStatus(id, Scheme.Status.CONSTITUTED, c.joined(), "Acto de constitución");
        desk.schemes().changeStatus(id, Scheme.Status.ACTIVE, c.joined(), null);
        if (c.reactivated() != null) {
            // The source dates the reactivation, not the years of inactivity before it.
            desk.schemes().changeStatus(id, Scheme.Status.INACTIVE, c.reactivated(),
                    "inactiva antes de la reactivación (fecha de inicio no documentada)");
            desk.schemes().changeStatus(id, Scheme.Status.ACTIVE, c.reactivated(), "reactivada con la competencia de "
                    + "control del uso del suelo");
        }
    }

    private void join(long schemeId, String code, LocalDate joined) {
        memberships.join(schemeId, new Memberships.Joining(code, null, "MEMBER", joined,
                joined.getDayOfYear() == 1 ? APPROXIMATE : null, null, 1));
    }

    /** The territory import jobs run at the same start; members need their units. */
    private boolean awaitTerritory(Duration patience) {
        Instant deadline = Instant.now().plus(patience);
        LocalDate probe = LocalDate.of(2020, 1, 1);
        while (Instant.now().isBefore(deadline)) {
            if (territory.find("CO", "54498", probe).isPresent() && territory.find("SV", "D152", probe).isPresent()) {
                return true;
            }
            try {
                Thread.sleep(3_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        log.warn("Demo: el territorio no está importado; los esquemas de demostración quedan sin miembros.");
        return false;
    }
}
