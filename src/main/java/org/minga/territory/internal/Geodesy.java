package org.minga.territory.internal;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;

/** Areas and lengths on the sphere for WGS84 longitude/latitude geometries. */
final class Geodesy {

    static final double EARTH_RADIUS_M = 6_371_008.8;

    private Geodesy() {
    }

    /** Length in metres of every line in the geometry (haversine per segment). */
    static double lengthMeters(Geometry geometry) {
        double total = 0;
        for (int i = 0; i < geometry.getNumGeometries(); i++) {
            if (geometry.getGeometryN(i) instanceof LineString line) {
                Coordinate[] c = line.getCoordinates();
                for (int j = 1; j < c.length; j++) {
                    total += haversine(c[j - 1], c[j]);
                }
            }
        }
        return total;
    }

    static double haversine(Coordinate a, Coordinate b) {
        double lat1 = Math.toRadians(a.y);
        double lat2 = Math.toRadians(b.y);
        double dLat = lat2 - lat1;
        double dLon = Math.toRadians(b.x - a.x);
        double h = Math.sin(dLat / 2) * Math.sin(dLat / 2)
                + Math.cos(lat1) * Math.cos(lat2) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
        return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
    }

    /** Area in km² of the polygons of a geometry, on the sphere (holes subtracted). */
    static double areaKm2(Geometry geometry) {
        double total = 0;
        for (int i = 0; i < geometry.getNumGeometries(); i++) {
            if (geometry.getGeometryN(i) instanceof Polygon polygon) {
                total += Math.abs(ringArea(polygon.getExteriorRing().getCoordinates()));
                for (int h = 0; h < polygon.getNumInteriorRing(); h++) {
                    total -= Math.abs(ringArea(polygon.getInteriorRingN(h).getCoordinates()));
                }
            }
        }
        return total / 1_000_000;
    }

    /** Spherical ring area (Chamberlain and Duquette, 2007), in m². */
    private static double ringArea(Coordinate[] ring) {
        double area = 0;
        for (int i = 0; i < ring.length - 1; i++) {
            Coordinate p1 = ring[i];
            Coordinate p2 = ring[i + 1];
            area += Math.toRadians(p2.x - p1.x) * (2 + Math.sin(Math.toRadians(p1.y)) + Math.sin(Math.toRadians(p2.y)));
        }
        return area * EARTH_RADIUS_M * EARTH_RADIUS_M / 2;
    }
}
