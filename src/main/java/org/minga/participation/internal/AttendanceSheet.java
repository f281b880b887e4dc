package org.minga.participation.internal;

import java.io.IOException;
import java.io.InputStream;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.minga.participation.internal.Events.AgeGroup;
import org.minga.participation.internal.Events.Attendee;
import org.minga.participation.internal.Events.EthnicGroup;
import org.minga.participation.internal.Events.Sex;
import org.minga.participation.internal.Events.Zone;
import org.minga.platform.InvalidInputException;
import org.minga.platform.SpreadsheetRows;
import org.minga.platform.TextRule;
import org.minga.platform.InvalidInputException.Violation;

/**
 * Reads an attendance sheet (XLSX, first sheet, a header row) in the words people write on paper
 * lists: "Mujer", "18-28", "Afrocolombiano", "Sí", "Rural". Headers are found by name in any
 * order; accents and case do not matter. Every bad cell is reported with its row and column.
 */
public final class AttendanceSheet {

    public static final int MAX_ROWS = 5000;
    private static final int MAX_VIOLATIONS = 30;
    static final List<String> HEADERS = List.of("nombre", "organizacion", "sexo", "edad", "grupo etnico",
            "discapacidad", "zona", "delegado");

    private static final Map<String, Sex> SEX = Map.of("mujer", Sex.FEMALE, "femenino", Sex.FEMALE, "f", Sex.FEMALE,
            "hombre", Sex.MALE, "masculino", Sex.MALE, "h", Sex.MALE, "otro", Sex.OTHER, "no informa", Sex.UNDISCLOSED,
            "", Sex.UNDISCLOSED);
    private static final Map<String, AgeGroup> AGE = Map.of("menor de 18", AgeGroup.UNDER_18, "<18", AgeGroup.UNDER_18,
            "18-28", AgeGroup.FROM_18_TO_28, "29-59", AgeGroup.FROM_29_TO_59, "60+", AgeGroup.OVER_59,
            "60 o mas", AgeGroup.OVER_59);
    private static final Map<String, EthnicGroup> ETHNIC = Map.of("ninguno", EthnicGroup.NONE, "", EthnicGroup.NONE,
            "indigena", EthnicGroup.INDIGENOUS, "afrocolombiano", EthnicGroup.AFRO, "negro", EthnicGroup.AFRO,
            "raizal", EthnicGroup.RAIZAL, "palenquero", EthnicGroup.PALENQUERO, "rrom", EthnicGroup.ROM,
            "gitano", EthnicGroup.ROM);
    private static final Map<String, Boolean> YES_NO = Map.of("si", true, "s", true, "x", true, "no", false, "n", false,
            "", false);
    private static final Map<String, Zone> ZONE = Map.of("rural", Zone.RURAL, "urbana", Zone.URBAN, "urbano", Zone.URBAN);

    private AttendanceSheet() {
    }

    public static List<Attendee> read(InputStream in) {
        List<List<String>> rows = new ArrayList<>();
        try {
            // Streamed, with room for blank rows between attendees; the attendee count is checked below.
            SpreadsheetRows.read(in, 2 * MAX_ROWS, (number, cells) -> {
                while (rows.size() < number - 1) {
                    rows.add(List.of());
                }
                rows.add(cells);
            });
        } catch (SpreadsheetRows.TooManyRows e) {
            throw new InvalidInputException("file", "Size", "participation.attendance.rows", MAX_ROWS);
        } catch (IOException | RuntimeException e) {
            throw new InvalidInputException("file", "Xlsx", "participation.attendance.file");
        }
        return read(rows);
    }

    private static List<Attendee> read(List<List<String>> sheet) {
        int first = 0;
        while (first < sheet.size() && sheet.get(first).isEmpty()) {
            first++;
        }
        List<String> header = first < sheet.size() ? sheet.get(first) : List.of();
        Map<String, Integer> columns = new HashMap<>();
        for (int c = 0; c < header.size(); c++) {
            columns.putIfAbsent(normal(header.get(c)), c);
        }
        List<Violation> problems = new ArrayList<>();
        for (String h : List.of("nombre", "sexo", "edad", "grupo etnico", "discapacidad", "zona")) {
            if (!columns.containsKey(h)) {
                problems.add(new Violation("file", "Header", "participation.attendance.header", h));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        List<Attendee> attendees = new ArrayList<>();
        for (int r = first + 1; r < sheet.size() && problems.size() < MAX_VIOLATIONS; r++) {
            List<String> row = sheet.get(r);
            String name = cell(row, columns.get("nombre"));
            if (name.isBlank() && cell(row, columns.get("sexo")).isBlank()) {
                continue;
            }
            if (attendees.size() == MAX_ROWS) {
                problems.add(new Violation("file", "Size", "participation.attendance.rows", MAX_ROWS));
                break;
            }
            int line = r + 1;
            if (name.isBlank() || TextRule.check("name", name, 0) != null) {
                problems.add(new Violation("file", "Cell", "participation.attendance.cell", line, "nombre", name));
            }
            Sex sex = value(SEX, row, columns, "sexo", line, problems);
            AgeGroup age = value(AGE, row, columns, "edad", line, problems);
            EthnicGroup ethnic = value(ETHNIC, row, columns, "grupo etnico", line, problems);
            Boolean disability = value(YES_NO, row, columns, "discapacidad", line, problems);
            Zone zone = value(ZONE, row, columns, "zona", line, problems);
            Boolean delegate = columns.containsKey("delegado")
                    ? value(YES_NO, row, columns, "delegado", line, problems) : Boolean.FALSE;
            String organisation = cell(row, columns.get("organizacion"));
            if (TextRule.check("organisation", organisation, 0) != null) {
                problems.add(new Violation("file", "Cell", "participation.attendance.cell", line, "organizacion", ""));
            }
            if (sex != null && age != null && ethnic != null && disability != null && zone != null && delegate != null
                    && problems.isEmpty()) {
                attendees.add(new Attendee(name.strip(), organisation.isBlank() ? null : organisation.strip(), sex, age,
                        ethnic, disability, zone, delegate));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return attendees;
    }

    private static <T> T value(Map<String, T> words, List<String> row, Map<String, Integer> columns, String header,
            int line, List<Violation> problems) {
        String raw = cell(row, columns.get(header));
        T value = words.get(normal(raw));
        if (value == null) {
            problems.add(new Violation("file", "Cell", "participation.attendance.cell", line, header, raw));
        }
        return value;
    }

    private static String cell(List<String> row, Integer column) {
        return column == null || column >= row.size() || row.get(column) == null ? "" : row.get(column).strip();
    }

    /** Lower case, no accents, single spaces: "Grupo Étnico " and "grupo etnico" are the same header. */
    static String normal(String s) {
        String folded = Normalizer.normalize(s == null ? "" : s, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return folded.toLowerCase(Locale.ROOT).strip().replaceAll("\\s+", " ");
    }
}
