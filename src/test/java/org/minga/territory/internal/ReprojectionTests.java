package org.minga.territory.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;

/** Coordinates of the Colombian and Salvadoran systems land where they should in WGS84. */
class ReprojectionTests {

    static final GeometryFactory FACTORY = new GeometryFactory();
    /** About 1 m in degrees near the equator. */
    static final double METRE = 1.0 / 111_000;

    @Test
    void theFalseOriginOfBogotaZoneIsItsNaturalOrigin() {
        // EPSG:3116: the natural origin (4°35'46.3215"N, 74°04'39.0285"W) has coordinates 1 000 000, 1 000 000.
        Coordinate c = wgs84(Reprojection.fromEpsg(3116, "prueba"), 1_000_000, 1_000_000);
        assertThat(c.x).isCloseTo(-(74 + 4 / 60.0 + 39.0285 / 3600), within(METRE));
        assertThat(c.y).isCloseTo(4 + 35 / 60.0 + 46.3215 / 3600, within(METRE));
    }

    @Test
    void origenNacionalIsKnownThoughProj4jsDatabaseIsOlder() {
        // EPSG:9377: 4°N 73°W is 5 000 000 E, 2 000 000 N.
        Coordinate c = wgs84(Reprojection.fromEpsg(9377, "prueba"), 5_000_000, 2_000_000);
        assertThat(c.x).isCloseTo(-73, within(METRE));
        assertThat(c.y).isCloseTo(4, within(METRE));
    }

    @Test
    void aPrjWithoutCodeGivesTheSamePlaceAsTheEpsgCode() {
        // Ocaña's main square, about 8.2355 N 73.3560 W, in Bogotá zone.
        Reprojection byCode = Reprojection.fromEpsg(3116, "prueba");
        Reprojection byWkt = Reprojection.fromWkt(PRJ_3116, "prueba");
        Coordinate a = wgs84(byCode, 1_080_160, 1_402_400);
        Coordinate b = wgs84(byWkt, 1_080_160, 1_402_400);
        assertThat(a.x).isCloseTo(-73.356, within(0.01));
        assertThat(a.y).isCloseTo(8.2355, within(0.01));
        assertThat(b.x).isCloseTo(a.x, within(METRE / 100));
        assertThat(b.y).isCloseTo(a.y, within(METRE / 100));
    }

    @Test
    void utmZone16IsElSalvadors() {
        // EPSG:32616: 500 000 E, 1 500 000 N lies on the central meridian 87°W where the meridian arc
        // from the equator is 1 500 000 / 0.9996 m: 13.5685°N (series for the GRS80/WGS84 arc, by hand).
        Coordinate c = wgs84(Reprojection.fromEpsg(32616, "prueba"), 500_000, 1_500_000);
        assertThat(c.x).isCloseTo(-87, within(METRE));
        assertThat(c.y).isCloseTo(13.5685, within(0.0001));
    }

    @Test
    void magnaSirgasAndWgs84PassThrough() {
        assertThat(wgs84(Reprojection.fromEpsg(4686, "prueba"), -73.356, 8.2355)).isEqualTo(new Coordinate(-73.356, 8.2355));
        assertThat(wgs84(Reprojection.fromWkt("GEOGCS[\"GCS_MAGNA\",DATUM[\"D_MAGNA\",SPHEROID[\"GRS_1980\","
                + "6378137.0,298.257222101]],PRIMEM[\"Greenwich\",0.0],UNIT[\"Degree\",0.0174532925199433]]", "prueba"),
                -73.356, 8.2355).distance(new Coordinate(-73.356, 8.2355))).isLessThan(METRE / 100);
    }

    @Test
    void whatCannotBeKnownIsRefusedByName() {
        assertThatThrownBy(() -> Reprojection.fromWkt("", "El Shapefile «x.shp»"))
                .isInstanceOf(ImportException.class).hasMessageContaining("«x.shp» no declara su proyección");
        assertThatThrownBy(() -> Reprojection.fromEpsg(999_999, "La capa «m»"))
                .hasMessageContaining("EPSG:999999").hasMessageContaining("no conoce");
        assertThatThrownBy(() -> Reprojection.fromWkt(PRJ_3116.replace("Transverse_Mercator", "Polyconic"), "x"))
                .hasMessageContaining("«MAGNA_Colombia_Bogota»").hasMessageContaining("«Polyconic»");
    }

    @Test
    void metresDeclaredAsDegreesAreRefused() {
        Reprojection geographic = Reprojection.fromEpsg(4686, "prueba");
        assertThatThrownBy(() -> geographic.toWgs84(FACTORY.createPoint(new Coordinate(1_080_160, 1_402_400))))
                .hasMessageContaining("fuera de WGS84").hasMessageContaining("EPSG:4686");
    }

    @Test
    void attributesAreFoundWithoutRegardToCaseOrDbfTruncation() {
        Feature f = new Feature(1, Map.of("ID_DISTRIT", 97, "mpio_ccnct", "54498"), null);
        assertThat(f.attribute("id_distrito")).isEqualTo(97);
        assertThat(f.attribute("MPIO_CCNCT")).isEqualTo("54498");
        assertThat(f.attribute("nombre_distrito")).isNull();
    }

    private static Coordinate wgs84(Reprojection reprojection, double x, double y) {
        Geometry moved = reprojection.toWgs84(FACTORY.createPoint(new Coordinate(x, y)));
        return moved.getCoordinate();
    }

    static final String PRJ_3116 = "PROJCS[\"MAGNA_Colombia_Bogota\",GEOGCS[\"GCS_MAGNA\",DATUM[\"D_MAGNA\","
            + "SPHEROID[\"GRS_1980\",6378137.0,298.257222101]],PRIMEM[\"Greenwich\",0.0],UNIT[\"Degree\","
            + "0.0174532925199433]],PROJECTION[\"Transverse_Mercator\"],PARAMETER[\"False_Easting\",1000000.0],"
            + "PARAMETER[\"False_Northing\",1000000.0],PARAMETER[\"Central_Meridian\",-74.07750791666667],"
            + "PARAMETER[\"Scale_Factor\",1.0],PARAMETER[\"Latitude_Of_Origin\",4.596200416666667],UNIT[\"Meter\",1.0]]";
}
