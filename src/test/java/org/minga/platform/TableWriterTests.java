package org.minga.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/** Exports open safely in a spreadsheet: text never runs as a formula, numbers stay numbers. */
class TableWriterTests {

    @Test
    void csvQuotesWhatNeedsQuotingAndNeutralisesFormulas() throws Exception {
        var out = new ByteArrayOutputStream();
        try (var table = TableWriter.csv(out, List.of("a", "b", "c", "d"))) {
            table.row(Arrays.asList("+1", "@x", new BigDecimal("-2.50"), "Puente, \"peatonal\""));
            table.row(Arrays.asList("=HYPERLINK(1)", null, 7, LocalDate.of(2024, 3, 15)));
        }
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("\uFEFFa,b,c,d\r\n"
                + "'+1,'@x,-2.50,\"Puente, \"\"peatonal\"\"\"\r\n"
                + "'=HYPERLINK(1),,7,2024-03-15\r\n");
    }

    @Test
    void xlsxKeepsNumbersAsNumbersAndTextAsStringCellsThatAreNeverEvaluated() throws Exception {
        var out = new ByteArrayOutputStream();
        try (var table = TableWriter.xlsx(out, "Hoja", List.of("texto", "valor"))) {
            table.row(Arrays.asList("=HYPERLINK(1)", new BigDecimal("1234.56")));
        }
        try (var book = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            var row = book.getSheet("Hoja").getRow(1);
            assertThat(row.getCell(0).getCellType()).isEqualTo(org.apache.poi.ss.usermodel.CellType.STRING);
            assertThat(row.getCell(0).getStringCellValue()).isEqualTo("=HYPERLINK(1)");
            assertThat(row.getCell(1).getNumericCellValue()).isEqualTo(1234.56);
        }
    }

    @Test
    void peoplesCsvIsWrittenTheCountrysWay() throws Exception {
        List<?> row = Arrays.asList("Ocaña; sede", new BigDecimal("1234567.50"), 7, LocalDate.of(2024, 3, 15));
        var colombia = new ByteArrayOutputStream();
        try (var table = TableWriter.csv(colombia, List.of("a", "b", "c", "d"), CountryFormat.COLOMBIA)) {
            table.row(row);
        }
        assertThat(colombia.toString(StandardCharsets.UTF_8)).isEqualTo("\uFEFFa;b;c;d\r\n\"Ocaña; sede\";1234567,50;7;15/03/2024\r\n");
        var salvador = new ByteArrayOutputStream();
        try (var table = TableWriter.csv(salvador, List.of("a", "b", "c", "d"), CountryFormat.EL_SALVADOR)) {
            table.row(row);
        }
        assertThat(salvador.toString(StandardCharsets.UTF_8)).isEqualTo("\uFEFFa,b,c,d\r\nOcaña; sede,1234567.50,7,15/03/2024\r\n");
    }

    @Test
    void xlsxDatesAreDateCellsShownDayFirstAndAmountsCarryANumberFormat() throws Exception {
        var out = new ByteArrayOutputStream();
        try (var table = TableWriter.xlsx(out, "Hoja", List.of("fecha", "valor", "toneladas", "boletas"))) {
            table.row(Arrays.asList(LocalDate.of(2024, 3, 15), new BigDecimal("1234.50"), new BigDecimal("11.700"), 3));
        }
        try (var book = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            var row = book.getSheet("Hoja").getRow(1);
            assertThat(row.getCell(0).getCellType()).isEqualTo(org.apache.poi.ss.usermodel.CellType.NUMERIC);
            assertThat(org.apache.poi.ss.usermodel.DateUtil.isCellDateFormatted(row.getCell(0))).isTrue();
            assertThat(row.getCell(0).getLocalDateTimeCellValue().toLocalDate()).isEqualTo(LocalDate.of(2024, 3, 15));
            assertThat(row.getCell(0).getCellStyle().getDataFormatString()).isEqualTo("dd/mm/yyyy");
            assertThat(row.getCell(1).getCellType()).isEqualTo(org.apache.poi.ss.usermodel.CellType.NUMERIC);
            assertThat(row.getCell(1).getCellStyle().getDataFormatString()).isEqualTo("#,##0.00");
            assertThat(row.getCell(2).getNumericCellValue()).isEqualTo(11.7);
            assertThat(row.getCell(2).getCellStyle().getDataFormatString()).isEqualTo("#,##0.000");
            assertThat(row.getCell(3).getNumericCellValue()).isEqualTo(3.0);
        }
    }
}
