package org.minga.projects;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.minga.support.ApiFixtures;
import org.minga.support.IntegrationTest;
import org.minga.support.TestData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** The benefit ledger follows every change to financing and beneficiaries, and any period is exact. */
@IntegrationTest
class ProjectBenefitsTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ProjectBenefits benefits;

    @Test
    void aChangeAfterAReadIsSeenByTheNextReadAndPeriodsCutAtTheirDays() throws Exception {
        long scheme = new ApiFixtures(mvc).scheme(TestData.unique("Ledger"));
        long project = jdbc.sql("""
                insert into project (scheme_id, code, name, sector, stage_since) values (:s, 'P1', 'Vía', 'TRANSPORT', date '2022-01-01')
                returning id""").param("s", scheme).query(Long.class).single();
        jdbc.sql("insert into project_beneficiary (project_id, unit_code, people) values (:p, '54498', 300), (:p, '54003', 100)")
                .param("p", project).update();
        line(project, "1000.00", "COP", "2022-03-10");
        LocalDate from = LocalDate.of(2022, 1, 1);
        LocalDate to = LocalDate.of(2022, 12, 31);
        assertThat(of(scheme, from, to)).containsExactly("COP 54003 250.00", "COP 54498 750.00");

        line(project, "100.00", "COP", "2023-01-01");
        line(project, "10.00", "USD", "2022-06-30");
        assertThat(of(scheme, from, to)).containsExactly("COP 54003 250.00", "COP 54498 750.00", "USD 54003 2.50",
                "USD 54498 7.50");
        assertThat(of(scheme, LocalDate.of(2022, 3, 11), LocalDate.of(2023, 1, 1)))
                .containsExactly("COP 54003 25.00", "COP 54498 75.00", "USD 54003 2.50", "USD 54498 7.50");

        // People unknown for one beneficiary: an equal split; the cent left over goes to the first code.
        jdbc.sql("update project_beneficiary set people = null where project_id = :p and unit_code = '54003'")
                .param("p", project).update();
        jdbc.sql("insert into project_beneficiary (project_id, unit_code, people) values (:p, '54206', 5)")
                .param("p", project).update();
        List<String> split = of(scheme, from, to);
        assertThat(split).containsExactly("COP 54003 333.34", "COP 54206 333.33", "COP 54498 333.33",
                "USD 54003 3.34", "USD 54206 3.33", "USD 54498 3.33");
    }

    private void line(long project, String amount, String currency, String on) {
        jdbc.sql("""
                insert into financing_line (project_id, source_type, entity, amount, currency, committed_on)
                values (:p, 'NATION', 'Nación', :a, :c, cast(:on as date))""")
                .param("p", project).param("a", new BigDecimal(amount)).param("c", currency).param("on", on).update();
    }

    private List<String> of(long scheme, LocalDate from, LocalDate to) {
        return benefits.of(scheme, from, to).stream().map(b -> b.currency() + " " + b.unitCode() + " " + b.amount()).toList();
    }
}
