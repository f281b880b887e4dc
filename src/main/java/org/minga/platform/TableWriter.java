package org.minga.platform;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * A list exported as people open it: CSV (UTF-8 with BOM so spreadsheets read the accents, RFC 4180
 * quoting) or XLSX (streamed, a few hundred rows in memory whatever the length). In CSV, text that
 * a spreadsheet would run as a formula (= + - @, tab, CR) is prefixed with an apostrophe; in XLSX
 * text goes into string cells, which are never evaluated. Numbers are numbers.
 */
public interface TableWriter extends AutoCloseable {

    /** One row: strings, numbers ({@link BigDecimal}, integers), dates or nulls. */
    void row(List<?> values) throws IOException;

    /** Finishes the file (the XLSX is written here); the stream is left open. */
    @Override
    void close() throws IOException;

    /** CSV for people: with a byte-order mark, so spreadsheets open the accents right. */
    static TableWriter csv(OutputStream out, List<String> headers) throws IOException {
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        w.write('\uFEFF');
        return csv(w, headers);
    }

    /** CSV for programs (open data): plain UTF-8 text, no byte-order mark. */
    static TableWriter csv(Writer w, List<String> headers) throws IOException {
        TableWriter writer = new TableWriter() {
            @Override
            public void row(List<?> values) throws IOException {
                StringBuilder line = new StringBuilder();
                for (int i = 0; i < values.size(); i++) {
                    if (i > 0) {
                        line.append(',');
                    }
                    Object v = values.get(i);
                    String s = v == null ? "" : v instanceof BigDecimal d ? d.toPlainString() : v.toString();
                    if (!(v instanceof Number)) {
                        s = safe(s);
                    }
                    if (s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0) {
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

    static TableWriter xlsx(OutputStream out, String sheetName, List<String> headers) throws IOException {
        SXSSFWorkbook book = new SXSSFWorkbook(200);
        Sheet sheet = book.createSheet(sheetName);
        TableWriter writer = new TableWriter() {
            private int next;

            @Override
            public void row(List<?> values) {
                Row row = sheet.createRow(next++);
                for (int i = 0; i < values.size(); i++) {
                    Object v = values.get(i);
                    if (v instanceof BigDecimal d) {
                        row.createCell(i).setCellValue(d.doubleValue());
                    } else if (v instanceof Number n) {
                        row.createCell(i).setCellValue(n.doubleValue());
                    } else if (v instanceof LocalDate d) {
                        row.createCell(i).setCellValue(d.toString());
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
