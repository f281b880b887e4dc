package org.minga.territory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.minga.platform.InvalidInputException;
import org.minga.support.IntegrationTest;
import org.minga.support.TerritoryFixtures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** What a person types for a unit, read against the reference territory in PostgreSQL. */
@IntegrationTest
class UnitResolutionTests {

    static final LocalDate TODAY = LocalDate.of(2026, 6, 1);
    static final Units.Scope COLOMBIAN_MUNICIPALITIES = new Units.Scope("CO", Set.of(Level.MUNICIPALITY), TODAY);

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Units units;

    @BeforeEach
    void territory() throws Exception {
        TerritoryFixtures.importAll(mvc, jdbc);
    }

    @Test
    void aNameWithoutAccentsOrCapitalsFindsTheUnit() {
        for (String typed : new String[] {"sonson", "SONSON", "  Sonsón ", "sonsón, antioquia"}) {
            assertThat(units.resolve(typed, COLOMBIAN_MUNICIPALITIES)).as(typed)
                    .isInstanceOfSatisfying(Units.Found.class, f -> {
                        assertThat(f.choice().unit().code()).isEqualTo("05756");
                        assertThat(f.choice().label()).isEqualTo("Sonsón, Antioquia");
                    });
        }
    }

    @Test
    void aNameOfSeveralUnitsIsAmbiguousUntilTheDepartmentIsGiven() {
        assertThat(units.resolve("San Pedro", COLOMBIAN_MUNICIPALITIES)).isInstanceOfSatisfying(Units.Ambiguous.class,
                a -> assertThat(a.candidates()).extracting(c -> c.unit().code()).containsExactlyInAnyOrder("70717", "76670"));
        assertThat(units.code("unitCode", "san pedro, sucre", COLOMBIAN_MUNICIPALITIES)).isEqualTo("70717");
        assertThat(units.code("unitCode", "San Pedro, Valle", COLOMBIAN_MUNICIPALITIES)).isEqualTo("76670");
        assertThatThrownBy(() -> units.code("unitCode", "san pedro", COLOMBIAN_MUNICIPALITIES))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    var v = e.violations().getFirst();
                    assertThat(v.field()).isEqualTo("unitCode");
                    assertThat(v.messageKey()).isEqualTo("unit.ambiguous");
                    assertThat((String) v.args()[1]).contains("San Pedro, Sucre (CO 70717)")
                            .contains("San Pedro, Valle del Cauca (CO 76670)");
                });
    }

    @Test
    void aPartOfANameSharedByManyListsAtMostFiveCandidates() {
        assertThatThrownBy(() -> units.code("unitCode", "san", COLOMBIAN_MUNICIPALITIES))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(((String) e.violations().getFirst().args()[1]).split("; ")).hasSize(5));
        assertThat(units.code("unitCode", "san pedro de uraba", COLOMBIAN_MUNICIPALITIES)).isEqualTo("05665");
    }

    @Test
    void codesAreReadAsCodesAndAnUnknownCodeIsLeftToTheModulesRules() {
        assertThat(units.code("unitCode", "05756", COLOMBIAN_MUNICIPALITIES)).isEqualTo("05756");
        assertThat(units.code("unitCode", "d097", Units.Scope.localUnits("SV", TODAY))).isEqualTo("D097");
        assertThat(units.resolve("99999", COLOMBIAN_MUNICIPALITIES)).isInstanceOf(Units.Unknown.class);
        assertThat(units.code("unitCode", "99999", COLOMBIAN_MUNICIPALITIES)).isEqualTo("99999");
        assertThat(units.code("unitCode", "  ", COLOMBIAN_MUNICIPALITIES)).isNull();
    }

    @Test
    void unknownTextIsRefusedWithTheNamesThatLookAlike() {
        assertThatThrownBy(() -> units.code("unitCode", "Sonzon", COLOMBIAN_MUNICIPALITIES))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.violations().getFirst().messageKey()).isEqualTo("unit.unknown.nearest");
                    assertThat((String) e.violations().getFirst().args()[1]).contains("Sonsón, Antioquia (CO 05756)");
                });
        assertThatThrownBy(() -> units.code("unitCode", "Qwxzyk", COLOMBIAN_MUNICIPALITIES))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.violations().getFirst().messageKey()).isEqualTo("unit.unknown"));
    }

    @Test
    void theScopeLimitsCountryLevelAndDate() {
        assertThat(units.resolve("ocana", new Units.Scope("SV", Set.of(), TODAY))).isInstanceOf(Units.Unknown.class);
        // In both countries "sonson" is exactly Sonsón, though Salvadoran Sonsonate contains it.
        assertThat(units.resolve("sonson", new Units.Scope(null, Set.of(), TODAY))).isInstanceOfSatisfying(
                Units.Found.class, f -> assertThat(f.choice().unit().code()).isEqualTo("05756"));
        assertThat(units.resolve("antioquia", COLOMBIAN_MUNICIPALITIES)).isInstanceOfSatisfying(Units.Found.class,
                f -> assertThat(f.choice().unit().code()).isEqualTo("05042"));
        assertThat(units.resolve("antioquia", new Units.Scope("CO", Set.of(Level.DEPARTMENT), TODAY)))
                .isInstanceOfSatisfying(Units.Found.class, f -> assertThat(f.choice().unit().code()).isEqualTo("05"));
        // Aguilares was a Salvadoran municipality until the 2024 reform and is a district of San Salvador Norte since.
        assertThat(units.resolve("aguilares", Units.Scope.localUnits("SV", TODAY))).isInstanceOfSatisfying(
                Units.Found.class, f -> assertThat(f.choice().label()).isEqualTo("Aguilares, San Salvador Norte"));
        assertThat(units.resolve("aguilares", Units.Scope.localUnits("SV", LocalDate.of(2020, 1, 1))))
                .isInstanceOfSatisfying(Units.Found.class, f -> assertThat(f.choice().unit().level())
                        .isEqualTo(Level.MUNICIPALITY));
    }

    @Test
    void suggestionsStartFromTwoLettersWithExactNamesFirst() {
        assertThat(units.suggest("s", COLOMBIAN_MUNICIPALITIES, 8)).isEmpty();
        var suggestions = units.suggest("san pedro", COLOMBIAN_MUNICIPALITIES, 8);
        assertThat(suggestions).hasSizeGreaterThanOrEqualTo(4);
        assertThat(suggestions.subList(0, 2)).extracting(c -> c.unit().code()).containsExactlyInAnyOrder("70717", "76670");
        assertThat(units.suggest("sonso", COLOMBIAN_MUNICIPALITIES, 8)).extracting(Units.Choice::label)
                .containsExactly("Sonsón, Antioquia");
    }
}
