package org.minga.territory.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** MINGA_TERRITORY names the countries whose reference territory a first start loads. */
class ReferenceTerritoryTests {

    @Test
    void theSettingNamesCountriesOrNone() {
        assertThat(ReferenceTerritory.parse("CO,SV")).containsExactly("CO", "SV");
        assertThat(ReferenceTerritory.parse(" sv ")).containsExactly("SV");
        assertThat(ReferenceTerritory.parse("CO, CO")).containsExactly("CO");
        assertThat(ReferenceTerritory.parse("none")).isEmpty();
    }

    @Test
    void anythingElseStopsTheStartNamingTheRule() {
        assertThatThrownBy(() -> ReferenceTerritory.parse("GT")).hasMessageContaining("MINGA_TERRITORY debe ser CO, SV, CO,SV o none");
        assertThatThrownBy(() -> ReferenceTerritory.parse("")).hasMessageContaining("«»");
    }

    @Test
    void everyShippedFileIsThere() {
        for (ReferenceTerritoryJob.ReferenceFile file : ReferenceTerritoryJob.ReferenceFile.values()) {
            assertThat(new String(file.content(), 0, 200, java.nio.charset.StandardCharsets.UTF_8))
                    .as(file.fileName).contains("FeatureCollection");
        }
    }
}
