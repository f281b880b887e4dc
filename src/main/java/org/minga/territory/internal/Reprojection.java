package org.minga.territory.internal;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.CoordinateSequenceFilter;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.proj4j.CRSFactory;
import org.locationtech.proj4j.CoordinateReferenceSystem;
import org.locationtech.proj4j.CoordinateTransform;
import org.locationtech.proj4j.CoordinateTransformFactory;
import org.locationtech.proj4j.ProjCoordinate;

import mil.nga.proj.ProjectionFactory;

/**
 * Moves a file's coordinates from the reference system it declares to WGS84 longitude/latitude,
 * the only one Minga stores. The system comes as an EPSG code (proj4j's EPSG database) or as the
 * WKT of a Shapefile's .prj or a GeoPackage's SRS (read by NGA's CRS parser into proj4j). Whatever
 * cannot be known for sure is refused by name: a wrong guess would move every boundary silently.
 */
final class Reprojection {

    private static final CRSFactory CRS = new CRSFactory();
    private static final CoordinateReferenceSystem WGS84 = CRS.createFromName("EPSG:4326");

    /** Codes newer than proj4j's EPSG database, with their definition from the EPSG registry. */
    private static final Map<Integer, String> NEWER_THAN_PROJ4J = Map.of(9377,
            "+proj=tmerc +lat_0=4 +lon_0=-73 +k=0.9992 +x_0=5000000 +y_0=2000000 +ellps=GRS80"
                    + " +towgs84=0,0,0,0,0,0,0 +units=m +no_defs");

    /**
     * Geographic systems whose longitude/latitude are WGS84's to well under a metre (WGS 84,
     * MAGNA-SIRGAS, SIRGAS): kept as they are.
     */
    private static final Set<Integer> SAME_AS_WGS84 = Set.of(4326, 4686, 4170);

    /**
     * Projection methods the WKT parser maps faithfully to proj4j (an unknown method name would
     * silently become Mercator there). Names normalised: lower case, letters and digits only.
     */
    private static final Set<String> METHODS = Set.of("transversemercator", "lambertconformalconic",
            "lambertconformalconic1sp", "lambertconformalconic2sp", "lambertconicconformal1sp",
            "lambertconicconformal2sp", "mercator", "mercator1sp", "mercator2sp", "mercatorvarianta",
            "mercatorvariantb", "universaltransversemercator");

    private static final Pattern NAME = Pattern.compile("^\\s*[A-Z]+\\s*\\[\\s*\"([^\"]*)\"");
    private static final Pattern METHOD = Pattern.compile("(?:PROJECTION|METHOD)\\s*\\[\\s*\"([^\"]*)\"");
    private static final Pattern AUTHORITY = Pattern.compile("(?:AUTHORITY|ID)\\s*\\[\\s*\"EPSG\"\\s*,\\s*\"?(\\d+)\"?\\s*]\\s*]\\s*$");

    static final Reprojection NONE = new Reprojection("WGS 84 (EPSG:4326)", null);

    private final String name;
    private final CoordinateTransform transform;

    private Reprojection(String name, CoordinateTransform transform) {
        this.name = name;
        this.transform = transform;
    }

    /** The system an EPSG code names; {@code what} says where the code was found, for messages. */
    static Reprojection fromEpsg(int code, String what) {
        if (SAME_AS_WGS84.contains(code)) {
            return new Reprojection("EPSG:" + code, null);
        }
        CoordinateReferenceSystem source;
        try {
            String definition = NEWER_THAN_PROJ4J.get(code);
            source = definition != null ? CRS.createFromParameters("EPSG:" + code, definition)
                    : CRS.createFromName("EPSG:" + code);
        } catch (RuntimeException e) {
            throw new ImportException(what + " está en la proyección EPSG:" + code
                    + ", que Minga no conoce. Conviértalo a WGS 84 (EPSG:4326) o a MAGNA-SIRGAS (EPSG:4686).", e);
        }
        return new Reprojection("EPSG:" + code, new CoordinateTransformFactory().createTransform(source, WGS84));
    }

    /** The system a WKT describes (OGC or ESRI flavour, as in a .prj). */
    static Reprojection fromWkt(String wkt, String what) {
        String text = wkt == null ? "" : wkt.strip();
        if (text.isEmpty() || text.equalsIgnoreCase("undefined")) {
            throw new ImportException(what + " no declara su proyección; sin ella no se sabe dónde están las"
                    + " coordenadas.");
        }
        Matcher authority = AUTHORITY.matcher(text);
        if (authority.find()) {
            return fromEpsg(Integer.parseInt(authority.group(1)), what);
        }
        Matcher nameMatcher = NAME.matcher(text);
        String crsName = nameMatcher.find() ? nameMatcher.group(1) : text.substring(0, Math.min(60, text.length()));
        Matcher method = METHOD.matcher(text);
        if (method.find() && !METHODS.contains(normalised(method.group(1)))) {
            throw new ImportException(what + " está en la proyección «" + crsName + "», con el método «"
                    + method.group(1) + "», que Minga no sabe convertir. Conviértalo a WGS 84 (EPSG:4326).");
        }
        CoordinateReferenceSystem source;
        try {
            source = ProjectionFactory.getProjectionByDefinition(text).getCrs();
        } catch (RuntimeException e) {
            throw new ImportException(what + " está en la proyección «" + crsName
                    + "», que Minga no conoce. Conviértalo a WGS 84 (EPSG:4326).", e);
        }
        return new Reprojection(crsName, new CoordinateTransformFactory().createTransform(source, WGS84));
    }

    String name() {
        return name;
    }

    /** The geometry in WGS84 longitude/latitude; refused if a point falls outside the globe. */
    Geometry toWgs84(Geometry geometry) {
        Geometry moved = geometry.copy();
        if (transform != null) {
            moved.apply(new Transformer(transform));
        }
        moved.setSRID(4326);
        moved.geometryChanged();
        for (var c : moved.getCoordinates()) {
            if (!(c.x >= -180 && c.x <= 180 && c.y >= -90 && c.y <= 90)) {
                throw new IllegalArgumentException("coordenada fuera de WGS84 tras convertir desde " + name + ": "
                        + c.x + ", " + c.y + " (¿la proyección declarada es la de los datos?)");
            }
        }
        return moved;
    }

    private static String normalised(String method) {
        return method.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }

    private static final class Transformer implements CoordinateSequenceFilter {
        private final CoordinateTransform transform;
        private final ProjCoordinate in = new ProjCoordinate();
        private final ProjCoordinate out = new ProjCoordinate();

        Transformer(CoordinateTransform transform) {
            this.transform = transform;
        }

        @Override
        public void filter(CoordinateSequence seq, int i) {
            in.x = seq.getX(i);
            in.y = seq.getY(i);
            transform.transform(in, out);
            seq.setOrdinate(i, CoordinateSequence.X, out.x);
            seq.setOrdinate(i, CoordinateSequence.Y, out.y);
        }

        @Override
        public boolean isDone() {
            return false;
        }

        @Override
        public boolean isGeometryChanged() {
            return true;
        }
    }
}
