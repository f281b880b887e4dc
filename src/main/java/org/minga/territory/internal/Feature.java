package org.minga.territory.internal;

import java.util.Map;
import java.util.TreeMap;

import org.locationtech.jts.geom.Geometry;

/**
 * One boundary as any file format gives it: its attributes and its geometry, already in WGS84
 * longitude/latitude. {@code index} counts from 1 in the file's order, for messages.
 */
record Feature(int index, Map<String, Object> attributes, Geometry geometry) {

    /** dBase field names have at most 10 characters, so a Shapefile's {@code id_distrito} is {@code ID_DISTRIT}. */
    static final int DBF_NAME_LENGTH = 10;

    Feature {
        // Names are matched without regard to case: DBF fields are usually upper case.
        Map<String, Object> byName = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        byName.putAll(attributes);
        attributes = byName;
    }

    /** Whether a file's field is the attribute {@code name}: same name but for case, or cut to 10 characters. */
    static boolean isNamed(String field, String name) {
        return field.equalsIgnoreCase(name)
                || name.length() > DBF_NAME_LENGTH && field.equalsIgnoreCase(name.substring(0, DBF_NAME_LENGTH));
    }

    /** The value of an attribute, by its name or, failing that, by the name cut to a DBF field's length. */
    Object attribute(String name) {
        Object value = attributes.get(name);
        if (value == null && name.length() > DBF_NAME_LENGTH) {
            value = attributes.get(name.substring(0, DBF_NAME_LENGTH));
        }
        return value;
    }
}
