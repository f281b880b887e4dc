package org.minga.territory.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;

class AdjacencyCalculatorTests {

    static final LocalDate ALWAYS = UnitRecord.SINCE_RECORDS;
    static final double DEGREE_M = 2 * Math.PI * Geodesy.EARTH_RADIUS_M / 360;

    @Test
    void sharedEdgesCountTouchingAtAPointDoesNot() {
        var pairs = AdjacencyCalculator.neighbours(List.of(
                unit(1, box(0, 0, 1, 1)), unit(2, box(1, 0, 2, 1)), unit(3, box(1, 1, 2, 2))));
        assertThat(pairs).extracting(AdjacencyCalculator.Pair::a, AdjacencyCalculator.Pair::b)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(1L, 2L),
                        org.assertj.core.groups.Tuple.tuple(2L, 3L));
        assertThat(pairs.stream().filter(p -> p.a() == 1).findFirst().orElseThrow().sharedMeters())
                .isCloseTo(DEGREE_M, within(1.0));
    }

    @Test
    void aBorderSharedWithoutCommonVerticesIsFoundExactly() {
        // Unit 2's right edge runs along half of unit 1's left edge; no vertex in common.
        var pairs = AdjacencyCalculator.neighbours(List.of(unit(1, box(0, 0, 1, 1)), unit(2, box(-1, 0.5, 0, 1.5))));
        assertThat(pairs).hasSize(1);
        assertThat(pairs.getFirst().sharedMeters()).isCloseTo(DEGREE_M / 2, within(1.0));
    }

    @Test
    void versionsThatNeverCoexistAreNotNeighbours() {
        var before = new AdjacencyCalculator.Unit(1, box(0, 0, 1, 1), ALWAYS, LocalDate.of(2024, 4, 30));
        var after = new AdjacencyCalculator.Unit(2, box(1, 0, 2, 1), LocalDate.of(2024, 5, 1), null);
        assertThat(AdjacencyCalculator.neighbours(List.of(before, after))).isEmpty();
    }

    private static AdjacencyCalculator.Unit unit(long id, Geometry area) {
        return new AdjacencyCalculator.Unit(id, area, ALWAYS, null);
    }

    private static Geometry box(double x1, double y1, double x2, double y2) {
        return GeoJsonGeometry.FACTORY.createPolygon(new Coordinate[] {new Coordinate(x1, y1),
                new Coordinate(x2, y1), new Coordinate(x2, y2), new Coordinate(x1, y2), new Coordinate(x1, y1)});
    }
}
