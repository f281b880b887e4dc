package org.minga.territory.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.index.strtree.STRtree;

/**
 * Which units are neighbours: their boundaries share a segment of positive length (touching at a
 * point does not count), measured in metres. Only versions whose validity periods overlap can be
 * neighbours. Candidate pairs come from an STR-tree of bounding boxes. Whatever two boundaries share
 * lies inside both boxes, so each boundary is first cut down to the segments that reach the boxes'
 * common part: the exact intersection then works on a few segments instead of whole outlines.
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
        List<Pair> pairs = new ArrayList<>();
        for (int i = 0; i < units.size(); i++) {
            Unit a = units.get(i);
            Geometry boundaryA = boundaries.get(i);
            for (Object candidate : index.query(boundaryA.getEnvelopeInternal())) {
                int j = (Integer) candidate;
                Unit b = units.get(j);
                if (j <= i || !overlapInTime(a, b)) {
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
