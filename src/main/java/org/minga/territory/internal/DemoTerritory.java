package org.minga.territory.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.minga.platform.SystemActor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * For the demo (MINGA_DEMO=true): when the territory is still empty, imports the official boundary
 * files from the demo folder as ordinary import jobs. The files are never shipped with Minga.
 */
@Component
class DemoTerritory {

    private static final Logger log = LoggerFactory.getLogger(DemoTerritory.class);
    private static final String[][] FILES = {{"co-mgn2018-departamentos.geojson", "CO_DANE_MGN_DEPARTAMENTOS"},
            {"co-mgn2018-municipios.geojson", "CO_DANE_MGN_MUNICIPIOS"}, {"sv-distritos-2024.geojson", "SV_DISTRITOS_2024"}};
    private final boolean enabled;
    private final Path folder;
    private final JdbcClient jdbc;
    private final TerritoryImports imports;

    DemoTerritory(@Value("${minga.demo.enabled:false}") boolean enabled,
            @Value("${minga.demo.territory-dir:}") String folder, JdbcClient jdbc, TerritoryImports imports) {
        this.enabled = enabled;
        this.folder = Path.of(folder);
        this.jdbc = jdbc;
        this.imports = imports;
    }

    @EventListener(ApplicationReadyEvent.class)
    void importIfEmpty() throws IOException {
        if (!enabled || jdbc.sql("select count(*) from territorial_unit").query(Long.class).single() > 0) {
            return;
        }
        for (String[] file : FILES) {
            Path path = folder.resolve(file[0]);
            if (!Files.isReadable(path)) {
                log.warn("Demo: falta {}; el territorio no se importa y los esquemas de demostración quedan sin "
                        + "miembros. Descargue los límites oficiales (ver README) o indique MINGA_DEMO_TERRITORY_DIR.",
                        path.toAbsolutePath());
                return;
            }
        }
        for (String[] file : FILES) {
            byte[] content = Files.readAllBytes(folder.resolve(file[0]));
            SystemActor.runAsAdmin(() -> imports.submit(file[1], null, file[0], content));
        }
        log.info("Demo: importando el territorio desde {}", folder.toAbsolutePath());
    }
}
