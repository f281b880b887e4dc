package org.minga.participation.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.minga.participation.internal.Events.AgeGroup;
import org.minga.participation.internal.Events.Attendee;
import org.minga.participation.internal.Events.EthnicGroup;
import org.minga.participation.internal.Events.Sex;
import org.minga.participation.internal.Events.Zone;
import org.minga.platform.Checks;
import org.minga.platform.InvalidInputException;
import org.minga.platform.NamedRows;
import org.minga.platform.SpreadsheetRows;
import org.minga.platform.TextRule;

/**
 * Reads an attendance sheet (XLSX, first sheet, a header row) in the words people write on paper
 * lists: "Mujer", "18-28", "Afrocolombiano", "Sí", "Rural". Headers are found by name in any
 * order; accents and case do not matter. Every bad cell is reported with its row and column.
 */
public final class AttendanceSheet {

    public static final int MAX_ROWS = 5000;
    private static final int MAX_VIOLATIONS = 30;
    /** The columns a sheet must have; "organización" and "delegado" are optional. */
    static final List<String> REQUIRED = List.of("nombre", "sexo", "edad", "grupo etnico", "discapacidad", "zona");

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

    /** One row of the sheet as written, by header name; blank cells are null. */
    record Row(int number, String name, String organisation, String sex, String age, String ethnic, String disability,
            String zone, String delegate) {

        static Row of(NamedRows.Row row) {
            return new Row(row.number(), row.get("nombre"), row.get("organizacion"), row.get("sexo"), row.get("edad"),
                    row.get("grupo etnico"), row.get("discapacidad"), row.get("zona"), row.get("delegado"));
        }

        /** A row without a name nor a sex is a spare line of the paper list, not an attendee. */
        boolean spare() {
            return name == null && sex == null;
        }

        /** The attendee the row describes, or null after naming each bad cell in {@code checks}. */
        Attendee attendee(Checks checks) {
            int before = checks.violations().size();
            checks.rule(name != null && TextRule.check("name", name, 0) == null, "file", "Cell",
                    "participation.attendance.cell", number, "nombre", name == null ? "" : name);
            Sex s = word(SEX, sex, "sexo", checks);
            AgeGroup a = word(AGE, age, "edad", checks);
            EthnicGroup e = word(ETHNIC, ethnic, "grupo etnico", checks);
            Boolean d = word(YES_NO, disability, "discapacidad", checks);
            Zone z = word(ZONE, zone, "zona", checks);
            Boolean del = word(YES_NO, delegate, "delegado", checks);
            checks.rule(organisation == null || TextRule.check("organisation", organisation, 0) == null, "file", "Cell",
                    "participation.attendance.cell", number, "organizacion", "");
            return checks.violations().size() > before ? null : new Attendee(name, organisation, s, a, e, d, z, del);
        }

        private <T> T word(Map<String, T> words, String raw, String header, Checks checks) {
            T value = words.get(normal(raw));
            checks.rule(value != null, "file", "Cell", "participation.attendance.cell", number, header,
                    raw == null ? "" : raw);
            return value;
        }
    }

    /**
     * The sheet's attendees, all of them or, on any bad cell (the first {@value #MAX_VIOLATIONS} are
     * listed), none: {@link Events#addAttendees} then checks each as a single attendee and writes them
     * in one transaction.
     */
    public static List<Attendee> read(InputStream in) {
        List<Attendee> attendees = new ArrayList<>();
        Checks checks = new Checks();
        int[] rows = {0};
        try {
            // Streamed, with room for blank rows between attendees; the attendee count is checked below.
            NamedRows.xlsx(in, 2 * MAX_ROWS, REQUIRED, named -> {
                Row row = Row.of(named);
                if (row.spare() || checks.violations().size() >= MAX_VIOLATIONS) {
                    return;
                }
                if (++rows[0] > MAX_ROWS) {
                    throw new InvalidInputException("file", "Size", "participation.attendance.rows", MAX_ROWS);
                }
                Attendee attendee = row.attendee(checks);
                if (attendee != null) {
                    attendees.add(attendee);
                }
            });
        } catch (SpreadsheetRows.TooManyRows e) {
            throw new InvalidInputException("file", "Size", "participation.attendance.rows", MAX_ROWS);
        } catch (InvalidInputException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new InvalidInputException("file", "Xlsx", "participation.attendance.file");
        }
        checks.orThrow();
        return attendees;
    }

    /** Lower case, no accents, single spaces: "Afrocolombiano " and "afrocolombiano" are the same word. */
    static String normal(String s) {
        return NamedRows.key(s).replaceAll("\\s+", " ");
    }
}
