package org.minga.projects;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.minga.projects.internal.Spreadsheets;
import org.minga.support.ApiFixtures;
import org.minga.support.IntegrationTest;
import org.minga.support.TerritoryFixtures;
import org.minga.support.TestData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/** The bank in spreadsheets: exports read back, imports all or nothing. */
@IntegrationTest
class ProjectSpreadsheetTests {

    static final String PASSWORD = "una-clave-larga-1";
    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    long scheme;
    String director;

    @BeforeEach
    void setUp() throws Exception {
        TerritoryFixtures.importAll(mvc, jdbc);
        ApiFixtures fixtures = new ApiFixtures(mvc);
        scheme = fixtures.scheme(TestData.unique("Provincia con hoja"));
        fixtures.members(scheme, "54498", "54003", "20614");
        director = TestData.unique("directora");
        fixtures.user(director, PASSWORD, "SCHEME_ADMIN", scheme, null);
    }

    @Test
    void anImportWithErrorsWritesNothingAndListsRowColumnAndReason() throws Exception {
        byte[] book = workbook(new Object[][] {
                {"P-1", "123", "Vía", "Transporte", "d", 1000.5, "COP", "54498;54003", "IDEA"},
                {"P-1", "12A", "", "Transporte", null, -5.0, "EUR", "99999", "NADA"}});
        mvc.perform(multipart("/api/v1/projects/schemes/" + scheme + "/imports")
                .file(new MockMultipartFile("file", "banco.xlsx", "application/octet-stream", book))
                .with(httpBasic(director, PASSWORD))).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.imported").value(0))
                .andExpect(jsonPath("$.errors[0].row").value(3))
                .andExpect(jsonPath("$.errors[0].column").value("code"))
                .andExpect(jsonPath("$.errors[0].message").value("El código P-1 se repite en el archivo."))
                .andExpect(jsonPath("$.errors.length()").value(7));
        assertThat(projects()).isZero();
    }

    @Test
    void anUnknownSectorIsRefusedNamingItsRowAndColumn() throws Exception {
        byte[] book = workbook(new Object[][] {
                {"S-1", null, "Vía", "Transporte", null, null, "COP", "54498", null},
                {"S-2", null, "Acueducto", "Agua", null, null, "COP", "54498", null}});
        mvc.perform(multipart("/api/v1/projects/schemes/" + scheme + "/imports")
                .file(new MockMultipartFile("file", "banco.xlsx", "application/octet-stream", book))
                .with(httpBasic(director, PASSWORD))).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.imported").value(0))
                .andExpect(jsonPath("$.errors.length()").value(1))
                .andExpect(jsonPath("$.errors[0].row").value(3))
                .andExpect(jsonPath("$.errors[0].column").value("sector"))
                .andExpect(jsonPath("$.errors[0].message").value("El sector «Agua» no está en el catálogo de sectores de "
                        + "inversión; elija uno de la lista (su nombre o su código)."));
        assertThat(projects()).isZero();
    }

    /**
     * The review's F3 workbook: 180,000 rows of eight text cells, about 14 MB zipped and 90 MB of
     * sheet XML. Streamed, the import stops at row 20,001 and says why, within the normal heap.
     */
    @Test
    void aWorkbookPastTheRowCapIsRefusedWithoutReadingItWhole() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (var book = new org.apache.poi.xssf.streaming.SXSSFWorkbook(100)) {
            var sheet = book.createSheet("Proyectos");
            java.util.Random random = new java.util.Random(7);
            for (int r = 0; r <= 180_000; r++) {
                Row row = sheet.createRow(r);
                for (int c = 0; c < 8; c++) {
                    row.createCell(c).setCellValue(r == 0 ? Spreadsheets.IMPORT_COLUMNS.get(c)
                            : Long.toString(random.nextLong() >>> 8, 36));
                }
            }
            book.write(out);
        }
        System.out.printf("Workbook of 180,000 rows: %d bytes%n", out.size());
        assertThat(out.size()).isGreaterThan(10 * 1024 * 1024).isLessThan(Spreadsheets.MAX_IMPORT_BYTES);
        long usedBefore = Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
        mvc.perform(multipart("/api/v1/projects/schemes/" + scheme + "/imports")
                .file(new MockMultipartFile("file", "banco.xlsx", "application/octet-stream", out.toByteArray()))
                .with(httpBasic(director, PASSWORD))).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.imported").value(0))
                .andExpect(jsonPath("$.errors[0].column").value("file"))
                .andExpect(jsonPath("$.errors[0].message").value(
                        "El archivo tiene más de 20.000 filas de proyectos; divídalo en varios archivos."));
        System.out.printf("Heap before %d MB, max %d MB%n", usedBefore >> 20, Runtime.getRuntime().maxMemory() >> 20);
        // The reader stops at the cap: it hands over the header and ten rows, then refuses, unread past them.
        java.util.concurrent.atomic.AtomicInteger seen = new java.util.concurrent.atomic.AtomicInteger();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> org.minga.platform.SpreadsheetRows.read(
                new ByteArrayInputStream(out.toByteArray()), 10, (n, cells) -> seen.incrementAndGet()))
                .isInstanceOf(org.minga.platform.SpreadsheetRows.TooManyRows.class);
        assertThat(seen.get()).isEqualTo(11);
        assertThat(projects()).isZero();
    }

    @Test
    void tenThousandCleanRowsAreAllImportedAndTheListExportsBackToXlsx() throws Exception {
        Object[][] rows = new Object[10_000][];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = new Object[] {"B-" + i, String.valueOf(2024000000L + i), "Proyecto " + i,
                    // The catalogue's sector by its code or by its name in any case: stored by its name.
                    i % 2 == 0 ? "40" : "transporte",
                    "Descripción " + i, 1000.0 + i, i % 10 == 0 ? "USD" : "COP", i % 3 == 0 ? "54498;54003" : "20614",
                    i % 5 == 0 ? "PROFILE" : null};
        }
        byte[] book = workbook(rows);
        long start = System.nanoTime();
        mvc.perform(multipart("/api/v1/projects/schemes/" + scheme + "/imports")
                .file(new MockMultipartFile("file", "banco.xlsx", "application/octet-stream", book))
                .with(httpBasic(director, PASSWORD))).andExpect(status().isCreated())
                .andExpect(jsonPath("$.imported").value(10_000));
        System.out.printf("Import of 10,000 rows took %d ms%n", (System.nanoTime() - start) / 1_000_000);
        assertThat(projects()).isEqualTo(10_000);
        assertThat(jdbc.sql("select count(*) from project_beneficiary b join project p on p.id = b.project_id "
                + "where p.scheme_id = :s").param("s", scheme).query(Long.class).single()).isEqualTo(3334 * 2 + 6666);
        assertThat(jdbc.sql("select count(*) from project where scheme_id = :s and stage = 'PROFILE'")
                .param("s", scheme).query(Long.class).single()).isEqualTo(2000);
        assertThat(jdbc.sql("select cost from project where scheme_id = :s and code = 'B-7'").param("s", scheme)
                .query(java.math.BigDecimal.class).single()).isEqualByComparingTo("1007.00");

        byte[] xlsx = mvc.perform(get("/api/v1/projects/schemes/" + scheme + "/exports/projects.xlsx")
                .param("sector", "Vivienda, ciudad y territorio").param("unit", "54003")
                .with(httpBasic(director, PASSWORD))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsByteArray();
        try (var read = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = read.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("Código");
            assertThat(sheet.getLastRowNum()).isEqualTo(1667);
            assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).isEqualTo("B-0");
            assertThat(sheet.getRow(1).getCell(4).getStringCellValue()).isEqualTo("Perfil");
            assertThat(sheet.getRow(1).getCell(8).getStringCellValue()).isEqualTo("54003;54498");
        }
        mvc.perform(get("/api/v1/projects/schemes/" + scheme + "/projects?stage=PROFILE&size=50&page=1")
                .with(httpBasic(director, PASSWORD))).andExpect(jsonPath("$.items.length()").value(50))
                .andExpect(jsonPath("$.hasNext").value(true)).andExpect(jsonPath("$.page").value(1));
    }

    @Test
    void needsExportToCsvWithoutFormulas() throws Exception {
        mvc.perform(post("/api/v1/projects/schemes/" + scheme + "/needs").with(httpBasic(director, PASSWORD))
                .contentType(MediaType.APPLICATION_JSON).content("{\"unitCode\":\"54498\",\"sector\":\"=HYPERLINK(1)\","
                        + "\"description\":\"Puente, peatonal\",\"priority\":2,\"origin\":\"DEVELOPMENT_PLAN\"}"))
                .andExpect(status().isCreated());
        String csv = new String(mvc.perform(get("/api/v1/projects/schemes/" + scheme + "/exports/needs.csv")
                .with(httpBasic(director, PASSWORD))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsByteArray(), StandardCharsets.UTF_8);
        assertThat(csv).contains("54498,'=HYPERLINK(1),\"Puente, peatonal\",2,DEVELOPMENT_PLAN,OPEN");
        byte[] xlsx = mvc.perform(get("/api/v1/projects/schemes/" + scheme + "/exports/needs.xlsx")
                .with(httpBasic(director, PASSWORD))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsByteArray();
        try (var read = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            assertThat(read.getSheetAt(0).getRow(1).getCell(2).getStringCellValue()).isEqualTo("=HYPERLINK(1)");
        }
    }

    private long projects() {
        return jdbc.sql("select count(*) from project where scheme_id = :s").param("s", scheme).query(Long.class)
                .single();
    }

    private static byte[] workbook(Object[][] rows) throws Exception {
        try (var book = new XSSFWorkbook(); var out = new ByteArrayOutputStream()) {
            Sheet sheet = book.createSheet("Proyectos");
            Row header = sheet.createRow(0);
            for (int c = 0; c < Spreadsheets.IMPORT_COLUMNS.size(); c++) {
                header.createCell(c).setCellValue(Spreadsheets.IMPORT_COLUMNS.get(c));
            }
            for (int r = 0; r < rows.length; r++) {
                Row row = sheet.createRow(r + 1);
                for (int c = 0; c < rows[r].length; c++) {
                    Object v = rows[r][c];
                    if (v instanceof Double d) {
                        row.createCell(c).setCellValue(d);
                    } else if (v != null) {
                        row.createCell(c).setCellValue((String) v);
                    }
                }
            }
            book.write(out);
            return out.toByteArray();
        }
    }
}
