package org.minga.territory.internal;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Yearly attributes from CSV {@code code,year,attribute,value}: population (a whole number),
 * category (ESPECIAL or 1–6, Ley 617 de 2000), pdet and zomac (true/false), rurality (text).
 * Every row is checked first; any bad row names its line and rule and nothing is stored.
 */
final class AttributesCsv {

    static final Set<String> ATTRIBUTES = Set.of("population", "category", "pdet", "zomac", "rurality");

    record Row(int line, String code, int year, String attribute, String value) {
    }

    private AttributesCsv() {
    }

    static List<Row> parse(byte[] file) {
        List<Row> rows = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(new ByteArrayInputStream(file), StandardCharsets.UTF_8))) {
            String header = reader.readLine();
            if (header == null || !header.replace("\uFEFF", "").strip().equalsIgnoreCase("code,year,attribute,value")) {
                throw new ImportException("La primera línea debe ser la cabecera code,year,attribute,value.");
            }
            String line;
            int number = 1;
            while ((line = reader.readLine()) != null) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                String[] cells = line.split(",", -1);
                if (cells.length != 4) {
                    problems.add("línea " + number + ": se esperaban 4 columnas y hay " + cells.length);
                    continue;
                }
                String code = cells[0].strip();
                String attribute = cells[2].strip().toLowerCase();
                String value = cells[3].strip();
                Integer year = cells[1].strip().matches("\\d{4}") ? Integer.valueOf(cells[1].strip()) : null;
                String problem = year == null ? "year debe ser un año de 4 cifras"
                        : !ATTRIBUTES.contains(attribute) ? "attribute debe ser uno de " + ATTRIBUTES
                        : check(attribute, value);
                if (code.isEmpty()) {
                    problem = "code está vacío";
                }
                if (problem != null) {
                    problems.add("línea " + number + ": " + problem);
                } else {
                    rows.add(new Row(number, code, year, attribute, normalise(attribute, value)));
                }
            }
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
