package org.minga.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** The one way Minga writes dates and numbers for people, and reads what they type. */
class CountryFormatTests {

    static final CountryFormat CO = CountryFormat.COLOMBIA;
    static final CountryFormat SV = CountryFormat.EL_SALVADOR;

    @Test
    void datesAreDayMonthYearEverywhereAndMomentsInTheGivenZone() {
        assertThat(CO.date(LocalDate.of(2026, 12, 4))).isEqualTo("04/12/2026");
        assertThat(SV.date(LocalDate.of(2026, 12, 4))).isEqualTo("04/12/2026");
        assertThat(CO.date(null)).isEmpty();
        // 02:30 UTC on the 5th is still the 4th in Bogotá (UTC-5).
        assertThat(CO.dateTime(Instant.parse("2026-12-05T02:30:00Z"), ZoneId.of("America/Bogota"))).isEqualTo("04/12/2026 21:30");
    }

    @Test
    void numbersFollowTheCountryAndTheReadersLanguageWithoutAScheme() {
        assertThat(CO.number(new BigDecimal("1234567.5"), 2)).isEqualTo("1.234.567,50");
        assertThat(SV.number(new BigDecimal("1234567.5"), 2)).isEqualTo("1,234,567.50");
        assertThat(CO.number(new BigDecimal("16000.5"))).isEqualTo("16.000,5");
        assertThat(SV.number(1290080L)).isEqualTo("1,290,080");
        assertThat(CO.percent(new BigDecimal("45.50"))).isEqualTo("45,5 %");
        assertThat(CountryFormat.of(Locale.forLanguageTag("es-CO"))).isEqualTo(CO);
        assertThat(CountryFormat.of(Locale.ENGLISH).number(new BigDecimal("1234.56"), 2)).isEqualTo("1,234.56");
        assertThat(CountryFormat.of("SV")).isEqualTo(SV);
        assertThat(CountryFormat.of("CO")).isEqualTo(CO);
    }

    @Test
    void pesosGoWithoutCentsUnlessThereAreSomeAndDollarsAlwaysWithTwo() {
        assertThat(CO.money(new BigDecimal("11700.00"), "COP")).isEqualTo("COP 11.700");
        assertThat(CO.money(new BigDecimal("-51.03"), "COP")).isEqualTo("COP -51,03");
        assertThat(SV.money(new BigDecimal("11700"), "USD")).isEqualTo("USD 11,700.00");
        assertThat(CO.money(new BigDecimal("11700"), "USD")).isEqualTo("USD 11.700,00");
        assertThat(CO.money(Money.of("1500000", Currency.COP))).isEqualTo("COP 1.500.000");
    }

    @Test
    void amountsTypedEitherWayAreReadAsPeopleMeanThem() {
        for (CountryFormat country : new CountryFormat[] {CO, SV}) {
            assertThat(country.read("1.234,56")).isEqualByComparingTo("1234.56");
            assertThat(country.read("1,234.56")).isEqualByComparingTo("1234.56");
            assertThat(country.read("1234.56")).isEqualByComparingTo("1234.56");
            assertThat(country.read("1234,56")).isEqualByComparingTo("1234.56");
            assertThat(country.read("1 234,56")).isEqualByComparingTo("1234.56");
            assertThat(country.read("$ 1.234.567")).isEqualByComparingTo("1234567");
            assertThat(country.read("1,234,567")).isEqualByComparingTo("1234567");
            assertThat(country.read("0.125")).isEqualByComparingTo("0.125");
            assertThat(country.read("12.5")).isEqualByComparingTo("12.5");
            assertThat(country.read("  ")).isNull();
        }
        // One separator, once, before exactly three digits: the country's own thousands separator groups.
        assertThat(CO.read("1.234")).isEqualByComparingTo("1234");
        assertThat(CO.read("1,234")).isEqualByComparingTo("1.234");
        assertThat(SV.read("1,234")).isEqualByComparingTo("1234");
        assertThat(SV.read("1.234")).isEqualByComparingTo("1.234");
        // Where no country is known (uploads, the API) the single separator is the decimal mark.
        assertThat(Inputs.decimal("1.234")).isEqualByComparingTo("1.234");
        assertThat(Inputs.decimal("1,234")).isEqualByComparingTo("1.234");
    }

    @Test
    void numbersGroupedWronglyOrNotNumbersAreRefused() {
        for (String bad : new String[] {"12.34.5", "1.23,4.5", "1,2345.6,7", "doce", "1.2.3,4,5", ".5"}) {
            assertThatThrownBy(() -> CO.read(bad)).as(bad).isInstanceOf(NumberFormatException.class);
        }
    }

    /** Any amount, written by either country's format (with or without grouping), reads back to itself in both countries. */
    @Test
    void anyAmountWrittenEitherWayReadsBackInEitherCountry() {
        Random random = new Random(20_2026);
        for (int i = 0; i < 5_000; i++) {
            BigDecimal amount = BigDecimal.valueOf(random.nextLong(1, random.nextBoolean() ? 1_000_000L : 1_000_000_000_000L), random.nextInt(4))
                    .multiply(random.nextInt(10) == 0 ? BigDecimal.ONE.negate() : BigDecimal.ONE);
            int scale = amount.scale();
            BigDecimal abs = amount.abs();
            // One separator, once, before exactly three digits ("1.234", "1,500" for 1.5 with three decimals) is
            // the one ambiguous writing: it reads back only in the country that wrote it.
            boolean shortThousand = scale == 3 && abs.compareTo(BigDecimal.ONE) >= 0 && abs.compareTo(BigDecimal.valueOf(1000)) < 0;
            boolean oneGroup = scale == 0 && abs.compareTo(BigDecimal.valueOf(1000)) >= 0
                    && abs.compareTo(BigDecimal.valueOf(1_000_000)) < 0;
            for (CountryFormat writer : new CountryFormat[] {CO, SV}) {
                String grouped = writer.number(amount, scale);
                String plain = amount.toPlainString().replace('.', writer.decimal());
                for (CountryFormat reader : new CountryFormat[] {CO, SV}) {
                    if (!(shortThousand || oneGroup) || reader == writer) {
                        assertThat(reader.read(grouped)).as("%s read by %s", grouped, reader.country())
                                .isEqualByComparingTo(amount);
                    }
                    if (!shortThousand || reader == writer) {
                        assertThat(reader.read(plain)).as("%s read by %s", plain, reader.country())
                                .isEqualByComparingTo(amount);
                    }
                }
            }
        }
    }

    @Test
    void datesAreReadDayFirstOrIsoAndImpossibleDatesRefused() {
        assertThat(Inputs.date("04/12/2026")).isEqualTo(LocalDate.of(2026, 12, 4));
        assertThat(Inputs.date("4/12/2026")).isEqualTo(LocalDate.of(2026, 12, 4));
        assertThat(Inputs.date("2026-12-04")).isEqualTo(LocalDate.of(2026, 12, 4));
        assertThat(Inputs.date(" ")).isNull();
        for (String bad : new String[] {"31/02/2026", "12/31/2026", "2026-13-01", "04-12-2026", "mañana"}) {
            assertThatThrownBy(() -> Inputs.date(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
