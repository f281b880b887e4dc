package org.minga.participation.internal;

import java.util.List;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;
import org.minga.platform.InvalidInputException.Violation;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Where an issue is: a point given by latitude and longitude, or a GeoJSON Point or Polygon
 * (WGS 84) drawn on the map. Stored back as compact GeoJSON.
 */
final class IssueGeometry {

    private static final GeometryFactory FACTORY = new GeometryFactory(new PrecisionModel(), 4326);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_VERTICES = 5000;

    private IssueGeometry() {
    }

    static Geometry of(Double lat, Double lon, String geoJson, List<Violation> problems) {
        if (geoJson != null && !geoJson.isBlank()) {
            try {
                Geometry g = parse(JSON.readTree(geoJson));
                if (g != null && g.isValid()) {
                    return g;
                }
            } catch (JacksonException | IllegalArgumentException e) {
                // reported below
            }
            problems.add(new Violation("geometry", "GeoJson", "participation.issue.geometry.invalid"));
            return null;
        }
        if (lat == null || lon == null) {
            problems.add(new Violation("location", "Required", "participation.issue.location.required"));
            return null;
        }
        if (!inRange(lon, lat)) {
            problems.add(new Violation("location", "Range", "participation.issue.location.range"));
            return null;
        }
        return FACTORY.createPoint(new Coordinate(lon, lat));
    }

    private static Geometry parse(JsonNode node) {
        String type = node.path("type").asString("");
        JsonNode coordinates = node.path("coordinates");
        return switch (type) {
            case "Point" -> FACTORY.createPoint(coordinate(coordinates));
            case "Polygon" -> {
                if (!coordinates.isArray() || coordinates.isEmpty()) {
                    throw new IllegalArgumentException("polygon");
                }
                Polygon polygon = FACTORY.createPolygon(ring(coordinates.get(0)));
                yield polygon;
            }
            default -> throw new IllegalArgumentException(type);
        };
    }

    private static Coordinate[] ring(JsonNode ring) {
        if (!ring.isArray() || ring.size() < 4 || ring.size() > MAX_VERTICES) {
            throw new IllegalArgumentException("ring");
        }
        Coordinate[] coordinates = new Coordinate[ring.size()];
        for (int i = 0; i < ring.size(); i++) {
            coordinates[i] = coordinate(ring.get(i));
        }
        return coordinates;
    }

    private static Coordinate coordinate(JsonNode pair) {
        if (!pair.isArray() || pair.size() < 2 || !pair.get(0).isNumber() || !pair.get(1).isNumber()) {
            throw new IllegalArgumentException("coordinate");
        }
        double lon = pair.get(0).asDouble();
        double lat = pair.get(1).asDouble();
        if (!inRange(lon, lat)) {
            throw new IllegalArgumentException("range");
        }
        return new Coordinate(lon, lat);
    }

    private static boolean inRange(double lon, double lat) {
        return lon >= -180 && lon <= 180 && lat >= -90 && lat <= 90;
    }

    static String toGeoJson(Geometry geometry) {
        StringBuilder json = new StringBuilder("{\"type\":\"").append(geometry.getGeometryType()).append("\",\"coordinates\":");
        if (geometry instanceof Polygon polygon) {
            json.append("[[");
            Coordinate[] ring = polygon.getExteriorRing().getCoordinates();
            for (int i = 0; i < ring.length; i++) {
                json.append(i == 0 ? "" : ",").append('[').append(ring[i].x).append(',').append(ring[i].y).append(']');
            }
            json.append("]]");
        } else {
            Coordinate c = geometry.getCoordinate();
            json.append('[').append(c.x).append(',').append(c.y).append(']');
        }
        return json.append('}').toString();
    }
}
