package org.minga.territory.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;

/** JTS polygons to GeoJSON geometry maps (MultiPolygon), coordinates rounded to about 1 cm. */
final class GeoJsonWriter {

    private GeoJsonWriter() {
    }

    static Map<String, Object> geometry(Geometry geometry) {
        List<Object> polygons = new ArrayList<>();
        for (int i = 0; i < geometry.getNumGeometries(); i++) {
            if (geometry.getGeometryN(i) instanceof Polygon p && !p.isEmpty()) {
                List<Object> rings = new ArrayList<>();
                rings.add(ring(p.getExteriorRing()));
                for (int h = 0; h < p.getNumInteriorRing(); h++) {
                    rings.add(ring(p.getInteriorRingN(h)));
                }
                polygons.add(rings);
            }
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("type", "MultiPolygon");
        out.put("coordinates", polygons);
        return out;
    }

    private static List<double[]> ring(LineString ring) {
        List<double[]> points = new ArrayList<>(ring.getNumPoints());
        for (Coordinate c : ring.getCoordinates()) {
            points.add(new double[] {Math.round(c.x * 1e7) / 1e7, Math.round(c.y * 1e7) / 1e7});
        }
        return points;
    }
}
