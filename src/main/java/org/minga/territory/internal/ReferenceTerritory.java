package org.minga.territory.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.minga.platform.Jobs;
import org.minga.platform.SystemActor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * On a start with no units of a country that {@code MINGA_TERRITORY} names, queues the load of that
 * country's reference territory (shipped in {@code territory/*.geojson.gz}), so the register works
 * on the first start. A later official import replaces it as any import does.
 */
@Component
class ReferenceTerritory {

    static final List<String> COUNTRIES = List.of("CO", "SV");
    private static final Logger log = LoggerFactory.getLogger(ReferenceTerritory.class);
    /** Two nodes starting on one empty database queue one load, not two. */
    private static final long LOCK = 0x4d696e6761L;

    private final List<String> countries;
    private final JdbcClient jdbc;
    private final Jobs jobs;
    private final TransactionTemplate tx;

    ReferenceTerritory(@Value("${minga.territory:CO,SV}") String setting, JdbcClient jdbc, Jobs jobs,
            TransactionTemplate tx) {
        this.countries = parse(setting);
        this.jdbc = jdbc;
        this.jobs = jobs;
        this.tx = tx;
    }

    /** {@code CO}, {@code SV}, {@code CO,SV} or {@code none}; anything else stops the start with the rule. */
    static List<String> parse(String setting) {
        String value = setting == null ? "" : setting.strip().toUpperCase();
        if (value.equals("NONE")) {
            return List.of();
        }
        List<String> parsed = Arrays.stream(value.split(",")).map(String::strip).distinct().toList();
        if (parsed.isEmpty() || !COUNTRIES.containsAll(parsed)) {
            throw new IllegalStateException("MINGA_TERRITORY debe ser CO, SV, CO,SV o none, y es «" + setting + "».");
        }
        return parsed;
    }

    @EventListener(ApplicationReadyEvent.class)
    void loadWhereEmpty() {
        submitWhereEmpty().ifPresent(job -> log.info("Territorio de referencia {}: cargando como el trabajo {} "
                + "(progreso en /admin/territory/imports)", countries, job));
    }

    Optional<UUID> submitWhereEmpty() {
        return tx.execute(status -> {
            jdbc.sql("select pg_advisory_xact_lock(:lock)").param("lock", LOCK).query(Object.class).single();
            if (latestJob().filter(job -> !job.finished()).isPresent()) {
                return Optional.<UUID>empty();
            }
            List<String> empty = new ArrayList<>();
            for (String country : countries) {
                if (!jdbc.sql("select exists (select 1 from territorial_unit where country = :c)").param("c", country)
                        .query(Boolean.class).single()) {
                    empty.add(country);
                }
            }
            if (empty.isEmpty()) {
                return Optional.<UUID>empty();
            }
            UUID[] job = new UUID[1];
            SystemActor.runAsAdmin(() -> job[0] = jobs.submit(ReferenceTerritoryJob.TYPE,
                    new ReferenceTerritoryJob.Request(empty), null));
            return Optional.of(job[0]);
        });
    }

    /** The latest load of the reference territory, for the admin page. */
    Optional<Jobs.JobView> latestJob() {
        return jdbc.sql("select id from job where type = :type order by created_at desc limit 1")
                .param("type", ReferenceTerritoryJob.TYPE).query(UUID.class).optional().flatMap(jobs::find);
    }
}
