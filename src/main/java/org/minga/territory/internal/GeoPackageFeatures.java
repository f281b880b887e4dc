package org.minga.territory.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;

import mil.nga.geopackage.GeoPackage;
import mil.nga.geopackage.GeoPackageManager;
import mil.nga.geopackage.features.user.FeatureDao;
import mil.nga.geopackage.features.user.FeatureResultSet;
import mil.nga.geopackage.features.user.FeatureRow;
import mil.nga.geopackage.geom.GeoPackageGeometryData;
import mil.nga.geopackage.srs.SpatialReferenceSystem;

/**
 * An OGC GeoPackage (as DANE publishes the MGN), read with NGA's library, which needs a file: the
 * upload is written to a temporary one and deleted afterwards. Of several feature layers, the one
 * with the source's code attribute is read.
 */
final class GeoPackageFeatures {

    /** The first 16 bytes of every SQLite database, so of every GeoPackage. */
    static final byte[] MAGIC = "SQLite format 3\0".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private GeoPackageFeatures() {
    }

    static List<Feature> read(byte[] file, String codeAttribute) {
        Path temp = null;
        try {
            temp = Files.createTempFile("minga-import-", ".gpkg");
            Files.write(temp, file);
            GeoPackage geoPackage;
            try {
                geoPackage = GeoPackageManager.open(temp.toFile(), true);
            } catch (RuntimeException e) {
                throw new ImportException("El archivo es una base SQLite pero no un GeoPackage válido: "
                        + e.getMessage(), e);
            }
            try (geoPackage) {
                return read(geoPackage, codeAttribute);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException e) {
                    temp.toFile().deleteOnExit();
                }
            }
        }
    }

    private static List<Feature> read(GeoPackage geoPackage, String codeAttribute) {
        List<String> layers = geoPackage.getFeatureTables();
        if (layers.isEmpty()) {
            throw new ImportException("El GeoPackage no tiene ninguna capa de entidades (solo teselas o tablas).");
        }
        FeatureDao layer = layers.stream().map(geoPackage::getFeatureDao)
                .filter(dao -> dao.getColumnNames() != null && java.util.Arrays.stream(dao.getColumnNames())
                        .anyMatch(c -> Feature.isNamed(c, codeAttribute)))
                .findFirst().orElseGet(() -> geoPackage.getFeatureDao(layers.getFirst()));
        String what = "La capa «" + layer.getTableName() + "» del GeoPackage";
        Reprojection reprojection = reprojection(layer.getSrs(), what);
        String geometryColumn = layer.getGeometryColumnName();
        WKBReader wkb = new WKBReader();
        List<Feature> features = new ArrayList<>();
        FeatureResultSet rows = layer.queryForAll();
        try {
            while (rows.moveToNext()) {
                FeatureRow row = rows.getRow();
                int index = features.size() + 1;
                Map<String, Object> attributes = new LinkedHashMap<>();
                for (String column : row.getColumnNames()) {
                    if (!column.equals(geometryColumn) && row.getValue(column) != null) {
                        attributes.put(column, row.getValue(column));
                    }
                }
                try {
                    features.add(new Feature(index, attributes, geometry(row.getGeometry(), wkb, reprojection)));
                } catch (IllegalArgumentException e) {
                    throw new ImportException("Entidad " + index + ": " + e.getMessage() + ".", e);
                }
            }
        } finally {
            rows.close();
        }
        if (features.isEmpty()) {
            throw new ImportException(what + " no tiene ninguna entidad.");
        }
        return features;
    }

    /** GeoPackage's SRS ids 0 and -1 are its "undefined" geographic and cartesian systems. */
    private static Reprojection reprojection(SpatialReferenceSystem srs, String what) {
        if (srs == null || srs.getSrsId() <= 0 || "NONE".equalsIgnoreCase(srs.getOrganization())) {
            throw new ImportException(what + " no declara su sistema de referencia (SRS indefinido"
                    + (srs == null ? "" : ", srs_id " + srs.getSrsId())
                    + "); sin él no se sabe dónde están las coordenadas.");
        }
        if ("EPSG".equalsIgnoreCase(srs.getOrganization())) {
            return Reprojection.fromEpsg((int) srs.getOrganizationCoordsysId(), what);
        }
        return Reprojection.fromWkt(srs.getDefinition(), what);
    }

    private static Geometry geometry(GeoPackageGeometryData data, WKBReader wkb, Reprojection reprojection) {
        if (data == null || data.isEmpty()) {
            throw new IllegalArgumentException("la entidad no tiene geometría");
        }
        try {
            return reprojection.toWgs84(wkb.read(data.getWkb()));
        } catch (IOException | ParseException e) {
            throw new IllegalArgumentException("geometría ilegible: " + e.getMessage(), e);
        }
    }
}
