package org.minga.projects.internal;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;

import org.minga.platform.TableWriter;
import org.minga.registry.Schemes;
import org.springframework.stereotype.Service;

/**
 * The project bank in spreadsheets: the project and needs lists out to XLSX and CSV. A whole bank
 * comes in from XLSX through {@link ProjectImport}, in the columns named here.
 */
@Service
public record Spreadsheets(ProjectList list, Needs needs, Schemes schemes) {

    /** The import's columns, by header name, in the order the guide documents them. */
    public static final List<String> IMPORT_COLUMNS = List.of("code", "bpin", "name", "sector", "description", "cost",
            "currency", "beneficiaries", "stage");
    private static final List<String> PROJECT_HEADERS = List.of("Código", "BPIN", "Nombre", "Sector", "Etapa",
            "Costo", "Moneda", "Comprometido", "Beneficiarios");
    private static final List<String> NEED_HEADERS = List.of("Id", "Unidad", "Sector", "Descripción", "Prioridad",
            "Origen", "Estado", "Registrada por", "Fecha");
    public static final int MAX_IMPORT_BYTES = 20 * 1024 * 1024;
    /** Rows of one import; a larger bank is imported in several files (the guide says so). */
    public static final int MAX_IMPORT_ROWS = 20_000;

    /** Where a download is written: a table opened (CSV or XLSX) once the scheme is known to exist. */
    public interface Destination {
        TableWriter open(String sheet, List<String> headers) throws IOException;
    }

    /** The project list with the page's filters. */
    public void projects(long schemeId, ProjectList.Filters filters, Destination to) throws IOException {
        schemes.get(schemeId);
        try (TableWriter table = to.open("Proyectos", PROJECT_HEADERS)) {
            Rows rows = new Rows(table);
            list.each(schemeId, filters, i -> rows.add(Arrays.asList(i.code(), i.bpin(), i.name(), i.sector(),
                    i.stage().label(), i.cost(), i.currency(), i.committed(), String.join(";", i.beneficiaries()))));
            rows.rethrow();
        }
    }

    /** The investment needs, by status and unit when given. */
    public void needs(long schemeId, String status, String unit, Destination to) throws IOException {
        schemes.get(schemeId);
        try (TableWriter table = to.open("Necesidades", NEED_HEADERS)) {
            Rows rows = new Rows(table);
            needs.each(schemeId, status, unit, n -> rows.add(Arrays.asList(n.id(), n.unitCode(), n.sector(),
                    n.description(), n.priority(), n.origin().name(), n.status().name(), n.createdBy(),
                    n.createdAt().toLocalDate())));
            rows.rethrow();
        }
    }

    /** Rows written from a callback that cannot throw: the first failure is kept and rethrown. */
    private static final class Rows {
        private final TableWriter table;
        private IOException failure;

        Rows(TableWriter table) {
            this.table = table;
        }

        void add(List<?> values) {
            if (failure == null) {
                try {
                    table.row(values);
                } catch (IOException e) {
                    failure = e;
                }
            }
        }

        void rethrow() throws IOException {
            if (failure != null) {
                throw failure;
            }
        }
    }
}
