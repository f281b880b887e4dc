package org.minga.territory;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.minga.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A yearly attribute read for many units at once, as it was on a date. */
@IntegrationTest
class TerritoryAttributeTests {

    @Autowired
    Territory territory;
    @Autowired
    JdbcClient jdbc;

    @Test
    void theValueOfTheLatestYearNotAfterTheDateIsReadAndMissingOnesAreAbsent() {
        for (Object[] row : new Object[][] {{"54810", 2018, "6"}, {"54810", 2022, "5"}, {"54670", 2022, "6"}}) {
            jdbc.sql("""
                    insert into territorial_attribute (country, code, year, attribute, value)
                    values ('CO', :code, :year, 'category', :value) on conflict do nothing
                    """).param("code", row[0]).param("year", row[1]).param("value", row[2]).update();
        }
        List<String> codes = List.of("54810", "54670", "54344");
        assertThat(territory.attributeAt("CO", codes, "category", LocalDate.of(2020, 6, 1)))
                .containsExactlyInAnyOrderEntriesOf(java.util.Map.of("54810", "6"));
        assertThat(territory.attributeAt("CO", codes, "category", LocalDate.of(2024, 1, 1)))
                .containsExactlyInAnyOrderEntriesOf(java.util.Map.of("54810", "5", "54670", "6"));
        assertThat(territory.attributeAt("CO", codes, "category", LocalDate.of(2017, 12, 31))).isEmpty();
        assertThat(territory.attributeAt("CO", List.of(), "category", LocalDate.of(2024, 1, 1))).isEmpty();
    }
}
