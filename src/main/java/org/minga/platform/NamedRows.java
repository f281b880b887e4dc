package org.minga.platform;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The one import shape, its first step: rows of an XLSX sheet or a CSV file read by header
 * <em>name</em>, streamed one at a time. A module turns each {@link Row} into its typed row record,
 * checks it with the same rules as a single create (row number in the field: {@link #field}) and
 * writes all or nothing. Header names match without case, accents or surrounding spaces, so
 * "Código", "codigo" and " CODIGO " are one column.
 */
public final class NamedRows {

    private NamedRows() {
    }

    /** One data row: its number as the file shows it (the header is row 1) and its cells by header. */
    public interface Row {
        int number();

        /** The cell under {@code header}, stripped; null when blank or when there is no such column. */
        String get(String header);
    }

    public interface Handler {
        void row(Row row);
    }

    /**
     * Reads an XLSX workbook's first sheet; refuses it ({@code Header} on {@code file}) when a
     * {@code required} header is missing; at most {@code maxRows} data rows.
     */
    public static void xlsx(InputStream in, int maxRows, Collection<String> required, Handler handler)
            throws IOException {
        Header[] header = new Header[1];
        SpreadsheetRows.read(in, maxRows, (number, cells) -> {
            if (header[0] == null) {
                header[0] = Header.of(cells, required);
            } else if (cells.stream().anyMatch(c -> c != null && !c.isBlank())) {
                handler.row(header[0].row(number, cells));
            }
        });
        if (header[0] == null) {
            Header.of(List.of(), required);
        }
    }

    /**
     * Reads a CSV file (RFC 4180 quotes; separator {@code ;} or {@code ,}, whichever the header line
     * uses), with the same header rule as {@link #xlsx}.
     */
    public static void csv(Reader in, int maxRows, Collection<String> required, Handler handler) throws IOException {
        CsvLines lines = new CsvLines(in);
        List<String> first = lines.next();
        Header header = Header.of(first == null ? List.of() : first, required);
        int number = 1;
        for (List<String> cells = lines.next(); cells != null; cells = lines.next()) {
            number++;
            if (number - 1 > maxRows) {
                throw new SpreadsheetRows.TooManyRows(maxRows);
            }
            if (cells.stream().anyMatch(c -> c != null && !c.isBlank())) {
                handler.row(header.row(number, cells));
            }
        }
    }

    /** A header name as compared: lower case, no accents, no surrounding space. */
    public static String key(String header) {
        if (header == null) {
            return "";
        }
        String plain = Normalizer.normalize(header.strip(), Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return plain.toLowerCase(Locale.ROOT);
    }

    private record Header(Map<String, Integer> columns) {
        static Header of(List<String> cells, Collection<String> required) {
            Map<String, Integer> columns = new HashMap<>();
            for (int i = 0; i < cells.size(); i++) {
                columns.putIfAbsent(key(cells.get(i)), i);
            }
            List<String> missing = required.stream().filter(r -> !columns.containsKey(key(r))).toList();
            if (!missing.isEmpty()) {
                throw new InvalidInputException("file", "Header", "input.header", String.join(", ", missing));
            }
            return new Header(columns);
        }

        Row row(int number, List<String> cells) {
            return new Row() {
                @Override
                public int number() {
                    return number;
                }

                @Override
                public String get(String name) {
                    Integer i = columns.get(key(name));
                    return i == null || i >= cells.size() ? null : Inputs.text(cells.get(i));
                }
            };
        }
    }

    /** Splits CSV text into records, honouring quotes (a quoted field may hold separators and line breaks). */
    private static final class CsvLines {
        private final Reader in;
        private char separator;
        private int pending = -2;

        CsvLines(Reader in) {
            this.in = in;
        }

        List<String> next() throws IOException {
            int c = read();
            if (c == -1) {
                return null;
            }
            List<String> cells = new ArrayList<>();
            StringBuilder cell = new StringBuilder();
            StringBuilder line = separator == 0 ? new StringBuilder() : null;
            boolean quoted = false;
            while (c != -1) {
                if (line != null) {
                    line.append((char) c);
                }
                if (quoted) {
                    if (c == '"') {
                        int d = read();
                        if (d == '"') {
                            cell.append('"');
                        } else {
                            quoted = false;
                            pending = d;
                        }
                    } else {
                        cell.append((char) c);
                    }
                } else if (c == '"' && cell.isEmpty()) {
                    quoted = true;
                } else if (c == '\n') {
                    break;
                } else if (c == '\r') {
                    int d = read();
                    if (d != '\n') {
                        pending = d;
                    }
                    break;
                } else if (c == ';' || c == ',') {
                    if (separator == 0 || c == separator) {
                        if (separator == 0 && line != null) {
                            separator = (char) c;
                        }
                        cells.add(cell.toString());
                        cell.setLength(0);
                    } else {
                        cell.append((char) c);
                    }
                } else {
                    cell.append((char) c);
                }
                c = read();
            }
            cells.add(cell.toString());
            return cells;
        }

        private int read() throws IOException {
            if (pending != -2) {
                int c = pending;
                pending = -2;
                return c;
            }
            int c = in.read();
            return c == '\uFEFF' ? in.read() : c;
        }
    }
}
