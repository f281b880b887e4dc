package org.minga.platform;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

import javax.xml.parsers.ParserConfigurationException;

import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

/**
 * Reads the first sheet of an XLSX workbook row by row, streaming its XML (POI's SAX reader), so
 * memory holds one row, not the sheet: a 14 MB workbook of 180,000 rows unpacks to about 90 MB of
 * XML, which the DOM reader ({@code XSSFWorkbook}) turned into an OutOfMemoryError. Past
 * {@code maxRows} data rows it stops reading and throws {@link TooManyRows}.
 */
public final class SpreadsheetRows {

    private SpreadsheetRows() {
    }

    /** One row: its number as the spreadsheet shows it (the header is row 1), its cells by column. */
    public interface Handler {
        void row(int number, List<String> cells);
    }

    /** The workbook has more data rows than the reader accepts; nothing should be kept. */
    public static final class TooManyRows extends RuntimeException {
        private final int max;

        TooManyRows(int max) {
            super("More than " + max + " rows");
            this.max = max;
        }

        public int max() {
            return max;
        }
    }

    /** Reads every row (the header included) and hands each over; blank cells are null. */
    public static void read(InputStream in, int maxRows, Handler handler) throws IOException {
        try (OPCPackage pkg = OPCPackage.open(in)) {
            XSSFReader reader = new XSSFReader(pkg);
            ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg, false);
            Iterator<InputStream> sheets = reader.getSheetsData();
            if (!sheets.hasNext()) {
                throw new IOException("The workbook has no sheet");
            }
            try (InputStream sheet = sheets.next()) {
                XMLReader xml = XMLHelper.newXMLReader();
                xml.setContentHandler(new XSSFSheetXMLHandler(reader.getStylesTable(), null, strings,
                        new Rows(maxRows, handler), new PlainNumbers(), false));
                xml.parse(new InputSource(sheet));
            }
        } catch (OpenXML4JException | SAXException | ParserConfigurationException e) {
            throw new IOException("Not a readable XLSX workbook", e);
        }
    }

    private static final class Rows implements XSSFSheetXMLHandler.SheetContentsHandler {
        private final int maxRows;
        private final Handler handler;
        private List<String> cells;
        private int dataRows;

        Rows(int maxRows, Handler handler) {
            this.maxRows = maxRows;
            this.handler = handler;
        }

        @Override
        public void startRow(int rowNum) {
            if (rowNum > 0 && ++dataRows > maxRows) {
                throw new TooManyRows(maxRows);
            }
            cells = new ArrayList<>();
        }

        @Override
        public void endRow(int rowNum) {
            handler.row(rowNum + 1, cells);
        }

        @Override
        public void cell(String reference, String value, XSSFComment comment) {
            int column = reference == null ? cells.size() : new CellReference(reference).getCol();
            while (cells.size() < column) {
                cells.add(null);
            }
            cells.add(value == null || value.isBlank() ? null : value);
        }
    }

    /** Numbers as written (1500000000, 0.25), not rounded or grouped by their display format; dates as shown. */
    private static final class PlainNumbers extends DataFormatter {
        PlainNumbers() {
            super(Locale.ROOT);
        }

        @Override
        public String formatRawCellContents(double value, int formatIndex, String formatString) {
            if (!org.apache.poi.ss.usermodel.DateUtil.isADateFormat(formatIndex, formatString) && Double.isFinite(value)) {
                return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
            }
            return super.formatRawCellContents(value, formatIndex, formatString);
        }
    }
}
