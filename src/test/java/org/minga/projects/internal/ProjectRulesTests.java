package org.minga.projects.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.minga.platform.Checks;
import org.minga.platform.InvalidInputException.Violation;
import org.minga.projects.internal.Projects.Beneficiary;
import org.minga.projects.internal.Projects.Draft;
import org.minga.territory.TerritorialUnit;

/** The rules of a project's data, without a database: the same for a single create and each imported row. */
class ProjectRulesTests {

    static final Sectors.Catalogue CATALOGUE = new Sectors.Catalogue(List.of(new Sectors.Sector("24", "Transporte"),
            new Sectors.Sector("40", "Vivienda, ciudad y territorio")));

    static Draft draft(String code, String name, String cost, String currency) {
        return draft(code, name, cost, currency, "Transporte");
    }

    static Draft draft(String code, String name, String cost, String currency, String sector) {
        return new Draft(code, null, name, sector, null, null, cost == null ? null : new BigDecimal(cost), currency,
                null, null, null);
    }

    static List<String> rules(Checks checks) {
        return checks.violations().stream().map(v -> v.field() + ":" + v.rule()).toList();
    }

    @Test
    void aCleanDraftIsStrippedAndTakesPesosWhenNoCurrencyIsGiven() {
        Checks checks = new Checks();
        Draft d = ProjectRules.draft(checks, draft(" P-1 ", " Vía ", "1000.5", null), false, CATALOGUE, null);
        assertThat(checks.ok()).isTrue();
        assertThat(d.code()).isEqualTo("P-1");
        assertThat(d.name()).isEqualTo("Vía");
        assertThat(d.currency()).isEqualTo("COP");
    }

    @Test
    void aCostWithThreeDecimalsIsRefusedNotRoundedAndATakenCodeIsNamed() {
        Checks checks = new Checks();
        ProjectRules.draft(checks, draft("P-1", "Vía", "10.005", "EUR"), true, CATALOGUE, null);
        assertThat(rules(checks)).containsExactlyInAnyOrder("code:Unique", "cost:Money", "currency:OneOf");
    }

    @Test
    void aMissingNameAndANegativeCostAreBothReported() {
        Checks checks = new Checks();
        ProjectRules.draft(checks, draft("P-1", "", "-5", "USD"), false, CATALOGUE, null);
        assertThat(rules(checks)).containsExactlyInAnyOrder("name:NotBlank", "cost:PositiveOrZero");
    }

    @Test
    void aSectorIsTakenByNameOrCodeAccentsAndCaseAsideAndStoredByItsName() {
        Checks checks = new Checks();
        assertThat(ProjectRules.draft(checks, draft("P-1", "Vía", null, null, " VIVIENDA, ciudad y  territorio"), false,
                CATALOGUE, null).sector()).isEqualTo("Vivienda, ciudad y territorio");
        assertThat(ProjectRules.draft(checks, draft("P-1", "Vía", null, null, "24"), false, CATALOGUE, null).sector())
                .isEqualTo("Transporte");
        assertThat(ProjectRules.draft(checks, draft("P-1", "Vía", null, null, "24 transporte"), false, CATALOGUE, null)
                .sector()).isEqualTo("Transporte");
        assertThat(checks.ok()).isTrue();
    }

    @Test
    void anUnknownSectorIsRefusedUnlessItIsTheValueStoredBeforeTheCatalogue() {
        Checks refused = new Checks();
        ProjectRules.draft(refused, draft("P-1", "Vía", null, null, "Vías"), false, CATALOGUE, null);
        assertThat(rules(refused)).containsExactly("sector:OneOf");
        Checks kept = new Checks();
        assertThat(ProjectRules.draft(kept, draft("P-1", "Vía", null, null, "Vías"), false, CATALOGUE, "Vías").sector())
                .isEqualTo("Vías");
        assertThat(kept.ok()).isTrue();
    }

    @Test
    void beneficiariesMustExistBeMembersAppearOnceAndKeepWomenAndMenWithinPeople() {
        LocalDate today = LocalDate.of(2026, 12, 4);
        TerritorialUnit ocana = new TerritorialUnit("CO", "54498", "Ocaña", null, null, today, today);
        TerritorialUnit outsider = new TerritorialUnit("CO", "20614", "Río de Oro", null, null, today, today);
        Map<String, TerritorialUnit> units = Map.of("54498", ocana, "20614", outsider);
        Checks checks = new Checks();
        List<Beneficiary> clean = ProjectRules.beneficiaries(checks, "CO", List.of(
                new Beneficiary("54498", null, 10, 6, 5), new Beneficiary(" 54498 ", null, null, null, null),
                new Beneficiary("20614", null, null, null, null), new Beneficiary("99999", null, null, null, null)),
                units, u -> u == ocana, today, ProjectRules.fieldsOf(4));
        assertThat(clean).extracting(Beneficiary::unitCode).containsExactly("54498");
        assertThat(checks.violations()).extracting(Violation::rule)
                .containsExactly("WomenAndMenWithinPeople", "Unique", "Member", "Exists");
    }
}
