package org.minga.projects.internal;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import org.minga.platform.AuditLog.Change;
import org.minga.platform.Checks;
import org.minga.platform.CountryFormat;
import org.minga.platform.Inputs;
import org.minga.platform.InvalidInputException;
import org.minga.platform.JobHandler;
import org.minga.platform.InvalidInputException.Violation;
import org.minga.platform.NamedRows;
import org.minga.platform.SpreadsheetRows;
import org.minga.platform.SystemActor;
import org.minga.platform.TextRule;
import org.minga.projects.Stage;
import org.minga.projects.internal.Projects.Beneficiary;
import org.minga.projects.internal.Projects.Draft;
import org.minga.territory.TerritorialUnit;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.support.SqlArrayValue;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A whole bank in from XLSX, in the one import shape: columns by header name
 * ({@link Spreadsheets#IMPORT_COLUMNS}), each row a {@link ProjectRow}, checked by the same
 * {@link ProjectRules} as a single create, and written in one transaction only when every row is
 * clean. The sheet is streamed; what the rows need from the database is read once.
 */
@Service
public class ProjectImport {

    /** Headers a bank must have; the others may be left out. */
    static final List<String> REQUIRED_HEADERS = List.of("code", "name", "sector");
    /** Rows between two progress reports: a handful of reports for a large bank, none for a small one. */
    static final int CHUNK = 1000;

    public record RowError(int row, String column, String message) {
    }

    public record ImportResult(int imported, List<RowError> errors) {

        public boolean clean() {
            return errors.isEmpty();
        }
    }

    /**
     * One row as typed: the project's draft, its beneficiary units and its stage (IDEA when blank);
     * {@code problems} are what could not even be read (a cost that is no number, an unknown stage).
     */
    record ProjectRow(int number, Draft draft, List<String> beneficiaries, Stage stage, List<Violation> problems) {

        static ProjectRow of(NamedRows.Row row) {
            Checks checks = new Checks();
            for (String column : Spreadsheets.IMPORT_COLUMNS) {
                String value = row.get(column);
                TextRule.Broken broken = value == null ? null : TextRule.check(column, value, 0);
                if (broken != null) {
                    checks.rule(false, column, broken.rule(), broken.messageKey(), broken.args());
                }
            }
            BigDecimal cost = null;
            try {
                cost = Inputs.decimal(row.get("cost"));
            } catch (NumberFormatException e) {
                checks.rule(false, "cost", "typeMismatch", "typeMismatch.java.math.BigDecimal");
            }
            String stageText = row.get("stage");
            Stage stage = stageText == null ? Stage.IDEA : Stage.parse(stageText);
            checks.rule(stage != null, "stage", "OneOf", "projects.import.stage", stageText);
            List<String> units = new ArrayList<>();
            String codes = row.get("beneficiaries");
            for (String code : codes == null ? new String[0] : codes.split(";")) {
                if (!code.isBlank()) {
                    units.add(ProjectRules.unitCode(code));
                }
            }
            Draft draft = new Draft(row.get("code"), row.get("bpin"), row.get("name"), row.get("sector"),
                    row.get("description"), null, cost, row.get("currency"), null, null, null);
            return new ProjectRow(row.number(), draft, units, stage, checks.violations());
        }
    }

    private final Bank bank;
    private final Sectors sectors;
    private final MessageSource messages;

    ProjectImport(Bank bank, Sectors sectors, MessageSource messages) {
        this.bank = bank;
        this.sectors = sectors;
        this.messages = messages;
    }

    /**
     * Imports the projects of the workbook's first sheet. Every row is checked first; with any
     * error nothing is written and the errors come back with row number, column and reason, in the
     * reader's language.
     */
    @Transactional
    public ImportResult run(long schemeId, InputStream in) {
        return run(schemeId, in, (percent, message) -> { });
    }

    /**
     * As {@link #run(long, InputStream)}, reporting every {@value #CHUNK} rows read and checked: the
     * reading takes the first 40 %, the checking up to 80 %, the writing the rest.
     */
    @Transactional
    public ImportResult run(long schemeId, InputStream in, JobHandler.Progress progress) {
        bank.scopes().requireSchemeWrite(schemeId);
        String country = bank.country(schemeId);
        LocalDate today = bank.zones().today(country);
        List<ProjectRow> rows = new ArrayList<>();
        progress.report(1, "Leyendo el archivo");
        try {
            NamedRows.xlsx(in, Spreadsheets.MAX_IMPORT_ROWS, REQUIRED_HEADERS, row -> {
                rows.add(ProjectRow.of(row));
                if (rows.size() % CHUNK == 0) {
                    progress.report(1 + 39 * rows.size() / Spreadsheets.MAX_IMPORT_ROWS, rows.size() + " filas leídas");
                }
            });
        } catch (SpreadsheetRows.TooManyRows e) {
            return refused("projects.import.tooManyRows",
                    CountryFormat.of(locale()).number(Spreadsheets.MAX_IMPORT_ROWS, 0));
        } catch (InvalidInputException e) {
            Violation v = e.violations().getFirst();
            return refused(v.messageKey(), v.args());
        } catch (IOException | RuntimeException e) {
            return refused("projects.import.unreadable");
        }
        if (rows.isEmpty()) {
            return refused("projects.import.empty");
        }
        progress.report(40, rows.size() + " filas leídas; revisando");
        List<Checked> checked = check(schemeId, country, today, rows, progress);
        List<RowError> errors = new ArrayList<>();
        for (Checked c : checked) {
            c.violations().stream().sorted(Comparator.comparingInt(v -> column(v.field())))
                    .forEach(v -> errors.add(new RowError(c.number(), v.field(), text(v.messageKey(), v.args()))));
        }
        if (!errors.isEmpty()) {
            return new ImportResult(0, errors);
        }
        progress.report(80, "Guardando " + rows.size() + " proyectos");
        return new ImportResult(write(schemeId, today, checked), List.of());
    }

    /** A row after the rules: the clean draft and units, or what is wrong with it. */
    private record Checked(int number, Draft draft, List<String> units, Stage stage, List<Violation> violations) {
    }

    private List<Checked> check(long schemeId, String country, LocalDate today, List<ProjectRow> rows,
            JobHandler.Progress progress) {
        Set<String> codes = new LinkedHashSet<>();
        Set<String> units = new HashSet<>();
        for (ProjectRow r : rows) {
            String code = Inputs.text(r.draft().code());
            if (code != null) {
                codes.add(code);
            }
            units.addAll(r.beneficiaries());
        }
        Set<String> taken = new HashSet<>(bank.jdbc().sql("select code from project where scheme_id = :s and code = any(:c)")
                .param("s", schemeId).param("c", new SqlArrayValue("text", codes.toArray())).query(String.class)
                .list());
        Map<String, TerritorialUnit> found = bank.territory().findAll(country, units, today);
        Predicate<TerritorialUnit> members = bank.memberUnits().coverage(schemeId, today);
        Sectors.Catalogue catalogue = sectors.of(country);
        Set<String> seen = new HashSet<>();
        List<Checked> checked = new ArrayList<>(rows.size());
        for (ProjectRow r : rows) {
            Checks checks = new Checks().addAll(r.problems());
            Draft draft = ProjectRules.draft(checks, r.draft(), taken.contains(Inputs.text(r.draft().code())), catalogue,
                    null);
            checks.rule(draft.code() == null || taken.contains(draft.code()) || seen.add(draft.code()), "code",
                    "Unique", "projects.import.repeated", draft.code());
            List<Beneficiary> bens = ProjectRules.beneficiaries(checks, country, r.beneficiaries().stream()
                    .map(u -> new Beneficiary(u, null, null, null, null)).toList(), found, members, today,
                    (i, field) -> "beneficiaries");
            checked.add(new Checked(r.number(), draft, bens.stream().map(Beneficiary::unitCode).toList(), r.stage(),
                    checks.violations()));
            if (checked.size() % CHUNK == 0) {
                progress.report(40 + 40 * checked.size() / rows.size(), checked.size() + " de " + rows.size()
                        + " filas revisadas");
            }
        }
        return checked;
    }

    /** Writes the clean rows with three statements, whatever their number. */
    private int write(long schemeId, LocalDate today, List<Checked> rows) {
        int n = rows.size();
        Map<String, Object[]> columns = new HashMap<>();
        for (String column : List.of("code", "bpin", "name", "sector", "description", "stage", "cost", "currency")) {
            columns.put(column, new Object[n]);
        }
        for (int i = 0; i < n; i++) {
            Draft d = rows.get(i).draft();
            columns.get("code")[i] = d.code();
            columns.get("bpin")[i] = d.bpin();
            columns.get("name")[i] = d.name();
            columns.get("sector")[i] = d.sector();
            columns.get("description")[i] = d.description();
            columns.get("stage")[i] = rows.get(i).stage().name();
            columns.get("cost")[i] = d.cost();
            columns.get("currency")[i] = d.currency();
        }
        Map<String, Long> ids = new HashMap<>();
        bank.jdbc().sql("""
                insert into project (scheme_id, code, bpin, name, sector, description, stage, stage_since, cost, currency)
                select :s, t.code, t.bpin, t.name, t.sector, t.description, t.stage, :today, t.cost, t.currency
                from unnest(:code, :bpin, :name, :sector, :description, :stage, :cost, :currency)
                    as t(code, bpin, name, sector, description, stage, cost, currency)
                returning id, code
                """).param("s", schemeId).param("today", Date.valueOf(today))
                .params(arrays(columns, "cost")).query(rs -> {
                    ids.put(rs.getString("code"), rs.getLong("id"));
                });
        Long[] stepProjects = new Long[n];
        List<Long> benProjects = new ArrayList<>();
        List<String> benUnits = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            long id = ids.get(rows.get(i).draft().code());
            stepProjects[i] = id;
            for (String u : rows.get(i).units()) {
                benProjects.add(id);
                benUnits.add(u);
            }
        }
        bank.jdbc().sql("""
                insert into project_step (project_id, from_stage, to_stage, occurred_on, note, recorded_by)
                select t.p, null, t.stage, :today, 'Importado desde XLSX', :by from unnest(:ps, :stages) as t(p, stage)
                """).param("today", Date.valueOf(today)).param("by", SystemActor.current())
                .param("ps", new SqlArrayValue("bigint", (Object[]) stepProjects))
                .param("stages", new SqlArrayValue("text", columns.get("stage"))).update();
        if (!benProjects.isEmpty()) {
            bank.jdbc().sql("""
                    insert into project_beneficiary (project_id, unit_code)
                    select t.p, t.u from unnest(:ps, :us) as t(p, u)
                    """).param("ps", new SqlArrayValue("bigint", benProjects.toArray()))
                    .param("us", new SqlArrayValue("text", benUnits.toArray())).update();
        }
        bank.audit().record(Change.created("project_import", schemeId + "/" + today, schemeId,
                "Importación de " + n + " proyectos desde XLSX", Map.of("projects", n, "beneficiaries",
                        benProjects.size())));
        return n;
    }

    private static Map<String, Object> arrays(Map<String, Object[]> columns, String numeric) {
        Map<String, Object> params = new HashMap<>();
        columns.forEach((name, values) -> params.put(name,
                new SqlArrayValue(name.equals(numeric) ? "numeric" : "text", values)));
        return params;
    }

    private ImportResult refused(String key, Object... args) {
        return new ImportResult(0, List.of(new RowError(0, "file", text(key, args))));
    }

    private static int column(String field) {
        int i = Spreadsheets.IMPORT_COLUMNS.indexOf(field);
        return i < 0 ? Spreadsheets.IMPORT_COLUMNS.size() : i;
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, key, locale());
    }

    private static Locale locale() {
        return LocaleContextHolder.getLocale();
    }
}
