package org.minga.territory.internal;

import org.minga.platform.Inputs;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.io.WKBReader;
import org.locationtech.jts.operation.union.UnaryUnionOp;
import org.locationtech.jts.simplify.TopologyPreservingSimplifier;
import org.minga.platform.NotFoundException;
import org.minga.territory.Level;
import org.minga.territory.TerritorialUnit;
import org.minga.territory.Territory;
import org.minga.territory.Units;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Questions about the territory, each "as of" a date: one indexed query each, no N+1. */
@Component
public record TerritoryQueries(JdbcClient jdbc) implements Territory {

    static final String VALID_AT = " valid_from <= :at and (valid_to is null or valid_to >= :at) ";
    private static final String UNIT_COLUMNS = "country, code, name, level, parent_code, valid_from, valid_to";
    /** The one name search: the folded name ({@link UnitNames#searchable}) contains the folded text. */
    private static final String NAME_CONTAINS = " search_name like :search or search_name like :contains ";

    public record Page(List<TerritorialUnit> items, int page, int size, boolean hasNext) {
    }

    public record Neighbour(String a, String b, double sharedBorderMeters) {
    }

    public record Detail(TerritorialUnit unit, String originalName, Double areaKm2, Double centroidLon,
            Double centroidLat, TerritorialUnit parent, List<TerritorialUnit> children, List<TerritorialUnit> predecessors,
            List<TerritorialUnit> successors, Map<Integer, Map<String, String>> attributesByYear,
            List<NeighbourUnit> neighbours) {
    }

    public record NeighbourUnit(String code, String name, double sharedBorderMeters) {
    }

    public Page units(String country, Level level, String parent, String q, LocalDate at, int page, int size) {
        String search = Inputs.text(q) == null ? null : UnitNames.searchable(q.strip()) + "%";
        String contains = search == null ? null : "%" + search;
        List<TerritorialUnit> rows = jdbc.sql("select " + UNIT_COLUMNS + " from territorial_unit where" + VALID_AT
                + """
                and (cast(:country as text) is null or country = :country)
                and (cast(:level as text) is null or level = :level)
                and (cast(:parent as text) is null or parent_code = :parent)
                and (cast(:search as text) is null or """ + NAME_CONTAINS + """
                )
                order by country, level, code limit :limit offset :offset
                """)
                .param("at", Date.valueOf(at)).param("country", Inputs.text(country))
                .param("level", level == null ? null : level.name()).param("parent", Inputs.text(parent))
                .param("search", search).param("contains", contains)
                .param("limit", size + 1).param("offset", (long) page * size)
                .query(this::unit).list();
        boolean hasNext = rows.size() > size;
        return new Page(hasNext ? rows.subList(0, size) : rows, page, size, hasNext);
    }

    /**
     * Units valid on the date, of a country (null: any) and levels (empty: any), found by code, or by
     * the same name search as {@link #units} and the parent's name; each with its parent's name.
     * Exact names first, then names that start with the text. {@code name} and {@code parent} come
     * folded by {@link UnitNames#searchable}.
     */
    List<Units.Choice> choices(String country, java.util.Collection<Level> levels, String code, String name,
            String parent, LocalDate at, int limit) {
        String search = name == null ? null : name + "%";
        return jdbc.sql("""
                select u.country, u.code, u.name, u.level, u.parent_code, u.valid_from, u.valid_to,
                       p.name as parent_name
                from territorial_unit u
                left join territorial_unit p on p.country = u.country and p.code = u.parent_code
                     and p.valid_from <= :at and (p.valid_to is null or p.valid_to >= :at)
                where u.valid_from <= :at and (u.valid_to is null or u.valid_to >= :at)
                  and (cast(:country as text) is null or u.country = :country)
                  and (:anyLevel or u.level in (:levels))
                  and (cast(:code as text) is null or u.code = :code)
                  and (cast(:search as text) is null or """ + NAME_CONTAINS.replace("search_name", "u.search_name")
                + """
                )
                  and (cast(:parent as text) is null or p.search_name like :parent)
                order by u.search_name = :name desc, u.search_name like :search desc, u.name, p.name, u.country
                limit :limit
                """).param("at", Date.valueOf(at)).param("country", country)
                .param("anyLevel", levels.isEmpty())
                .param("levels", levels.isEmpty() ? List.of("") : levels.stream().map(Level::name).toList())
                .param("code", code).param("search", search).param("contains", name == null ? null : "%" + search)
                .param("name", name == null ? "" : name).param("parent", parent == null ? null : "%" + parent + "%")
                .param("limit", limit)
                .query((rs, n) -> new Units.Choice(unit(rs, n), rs.getString("parent_name"))).list();
    }

    /** When nothing contains the text: the units whose names look most alike (trigrams), for a refusal to offer. */
    List<Units.Choice> nearest(String country, java.util.Collection<Level> levels, String name, LocalDate at,
            int limit) {
        return jdbc.sql("""
                select u.country, u.code, u.name, u.level, u.parent_code, u.valid_from, u.valid_to,
                       p.name as parent_name
                from territorial_unit u
                left join territorial_unit p on p.country = u.country and p.code = u.parent_code
                     and p.valid_from <= :at and (p.valid_to is null or p.valid_to >= :at)
                where u.valid_from <= :at and (u.valid_to is null or u.valid_to >= :at)
                  and (cast(:country as text) is null or u.country = :country)
                  and (:anyLevel or u.level in (:levels))
                  and similarity(u.search_name, :name) > 0.3
                order by similarity(u.search_name, :name) desc, u.name
                limit :limit
                """).param("at", Date.valueOf(at)).param("country", country)
                .param("anyLevel", levels.isEmpty())
                .param("levels", levels.isEmpty() ? List.of("") : levels.stream().map(Level::name).toList())
                .param("name", name).param("limit", limit)
                .query((rs, n) -> new Units.Choice(unit(rs, n), rs.getString("parent_name"))).list();
    }

    public TerritorialUnit unit(String country, String code, LocalDate at) {
        return jdbc.sql("select " + UNIT_COLUMNS + " from territorial_unit where country = :country and code = :code and"
                + VALID_AT).param("country", country).param("code", code).param("at", Date.valueOf(at))
                .query(this::unit).optional()
                .orElseThrow(() -> new NotFoundException("unidad territorial " + country + " " + code + " en", at));
    }

    public Detail detail(String country, String code, LocalDate at) {
        record Row(long id, TerritorialUnit unit, String originalName, Double area, Double lon, Double lat) {
        }
        Row row = jdbc.sql("select id, " + UNIT_COLUMNS + ", original_name, area_km2, centroid_lon, centroid_lat"
                + " from territorial_unit where country = :country and code = :code and" + VALID_AT)
                .param("country", country).param("code", code).param("at", Date.valueOf(at))
                .query((rs, n) -> new Row(rs.getLong("id"), unit(rs, n), rs.getString("original_name"),
                        (Double) rs.getObject("area_km2"), (Double) rs.getObject("centroid_lon"),
                        (Double) rs.getObject("centroid_lat")))
                .optional()
                .orElseThrow(() -> new NotFoundException("unidad territorial " + country + " " + code + " en", at));
        TerritorialUnit unit = row.unit();
        long id = row.id();
        TerritorialUnit parent = unit.parentCode() == null ? null
                : findUnit(country, unit.parentCode(), at).orElse(null);
        List<TerritorialUnit> predecessors = jdbc.sql("select " + UNIT_COLUMNS
                + " from territorial_unit where id = (select predecessor_id from territorial_unit where id = :id)")
                .param("id", id).query(this::unit).list();
        List<TerritorialUnit> successors = jdbc.sql("select " + UNIT_COLUMNS
                + " from territorial_unit where predecessor_id = :id").param("id", id).query(this::unit).list();
        Map<Integer, Map<String, String>> attributes = new LinkedHashMap<>();
        jdbc.sql("select year, attribute, value from territorial_attribute where country = :country and code = :code"
                + " order by year desc, attribute").param("country", country).param("code", code)
                .query((rs, n) -> attributes.computeIfAbsent(rs.getInt("year"), y -> new LinkedHashMap<>())
                        .put(rs.getString("attribute"), rs.getString("value")))
                .list();
        List<TerritorialUnit> children = jdbc.sql("select " + UNIT_COLUMNS + " from territorial_unit"
                + " where country = :country and parent_code = :code and" + VALID_AT + " order by name")
                .param("country", country).param("code", code).param("at", Date.valueOf(at)).query(this::unit).list();
        return new Detail(unit, row.originalName(), row.area(), row.lon(), row.lat(), parent,
                children, predecessors, successors, attributes, neighbours(country, code, at));
    }

    /** Neighbour pairs among the units of a level valid on a date, ordered a < b by code. */
    public List<Neighbour> adjacency(String country, Level level, LocalDate at) {
        return jdbc.sql("""
                select least(ua.code, ub.code) as a, greatest(ua.code, ub.code) as b, j.shared_border_m
                from territorial_adjacency j
                join territorial_unit ua on ua.id = j.a_id
                join territorial_unit ub on ub.id = j.b_id
                where ua.country = :country and ua.level = :level
                  and ua.valid_from <= :at and (ua.valid_to is null or ua.valid_to >= :at)
                  and ub.valid_from <= :at and (ub.valid_to is null or ub.valid_to >= :at)
                order by 1, 2
                """).param("country", country).param("level", level.name()).param("at", Date.valueOf(at))
                .query((rs, n) -> new Neighbour(rs.getString("a"), rs.getString("b"), round(rs.getDouble("shared_border_m"))))
                .list();
    }

    public List<NeighbourUnit> neighbours(String country, String code, LocalDate at) {
        return jdbc.sql("""
                with me as (select id from territorial_unit where country = :country and code = :code and
                """ + VALID_AT + """
                )
                select o.code, o.name, j.shared_border_m
                from territorial_adjacency j
                join territorial_unit o on o.id = case when j.a_id = (select id from me) then j.b_id else j.a_id end
                where (j.a_id = (select id from me) or j.b_id = (select id from me))
                  and o.valid_from <= :at and (o.valid_to is null or o.valid_to >= :at)
                order by o.name
                """).param("country", country).param("code", code).param("at", Date.valueOf(at))
                .query((rs, n) -> new NeighbourUnit(rs.getString("code"), rs.getString("name"),
                        round(rs.getDouble("shared_border_m")))).list();
    }

    /** Units whose boundary contains the point, smallest first. */
    public List<TerritorialUnit> locate(double lat, double lon, LocalDate at) {
        Point point = GeoJsonGeometry.FACTORY.createPoint(new Coordinate(lon, lat));
        return within(point.getEnvelopeInternal(), "", at, boundary -> boundary.covers(point));
    }

    @Override
    public List<TerritorialUnit> unitsMeeting(Geometry geometry, LocalDate at) {
        return within(geometry.getEnvelopeInternal(), " and level <> 'DEPARTMENT' and boundary is not null", at,
                boundary -> boundary.intersects(geometry));
    }

    /**
     * Units valid at a date whose bounding box meets {@code box} (and that meet {@code condition}),
     * kept when their boundary passes {@code test}; smallest first.
     */
    private List<TerritorialUnit> within(Envelope box, String condition, LocalDate at, Predicate<Geometry> test) {
        WKBReader reader = new WKBReader(GeoJsonGeometry.FACTORY);
        List<TerritorialUnit> found = new ArrayList<>();
        jdbc.sql("select " + UNIT_COLUMNS + ", boundary from territorial_unit where" + VALID_AT + condition + """
                 and min_lon <= :east and max_lon >= :west and min_lat <= :north and max_lat >= :south
                order by area_km2
                """).param("at", Date.valueOf(at)).param("west", box.getMinX()).param("east", box.getMaxX())
                .param("south", box.getMinY()).param("north", box.getMaxY())
                .query((rs, n) -> {
                    if (test.test(UnitStore.read(reader, rs.getBytes("boundary")))) {
                        found.add(unit(rs, n));
                    }
                    return null;
                }).list();
        return found;
    }

    /** A GeoJSON FeatureCollection of the units asked for, simplified for maps when a tolerance is given. */
    public Map<String, Object> geoJson(String country, Level level, String parent, List<String> codes, LocalDate at,
            double tolerance) {
        WKBReader reader = new WKBReader(GeoJsonGeometry.FACTORY);
        List<Map<String, Object>> features = jdbc.sql("select " + UNIT_COLUMNS + ", boundary from territorial_unit"
                + " where country = :country and" + VALID_AT + """
                and boundary is not null
                and (cast(:level as text) is null or level = :level)
                and (cast(:parent as text) is null or parent_code = :parent)
                and (:allCodes or code in (:codes))
                order by code
                """).param("country", country).param("at", Date.valueOf(at))
                .param("level", level == null ? null : level.name()).param("parent", Inputs.text(parent))
                .param("allCodes", codes == null || codes.isEmpty())
                .param("codes", codes == null || codes.isEmpty() ? List.of("") : codes)
                .query((rs, n) -> {
                    Geometry geometry = UnitStore.read(reader, rs.getBytes("boundary"));
                    if (tolerance > 0) {
                        geometry = TopologyPreservingSimplifier.simplify(geometry, tolerance);
                    }
                    TerritorialUnit u = unit(rs, n);
                    Map<String, Object> properties = new LinkedHashMap<>();
                    properties.put("code", u.code());
                    properties.put("name", u.name());
                    properties.put("level", u.level());
                    properties.put("parentCode", u.parentCode());
                    Map<String, Object> feature = new LinkedHashMap<>();
                    feature.put("type", "Feature");
                    feature.put("properties", properties);
                    feature.put("geometry", GeoJsonWriter.geometry(geometry));
                    return feature;
                }).list();
        return Map.of("type", "FeatureCollection", "features", features);
    }

    @Override
    public Map<String, Object> boundaries(String country, java.util.Collection<String> codes, LocalDate at,
            double tolerance) {
        if (codes.isEmpty()) {
            return Map.of("type", "FeatureCollection", "features", List.of());
        }
        return geoJson(country, null, null, List.copyOf(codes), at, tolerance);
    }

    @Override
    public <K> Map<K, Map<String, Object>> outlines(String country, Map<K, ? extends java.util.Collection<String>> groups,
            LocalDate at, double tolerance) {
        List<String> codes = groups.values().stream().flatMap(java.util.Collection::stream).distinct().toList();
        if (codes.isEmpty()) {
            return Map.of();
        }
        WKBReader reader = new WKBReader(GeoJsonGeometry.FACTORY);
        Map<String, Geometry> shapes = new java.util.HashMap<>();
        jdbc.sql("select code, boundary from territorial_unit where country = :country and code in (:codes) and"
                + VALID_AT + " and boundary is not null").param("country", country).param("codes", codes)
                .param("at", Date.valueOf(at))
                .query(rs -> {
                    shapes.put(rs.getString("code"), UnitStore.read(reader, rs.getBytes("boundary")));
                });
        Map<K, Map<String, Object>> outlines = new LinkedHashMap<>();
        groups.forEach((key, members) -> {
            List<Geometry> parts = members.stream().map(shapes::get).filter(java.util.Objects::nonNull).toList();
            if (!parts.isEmpty()) {
                Geometry union = union(parts);
                outlines.put(key, GeoJsonWriter.geometry(tolerance > 0
                        ? TopologyPreservingSimplifier.simplify(union, tolerance) : union));
            }
        });
        return outlines;
    }

    /** Neighbouring boundaries digitised apart can trip the overlay; a zero buffer mends them. */
    private static Geometry union(List<Geometry> parts) {
        try {
            return UnaryUnionOp.union(parts);
        } catch (org.locationtech.jts.geom.TopologyException e) {
            return UnaryUnionOp.union(parts.stream().map(g -> g.buffer(0)).toList());
        }
    }

    @Override
    public Optional<TerritorialUnit> find(String country, String code, LocalDate at) {
        return findUnit(country, code, at);
    }

    @Override
    public Map<String, TerritorialUnit> findAll(String country, java.util.Collection<String> codes, LocalDate at) {
        if (codes.isEmpty()) {
            return Map.of();
        }
        Map<String, TerritorialUnit> found = new LinkedHashMap<>();
        jdbc.sql("select " + UNIT_COLUMNS + " from territorial_unit where country = :country and code in (:codes) and"
                + VALID_AT).param("country", country).param("codes", List.copyOf(codes)).param("at", Date.valueOf(at))
                .query(this::unit).list().forEach(u -> found.put(u.code(), u));
        return found;
    }

    @Override
    public List<Territory.Neighbours> neighboursAmong(String country, java.util.Collection<String> codes, LocalDate at) {
        if (codes.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                select ua.code as a, ub.code as b, j.shared_border_m
                from territorial_adjacency j
                join territorial_unit ua on ua.id = j.a_id
                join territorial_unit ub on ub.id = j.b_id
                where ua.country = :country and ua.code in (:codes) and ub.code in (:codes)
                  and ua.valid_from <= :at and (ua.valid_to is null or ua.valid_to >= :at)
                  and ub.valid_from <= :at and (ub.valid_to is null or ub.valid_to >= :at)
                """).param("country", country).param("codes", List.copyOf(codes)).param("at", Date.valueOf(at))
                .query((rs, n) -> new Territory.Neighbours(rs.getString("a"), rs.getString("b"),
                        rs.getDouble("shared_border_m"))).list();
    }

    @Override
    public Map<String, String> attributeAt(String country, java.util.Collection<String> codes, String attribute,
            LocalDate at) {
        if (codes.isEmpty()) {
            return Map.of();
        }
        Map<String, String> values = new LinkedHashMap<>();
        jdbc.sql("""
                select distinct on (code) code, value from territorial_attribute
                where country = :country and code in (:codes) and attribute = :attribute and year <= :year
                order by code, year desc
                """).param("country", country).param("codes", List.copyOf(codes)).param("attribute", attribute)
                .param("year", at.getYear())
                .query((rs, n) -> values.put(rs.getString("code"), rs.getString("value"))).list();
        return values;
    }

    private Optional<TerritorialUnit> findUnit(String country, String code, LocalDate at) {
        return jdbc.sql("select " + UNIT_COLUMNS + " from territorial_unit where country = :country and code = :code and"
                + VALID_AT).param("country", country).param("code", code).param("at", Date.valueOf(at))
                .query(this::unit).optional();
    }

    private TerritorialUnit unit(ResultSet rs, int row) throws SQLException {
        Date to = rs.getDate("valid_to");
        return new TerritorialUnit(rs.getString("country"), rs.getString("code"), rs.getString("name"),
                Level.valueOf(rs.getString("level")), rs.getString("parent_code"),
                rs.getDate("valid_from").toLocalDate(), to == null ? null : to.toLocalDate());
    }

    private static double round(double meters) {
        return Math.round(meters * 10) / 10.0;
    }
}
