package org.minga.fiscal.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.minga.fiscal.internal.TaxEngine.Assessment;
import org.minga.fiscal.internal.TaxEngine.Economy;
import org.minga.fiscal.internal.TaxEngine.Exception;
import org.minga.fiscal.internal.TaxEngine.Parcel;
import org.minga.fiscal.internal.TaxEngine.RateBand;
import org.minga.fiscal.internal.TaxEngine.Zone;

/**
 * Worked examples of every limit and every exception, computed by hand from the law, and
 * property checks over many random parcels. Year 2023: CPI of 2022 = 13.12 %, SMMLV 2023 =
 * $1,160,000, so 135 SMMLV = $156,600,000.
 */
class TaxEngineTests {

    static final Economy Y2023 = new Economy(2023, 1312, 1_160_000);
    static final Economy Y2019 = new Economy(2019, 318, 828_116);

    /** A single rate for everything, in hundredths of a per mil (1000 = 10 ‰). */
    static TaxEngine engine(TaxEngine.Regime regime, Economy economy, int rate) {
        return new TaxEngine(List.of(new RateBand(null, null, null, null, null, rate)), regime, economy);
    }

    /** A parcel that was in last year's cadastre with the same destination and areas. */
    static Parcel parcel(char destination, int stratum, long value, boolean updated, long previousTax) {
        return new Parcel("680010101000000010001000000000", Zone.U, destination, stratum, 20_000, 10_000, value, updated,
                false, previousTax, destination, 20_000, 10_000);
    }

    @Test
    void updatedParcelsGrowAtMostTheCpiPlusEightPoints() {
        // Ley 1995 art. 2, updated: 200,000,000 × 10 ‰ = 2,000,000 before the limit;
        // cap = 1,500,000 × (1 + 0.1312 + 0.08) = 1,500,000 × 1.2112 = 1,816,800; lost 183,200.
        Assessment a = engine(LawRegimes.LEY_1995, Y2023, 1000).assess(parcel('C', 0, 200_000_000, true, 1_500_000));
        assertThat(a.taxBeforeLimit()).isEqualTo(2_000_000);
        assertThat(a.limit().code()).isEqualTo("UPDATED_CPI_PLUS_8");
        assertThat(a.limited()).isTrue();
        assertThat(a.finalTax()).isEqualTo(1_816_800);
        assertThat(a.lost()).isEqualTo(183_200);
    }

    @Test
    void parcelsNotUpdatedGrowAtMostFiftyPercent() {
        // 100,000,000 × 8 ‰ = 800,000; cap = 500,000 × 1.5 = 750,000.
        TaxEngine e = engine(LawRegimes.LEY_1995, Y2023, 800);
        Assessment a = e.assess(parcel('C', 0, 100_000_000, false, 500_000));
        assertThat(a.limit().code()).isEqualTo("NOT_UPDATED_50");
        assertThat(a.finalTax()).isEqualTo(750_000);
        // Last year 600,000: cap 900,000 is above 800,000, so the limit does not bind.
        Assessment free = e.assess(parcel('C', 0, 100_000_000, false, 600_000));
        assertThat(free.limited()).isFalse();
        assertThat(free.finalTax()).isEqualTo(800_000);
    }

    @Test
    void housingOfStrataOneAndTwoUpTo135MinimumWagesGrowsAtMostTheCpi() {
        TaxEngine e = engine(LawRegimes.LEY_1995, Y2023, 600);
        // 150,000,000 ≤ 156,600,000: 150,000,000 × 6 ‰ = 900,000; cap = 700,000 × 1.1312 = 791,840,
        // even though the parcel was updated (the housing rule comes first).
        Assessment a = e.assess(parcel('A', 2, 150_000_000, true, 700_000));
        assertThat(a.limit().code()).isEqualTo("LOW_STRATA_CPI");
        assertThat(a.finalTax()).isEqualTo(791_840);
        // Exactly 135 SMMLV is still inside: 156,600,000 × 6 ‰ = 939,600; stratum 1; cap 791,840.
        assertThat(e.assess(parcel('A', 1, 156_600_000, true, 700_000)).limit().code()).isEqualTo("LOW_STRATA_CPI");
        // One peso more, and it is an ordinary updated parcel: cap 700,000 × 1.2112 = 847,840.
        Assessment above = e.assess(parcel('A', 1, 156_600_001, true, 700_000));
        assertThat(above.limit().code()).isEqualTo("UPDATED_CPI_PLUS_8");
        assertThat(above.finalTax()).isEqualTo(847_840);
        // Stratum 3 and a commercial parcel of stratum 2 do not qualify.
        assertThat(e.assess(parcel('A', 3, 150_000_000, true, 700_000)).limit().code()).isEqualTo("UPDATED_CPI_PLUS_8");
        assertThat(e.assess(parcel('C', 2, 150_000_000, false, 700_000)).limit().code()).isEqualTo("NOT_UPDATED_50");
    }

    @Test
    void beforeLey1995TheTaxMayAtMostDouble() {
        // 2019, Ley 44 art. 6: 90,000,000 × 10 ‰ = 900,000; cap = 300,000 × 2 = 600,000.
        Assessment a = engine(LawRegimes.LEY_44, Y2019, 1000).assess(parcel('C', 0, 90_000_000, false, 300_000));
        assertThat(a.limit().code()).isEqualTo("DOUBLE");
        assertThat(a.finalTax()).isEqualTo(600_000);
        assertThat(a.lost()).isEqualTo(300_000);
    }

    @Test
    void theLimitIsAppliedToTheExactTaxAndOnlyTheResultIsRoundedHalfUp() {
        TaxEngine e = engine(LawRegimes.LEY_1995, Y2023, 650);
        // 123,456,789 × 6.5 ‰ = 802,469.1285 → 802,469 when nothing limits it (last year 600,000: cap 900,000).
        assertThat(e.assess(parcel('C', 0, 123_456_789, false, 600_000)).finalTax()).isEqualTo(802_469);
        // Last year 533,333: cap = 533,333 × 1.5 = 799,999.5 → half-up 800,000 (not 799,999 nor 800,000 - 1).
        Assessment a = e.assess(parcel('C', 0, 123_456_789, false, 533_333));
        assertThat(a.limitCap()).isEqualTo(79_999_950_000L);
        assertThat(a.finalTax()).isEqualTo(800_000);
        // 100,001 × 5 ‰ = 500.005 → 500; 100,100 × 5 ‰ = 500.5 → 501 (half-up).
        TaxEngine five = engine(LawRegimes.LEY_1995, Y2023, 500);
        assertThat(five.assess(parcel('C', 0, 100_001, true, -1)).finalTax()).isEqualTo(500);
        assertThat(five.assess(parcel('C', 0, 100_100, true, -1)).finalTax()).isEqualTo(501);
    }

    @Test
    void aParcelThatPaidNothingLastYearIsCappedAtNothing() {
        // Ley 1995 limits the increase over last year's tax: 0 × 1.5 = 0.
        assertThat(engine(LawRegimes.LEY_1995, Y2023, 800).assess(parcel('C', 0, 100_000_000, false, 0)).finalTax())
                .isZero();
    }

    @Test
    void everyExceptionOfLey1995PaysTheWholeTax() {
        TaxEngine e = engine(LawRegimes.LEY_1995, Y2023, 1000);
        // Each parcel: 100,000,000 × 10 ‰ = 1,000,000, last year 100,000 (cap would be 150,000 or 121,120).
        long value = 100_000_000;
        Parcel first = new Parcel("1", Zone.U, 'C', 0, 100, 0, value, false, false, -1, (char) 0, -1, -1);
        Parcel lotQ = new Parcel("2", Zone.U, 'Q', 0, 100, 0, value, false, false, 100_000, 'Q', 100, 0);
        Parcel lotR = new Parcel("3", Zone.U, 'R', 0, 100, 0, value, true, false, 100_000, 'R', 100, 0);
        Parcel built = new Parcel("4", Zone.U, 'A', 3, 100, 12_000, value, false, false, 100_000, 'R', 100, 0);
        Parcel selfAssessed = new Parcel("5", Zone.U, 'C', 0, 100, 0, value, false, true, 100_000, 'C', 100, 0);
        Parcel newUse = new Parcel("6", Zone.R, 'C', 0, 100, 0, value, false, false, 100_000, 'D', 100, 0);
        Parcel newArea = new Parcel("7", Zone.R, 'D', 0, 150, 0, value, false, false, 100_000, 'D', 100, 0);
        List<Exception> expected = List.of(Exception.FIRST_ENTRY, Exception.UNBUILT_LOT, Exception.UNBUILT_LOT,
                Exception.NEW_CONSTRUCTION, Exception.SELF_ASSESSED, Exception.DESTINATION_CHANGE, Exception.AREA_CHANGE);
        List<Parcel> parcels = List.of(first, lotQ, lotR, built, selfAssessed, newUse, newArea);
        for (int i = 0; i < parcels.size(); i++) {
            Assessment a = e.assess(parcels.get(i));
            assertThat(a.exception()).as(parcels.get(i).number()).isEqualTo(expected.get(i));
            assertThat(a.limit()).isNull();
            assertThat(a.finalTax()).isEqualTo(1_000_000);
            assertThat(a.exceptionArticle()).startsWith("Ley 1995 de 2019");
        }
    }

    @Test
    void ley44HasOnlyItsOwnThreeExceptions() {
        TaxEngine e = engine(LawRegimes.LEY_44, Y2019, 1000);
        long value = 100_000_000; // 1,000,000 before the limit; last year 100,000, double = 200,000
        assertThat(e.assess(new Parcel("1", Zone.U, 'C', 0, 100, 0, value, false, false, -1, (char) 0, -1, -1))
                .exception()).isEqualTo(Exception.FIRST_ENTRY);
        assertThat(e.assess(new Parcel("2", Zone.U, 'Q', 0, 100, 0, value, false, false, 100_000, 'Q', 100, 0))
                .finalTax()).isEqualTo(1_000_000);
        assertThat(e.assess(new Parcel("3", Zone.U, 'A', 3, 100, 9_000, value, false, false, 100_000, 'R', 100, 0))
                .exception()).isEqualTo(Exception.NEW_CONSTRUCTION);
        // Self-assessment and a change of destination or area are no exceptions under Ley 44: 200,000.
        assertThat(e.assess(new Parcel("4", Zone.U, 'C', 0, 100, 0, value, false, true, 100_000, 'C', 100, 0))
                .finalTax()).isEqualTo(200_000);
        assertThat(e.assess(new Parcel("5", Zone.R, 'C', 0, 150, 0, value, false, false, 100_000, 'D', 100, 0))
                .finalTax()).isEqualTo(200_000);
    }

    @Test
    void theMostSpecificRateBandWins() {
        TaxEngine e = new TaxEngine(List.of(new RateBand(null, null, null, null, null, 1000),
                new RateBand(Zone.R, null, null, null, null, 700),
                new RateBand(Zone.U, 'A', 2, null, null, 550),
                new RateBand(Zone.U, 'A', null, 0L, 50_000_000L, 600)), LawRegimes.LEY_1995, Y2023);
        assertThat(e.assess(parcel('A', 2, 40_000_000, true, -1)).rateHundredths()).isEqualTo(550);
        assertThat(e.assess(parcel('A', 3, 40_000_000, true, -1)).rateHundredths()).isEqualTo(600);
        assertThat(e.assess(parcel('A', 3, 50_000_000, true, -1)).rateHundredths()).isEqualTo(1000);
        Parcel rural = new Parcel("r", Zone.R, 'D', 0, 1, 0, 10, true, false, -1, (char) 0, -1, -1);
        assertThat(e.assess(rural).rateHundredths()).isEqualTo(700);
        TaxEngine none = new TaxEngine(List.of(new RateBand(Zone.R, null, null, null, null, 700)), LawRegimes.LEY_1995, Y2023);
        assertThatThrownBy(() -> none.assess(parcel('A', 2, 1, true, -1))).isInstanceOf(IllegalArgumentException.class);
    }

    /** 200,000 random parcels under random rates and both regimes; a seeded generator, so reproducible. */
    @Test
    void theFinalTaxNeverExceedsTheLimitNorFallsBelowZeroAndIsTheRoundedSmallerOfTaxAndCap() {
        Random random = new Random(20231231L);
        char[] destinations = "ABCDEFGHIJKLMNOPQRST".toCharArray();
        int limitedSeen = 0;
        int exceptionsSeen = 0;
        for (int i = 0; i < 200_000; i++) {
            boolean ley1995 = random.nextBoolean();
            Economy economy = new Economy(2023, random.nextInt(2_000), 500_000 + random.nextInt(1_000_000));
            int rate = 100 + random.nextInt(3_201);
            List<RateBand> bands = new ArrayList<>();
            bands.add(new RateBand(null, null, null, null, null, rate));
            bands.add(new RateBand(Zone.R, null, null, null, null, 100 + random.nextInt(3_201)));
            TaxEngine e = new TaxEngine(bands, ley1995 ? LawRegimes.LEY_1995 : LawRegimes.LEY_44, economy);
            char dest = destinations[random.nextInt(destinations.length)];
            boolean wasThere = random.nextInt(10) > 0;
            long value = (long) (Math.pow(10, random.nextDouble() * 12));
            long previousTax = wasThere ? (random.nextInt(20) == 0 ? 0 : (long) (Math.pow(10, random.nextDouble() * 9))) : -1;
            long land = random.nextInt(1_000_000);
            long built = random.nextInt(500_000);
            Parcel p = new Parcel("p" + i, random.nextBoolean() ? Zone.U : Zone.R, dest, random.nextInt(7), land, built,
                    value, random.nextBoolean(), random.nextInt(20) == 0, previousTax,
                    wasThere ? (random.nextInt(20) == 0 ? destinations[random.nextInt(20)] : dest) : 0,
                    wasThere ? (random.nextInt(20) == 0 ? land + 1 : land) : -1,
                    wasThere ? (random.nextInt(10) == 0 ? Math.max(0, built - 1 - random.nextInt(1000)) : built) : -1);
            Assessment a = e.assess(p);
            // Independent arithmetic: value × rate / 100,000 (rate in hundredths of a per mil), half-up.
            long before = new BigDecimal(value).multiply(BigDecimal.valueOf(a.rateHundredths()))
                    .divide(BigDecimal.valueOf(100_000)).setScale(0, RoundingMode.HALF_UP).longValueExact();
            assertThat(a.taxBeforeLimit()).isEqualTo(before);
            assertThat(a.finalTax()).isGreaterThanOrEqualTo(0).isLessThanOrEqualTo(before);
            if (a.limit() != null) {
                // Cap in pesos, exactly: previous × (1 + pct/100), the percentage with two decimals.
                BigDecimal pct = BigDecimal.valueOf(a.limit().percentHundredths()
                        + (a.limit().kind() == TaxEngine.Kind.CPI_PLUS ? economy.previousCpiHundredths() : 0), 2);
                BigDecimal cap = BigDecimal.valueOf(previousTax).multiply(BigDecimal.ONE.add(pct.movePointLeft(2)));
                BigDecimal exact = new BigDecimal(value).multiply(BigDecimal.valueOf(a.rateHundredths()))
                        .movePointLeft(5);
                assertThat(a.finalTax()).isLessThanOrEqualTo(cap.setScale(0, RoundingMode.HALF_UP).longValueExact());
                assertThat(a.finalTax())
                        .isEqualTo(exact.min(cap).setScale(0, RoundingMode.HALF_UP).longValueExact());
                assertThat(a.limited()).isEqualTo(exact.compareTo(cap) > 0);
                limitedSeen += a.limited() ? 1 : 0;
                assertThat(a.exception()).isNull();
            } else {
                assertThat(a.finalTax()).isEqualTo(before);
                exceptionsSeen += a.exception() != null ? 1 : 0;
            }
            if (previousTax < 0) {
                assertThat(a.exception()).isEqualTo(Exception.FIRST_ENTRY);
            }
        }
        // The generator reached both branches often, so the checks above were exercised.
        assertThat(limitedSeen).isGreaterThan(10_000);
        assertThat(exceptionsSeen).isGreaterThan(10_000);
    }
}
