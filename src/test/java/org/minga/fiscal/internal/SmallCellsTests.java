package org.minga.fiscal.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** A summary by stratum must not reveal one parcel's value, directly or by subtraction from the total. */
class SmallCellsTests {

    record Row(String dimension, String key, int parcels, long value) {
    }

    @Test
    void aStratumOfFewerThanThreeParcelsIsLeftOutAndSoIsTheNextSmallestSoNoSubtractionRevealsIt() {
        List<Row> rows = List.of(new Row("STRATUM", "1", 40, 400), new Row("STRATUM", "2", 7, 70),
                new Row("STRATUM", "6", 1, 900_000), new Row("ZONE", "URBAN", 30, 300), new Row("ZONE", "RURAL", 18, 180));
        List<Row> shown = SmallCells.suppress(rows, Row::dimension, Row::parcels);
        assertThat(shown).extracting(Row::key).containsExactly("1", "URBAN", "RURAL");
    }

    @Test
    void twoSmallStrataAreLeftOutAloneAndBigOnesStay() {
        List<Row> rows = List.of(new Row("STRATUM", "1", 40, 400), new Row("STRATUM", "2", 3, 30),
                new Row("STRATUM", "5", 2, 20), new Row("STRATUM", "6", 1, 10));
        assertThat(SmallCells.suppress(rows, Row::dimension, Row::parcels)).extracting(Row::key).containsExactly("1", "2");
    }

    @Test
    void nothingSmallNothingLeftOut() {
        List<Row> rows = List.of(new Row("STRATUM", "1", 3, 30), new Row("STRATUM", "2", 4, 40));
        assertThat(SmallCells.suppress(rows, Row::dimension, Row::parcels)).isEqualTo(rows);
    }
}
