package org.minga.territory.internal;

import java.sql.Date;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.locationtech.jts.io.WKBWriter;
import org.minga.territory.Level;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Writes unit versions (re-runnable: a version is found again by country, code and start) and
 * recomputes the neighbours of every group whose boundaries changed. Called inside the import's
 * transaction, so a failure leaves the database as it was.
 */
@Component
record UnitStore(JdbcClient jdbc, JdbcTemplate batch) {

    record Group(String country, Level level) {
    }

    /** Stores the versions and returns the groups (country, level) they belong to. */
    Set<Group> store(List<UnitRecord> units) {
        WKBWriter wkb = new WKBWriter(2, true);
        Map<String, Long> previous = new HashMap<>();
        Set<Group> groups = new LinkedHashSet<>();
        List<UnitRecord> ordered = new ArrayList<>(units);
        ordered.sort((x, y) -> x.validFrom().compareTo(y.validFrom()));
        for (UnitRecord u : ordered) {
            Envelope box = u.boundary().getEnvelopeInternal();
            Point centroid = u.boundary().getInteriorPoint();
            Long predecessor = u.continuesPrevious() ? previous.get(u.country() + "/" + u.code()) : null;
            long id = jdbc.sql("""
                    insert into territorial_unit (country, level, code, name, original_name, search_name, parent_code,
                        valid_from, valid_to, boundary, min_lon, min_lat, max_lon, max_lat, centroid_lon, centroid_lat,
                        area_km2, predecessor_id, source)
                    values (:country, :level, :code, :name, :original, :search, :parent, :from, :to, :boundary,
                        :minLon, :minLat, :maxLon, :maxLat, :cLon, :cLat, :area, :predecessor, :source)
                    on conflict (country, code, valid_from) do update set
                        level = excluded.level, name = excluded.name, original_name = excluded.original_name,
                        search_name = excluded.search_name, parent_code = excluded.parent_code,
                        valid_to = excluded.valid_to, boundary = excluded.boundary, min_lon = excluded.min_lon,
                        min_lat = excluded.min_lat, max_lon = excluded.max_lon, max_lat = excluded.max_lat,
                        centroid_lon = excluded.centroid_lon, centroid_lat = excluded.centroid_lat,
                        area_km2 = excluded.area_km2, predecessor_id = excluded.predecessor_id, source = excluded.source
                    returning id
                    """)
                    .param("country", u.country()).param("level", u.level().name()).param("code", u.code())
                    .param("name", u.name()).param("original", u.originalName())
                    .param("search", UnitNames.searchable(u.name())).param("parent", u.parentCode())
                    .param("from", Date.valueOf(u.validFrom()))
                    .param("to", u.validTo() == null ? null : Date.valueOf(u.validTo()))
                    .param("boundary", wkb.write(u.boundary()))
                    .param("minLon", box.getMinX()).param("minLat", box.getMinY())
                    .param("maxLon", box.getMaxX()).param("maxLat", box.getMaxY())
                    .param("cLon", centroid.getX()).param("cLat", centroid.getY())
                    .param("area", Geodesy.areaKm2(u.boundary())).param("predecessor", predecessor)
                    .param("source", u.source())
                    .query(Long.class).single();
            previous.put(u.country() + "/" + u.code(), id);
            groups.add(new Group(u.country(), u.level()));
        }
        return groups;
    }

    /** Recomputes the neighbours among all versions of a group. */
    AdjacencyRun recomputeAdjacency(Group group) {
        long t0 = System.nanoTime();
        WKBReader reader = new WKBReader(GeoJsonGeometry.FACTORY);
        List<AdjacencyCalculator.Unit> units = jdbc.sql("""
                select id, boundary, valid_from, valid_to from territorial_unit
                where country = :country and level = :level and boundary is not null
                """).param("country", group.country()).param("level", group.level().name())
                .query((rs, n) -> new AdjacencyCalculator.Unit(rs.getLong("id"), read(reader, rs.getBytes("boundary")),
                        rs.getDate("valid_from").toLocalDate(),
                        rs.getDate("valid_to") == null ? null : rs.getDate("valid_to").toLocalDate()))
                .list();
        long t1 = System.nanoTime();
        List<AdjacencyCalculator.Pair> pairs = AdjacencyCalculator.neighbours(units);
        long t2 = System.nanoTime();
        jdbc.sql("""
                delete from territorial_adjacency where a_id in (
                    select id from territorial_unit where country = :country and level = :level)
                """).param("country", group.country()).param("level", group.level().name()).update();
        batch.batchUpdate("insert into territorial_adjacency (a_id, b_id, shared_border_m) values (?, ?, ?)",
                pairs.stream().map(p -> new Object[] {p.a(), p.b(), p.sharedMeters()}).toList());
        long t3 = System.nanoTime();
        return new AdjacencyRun(pairs.size(), (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000, (t3 - t2) / 1_000_000);
    }

    static Geometry read(WKBReader reader, byte[] wkb) {
        try {
            return reader.read(wkb);
        } catch (ParseException e) {
            throw new IllegalStateException("Stored boundary is not WKB", e);
        }
    }
}
