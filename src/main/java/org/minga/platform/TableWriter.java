package org.minga.platform;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * A list exported as people open it: CSV (UTF-8 with BOM so spreadsheets read the accents, RFC 4180
 * quoting) or XLSX (streamed, a few hundred rows in memory whatever the length). In CSV, text that
 * a spreadsheet would run as a formula (= + - @, tab, CR) is prefixed with an apostrophe; in XLSX
 * text goes into string cells, which are never evaluated. Numbers are numbers. People's CSV is
 * written their country's way ({@link #csv(OutputStream, List, CountryFormat)}); programs' CSV
 * keeps commas, the decimal point and ISO dates.
 */
public interface TableWriter extends AutoCloseable {

    /** One row: strings, numbers ({@link BigDecimal}, integers), dates or nulls. */
    void row(List<?> values) throws IOException;

    /** Finishes the file (the XLSX is written here); the stream is left open. */
    @Override
    void close() throws IOException;

    /**
     * CSV for programs, with a byte-order mark so spreadsheets open the accents right: commas,
     * the decimal point and ISO dates, as open data is read.
     */
    static TableWriter csv(OutputStream out, List<String> headers) throws IOException {
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        w.write('\uFEFF');
        return csv(w, headers);
    }

    /**
     * CSV for people of a country, opened by a spreadsheet set to that country: Colombia separates
     * fields with ';' and decimals with ',' (as its spreadsheets expect), El Salvador with ',' and
     * '.'; dates dd/mm/aaaa, moments dd/mm/aaaa HH:mm in the country's zone. Numbers carry no thousands separator, so they open as numbers.
     */
    static TableWriter csv(OutputStream out, List<String> headers, CountryFormat format) throws IOException {
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        w.write('\uFEFF');
        return csv(w, headers, format.listSeparator(), v -> switch (v) {
            case BigDecimal d -> d.toPlainString().replace('.', format.decimal());
            case LocalDate d -> format.date(d);
            case Instant i -> format.dateTime(i, Zones.country(format.country()));
            default -> v.toString();
        });
    }

    /** CSV for programs (open data): plain UTF-8 text, no byte-order mark. */
    static TableWriter csv(Writer w, List<String> headers) throws IOException {
        return csv(w, headers, ',', v -> v instanceof BigDecimal d ? d.toPlainString() : v.toString());
    }

    private static TableWriter csv(Writer w, List<String> headers, char separator, Function<Object, String> text)
            throws IOException {
        TableWriter writer = new TableWriter() {
            @Override
            public void row(List<?> values) throws IOException {
                StringBuilder line = new StringBuilder();
                for (int i = 0; i < values.size(); i++) {
                    if (i > 0) {
                        line.append(separator);
                    }
                    Object v = values.get(i);
                    String s = v == null ? "" : text.apply(v);
                    if (!(v instanceof Number)) {
                        s = safe(s);
                    }
                    if (s.indexOf(separator) >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0) {
                        s = '"' + s.replace("\"", "\"\"") + '"';
                    }
                    line.append(s);
                }
                w.write(line.append("\r\n").toString());
            }

            @Override
            public void close() throws IOException {
                w.flush();
            }
        };
        writer.row(headers);
        return writer;
    }

    /**
     * XLSX: numbers and dates are typed cells, shown by the reader's spreadsheet in its own
     * country's way; dates carry the format dd/mm/yyyy, amounts a grouped format with their
     * decimals (two for cents, three for tonnes), whole counts none.
     */
    static TableWriter xlsx(OutputStream out, String sheetName, List<String> headers) throws IOException {
        SXSSFWorkbook book = new SXSSFWorkbook(200);
        Sheet sheet = book.createSheet(sheetName);
        Map<String, CellStyle> styles = new HashMap<>();
        Function<String, CellStyle> style = pattern -> styles.computeIfAbsent(pattern, p -> {
            CellStyle cs = book.createCellStyle();
            cs.setDataFormat(book.createDataFormat().getFormat(p));
            return cs;
        });
        TableWriter writer = new TableWriter() {
            private int next;

            @Override
            public void row(List<?> values) {
                Row row = sheet.createRow(next++);
                for (int i = 0; i < values.size(); i++) {
                    Object v = values.get(i);
                    if (v instanceof BigDecimal d) {
                        Cell cell = row.createCell(i);
                        cell.setCellValue(d.doubleValue());
                        int scale = Math.max(0, Math.min(d.scale(), 4));
                        cell.setCellStyle(style.apply(scale == 0 ? "#,##0" : "#,##0." + "0".repeat(scale)));
                    } else if (v instanceof Number n) {
                        row.createCell(i).setCellValue(n.doubleValue());
                    } else if (v instanceof LocalDate d) {
                        Cell cell = row.createCell(i);
                        cell.setCellValue(d);
                        cell.setCellStyle(style.apply("dd/mm/yyyy"));
                    } else if (v != null) {
                        row.createCell(i).setCellValue(v.toString());
                    }
                }
            }

            @Override
            public void close() throws IOException {
                book.write(out);
                book.dispose();
                book.close();
            }
        };
        writer.row(headers);
        return writer;
    }

    private static String safe(String s) {
        return !s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0 ? "'" + s : s;
    }
}
