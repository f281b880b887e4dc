package org.minga.territory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.minga.support.IntegrationTest;
import org.minga.support.TerritoryFixtures;
import org.minga.territory.OfficialBoundaryFiles.SrsChoice;
import org.minga.territory.OfficialBoundaryFiles.Unit;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;


/**
 * DANE's boundaries as published (GeoPackage in MAGNA-SIRGAS / Colombia Bogota zone) import through
 * the same API as the GeoJSON and give the same units; a file without its projection or its code
 * attribute, or a zipped Shapefile, is refused by name and changes nothing.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OfficialFormatsImportTests {

    /** Five municipalities of Norte de Santander: Cúcuta, Ábrego, Ocaña, Pamplona, Tibú. */
    static final List<String> CODES = List.of("54001", "54003", "54498", "54518", "54810");
    static final List<String> MGN_COLUMNS = OfficialBoundaryFiles.columns("DPTO_CCDGO", "MPIO_CCNCT", "MPIO_CNMBR",
            "DPTO_CNMBR");

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;

    Map<String, Double> geoJsonAreas;

    @BeforeAll
    void importTheReferenceMunicipalities() throws Exception {
        assertThat(importFile("co-mgn2018-municipios.geojson",
                TerritoryFixtures.bytes("co-mgn2018-municipios.geojson"))).isEqualTo("SUCCEEDED");
        geoJsonAreas = areas(CODES);
        assertThat(geoJsonAreas).hasSize(5);
    }

    /** The reprojected boundaries differ from the reference by rounding: put the reference back for other tests. */
    @AfterAll
    void restoreTheReferenceMunicipalities() throws Exception {
        assertThat(importFile("co-mgn2018-municipios.geojson",
                TerritoryFixtures.bytes("co-mgn2018-municipios.geojson"))).isEqualTo("SUCCEEDED");
    }

    @Test
    void aGeoPackageInMagnaSirgasBogotaZoneGivesTheUnitsOfTheGeoJson() throws Exception {
        byte[] gpkg = OfficialBoundaryFiles.geoPackage(units(false), MGN_COLUMNS, SrsChoice.bogotaZone());
        String job = submit("MGN_MPIO_POLITICO.gpkg", gpkg);
        assertThat(awaitJob(job)).as(jobError(job)).isEqualTo("SUCCEEDED");
        assertSameAsGeoJson();
        assertThat(jdbc.sql("select name from territorial_unit where country = 'CO' and code = '54498'")
                .query(String.class).single()).isEqualTo("Ocaña");
    }

    @Test
    void aZippedShapefileIsRefusedWithTheCommandThatConvertsIt() throws Exception {
        java.io.ByteArrayOutputStream zip = new java.io.ByteArrayOutputStream();
        try (var out = new java.util.zip.ZipOutputStream(zip)) {
            out.putNextEntry(new java.util.zip.ZipEntry("MGN_MPIO_POLITICO.shp"));
            out.write(new byte[100]);
            out.closeEntry();
        }
        assertRefused("MGN_MPIO_POLITICO.zip", zip.toByteArray(), "Shapefile", "ogr2ogr -f GPKG");
    }

    @Test
    void aGeoPackageWithAnUndefinedSrsIsRefusedByNameAndChangesNothing() throws Exception {
        byte[] gpkg = OfficialBoundaryFiles.geoPackage(units(true), MGN_COLUMNS, SrsChoice.undefined());
        assertRefused("indefinido.gpkg", gpkg, "«mpio»", "SRS indefinido");
    }

    @Test
    void aGeoPackageInAnUnknownProjectionIsRefusedNamingIt() throws Exception {
        byte[] gpkg = OfficialBoundaryFiles.geoPackage(units(true), MGN_COLUMNS, SrsChoice.unknown());
        assertRefused("desconocida.gpkg", gpkg, "Local_Prueba", "Polyconic_Local");
    }

    @Test
    void aGeoPackageWithoutTheCodeAttributeIsRefusedNamingIt() throws Exception {
        byte[] gpkg = OfficialBoundaryFiles.geoPackage(units(true),
                OfficialBoundaryFiles.columns("DPTO_CCDGO", "MPIO_CNMBR", "DPTO_CNMBR"), SrsChoice.bogotaZone());
        assertRefused("sin-codigo.gpkg", gpkg, "falta el atributo MPIO_CCNCT", "Entidad 1");
    }

    @Test
    void aGeoPackageWhoseLastUnitHasNoCodeIsRefusedWithoutWritingTheOthers() throws Exception {
        List<Unit> units = units(true);
        units.getLast().attributes().remove("MPIO_CCNCT");
        byte[] gpkg = OfficialBoundaryFiles.geoPackage(units, MGN_COLUMNS, SrsChoice.bogotaZone());
        assertRefused("ultimo-sin-codigo.gpkg", gpkg, "Entidad 5", "falta el atributo MPIO_CCNCT");
    }

    /**
     * The reference units, or (with {@code newCodes}) the same boundaries under codes 54990–54994,
     * which exist nowhere: a refused file that wrote anything would add rows.
     */
    private static List<Unit> units(boolean newCodes) {
        Map<String, String> recode = new LinkedHashMap<>();
        for (int i = 0; i < CODES.size(); i++) {
            recode.put(CODES.get(i), newCodes ? "5499" + i : CODES.get(i));
        }
        return OfficialBoundaryFiles.municipalities(3116, recode);
    }

    private void assertSameAsGeoJson() {
        Map<String, Double> imported = areas(CODES);
        assertThat(imported.keySet()).containsExactlyElementsOf(geoJsonAreas.keySet());
        geoJsonAreas.forEach((code, area) -> assertThat(imported.get(code)).as(code)
                .isCloseTo(area, org.assertj.core.data.Percentage.withPercentage(0.5)));
    }

    private void assertRefused(String name, byte[] content, String... named) throws Exception {
        String before = snapshot();
        String job = submit(name, content);
        assertThat(awaitJob(job)).isEqualTo("FAILED");
        assertThat(jobError(job)).contains(named);
        assertThat(snapshot()).isEqualTo(before);
        assertThat(jdbc.sql("select count(*) from territorial_unit where code like '5499%'").query(Long.class)
                .single()).isZero();
    }

    /** Every unit version's count and the boundaries, names and areas of Norte de Santander's, hashed. */
    private String snapshot() {
        return jdbc.sql("""
                select (select count(*) from territorial_unit) || ':' || md5(string_agg(
                    code || name || area_km2 || encode(boundary, 'hex'), ',' order by id))
                from territorial_unit where country = 'CO' and code like '54%'
                """).query(String.class).single();
    }

    private Map<String, Double> areas(List<String> codes) {
        Map<String, Double> areas = new TreeMap<>();
        jdbc.sql("select code, area_km2 from territorial_unit where country = 'CO' and level = 'MUNICIPALITY'"
                + " and code in (:codes)").param("codes", codes)
                .query((rs, i) -> areas.put(rs.getString(1), rs.getDouble(2))).list();
        return areas;
    }

    private String importFile(String name, byte[] content) throws Exception {
        return awaitJob(submit(name, content));
    }

    private String submit(String name, byte[] content) throws Exception {
        return TerritoryFixtures.submit(mvc, name, content, "CO_DANE_MGN_MUNICIPIOS", null);
    }

    private String awaitJob(String id) {
        return TerritoryFixtures.awaitJob(jdbc, id);
    }

    private String jobError(String id) {
        return jdbc.sql("select coalesce(error, '') from job where id = cast(:id as uuid)").param("id", id)
                .query(String.class).single();
    }
}
