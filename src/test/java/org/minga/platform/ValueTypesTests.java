package org.minga.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.minga.platform.InvalidInputException.Violation;

/** Money, periods, zones, the one input parser and the one check kit, without a database. */
class ValueTypesTests {

    @Test
    void moneyRefusesCentsItCannotKeepAndNeverAddsTwoCurrencies() {
        assertThat(Money.fits(new BigDecimal("1500.50"))).isTrue();
        assertThat(Money.fits(new BigDecimal("1500.505"))).isFalse();
        assertThat(Money.fits(new BigDecimal("1e15"))).isFalse();
        assertThatThrownBy(() -> entered(new BigDecimal("1.005"), "COP"))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.violations()).extracting(Violation::field, Violation::rule)
                                .containsExactly(org.assertj.core.groups.Tuple.tuple("amount", "Money")));
        assertThatThrownBy(() -> entered(BigDecimal.ONE, "EUR"))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.violations().getFirst().field()).isEqualTo("currency"));
        Money a = Money.of("10.10", Currency.COP);
        assertThat(a.plus(Money.of("0.90", Currency.COP))).isEqualTo(Money.of("11", Currency.COP));
        assertThatThrownBy(() -> a.plus(Money.of("1", Currency.USD))).isInstanceOf(IllegalArgumentException.class);
        assertThat(Money.of("10", Currency.COP).times(new BigDecimal("0.125")).amount()).isEqualByComparingTo("1.25");
        assertThat(CountryFormat.of(Locale.forLanguageTag("es-CO")).money(Money.of("1234567.5", Currency.COP)))
                .isEqualTo("COP 1.234.567,50");
        assertThat(CountryFormat.of(Locale.ENGLISH).money(Money.of("1234567.5", Currency.USD))).isEqualTo("USD 1,234,567.50");
    }

    private static Money entered(BigDecimal amount, String currency) {
        Checks checks = new Checks();
        Money money = checks.money("amount", amount, "currency", currency, true);
        checks.orThrow();
        return money;
    }

    @Test
    void aPeriodContainsBothEndsAndAnOpenOneHasNoEnd() {
        Period p = Period.of(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31));
        assertThat(p.contains(LocalDate.of(2024, 12, 31))).isTrue();
        assertThat(p.contains(LocalDate.of(2025, 1, 1))).isFalse();
        assertThat(Period.of(LocalDate.of(2020, 5, 1), null).contains(LocalDate.of(2099, 1, 1))).isTrue();
        assertThat(p.overlaps(Period.of(LocalDate.of(2024, 6, 1), null))).isTrue();
        assertThatThrownBy(() -> {
            Checks checks = new Checks();
            checks.period("from", LocalDate.of(2024, 2, 1), "to", LocalDate.of(2024, 1, 1));
            checks.orThrow();
        })
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.violations().getFirst().rule()).isEqualTo("After"));
    }

    @Test
    void eachCountryHasItsOwnDay() {
        Zones zones = new Zones(Clock.fixed(Instant.parse("2026-12-05T04:30:00Z"), ZoneOffset.UTC));
        assertThat(zones.today("CO")).isEqualTo(LocalDate.of(2026, 12, 4));
        assertThat(zones.today("SV")).isEqualTo(LocalDate.of(2026, 12, 4));
        assertThat(zones.today()).isEqualTo(LocalDate.of(2026, 12, 5));
    }

    @Test
    void numbersAndDatesAreReadAsPeopleWriteThem() {
        assertThat(Inputs.decimal("1.234.567,89")).isEqualByComparingTo("1234567.89");
        assertThat(Inputs.decimal("1,234,567.89")).isEqualByComparingTo("1234567.89");
        assertThat(Inputs.decimal("1500,5")).isEqualByComparingTo("1500.5");
        assertThat(Inputs.decimal("1500.5")).isEqualByComparingTo("1500.5");
        assertThat(Inputs.decimal("$ 2.000.000")).isEqualByComparingTo("2000000");
        assertThat(Inputs.decimal("  ")).isNull();
        assertThatThrownBy(() -> Inputs.decimal("doce")).isInstanceOf(NumberFormatException.class);
        assertThat(Inputs.date("4/12/2026")).isEqualTo(LocalDate.of(2026, 12, 4));
        assertThat(Inputs.date("2026-12-04")).isEqualTo(LocalDate.of(2026, 12, 4));
        assertThat(Inputs.enumValue(Currency.class, " usd ")).isEqualTo(Currency.USD);
    }

    record Named(@NotBlank @Size(max = 5) String name, @Size(max = 3) String code) {
    }

    @Test
    void oneKitReportsEveryBrokenRuleAtOnceWithTheBindersArguments() {
        Checks checks = new Checks().valid(new Named(" ", "abcd"));
        checks.rule(false, "year", "Range", "Range", "year", 2100, 1900);
        assertThat(checks.violations()).extracting(Violation::field, Violation::rule).containsExactly(
                org.assertj.core.groups.Tuple.tuple("code", "Size"), org.assertj.core.groups.Tuple.tuple("name", "NotBlank"),
                org.assertj.core.groups.Tuple.tuple("year", "Range"));
        assertThat(checks.violations().getFirst().args()).containsExactly("code", 3, 0);
        assertThatThrownBy(checks::orThrow).isInstanceOf(InvalidInputException.class);
        assertThat(Checks.require(new Named("ok", null))).isNotNull();
    }

    @Test
    void rowsAreReadByHeaderNameFromCsvAndXlsx() throws Exception {
        List<String> seen = new ArrayList<>();
        NamedRows.csv(new StringReader("\uFEFFCódigo;Nombre\n05001;\"Medellín; capital\"\n\n05002;Abejorral\n"), 10,
                Set.of("codigo", "NOMBRE"), r -> seen.add(r.number() + ":" + r.get("código") + "=" + r.get("nombre")));
        assertThat(seen).containsExactly("2:05001=Medellín; capital", "4:05002=Abejorral");

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (XSSFWorkbook book = new XSSFWorkbook()) {
            var sheet = book.createSheet();
            sheet.createRow(0).createCell(0).setCellValue("Nombre ");
            sheet.getRow(0).createCell(1).setCellValue("Costo");
            sheet.createRow(1).createCell(1).setCellValue("1200");
            sheet.getRow(1).createCell(0).setCellValue("Vía");
            book.write(out);
        }
        List<String> rows = new ArrayList<>();
        NamedRows.xlsx(new ByteArrayInputStream(out.toByteArray()), 10, Set.of("nombre"),
                r -> rows.add(r.get("costo") + " " + r.get("Nombre") + " " + r.get("falta")));
        assertThat(rows).containsExactly("1200 Vía null");
        assertThatThrownBy(() -> NamedRows.csv(new StringReader("a,b\n1,2\n"), 10, Set.of("código"), r -> { }))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.violations().getFirst().rule()).isEqualTo("Header"));
    }
}
