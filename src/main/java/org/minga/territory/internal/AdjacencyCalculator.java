package org.minga.territory.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.List;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.index.strtree.STRtree;

/**
 * Which units are neighbours: their boundaries share a segment of positive length (touching at a
 * point does not count), measured in metres. Only versions whose validity periods overlap can be
 * neighbours.
 *
 * <p>Official boundary files are topologically clean: neighbours share identical segments. So a hash
 * of every segment finds those pairs (and the length they share) in one pass. Every other candidate
 * pair (bounding boxes from an STR-tree that meet) gets the exact JTS intersection, on boundaries
 * first cut down to the segments that reach the boxes' common part. So the answer is the exact one
 * for any data, and fast for clean data.
 */
final class AdjacencyCalculator {

    record Unit(long id, Geometry area, LocalDate validFrom, LocalDate validTo) {
    }

    record Pair(long a, long b, double sharedMeters) {
    }

    private AdjacencyCalculator() {
    }

    static List<Pair> neighbours(List<Unit> units) {
        STRtree index = new STRtree();
        List<Geometry> boundaries = new ArrayList<>(units.size());
        for (int i = 0; i < units.size(); i++) {
            Geometry boundary = units.get(i).area().getBoundary();
            boundaries.add(boundary);
            index.insert(boundary.getEnvelopeInternal(), i);
        }
        Map<Long, Double> shared = sharedSegments(units, boundaries);
        List<Pair> pairs = new ArrayList<>();
        shared.forEach((key, meters) -> {
            long a = units.get((int) (key >>> 32)).id();
            long b = units.get((int) (key & 0xffffffffL)).id();
            pairs.add(a < b ? new Pair(a, b, meters) : new Pair(b, a, meters));
        });
        for (int i = 0; i < units.size(); i++) {
            Unit a = units.get(i);
            Geometry boundaryA = boundaries.get(i);
            for (Object candidate : index.query(boundaryA.getEnvelopeInternal())) {
                int j = (Integer) candidate;
                Unit b = units.get(j);
                if (j <= i || !overlapInTime(a, b) || shared.containsKey(pairKey(i, j))) {
                    continue;
                }
                Geometry boundaryB = boundaries.get(j);
                Envelope common = boundaryA.getEnvelopeInternal().intersection(boundaryB.getEnvelopeInternal());
                Geometry partA = clip(boundaryA, common);
                Geometry partB = partA.isEmpty() ? partA : clip(boundaryB, common);
                if (partB.isEmpty()) {
                    continue;
                }
                double meters = Geodesy.lengthMeters(partA.intersection(partB));
                if (meters > 0) {
                    pairs.add(a.id() < b.id() ? new Pair(a.id(), b.id(), meters) : new Pair(b.id(), a.id(), meters));
                }
            }
        }
        return pairs;
    }

    /** One segment, its ends in a fixed order so that both neighbours see the same key. */
    private record Segment(double x1, double y1, double x2, double y2) {

        static Segment of(Coordinate p, Coordinate q) {
            boolean ordered = p.x < q.x || (p.x == q.x && p.y <= q.y);
            return ordered ? new Segment(p.x, p.y, q.x, q.y) : new Segment(q.x, q.y, p.x, p.y);
        }
    }

    /** Pairs (by index) whose boundaries contain identical segments, with the metres they share. */
    private static Map<Long, Double> sharedSegments(List<Unit> units, List<Geometry> boundaries) {
        Map<Segment, int[]> owners = new HashMap<>();
        Map<Long, Double> shared = new HashMap<>();
        for (int i = 0; i < units.size(); i++) {
            Geometry boundary = boundaries.get(i);
            for (int g = 0; g < boundary.getNumGeometries(); g++) {
                Coordinate[] c = ((LineString) boundary.getGeometryN(g)).getCoordinates();
                for (int k = 1; k < c.length; k++) {
                    if (c[k - 1].equals2D(c[k])) {
                        continue;
                    }
                    Segment segment = Segment.of(c[k - 1], c[k]);
                    int[] before = owners.get(segment);
                    if (before == null) {
                        owners.put(segment, new int[] {i});
                        continue;
                    }
                    for (int j : before) {
                        if (j != i && overlapInTime(units.get(i), units.get(j))) {
                            shared.merge(pairKey(i, j), Geodesy.haversine(c[k - 1], c[k]), Double::sum);
                        }
                    }
                    if (before[before.length - 1] != i) {
                        int[] more = java.util.Arrays.copyOf(before, before.length + 1);
                        more[before.length] = i;
                        owners.put(segment, more);
                    }
                }
            }
        }
        return shared;
    }

    private static long pairKey(int i, int j) {
        return ((long) Math.min(i, j) << 32) | Math.max(i, j);
    }

    /** The runs of consecutive segments of the lines whose own box meets the envelope. */
    static Geometry clip(Geometry lines, Envelope envelope) {
        List<LineString> runs = new ArrayList<>();
        for (int g = 0; g < lines.getNumGeometries(); g++) {
            Coordinate[] c = ((LineString) lines.getGeometryN(g)).getCoordinates();
            int start = -1;
            for (int k = 1; k < c.length; k++) {
                boolean meets = envelope.intersects(c[k - 1], c[k]);
                if (meets && start < 0) {
                    start = k - 1;
                } else if (!meets && start >= 0) {
                    runs.add(FACTORY.createLineString(java.util.Arrays.copyOfRange(c, start, k)));
                    start = -1;
                }
            }
            if (start >= 0) {
                runs.add(FACTORY.createLineString(java.util.Arrays.copyOfRange(c, start, c.length)));
            }
        }
        return FACTORY.createMultiLineString(runs.toArray(LineString[]::new));
    }

    private static final org.locationtech.jts.geom.GeometryFactory FACTORY = GeoJsonGeometry.FACTORY;

    private static boolean overlapInTime(Unit a, Unit b) {
        boolean aEndsBeforeB = a.validTo() != null && a.validTo().isBefore(b.validFrom());
        boolean bEndsBeforeA = b.validTo() != null && b.validTo().isBefore(a.validFrom());
        return !aEndsBeforeB && !bEndsBeforeA;
    }
}
