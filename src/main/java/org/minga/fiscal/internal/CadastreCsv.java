package org.minga.fiscal.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.minga.platform.NamedRows;

/**
 * Checks the rows of the cadastre CSV (docs/guia/predial.md), its columns found by header name, and turns the valid ones into
 * PostgreSQL COPY text rows of {@code fiscal_parcel}. One instance per reader thread; the file
 * comes in blocks of whole lines ({@link CadastreBlocks}), so memory stays bounded.
 */
public final class CadastreCsv {

    public static final List<String> HEADER = List.of("numero_predial", "municipio", "zona", "destino", "estrato",
            "area_terreno", "area_construida", "avaluo", "vigencia_avaluo", "actualizado", "autoavaluo",
            "impuesto_anterior", "destino_anterior", "area_terreno_anterior", "area_construida_anterior");

    /** The columns of {@code fiscal_parcel} each COPY row gives, in order. */
    public static final String COPY_COLUMNS = "cadastre_id, line, parcel_number, zone, destination, stratum, land_area_dm2,"
            + " built_area_dm2, cadastral_value, valuation_year, updated, self_assessed, previous_tax, previous_destination,"
            + " previous_land_area_dm2, previous_built_area_dm2";

    /** One invalid row: its line number (the header is line 1) and why, in Spanish. */
    public record RowError(long line, String reason) {
    }

    /** Receives each valid row as a COPY text line (tab-separated, \N for null, ending in a newline). */
    public interface Sink {
        void row(CharSequence copyLine) throws IOException;
    }

    private final String municipality;
    private final int year;
    private final long cadastreId;
    private final List<RowError> errors = new ArrayList<>();
    private long invalid;
    private long valid;
    private final StringBuilder out = new StringBuilder(256);
    private final String[] f = new String[HEADER.size()];
    /** Where each column of {@link #HEADER} stands in the file (columns are found by name), and how many there are. */
    private int[] at = java.util.stream.IntStream.range(0, HEADER.size()).toArray();
    private String[] cells = new String[HEADER.size()];

    public CadastreCsv(String municipality, int year, long cadastreId) {
        this.municipality = municipality;
        this.year = year;
        this.cadastreId = cadastreId;
    }

    /** First errors, at most 100, in file order. */
    public List<RowError> errors() {
        return errors;
    }

    public long invalid() {
        return invalid;
    }

    public long valid() {
        return valid;
    }


    /**
     * Reads the header line (without its line end): the columns of {@link #HEADER} are found by name,
     * in any order, without case or accents ({@link NamedRows#key}); false, with the error recorded,
     * when one is missing.
     */
    public boolean header(String header) {
        if (header != null && !header.isEmpty() && header.charAt(0) == '\uFEFF') {
            header = header.substring(1);
        }
        List<String> names = header == null ? List.of()
                : java.util.Arrays.stream(header.split(",", -1)).map(NamedRows::key).toList();
        int[] found = new int[HEADER.size()];
        for (int i = 0; i < found.length; i++) {
            found[i] = names.indexOf(HEADER.get(i));
            if (found[i] < 0) {
                error(1, "la primera línea debe ser el encabezado " + String.join(",", HEADER));
                return false;
            }
        }
        at = found;
        cells = new String[names.size()];
        return true;
    }

    /** Reads the columns where {@code first}, which read the header, found them (one instance per reader thread). */
    void columnsOf(CadastreCsv first) {
        at = first.at.clone();
        cells = new String[first.cells.length];
    }

    /**
     * Checks the whole lines of a block, the first being line {@code firstLine}; valid rows go to
     * the sink until any reader has seen an invalid row (then rows are only checked).
     */
    public void block(String text, long firstLine, Sink sink, java.util.concurrent.atomic.AtomicBoolean anyInvalid)
            throws IOException {
        long line = firstLine;
        int start = 0;
        int length = text.length();
        while (start < length) {
            int end = text.indexOf('\n', start);
            if (end < 0) {
                end = length;
            }
            int stop = end > start && text.charAt(end - 1) == '\r' ? end - 1 : end;
            String s = text.substring(start, stop);
            if (!s.isBlank()) {
                String reason = parse(s, line);
                if (reason != null) {
                    error(line, reason);
                    anyInvalid.set(true);
                } else {
                    valid++;
                    if (!anyInvalid.get()) {
                        sink.row(out);
                    }
                }
            }
            line++;
            start = end + 1;
        }
    }

    private void error(long line, String reason) {
        invalid++;
        if (errors.size() < 100) {
            errors.add(new RowError(line, reason));
        }
    }

    /** Checks one row and writes its COPY line into {@code out}; returns why it is invalid, or null. */
    String parse(String s, long line) {
        String reason = split(s);
        if (reason == null) {
            reason = problem(f, municipality, year);
        }
        if (reason == null) {
            write(line);
        }
        return reason;
    }

    /** Splits a line at its commas into {@link #f}, the columns of {@link #HEADER} in order; why not, or null. */
    private String split(String s) {
        int n = 0;
        int start = 0;
        for (int i = 0; i <= s.length(); i++) {
            if (i == s.length() || s.charAt(i) == ',') {
                if (n == cells.length) {
                    return "tiene más de " + cells.length + " columnas";
                }
                cells[n++] = s.substring(start, i);
                start = i + 1;
            }
        }
        if (n != cells.length) {
            return "tiene " + n + " columnas; se esperan " + cells.length;
        }
        for (int i = 0; i < f.length; i++) {
            f[i] = cells[at[i]].strip();
        }
        return null;
    }

    /**
     * Why a row's fields ({@link #HEADER} in order, stripped) are no parcel of {@code municipality}
     * valued by {@code year}, in the manager's words; null when they are one. Pure: no state.
     */
    static String problem(String[] f, String municipality, int year) {
        String number = f[0];
        if (number.length() != 30 || !digits(number)) {
            return "numero_predial debe tener 30 dígitos";
        }
        if (!f[1].equals(municipality)) {
            return "municipio " + f[1] + " no es el de esta importación (" + municipality + ")";
        }
        if (!number.startsWith(municipality)) {
            return "numero_predial debe empezar por el código del municipio " + municipality;
        }
        if (!f[2].equals("U") && !f[2].equals("R")) {
            return "zona debe ser U (urbana) o R (rural)";
        }
        if (!destination(f[3])) {
            return "destino debe ser una letra de la A a la T";
        }
        if (f[4].length() != 1 || f[4].charAt(0) < '0' || f[4].charAt(0) > '6') {
            return "estrato debe ser un número de 0 a 6";
        }
        if (!area(f[5])) {
            return "area_terreno debe ser un número no negativo con hasta dos decimales";
        }
        if (!area(f[6])) {
            return "area_construida debe ser un número no negativo con hasta dos decimales";
        }
        if (!pesos(f[7])) {
            return "avaluo debe ser un número entero de pesos, sin puntos ni decimales";
        }
        if (f[8].length() != 4 || !digits(f[8]) || Integer.parseInt(f[8]) > year || Integer.parseInt(f[8]) < 1900) {
            return "vigencia_avaluo debe ser un año entre 1900 y " + year;
        }
        if (!yesNo(f[9])) {
            return "actualizado debe ser S o N";
        }
        if (!yesNo(f[10])) {
            return "autoavaluo debe ser S o N";
        }
        boolean first = f[11].isEmpty();
        if (!first && !pesos(f[11])) {
            return "impuesto_anterior debe estar vacío (predio nuevo) o ser un número entero de pesos";
        }
        if (!f[12].isEmpty() && !destination(f[12])) {
            return "destino_anterior debe estar vacío o ser una letra de la A a la T";
        }
        if (!f[13].isEmpty() && !area(f[13])) {
            return "area_terreno_anterior debe estar vacía o ser un número no negativo";
        }
        if (!f[14].isEmpty() && !area(f[14])) {
            return "area_construida_anterior debe estar vacía o ser un número no negativo";
        }
        if (first && (!f[12].isEmpty() || !f[13].isEmpty() || !f[14].isEmpty())) {
            return "un predio sin impuesto_anterior entra por primera vez: los datos anteriores deben estar vacíos";
        }
        return null;
    }

    /** Writes the checked row {@link #f} as a COPY text line of {@link #COPY_COLUMNS} into {@link #out}. */
    private void write(long line) {
        String number = f[0];
        out.setLength(0);
        out.append(cadastreId).append('\t').append(line).append('\t').append(number).append('\t').append(f[2])
                .append('\t').append(f[3]).append('\t').append(f[4]).append('\t').append(dm2(f[5])).append('\t')
                .append(dm2(f[6])).append('\t').append(f[7]).append('\t').append(f[8]).append('\t')
                .append(f[9].equals("S") ? 't' : 'f').append('\t').append(f[10].equals("S") ? 't' : 'f');
        for (int i = 11; i < 13; i++) {
            out.append('\t').append(f[i].isEmpty() ? "\\N" : f[i]);
        }
        for (int i = 13; i < 15; i++) {
            if (f[i].isEmpty()) {
                out.append('\t').append("\\N");
            } else {
                out.append('\t').append(dm2(f[i]));
            }
        }
        out.append('\n');
    }

    /** Square metres with up to two decimals as square decimetres: "120.5" is 12050. */
    static long dm2(String s) {
        int dot = s.indexOf('.');
        if (dot < 0) {
            return Long.parseLong(s) * 100;
        }
        String dec = s.substring(dot + 1);
        long whole = dot == 0 ? 0 : Long.parseLong(s.substring(0, dot));
        long frac = dec.isEmpty() ? 0 : Long.parseLong(dec) * (dec.length() == 1 ? 10 : 1);
        return whole * 100 + frac;
    }

    private static boolean destination(String s) {
        return s.length() == 1 && s.charAt(0) >= 'A' && s.charAt(0) <= 'T';
    }

    private static boolean yesNo(String s) {
        return s.equals("S") || s.equals("N");
    }

    private static boolean digits(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return !s.isEmpty();
    }

    /** Whole pesos, up to 10^14 (more than any parcel is worth). */
    private static boolean pesos(String s) {
        return digits(s) && s.length() <= 14;
    }

    /** Square metres with at most two decimals, below 10^12. */
    private static boolean area(String s) {
        int dot = s.indexOf('.');
        if (dot < 0) {
            return digits(s) && s.length() <= 12;
        }
        String whole = s.substring(0, dot);
        String dec = s.substring(dot + 1);
        return digits(whole) && whole.length() <= 12 && digits(dec) && dec.length() <= 2;
    }
}
