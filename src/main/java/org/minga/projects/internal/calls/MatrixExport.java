package org.minga.projects.internal.calls;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.stereotype.Component;

/**
 * The cooperation matrix as a spreadsheet (XLSX, with a second sheet for duplicates) and as CSV
 * (UTF-8 with BOM). One row per support: cooperant × unit × theme with its period. Text that a
 * spreadsheet would read as a formula (starting with = + - @) is prefixed with an apostrophe.
 */
@Component
public class MatrixExport {

    static final List<String> HEADER = List.of("Cooperante", "Código unidad", "Unidad", "Tema", "Código tema", "Desde",
            "Hasta", "Monto", "Moneda", "Duplicidad");

    public byte[] xlsx(Cooperants.Matrix matrix) {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            CellStyle bold = book.createCellStyle();
            Font font = book.createFont();
            font.setBold(true);
            bold.setFont(font);
            Sheet sheet = book.createSheet("Matriz");
            header(sheet, HEADER, bold);
            int r = 1;
            for (List<String> row : rows(matrix)) {
                Row x = sheet.createRow(r++);
                for (int i = 0; i < row.size(); i++) {
                    String v = row.get(i);
                    if (i == 7 && !v.isEmpty()) {
                        x.createCell(i).setCellValue(Double.parseDouble(v));
                    } else {
                        x.createCell(i).setCellValue(safe(v));
                    }
                }
            }
            Sheet dups = book.createSheet("Duplicidades");
            header(dups, List.of("Código unidad", "Unidad", "Tema", "Cooperante 1", "Periodo 1", "Cooperante 2",
                    "Periodo 2", "Advertencia"), bold);
            r = 1;
            for (Cooperants.Duplicate d : matrix.duplicates()) {
                Row x = dups.createRow(r++);
                List<String> v = List.of(d.unitCode(), d.unitName(), themeName(d.theme()), d.first().cooperantName(),
                        d.first().period(), d.second().cooperantName(), d.second().period(), d.message());
                for (int i = 0; i < v.size(); i++) {
                    x.createCell(i).setCellValue(safe(v.get(i)));
                }
            }
            for (int i = 0; i < HEADER.size(); i++) {
                sheet.setColumnWidth(i, 22 * 256);
            }
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public byte[] csv(Cooperants.Matrix matrix) {
        StringBuilder sb = new StringBuilder("\uFEFF");
        line(sb, HEADER);
        for (List<String> row : rows(matrix)) {
            line(sb, row);
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    static List<List<String>> rows(Cooperants.Matrix matrix) {
        return matrix.cells().stream().flatMap(c -> c.supports().stream().map(s -> List.of(s.cooperantName(),
                s.unitCode(), s.unitName(), themeName(s.theme()), s.theme(), s.startsOn().toString(),
                s.endsOn() == null ? "" : s.endsOn().toString(), s.amount() == null ? "" : s.amount().toPlainString(),
                s.currency() == null ? "" : s.currency(), c.duplicated() ? "Sí" : "No"))).toList();
    }

    private static void header(Sheet sheet, List<String> names, CellStyle bold) {
        Row h = sheet.createRow(0);
        for (int i = 0; i < names.size(); i++) {
            var cell = h.createCell(i);
            cell.setCellValue(names.get(i));
            cell.setCellStyle(bold);
        }
    }

    private static String themeName(String code) {
        return Themes.of(code).map(Themes::spanishName).orElse(code);
    }

    /** Text a spreadsheet would take for a formula gets a leading apostrophe. */
    static String safe(String v) {
        if (v == null || v.isEmpty()) {
            return "";
        }
        char c = v.charAt(0);
        return c == '=' || c == '+' || c == '-' || c == '@' ? "'" + v : v;
    }

    private static void line(StringBuilder sb, List<String> values) {
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            String v = safe(values.get(i));
            if (v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")) {
                sb.append('"').append(v.replace("\"", "\"\"")).append('"');
            } else {
                sb.append(v);
            }
        }
        sb.append("\r\n");
    }
}
