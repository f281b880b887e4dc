package org.minga.platform.web;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import jakarta.servlet.http.HttpServletResponse;

import org.minga.platform.TableWriter;

/** A table a page offers as a file to download: CSV or XLSX, as its address asks ({@code arrears.xlsx}). */
public final class TableDownloads {

    private TableDownloads() {
    }

    /**
     * Names the download {@code name.format} and opens the table on the response's body: XLSX for
     * {@code xlsx} (any case), CSV otherwise — the page's country's way for people (see
     * {@link PageFormats}), commas and ISO for the API.
     */
    public static TableWriter open(HttpServletResponse response, String format, String name, String sheet,
            List<String> headers) throws IOException {
        return open(response, format, name, sheet, headers, PageFormats.forPrograms());
    }

    private static TableWriter open(HttpServletResponse response, String format, String name, String sheet,
            List<String> headers, boolean forPrograms) throws IOException {
        boolean xlsx = format.equalsIgnoreCase("xlsx");
        response.setContentType(xlsx ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                : "text/csv; charset=UTF-8");
        response.setHeader("Content-Disposition",
                "attachment; filename=\"" + name + "." + format.toLowerCase(Locale.ROOT) + "\"");
        if (xlsx) {
            return TableWriter.xlsx(response.getOutputStream(), sheet, headers);
        }
        return forPrograms ? TableWriter.csv(response.getOutputStream(), headers)
                : TableWriter.csv(response.getOutputStream(), headers, PageFormats.current());
    }

    /** The whole download at once: one line of the table for each of {@code items}. */
    public static <T> void write(HttpServletResponse response, String format, String name, String sheet,
            List<String> headers, List<T> items, Function<T, List<?>> line) throws IOException {
        try (TableWriter table = open(response, format, name, sheet, headers)) {
            for (T item : items) {
                table.row(line.apply(item));
            }
        }
    }

    /**
     * A public dataset as CSV for programs (commas, the decimal point, ISO dates) whatever page
     * offers it, as open data is read: the observatory's tables.
     */
    public static <T> void writeOpenData(HttpServletResponse response, String name, List<String> headers, List<T> items,
            Function<T, List<?>> line) throws IOException {
        try (TableWriter table = open(response, "csv", name, name, headers, true)) {
            for (T item : items) {
                table.row(line.apply(item));
            }
        }
    }
}
