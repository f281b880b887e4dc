package org.minga.territory.internal;

import java.util.ArrayList;
import java.util.List;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;

import tools.jackson.databind.JsonNode;

/** GeoJSON Polygon and MultiPolygon geometries (WGS84) to JTS, always as a MultiPolygon. */
final class GeoJsonGeometry {

    static final GeometryFactory FACTORY = new GeometryFactory(new PrecisionModel(), 4326);

    private GeoJsonGeometry() {
    }

    static MultiPolygon read(JsonNode geometry) {
        String type = geometry.path("type").asString("");
        JsonNode coordinates = geometry.path("coordinates");
        if (!coordinates.isArray()) {
            throw new IllegalArgumentException("la geometría no tiene coordenadas");
        }
        return switch (type) {
            case "Polygon" -> FACTORY.createMultiPolygon(new Polygon[] {polygon(coordinates)});
            case "MultiPolygon" -> {
                List<Polygon> polygons = new ArrayList<>();
                for (JsonNode p : coordinates) {
                    polygons.add(polygon(p));
                }
                yield FACTORY.createMultiPolygon(polygons.toArray(Polygon[]::new));
            }
            default -> throw new IllegalArgumentException("tipo de geometría no admitido: " + type);
        };
    }

    static MultiPolygon asMultiPolygon(Geometry geometry) {
        if (geometry instanceof MultiPolygon mp) {
            return mp;
        }
        List<Polygon> polygons = new ArrayList<>();
        for (int i = 0; i < geometry.getNumGeometries(); i++) {
            if (geometry.getGeometryN(i) instanceof Polygon p && !p.isEmpty()) {
                polygons.add(p);
            } else if (geometry.getGeometryN(i) instanceof MultiPolygon inner) {
                for (int j = 0; j < inner.getNumGeometries(); j++) {
                    polygons.add((Polygon) inner.getGeometryN(j));
                }
            }
        }
        return FACTORY.createMultiPolygon(polygons.toArray(Polygon[]::new));
    }

    private static Polygon polygon(JsonNode rings) {
        if (!rings.isArray() || rings.isEmpty()) {
            throw new IllegalArgumentException("polígono sin anillos");
        }
        LinearRing shell = ring(rings.get(0));
        LinearRing[] holes = new LinearRing[rings.size() - 1];
        for (int i = 1; i < rings.size(); i++) {
            holes[i - 1] = ring(rings.get(i));
        }
        return FACTORY.createPolygon(shell, holes);
    }

    private static LinearRing ring(JsonNode points) {
        Coordinate[] coordinates = new Coordinate[points.size()];
        for (int i = 0; i < points.size(); i++) {
            JsonNode p = points.get(i);
            if (!p.isArray() || p.size() < 2 || !p.get(0).isNumber() || !p.get(1).isNumber()) {
                throw new IllegalArgumentException("coordenada no válida en la posición " + i);
            }
            double lon = p.get(0).asDouble();
            double lat = p.get(1).asDouble();
            if (lon < -180 || lon > 180 || lat < -90 || lat > 90) {
                throw new IllegalArgumentException("coordenada fuera de WGS84: " + lon + ", " + lat);
            }
            coordinates[i] = new Coordinate(lon, lat);
        }
        if (coordinates.length < 4 || !coordinates[0].equals2D(coordinates[coordinates.length - 1])) {
            throw new IllegalArgumentException("anillo abierto o con menos de 4 puntos");
        }
        return FACTORY.createLinearRing(coordinates);
    }
}
