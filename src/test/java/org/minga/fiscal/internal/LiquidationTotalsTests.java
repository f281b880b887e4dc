package org.minga.fiscal.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.minga.fiscal.internal.LiquidationRun.Dimension;
import org.minga.fiscal.internal.LiquidationRun.Totals;
import org.minga.fiscal.internal.TaxEngine.Assessment;
import org.minga.fiscal.internal.TaxEngine.Parcel;
import org.minga.fiscal.internal.TaxEngine.Zone;

/** How one assessed parcel adds to a liquidation's totals by dimension, without a database. */
class LiquidationTotalsTests {

    static final TaxEngine ENGINE = TaxEngineTests.engine(LawRegimes.LEY_1995, TaxEngineTests.Y2023, 1000);

    static Parcel parcel(Zone zone, char destination, int stratum, long value, long previousTax) {
        return new Parcel("544980000000000000000000000001", zone, destination, stratum, 20_000, 10_000, value, false,
                false, previousTax, destination, 20_000, 10_000);
    }

    @Test
    void eachParcelCountsOnceInEveryDimensionAndHousingAlsoByIncrease() {
        Totals totals = new Totals();
        Parcel housing = parcel(Zone.U, 'A', 2, 100_000_000, 500_000);
        Parcel shop = parcel(Zone.R, 'C', 0, 50_000_000, 400_000);
        Assessment a = ENGINE.assess(housing);
        Assessment b = ENGINE.assess(shop);
        LiquidationRun.add(totals, housing, a);
        LiquidationRun.add(totals, shop, b);

        assertThat(totals.of(Dimension.DESTINATION)).containsOnlyKeys("A", "C");
        assertThat(totals.of(Dimension.STRATUM)).containsOnlyKeys("0", "2");
        assertThat(totals.of(Dimension.ZONE)).containsOnlyKeys("R", "U");
        assertThat(totals.of(Dimension.INCREASE)).hasSize(1);
        assertThat(totals.of(Dimension.ZONE).get("U").finalTax).isEqualTo(a.finalTax());
        assertThat(totals.of(Dimension.ZONE).get("R").base).isEqualTo(50_000_000);
        assertThat(totals.of(Dimension.LIMIT).keySet()).contains(LiquidationRun.limitKey(a), LiquidationRun.limitKey(b));

        // Two chunks' totals merge key by key.
        Totals other = new Totals();
        LiquidationRun.add(other, housing, a);
        totals.add(other);
        assertThat(totals.of(Dimension.DESTINATION).get("A").parcels).isEqualTo(2);
        assertThat(totals.of(Dimension.DESTINATION).get("C").parcels).isEqualTo(1);
    }

    @Test
    void theIncreaseBandsOfHousingFollowTheTaxOfLastYear() {
        assertThat(LiquidationRun.increaseBand(-1, 100)).isEqualTo("NEW");
        assertThat(LiquidationRun.increaseBand(100, 100)).isEqualTo("0_NONE");
        assertThat(LiquidationRun.increaseBand(100, 110)).isEqualTo("1_UP_TO_10");
        assertThat(LiquidationRun.increaseBand(100, 150)).isEqualTo("3_UP_TO_50");
        assertThat(LiquidationRun.increaseBand(0, 1)).isEqualTo("6_OVER_100");
    }
}
