package org.minga.projects.internal;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A project's location as GeoJSON: a Point, a LineString (a road, a pipe) or a Polygon, with
 * longitudes and latitudes in range; drawn on the form's map or typed as GeoJSON.
 */
final class Locations {

    private Locations() {
    }

    /** Validates a GeoJSON Point, LineString (two positions or more) or Polygon: its type and coordinates within range. */
    @SuppressWarnings("unchecked")
    static boolean valid(Map<String, Object> location) {
        if (location == null) {
            return true;
        }
        Object type = location.get("type");
        Object coordinates = location.get("coordinates");
        if ("Point".equals(type)) {
            return position(coordinates);
        }
        if ("LineString".equals(type)) {
            return coordinates instanceof List<?> positions && positions.size() >= 2
                    && positions.stream().allMatch(Locations::position);
        }
        if ("Polygon".equals(type) && coordinates instanceof List<?> rings && !rings.isEmpty()) {
            for (Object ring : rings) {
                if (!(ring instanceof List<?> positions) || positions.size() < 4) {
                    return false;
                }
                for (Object pos : positions) {
                    if (!position(pos)) {
                        return false;
                    }
                }
                if (!Objects.equals(numbers((List<Object>) positions.getFirst()),
                        numbers((List<Object>) positions.getLast()))) {
                    return false;
                }
            }
            return true;
        }
        return false;
    }

    private static List<Double> numbers(List<Object> pos) {
        return pos.stream().map(o -> ((Number) o).doubleValue()).toList();
    }

    private static boolean position(Object value) {
        if (!(value instanceof List<?> pos) || pos.size() < 2 || pos.size() > 3) {
            return false;
        }
        for (Object o : pos) {
            if (!(o instanceof Number)) {
                return false;
            }
        }
        double lon = ((Number) pos.get(0)).doubleValue();
        double lat = ((Number) pos.get(1)).doubleValue();
        return Double.isFinite(lon) && Double.isFinite(lat) && lon >= -180 && lon <= 180 && lat >= -90 && lat <= 90;
    }
}
