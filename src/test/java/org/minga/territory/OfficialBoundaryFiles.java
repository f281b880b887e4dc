package org.minga.territory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.minga.support.TerritoryFixtures;

import mil.nga.geopackage.BoundingBox;
import mil.nga.geopackage.GeoPackage;
import mil.nga.geopackage.GeoPackageManager;
import mil.nga.geopackage.db.GeoPackageDataType;
import mil.nga.geopackage.db.TableColumnKey;
import mil.nga.geopackage.features.columns.GeometryColumns;
import mil.nga.geopackage.features.user.FeatureColumn;
import mil.nga.geopackage.features.user.FeatureDao;
import mil.nga.geopackage.features.user.FeatureRow;
import mil.nga.geopackage.features.user.FeatureTableMetadata;
import mil.nga.geopackage.geom.GeoPackageGeometryData;
import mil.nga.geopackage.srs.SpatialReferenceSystem;
import mil.nga.proj.ProjectionFactory;
import mil.nga.sf.Geometry;
import mil.nga.sf.GeometryType;
import mil.nga.sf.geojson.FeatureConverter;
import mil.nga.sf.proj.GeometryTransform;

/**
 * Small boundary files in the official formats, made here from the reference GeoJSON: a few
 * municipalities, reprojected with NGA's transform (not Minga's code) and written as a GeoPackage
 * with NGA's library, as DANE publishes them.
 */
final class OfficialBoundaryFiles {

    /** MAGNA-SIRGAS / Colombia Bogota zone in ESRI's WKT (as in a .prj; no EPSG code in it). */
    static final String PRJ_3116 = "PROJCS[\"MAGNA_Colombia_Bogota\",GEOGCS[\"GCS_MAGNA\",DATUM[\"D_MAGNA\","
            + "SPHEROID[\"GRS_1980\",6378137.0,298.257222101]],PRIMEM[\"Greenwich\",0.0],UNIT[\"Degree\","
            + "0.0174532925199433]],PROJECTION[\"Transverse_Mercator\"],PARAMETER[\"False_Easting\",1000000.0],"
            + "PARAMETER[\"False_Northing\",1000000.0],PARAMETER[\"Central_Meridian\",-74.07750791666667],"
            + "PARAMETER[\"Scale_Factor\",1.0],PARAMETER[\"Latitude_Of_Origin\",4.596200416666667],UNIT[\"Meter\",1.0]]";

    /** One municipality: its attributes as the MGN names them, and its boundary in the file's CRS. */
    record Unit(Map<String, Object> attributes, Geometry boundary) {
    }

    private OfficialBoundaryFiles() {
    }

    /** The municipalities with these codes, reprojected to the EPSG code given, renamed by {@code recode}. */
    static List<Unit> municipalities(long epsg, Map<String, String> recode) {
        var collection = FeatureConverter.toFeatureCollection(
                new String(TerritoryFixtures.bytes("co-mgn2018-municipios.geojson"), StandardCharsets.UTF_8));
        GeometryTransform transform = GeometryTransform.create(ProjectionFactory.getProjection(4326),
                ProjectionFactory.getProjection(epsg));
        List<Unit> units = new ArrayList<>();
        for (var feature : collection.getFeatures()) {
            String code = (String) feature.getProperties().get("MPIO_CCNCT");
            if (recode.containsKey(code)) {
                Map<String, Object> attributes = new LinkedHashMap<>();
                attributes.put("DPTO_CCDGO", feature.getProperties().get("DPTO_CCDGO"));
                attributes.put("MPIO_CCNCT", recode.get(code));
                attributes.put("MPIO_CNMBR", feature.getProperties().get("MPIO_CNMBR"));
                attributes.put("DPTO_CNMBR", feature.getProperties().get("DPTO_CNMBR"));
                units.add(new Unit(attributes, transform.transform(feature.getSimpleGeometry())));
            }
        }
        return units;
    }

    /** A GeoPackage with one layer {@code mpio} in the given SRS (made by {@code srs} in the package). */
    static byte[] geoPackage(List<Unit> units, List<String> columns, SrsChoice srs) {
        try {
            Path dir = Files.createTempDirectory("gpkg-fixture");
            Path file = dir.resolve("mgn.gpkg");
            GeoPackageManager.create(file.toFile());
            try (GeoPackage geoPackage = GeoPackageManager.open(file.toFile())) {
                SpatialReferenceSystem system = srs.in(geoPackage);
                GeometryColumns geometryColumns = new GeometryColumns();
                geometryColumns.setId(new TableColumnKey("mpio", "geom"));
                geometryColumns.setGeometryType(GeometryType.GEOMETRY);
                geometryColumns.setZ((byte) 0);
                geometryColumns.setM((byte) 0);
                geometryColumns.setSrs(system);
                geoPackage.createFeatureTable(FeatureTableMetadata.create(geometryColumns,
                        columns.stream().map(c -> FeatureColumn.createColumn(c, GeoPackageDataType.TEXT)).toList(),
                        new BoundingBox(-180, -90, 180, 90)));
                FeatureDao dao = geoPackage.getFeatureDao("mpio");
                for (Unit unit : units) {
                    FeatureRow row = dao.newRow();
                    for (String column : columns) {
                        row.setValue(column, unit.attributes().get(column));
                    }
                    row.setGeometry(GeoPackageGeometryData.create(system.getSrsId(), unit.boundary()));
                    dao.create(row);
                }
            }
            byte[] bytes = Files.readAllBytes(file);
            Files.delete(file);
            Files.delete(dir);
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @FunctionalInterface
    interface SrsChoice {
        SpatialReferenceSystem in(GeoPackage geoPackage) throws java.sql.SQLException;

        /** EPSG:3116 as DANE's files declare it: the EPSG code and its WKT. */
        static SrsChoice bogotaZone() {
            return gp -> {
                SpatialReferenceSystem srs = new SpatialReferenceSystem();
                srs.setSrsName("MAGNA-SIRGAS / Colombia Bogota zone");
                srs.setSrsId(3116);
                srs.setOrganization("EPSG");
                srs.setOrganizationCoordsysId(3116);
                srs.setDefinition(PRJ_3116);
                gp.getSpatialReferenceSystemDao().create(srs);
                return srs;
            };
        }

        /** The GeoPackage's own "undefined geographic" system, srs_id 0. */
        static SrsChoice undefined() {
            return gp -> gp.getSpatialReferenceSystemDao().queryForId(0L);
        }

        /** A system of a made-up organisation whose WKT uses a projection method Minga does not know. */
        static SrsChoice unknown() {
            return gp -> {
                SpatialReferenceSystem srs = new SpatialReferenceSystem();
                srs.setSrsName("Proyección local de prueba");
                srs.setSrsId(990001);
                srs.setOrganization("MINGA-PRUEBA");
                srs.setOrganizationCoordsysId(1);
                srs.setDefinition(PRJ_3116.replace("MAGNA_Colombia_Bogota", "Local_Prueba")
                        .replace("Transverse_Mercator", "Polyconic_Local"));
                gp.getSpatialReferenceSystemDao().create(srs);
                return srs;
            };
        }
    }

    static List<String> columns(String... names) {
        return Arrays.asList(names);
    }
}
