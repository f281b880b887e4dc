package org.minga.territory.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** A GeoJSON FeatureCollection in WGS84 (RFC 7946), the format of the reference territory. */
final class GeoJsonFeatures {

    private GeoJsonFeatures() {
    }

    static List<Feature> read(ObjectMapper json, byte[] file) {
        JsonNode root;
        try {
            root = json.readTree(file);
        } catch (JacksonException e) {
            throw new ImportException("El archivo no es GeoJSON válido (¿está incompleto o dañado?): "
                    + e.getOriginalMessage());
        }
        if (root == null || !"FeatureCollection".equals(root.path("type").asString(""))
                || !root.path("features").isArray()) {
            throw new ImportException("El archivo no es una FeatureCollection de GeoJSON.");
        }
        JsonNode features = root.path("features");
        if (features.isEmpty()) {
            throw new ImportException("El archivo no tiene ninguna entidad (features está vacío).");
        }
        List<Feature> read = new ArrayList<>(features.size());
        for (int i = 0; i < features.size(); i++) {
            JsonNode feature = features.get(i);
            try {
                read.add(new Feature(i + 1, attributes(feature.path("properties")),
                        GeoJsonGeometry.read(feature.path("geometry"))));
            } catch (IllegalArgumentException e) {
                throw new ImportException("Entidad " + (i + 1) + ": " + e.getMessage() + ".", e);
            }
        }
        return read;
    }

    private static Map<String, Object> attributes(JsonNode properties) {
        Map<String, Object> attributes = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> p : properties.properties()) {
            JsonNode value = p.getValue();
            if (value.isNumber()) {
                attributes.put(p.getKey(), value.numberValue());
            } else if (value.isString()) {
                attributes.put(p.getKey(), value.asString());
            } else if (!value.isNull() && !value.isMissingNode()) {
                attributes.put(p.getKey(), value.toString());
            }
        }
        return attributes;
    }
}
