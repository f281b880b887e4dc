package org.minga.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.minga.support.LivingDemoBrowserTest;
import org.openqa.selenium.By;

/**
 * A first start on an empty folder: the reference territory is loaded as a job whose progress the
 * admin sees, and the demo's schemes have their members on the dates the sources give.
 */
class FirstStartTests extends LivingDemoBrowserTest {

    @Test
    void theReferenceTerritoryIsLoadedAsAJobTheAdminSees() {
        assertThat(jdbc.sql("select status from job where type = 'TERRITORY_REFERENCE'").query(String.class).list())
                .containsExactly("SUCCEEDED");
        assertThat(units("CO", "MUNICIPALITY", "2025-01-01")).isEqualTo(1122);
        assertThat(units("CO", "DEPARTMENT", "2025-01-01")).isEqualTo(33);
        assertThat(units("SV", "MUNICIPALITY", "2020-01-01")).isEqualTo(262);
        assertThat(units("SV", "DISTRICT", "2025-01-01")).isEqualTo(262);
        assertThat(units("SV", "MUNICIPALITY", "2025-01-01")).isEqualTo(44);

        logInAsAdmin();
        browser.get(url("/admin/territory/imports"));
        assertThat(text("#reference-title")).isEqualTo("Territorio de referencia");
        assertThat(text("#job-progress strong")).isEqualTo("Terminado");
        assertThat(browser.findElement(By.cssSelector("#job-progress progress")).getAttribute("value")).isEqualTo("100");
    }

    @Test
    void losNonualcosHadSixteenMembersBefore2014AndEighteenAfter() {
        long nonualcos = schemeId("ALN");
        assertThat(members(nonualcos, LocalDate.of(2010, 6, 1))).isEqualTo(16);
        assertThat(members(nonualcos, LocalDate.of(2015, 6, 1))).isEqualTo(18);
    }

    private long units(String country, String level, String at) {
        return jdbc.sql("""
                select count(*) from territorial_unit where country = :c and level = :l
                and valid_from <= cast(:at as date) and (valid_to is null or valid_to >= cast(:at as date))
                """).param("c", country).param("l", level).param("at", at).query(Long.class).single();
    }

    private long members(long scheme, LocalDate at) {
        return jdbc.sql("""
                select count(*) from membership where scheme_id = :s
                and joined_on <= :at and (left_on is null or left_on >= :at)
                """).param("s", scheme).param("at", at).query(Long.class).single();
    }
}
