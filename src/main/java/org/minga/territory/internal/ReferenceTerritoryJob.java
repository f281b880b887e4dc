package org.minga.territory.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

import org.minga.platform.JobHandler;
import org.minga.territory.internal.TerritoryImportJob.Source;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Imports the reference territory of some countries, file by file, as ordinary boundary imports. */
@Component
record ReferenceTerritoryJob(TerritoryImportJob imports) implements JobHandler<ReferenceTerritoryJob.Request> {

    static final String TYPE = "TERRITORY_REFERENCE";
    private static final Logger log = LoggerFactory.getLogger(ReferenceTerritoryJob.class);

    record Request(List<String> countries) {
    }

    /** A shipped file, in the order that parents come before children. */
    enum ReferenceFile {
        CO_DEPARTMENTS("CO", "co-mgn2018-departamentos.geojson", Source.CO_DANE_MGN_DEPARTAMENTOS),
        CO_MUNICIPALITIES("CO", "co-mgn2018-municipios.geojson", Source.CO_DANE_MGN_MUNICIPIOS),
        SV_DISTRICTS("SV", "sv-distritos-2024.geojson", Source.SV_DISTRITOS_2024);

        final String country;
        final String fileName;
        final Source source;

        ReferenceFile(String country, String fileName, Source source) {
            this.country = country;
            this.fileName = fileName;
            this.source = source;
        }

        byte[] content() {
            try (InputStream in = ReferenceFile.class.getResourceAsStream("/territory/" + fileName + ".gz")) {
                if (in == null) {
                    throw new IllegalStateException("Falta el territorio de referencia " + fileName + ".gz en Minga");
                }
                return new GZIPInputStream(in).readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @Override public String type() { return TYPE; }
    @Override public Class<Request> payloadType() { return Request.class; }

    @Override
    public Object run(Request request, Progress progress) {
        List<ReferenceFile> files = List.of(ReferenceFile.values()).stream()
                .filter(f -> request.countries().contains(f.country)).toList();
        Map<String, Object> results = new LinkedHashMap<>();
        for (int i = 0; i < files.size(); i++) {
            ReferenceFile file = files.get(i);
            int from = 100 * i / files.size();
            int span = 100 / files.size();
            Progress within = (percent, message) -> {
                int overall = Math.min(99, from + span * percent / 100);
                progress.report(overall, file.fileName + ": " + message);
                log.info("Territorio de referencia: {} % ({}: {})", overall, file.fileName, message);
            };
            results.put(file.fileName, imports.importBoundaries(file.source, file.fileName, file.content(), within));
        }
        progress.report(100, "Territorio de referencia cargado: " + String.join(", ", request.countries()));
        return results;
    }
}
