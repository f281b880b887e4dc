package org.minga.territory.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.index.strtree.STRtree;

/**
 * Which units are neighbours: their boundaries share a segment of positive length (touching at a
 * point does not count), measured in metres. Only versions whose validity periods overlap can be
 * neighbours. Candidate pairs come from an STR-tree of bounding boxes; a prepared boundary rejects
 * the disjoint ones before the exact intersection is computed.
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
            PreparedGeometry prepared = null;
            for (Object candidate : index.query(boundaryA.getEnvelopeInternal())) {
                int j = (Integer) candidate;
                Unit b = units.get(j);
                if (j <= i || !overlapInTime(a, b)) {
                    continue;
                }
                if (prepared == null) {
                    prepared = PreparedGeometryFactory.prepare(boundaryA);
                }
                Geometry boundaryB = boundaries.get(j);
                if (!prepared.intersects(boundaryB)) {
                    continue;
                }
                double meters = Geodesy.lengthMeters(boundaryA.intersection(boundaryB));
                if (meters > 0) {
                    pairs.add(a.id() < b.id() ? new Pair(a.id(), b.id(), meters) : new Pair(b.id(), a.id(), meters));
                }
            }
        }
        return pairs;
    }

    private static boolean overlapInTime(Unit a, Unit b) {
        boolean aEndsBeforeB = a.validTo() != null && a.validTo().isBefore(b.validFrom());
        boolean bEndsBeforeA = b.validTo() != null && b.validTo().isBefore(a.validFrom());
        return !aEndsBeforeB && !bEndsBeforeA;
    }
}
