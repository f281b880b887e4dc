package org.minga.territory;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.locationtech.jts.geom.Geometry;

/** What other modules may ask of the territory, always as of a date. */
public interface Territory {

    Optional<TerritorialUnit> find(String country, String code, LocalDate at);

    /** The units among the codes that exist on the date, by code, in one query. */
    Map<String, TerritorialUnit> findAll(String country, Collection<String> codes, LocalDate at);

    /** The neighbour pairs among the given units (codes of one country), valid on the date. */
    List<Neighbours> neighboursAmong(String country, Collection<String> codes, LocalDate at);

    /**
     * A GeoJSON FeatureCollection of the units' boundaries on the date, simplified for maps by a
     * tolerance in degrees (0 = as stored). No codes, no features.
     */
    Map<String, Object> boundaries(String country, Collection<String> codes, LocalDate at, double tolerance);

    /**
     * The outline of each group of units on the date: the union of their boundaries as a GeoJSON
     * geometry, simplified after the union so neighbours leave no slivers. One read for all groups;
     * groups without any known boundary are left out.
     */
    <K> Map<K, Map<String, Object>> outlines(String country, Map<K, ? extends Collection<String>> groups, LocalDate at,
            double tolerance);

    /**
     * One yearly attribute (such as {@code category}) of the given units as of the date: for each
     * code, the value of the latest year not after the date's year. Codes without a value are absent.
     */
    Map<String, String> attributeAt(String country, Collection<String> codes, String attribute,
            LocalDate at);

    /**
     * The municipalities and districts whose boundary meets the geometry (WGS 84 longitude and
     * latitude) on the date, smallest first: the units a point or a shape on the map affects.
     */
    List<TerritorialUnit> unitsMeeting(Geometry geometry, LocalDate at);

    /**
     * The units split into groups joined by shared borders on the date, in the order the codes are
     * given; one group means a contiguous territory.
     */
    default List<List<String>> contiguousGroups(String country, Collection<String> codes, LocalDate at) {
        return ContiguousGroups.of(codes, neighboursAmong(country, codes, at));
    }

    record Neighbours(String a, String b, double sharedBorderMeters) {
    }
}
