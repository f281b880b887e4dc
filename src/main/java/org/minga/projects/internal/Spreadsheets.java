package org.minga.projects.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.minga.identity.Scopes;
import org.minga.platform.AuditLog;
import org.minga.platform.AuditLog.Change;
import org.minga.platform.SpreadsheetRows;
import org.minga.platform.TextRule;
import org.minga.platform.TableWriter;
import org.minga.projects.Stage;
import org.minga.registry.MemberUnits;
import org.minga.registry.Schemes;
import org.minga.territory.TerritorialUnit;
import org.minga.territory.Territory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.SqlArrayValue;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The project bank in spreadsheets: the project and needs lists out to XLSX and CSV, and a whole
 * bank in from XLSX, checked row by row and written in one transaction only when clean.
 */
@Service
public class Spreadsheets {

    /** The import's columns, in order, as the guide documents them. */
    public static final List<String> IMPORT_COLUMNS = List.of("code", "bpin", "name", "sector", "description", "cost",
            "currency", "beneficiaries", "stage");
    public static final List<String> PROJECT_HEADERS = List.of("Código", "BPIN", "Nombre", "Sector", "Etapa",
            "Costo", "Moneda", "Comprometido", "Beneficiarios");
    public static final List<String> NEED_HEADERS = List.of("Id", "Unidad", "Sector", "Descripción", "Prioridad",
            "Origen", "Estado", "Registrada por", "Fecha");
    public static final int MAX_IMPORT_BYTES = 20 * 1024 * 1024;
    /** Rows of one import; a larger bank is imported in several files (the guide says so). */
    public static final int MAX_IMPORT_ROWS = 20_000;

    public record RowError(int row, String column, String message) {
    }

    public record ImportResult(int imported, List<RowError> errors) {

        public boolean clean() {
            return errors.isEmpty();
        }
    }

    private final JdbcClient jdbc;
    private final ProjectList list;
    private final Needs needs;
    private final Schemes schemes;
    private final MemberUnits memberUnits;
    private final Scopes scopes;
    private final Territory territory;
    private final AuditLog audit;

    Spreadsheets(JdbcClient jdbc, ProjectList list, Needs needs, Schemes schemes, MemberUnits memberUnits,
            Scopes scopes, Territory territory, AuditLog audit) {
        this.jdbc = jdbc;
        this.memberUnits = memberUnits;
        this.list = list;
        this.needs = needs;
        this.schemes = schemes;
        this.scopes = scopes;
        this.territory = territory;
        this.audit = audit;
    }

    public void projectsXlsx(long schemeId, ProjectList.Filters filters, OutputStream out) throws IOException {
        schemes.get(schemeId);
        projects(TableWriter.xlsx(out, "Proyectos", PROJECT_HEADERS), schemeId, filters);
    }

    public void projectsCsv(long schemeId, ProjectList.Filters filters, OutputStream out) throws IOException {
        schemes.get(schemeId);
        projects(TableWriter.csv(out, PROJECT_HEADERS), schemeId, filters);
    }

    public void needsXlsx(long schemeId, String status, String unit, OutputStream out) throws IOException {
        schemes.get(schemeId);
        needs(TableWriter.xlsx(out, "Necesidades", NEED_HEADERS), schemeId, status, unit);
    }

    public void needsCsv(long schemeId, String status, String unit, OutputStream out) throws IOException {
        schemes.get(schemeId);
        needs(TableWriter.csv(out, NEED_HEADERS), schemeId, status, unit);
    }

    private void projects(TableWriter table, long schemeId, ProjectList.Filters filters) throws IOException {
        try (table) {
            Rows rows = new Rows(table);
            list.each(schemeId, filters, i -> rows.add(Arrays.asList(i.code(), i.bpin(), i.name(), i.sector(),
                    i.stage().label(), i.cost(), i.currency(), i.committed(), String.join(";", i.beneficiaries()))));
            rows.rethrow();
        }
    }

    private void needs(TableWriter table, long schemeId, String status, String unit) throws IOException {
        try (table) {
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

    /**
     * Imports projects from the first sheet of an XLSX file: a header row, then one project a row
     * in the columns of {@link #IMPORT_COLUMNS}. Every row is checked first; with any error nothing
     * is written and the errors come back with row number, column and reason.
     */
    @Transactional
    public ImportResult importProjects(long schemeId, InputStream in) {
        scopes.requireSchemeWrite(schemeId);
        String country = schemes.get(schemeId).getCountry().name();
        List<RowError> errors = new ArrayList<>();
        List<Object[]> rows = new ArrayList<>();
        List<Integer> rowNumbers = new ArrayList<>();
        try {
            SpreadsheetRows.read(in, MAX_IMPORT_ROWS, (number, row) -> {
                if (number == 1) {
                    return;
                }
                String[] cells = new String[IMPORT_COLUMNS.size()];
                boolean blank = true;
                for (int c = 0; c < cells.length && c < row.size(); c++) {
                    cells[c] = Guard.blankToNull(row.get(c));
                    blank &= cells[c] == null;
                }
                if (!blank) {
                    rows.add(new Object[] {cells, null});
                    rowNumbers.add(number);
                }
            });
        } catch (SpreadsheetRows.TooManyRows e) {
            return new ImportResult(0, List.of(new RowError(0, "file", "El archivo tiene más de "
                    + String.format(java.util.Locale.ROOT, "%,d", MAX_IMPORT_ROWS).replace(',', '.')
                    + " filas de proyectos; divídalo en varios archivos.")));
        } catch (IOException | RuntimeException e) {
            return new ImportResult(0, List.of(new RowError(0, "file", "El archivo no es un libro XLSX legible.")));
        }
        if (rows.isEmpty()) {
            return new ImportResult(0, List.of(new RowError(0, "file", "El archivo no tiene filas de proyectos.")));
        }
        // Everything the rows need from the database and the territory, read once.
        Set<String> allCodes = new LinkedHashSet<>();
        Set<String> allUnits = new HashSet<>();
        for (Object[] r : rows) {
            String[] cells = (String[]) r[0];
            if (cells[0] != null) {
                allCodes.add(cells[0]);
            }
            if (cells[7] != null) {
                for (String u : cells[7].split(";")) {
                    if (!u.isBlank()) {
                        allUnits.add(u.strip().toUpperCase());
                    }
                }
            }
        }
        Set<String> taken = new HashSet<>(jdbc.sql("select code from project where scheme_id = :s and code = any(:c)")
                .param("s", schemeId).param("c", new SqlArrayValue("text", allCodes.toArray())).query(String.class)
                .list());
        Map<String, TerritorialUnit> found = territory.findAll(country, allUnits, LocalDate.now());
        Set<String> units = found.keySet();
        var members = memberUnits.coverage(schemeId, LocalDate.now());

        int n = rows.size();
        String[] codes = new String[n];
        String[] bpins = new String[n];
        String[] names = new String[n];
        String[] sectors = new String[n];
        String[] descriptions = new String[n];
        BigDecimal[] costs = new BigDecimal[n];
        String[] currencies = new String[n];
        String[] stages = new String[n];
        List<List<String>> beneficiaries = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < n; i++) {
            String[] c = (String[]) rows.get(i)[0];
            int at = rowNumbers.get(i);
            for (int k = 0; k < c.length; k++) {
                if (c[k] != null && TextRule.check(IMPORT_COLUMNS.get(k), c[k], 0) != null) {
                    errors.add(new RowError(at, IMPORT_COLUMNS.get(k), "El texto tiene caracteres de control o es demasiado largo."));
                    c[k] = null;
                }
            }
            if (c[0] == null) {
                errors.add(new RowError(at, "code", "El código es obligatorio."));
            } else if (c[0].length() > 60) {
                errors.add(new RowError(at, "code", "El código tiene más de 60 caracteres."));
            } else if (taken.contains(c[0])) {
                errors.add(new RowError(at, "code", "Ya existe un proyecto con el código " + c[0] + " en el esquema."));
            } else if (!seen.add(c[0])) {
                errors.add(new RowError(at, "code", "El código " + c[0] + " se repite en el archivo."));
            }
            if (c[1] != null && !c[1].matches("\\d{1,20}")) {
                errors.add(new RowError(at, "bpin", "El BPIN debe tener solo dígitos."));
            }
            if (c[2] == null) {
                errors.add(new RowError(at, "name", "El nombre es obligatorio."));
            } else if (c[2].length() > 300) {
                errors.add(new RowError(at, "name", "El nombre tiene más de 300 caracteres."));
            }
            if (c[3] == null) {
                errors.add(new RowError(at, "sector", "El sector es obligatorio."));
            } else if (c[3].length() > 100) {
                errors.add(new RowError(at, "sector", "El sector tiene más de 100 caracteres."));
            }
            if (c[4] != null && c[4].length() > 4000) {
                errors.add(new RowError(at, "description", "La descripción tiene más de 4000 caracteres."));
            }
            BigDecimal cost = (BigDecimal) rows.get(i)[1];
            if (cost == null && c[5] != null) {
                try {
                    cost = new BigDecimal(c[5].replace(" ", ""));
                } catch (NumberFormatException e) {
                    errors.add(new RowError(at, "cost", "El costo no es un número (use punto para los decimales)."));
                }
            }
            if (cost != null && TextRule.checkNumber(cost) != null) {
                errors.add(new RowError(at, "cost", "El costo es demasiado grande."));
            } else if (cost != null && cost.signum() < 0) {
                errors.add(new RowError(at, "cost", "El costo no puede ser negativo."));
            }
            String currency = c[6] == null ? "COP" : c[6].toUpperCase();
            if (!Guard.CURRENCIES.contains(currency)) {
                errors.add(new RowError(at, "currency", "La moneda debe ser COP o USD."));
            }
            List<String> bens = new ArrayList<>();
            if (c[7] != null) {
                for (String u : c[7].split(";")) {
                    String code = u.strip().toUpperCase();
                    if (code.isEmpty()) {
                        continue;
                    }
                    if (!units.contains(code)) {
                        errors.add(new RowError(at, "beneficiaries", "No existe hoy la unidad territorial " + country
                                + " " + code + "."));
                    } else if (!members.test(found.get(code))) {
                        errors.add(new RowError(at, "beneficiaries", "La unidad territorial " + code
                                + " no es miembro del esquema hoy."));
                    } else if (bens.contains(code)) {
                        errors.add(new RowError(at, "beneficiaries", "La unidad " + code + " se repite."));
                    } else {
                        bens.add(code);
                    }
                }
            }
            Stage stage = c[8] == null ? Stage.IDEA : Stage.parse(c[8]);
            if (stage == null) {
                errors.add(new RowError(at, "stage", "La etapa " + c[8] + " no existe; use por ejemplo IDEA, PROFILE o "
                        + "IN_EXECUTION."));
            }
            codes[i] = c[0];
            bpins[i] = c[1];
            names[i] = c[2];
            sectors[i] = c[3];
            descriptions[i] = c[4];
            costs[i] = Guard.money(cost);
            currencies[i] = currency;
            stages[i] = stage == null ? null : stage.name();
            beneficiaries.add(bens);
        }
        if (!errors.isEmpty()) {
            return new ImportResult(0, errors);
        }
        LocalDate today = LocalDate.now();
        Map<String, Long> ids = new HashMap<>();
        jdbc.sql("""
                insert into project (scheme_id, code, bpin, name, sector, description, stage, stage_since, cost, currency)
                select :s, t.code, t.bpin, t.name, t.sector, t.description, t.stage, :today, t.cost, t.currency
                from unnest(:codes, :bpins, :names, :sectors, :descriptions, :stages, :costs, :currencies)
                    as t(code, bpin, name, sector, description, stage, cost, currency)
                returning id, code
                """).param("s", schemeId).param("today", Date.valueOf(today))
                .param("codes", new SqlArrayValue("text", (Object[]) codes))
                .param("bpins", new SqlArrayValue("text", (Object[]) bpins))
                .param("names", new SqlArrayValue("text", (Object[]) names))
                .param("sectors", new SqlArrayValue("text", (Object[]) sectors))
                .param("descriptions", new SqlArrayValue("text", (Object[]) descriptions))
                .param("stages", new SqlArrayValue("text", (Object[]) stages))
                .param("costs", new SqlArrayValue("numeric", (Object[]) costs))
                .param("currencies", new SqlArrayValue("text", (Object[]) currencies))
                .query(rs -> {
                    ids.put(rs.getString(2), rs.getLong(1));
                });
        Long[] stepProjects = new Long[n];
        List<Long> benProjects = new ArrayList<>();
        List<String> benUnits = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            long id = ids.get(codes[i]);
            stepProjects[i] = id;
            for (String u : beneficiaries.get(i)) {
                benProjects.add(id);
                benUnits.add(u);
            }
        }
        jdbc.sql("""
                insert into project_step (project_id, from_stage, to_stage, occurred_on, note, recorded_by)
                select t.p, null, t.stage, :today, 'Importado desde XLSX', :by from unnest(:ps, :stages) as t(p, stage)
                """).param("today", Date.valueOf(today)).param("by", Guard.actor())
                .param("ps", new SqlArrayValue("bigint", (Object[]) stepProjects))
                .param("stages", new SqlArrayValue("text", (Object[]) stages)).update();
        if (!benProjects.isEmpty()) {
            jdbc.sql("""
                    insert into project_beneficiary (project_id, unit_code)
                    select t.p, t.u from unnest(:ps, :us) as t(p, u)
                    """).param("ps", new SqlArrayValue("bigint", benProjects.toArray()))
                    .param("us", new SqlArrayValue("text", benUnits.toArray())).update();
        }
        audit.record(Change.created("project_import", schemeId + "/" + today, schemeId,
                "Importación de " + n + " proyectos desde XLSX", Map.of("projects", n, "beneficiaries",
                        benProjects.size())));
        return new ImportResult(n, List.of());
    }

}
