package org.minga.territory.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.json.JsonMapper;

/** Geometries that are broken are repaired and named, never dropped; unknown shapes are refused. */
class BoundaryFilesTests {

    final BoundaryFiles files = new BoundaryFiles(JsonMapper.builder().build());

    @Test
    void aSelfIntersectingBoundaryIsRepairedAndReported() {
        // A bow tie: the ring crosses itself, which is not a valid polygon.
        String bowTie = feature("54001", "PRUEBA", "[[[0,0],[1,1],[1,0],[0,1],[0,0]]]");
        var parsed = files.colombianMunicipalities(bowTie.getBytes(StandardCharsets.UTF_8));
        assertThat(parsed.repaired()).containsExactly("54001");
        assertThat(parsed.units()).hasSize(1);
        assertThat(parsed.units().getFirst().boundary().isValid()).isTrue();
        assertThat(parsed.units().getFirst().boundary().getArea()).isGreaterThan(0.4);
        assertThat(parsed.units().getFirst().name()).isEqualTo("Prueba");
    }

    @Test
    void anOpenRingIsRefusedNamingTheFeature() {
        String open = feature("54001", "PRUEBA", "[[[0,0],[1,1],[1,0],[0,1]]]");
        assertThatThrownBy(() -> files.colombianMunicipalities(open.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(ImportException.class).hasMessageContaining("Entidad 1").hasMessageContaining("anillo");
    }

    @Test
    void aCodeWithTheWrongNumberOfDigitsIsRefused() {
        String shortCode = feature("5401", "PRUEBA", "[[[0,0],[1,0],[1,1],[0,0]]]");
        assertThatThrownBy(() -> files.colombianMunicipalities(shortCode.getBytes(StandardCharsets.UTF_8)))
                .hasMessageContaining("MPIO_CCNCT debe tener 5 dígitos");
    }

    private static String feature(String code, String name, String coordinates) {
        return """
                {"type":"FeatureCollection","features":[{"type":"Feature",
                 "properties":{"MPIO_CCNCT":"%s","MPIO_CNMBR":"%s","DPTO_CCDGO":"54"},
                 "geometry":{"type":"Polygon","coordinates":%s}}]}
                """.formatted(code, name, coordinates);
    }
}
