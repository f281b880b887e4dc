package org.minga.territory.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.minga.platform.AuditLog;
import org.minga.platform.AuditLog.Change;
import org.minga.platform.FileStore;
import org.minga.platform.JobHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;


/**
 * Imports one uploaded file as a job: reads and checks it whole, then writes every unit and
 * recomputes the neighbours in one transaction, so the import is all or nothing and can run again
 * without duplicates.
 */
@Component
record TerritoryImportJob(FileStore files, UnitStore store, JdbcClient jdbc, TransactionTemplate tx, AuditLog audit,
        BoundaryFiles boundaryFiles) implements JobHandler<TerritoryImportJob.Request> {

    static final String TYPE = "TERRITORY_IMPORT";

    enum Source { CO_DANE_MGN_DEPARTAMENTOS, CO_DANE_MGN_MUNICIPIOS, SV_DISTRITOS_2024, ATTRIBUTES_CSV }

    record Request(UUID fileId, Source source, String country, String fileName) {
    }

    @Override public String type() { return TYPE; }
    @Override public Class<Request> payloadType() { return Request.class; }

    /** The territory's map shows the imported units. */
    @Override
    public String resultLink(Request request, tools.jackson.databind.JsonNode result) {
        return "/territory";
    }

    @Override
    public String retryLink(Request request) {
        return "/admin/territory/imports";
    }

    @Override
    public Object run(Request request, Progress progress) {
        progress.report(5, "Leyendo " + request.fileName());
        byte[] content = files.content(request.fileId());
        try {
            Map<String, Object> result = request.source() == Source.ATTRIBUTES_CSV
                    ? importAttributes(request, content, progress)
                    : importBoundaries(request.source(), request.fileName(), content, progress);
            progress.report(100, "Importación terminada");
            return result;
        } finally {
            // Imported or refused, the upload has done its work; a retry uploads the file again.
            files.delete(request.fileId());
        }
    }

    /** Reads a whole boundary file, then writes it and recomputes neighbours in one transaction. */
    Map<String, Object> importBoundaries(Source source, String fileName, byte[] content, Progress progress) {
        BoundaryFiles.Parsed parsed = switch (source) {
            case CO_DANE_MGN_DEPARTAMENTOS -> boundaryFiles.colombianDepartments(content);
            case CO_DANE_MGN_MUNICIPIOS -> boundaryFiles.colombianMunicipalities(content);
            case SV_DISTRITOS_2024 -> boundaryFiles.salvadoranDistricts(content);
            case ATTRIBUTES_CSV -> throw new IllegalStateException();
        };
        progress.report(20, parsed.units().size() + " versiones de unidades leídas; guardando");
        Map<String, Object> result = new LinkedHashMap<>();
        tx.executeWithoutResult(status -> {
            Set<UnitStore.Group> groups = store.store(parsed.units());
            progress.report(50, "Unidades guardadas; calculando vecinos");
            Map<String, Object> neighbours = new LinkedHashMap<>();
            for (UnitStore.Group group : groups) {
                neighbours.put(group.country() + " " + group.level(), store.recomputeAdjacency(group));
            }
            result.put("source", source);
            result.put("unitVersions", parsed.units().size());
            result.put("repairedGeometries", parsed.repaired());
            result.put("neighbours", neighbours);
            audit.record(new Change("IMPORT", "territory", source, null,
                    "Importación " + source + " (" + fileName + "): " + parsed.units().size()
                            + " versiones de unidades",
                    null, result));
        });
        return result;
    }

    private Map<String, Object> importAttributes(Request request, byte[] content, Progress progress) {
        String country = request.country() == null ? "CO" : request.country();
        List<AttributesCsv.Row> rows = AttributesCsv.parse(content);
        progress.report(30, rows.size() + " filas leídas; comprobando códigos");
        Set<String> known = Set.copyOf(jdbc.sql("select distinct code from territorial_unit where country = :c")
                .param("c", country).query(String.class).list());
        List<String> unknown = rows.stream().filter(r -> !known.contains(r.code()))
                .map(r -> "línea " + r.line() + ": no existe la unidad " + country + " " + r.code()).limit(20).toList();
        if (!unknown.isEmpty()) {
            throw new ImportException("Códigos desconocidos; no se importó nada. " + String.join("; ", unknown));
        }
        tx.executeWithoutResult(status -> {
            for (AttributesCsv.Row r : rows) {
                jdbc.sql("""
                        insert into territorial_attribute (country, code, year, attribute, value)
                        values (:country, :code, :year, :attribute, :value)
                        on conflict (country, code, year, attribute) do update set value = excluded.value
                        """).param("country", country).param("code", r.code()).param("year", r.year())
                        .param("attribute", r.attribute()).param("value", r.value()).update();
            }
            audit.record(new Change("IMPORT", "territory", Source.ATTRIBUTES_CSV, null,
                    "Atributos " + country + " (" + request.fileName() + "): " + rows.size() + " filas", null,
                    Map.of("rows", rows.size(), "country", country)));
        });
        return Map.of("source", Source.ATTRIBUTES_CSV, "rows", rows.size(), "country", country);
    }
}
