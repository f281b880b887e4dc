package org.minga.territory.internal;

import java.time.LocalDate;

import org.locationtech.jts.geom.MultiPolygon;
import org.minga.territory.Level;

/**
 * A unit version as read from a file, before it is stored. {@code continues} names the code of the
 * version this one follows (a Salvadoran district continues the municipality of the same code).
 */
record UnitRecord(String country, Level level, String code, String name, String originalName, String parentCode,
        LocalDate validFrom, LocalDate validTo, MultiPolygon boundary, String source, boolean continuesPrevious) {

    /** Units whose start is not in the source: valid since before any question Minga is asked. */
    static final LocalDate SINCE_RECORDS = LocalDate.of(1900, 1, 1);
}
