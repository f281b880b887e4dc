package org.minga.territory.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.minga.platform.InvalidInputException;
import org.minga.platform.NamedRows;

/**
 * Yearly attributes from CSV {@code code,year,attribute,value}: population (a whole number),
 * category (ESPECIAL or 1–6, Ley 617 de 2000), pdet and zomac (true/false), rurality (text).
 * Columns are read by header name (NamedRows). Every row is checked first; any bad row names its line and rule and nothing is stored.
 */
final class AttributesCsv {

    static final Set<String> ATTRIBUTES = Set.of("population", "category", "pdet", "zomac", "rurality");

    record Row(int line, String code, int year, String attribute, String value) {
    }

    private AttributesCsv() {
    }

    static final List<String> HEADERS = List.of("code", "year", "attribute", "value");
    static final int MAX_ROWS = 1_000_000;

    /** Reads the rows by header name (in any order); a bad row is named by its line, as the file shows it. */
    static List<Row> parse(byte[] file) {
        List<Row> rows = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        try (Reader reader = new InputStreamReader(new ByteArrayInputStream(file), StandardCharsets.UTF_8)) {
            NamedRows.csv(reader, MAX_ROWS, HEADERS, cells -> {
                Row row = row(cells, problems);
                if (row != null) {
                    rows.add(row);
                }
            });
        } catch (InvalidInputException e) {
            throw new ImportException("La primera línea debe ser la cabecera code,year,attribute,value.");
        } catch (IOException e) {
            throw new ImportException("No se pudo leer el CSV: " + e.getMessage(), e);
        }
        if (!problems.isEmpty()) {
            throw new ImportException("El CSV tiene " + problems.size() + " filas con errores; no se importó nada. "
                    + String.join("; ", problems.subList(0, Math.min(20, problems.size())))
                    + (problems.size() > 20 ? "; …" : ""));
        }
        if (rows.isEmpty()) {
            throw new ImportException("El CSV no tiene filas de datos.");
        }
        return rows;
    }

    /** One typed row, or null with its problem noted. */
    private static Row row(NamedRows.Row cells, List<String> problems) {
        String code = cells.get("code");
        String yearText = cells.get("year");
        String attribute = cells.get("attribute") == null ? "" : cells.get("attribute").toLowerCase();
        String value = cells.get("value") == null ? "" : cells.get("value");
        Integer year = yearText != null && yearText.matches("\\d{4}") ? Integer.valueOf(yearText) : null;
        String problem = code == null ? "code está vacío"
                : year == null ? "year debe ser un año de 4 cifras"
                : !ATTRIBUTES.contains(attribute) ? "attribute debe ser uno de " + ATTRIBUTES
                : check(attribute, value);
        if (problem != null) {
            problems.add("línea " + cells.number() + ": " + problem);
            return null;
        }
        return new Row(cells.number(), code, year, attribute, normalise(attribute, value));
    }

    private static String check(String attribute, String value) {
        return switch (attribute) {
            case "population" -> value.matches("\\d+") ? null : "population debe ser un número entero";
            case "category" -> value.matches("(?i)especial|[1-6]") ? null : "category debe ser ESPECIAL o de 1 a 6";
            case "pdet", "zomac" -> value.matches("(?i)true|false|s[ií]|no|1|0") ? null
                    : attribute + " debe ser true o false";
            default -> value.isEmpty() ? attribute + " está vacío" : null;
        };
    }

    private static String normalise(String attribute, String value) {
        return switch (attribute) {
            case "category" -> value.toUpperCase();
            case "pdet", "zomac" -> String.valueOf(value.matches("(?i)true|s[ií]|1"));
            default -> value;
        };
    }
}
