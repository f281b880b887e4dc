package org.minga.registry.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.minga.platform.SystemActor;
import org.minga.support.IntegrationTest;
import org.minga.support.TerritoryFixtures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** The six real cases load with their members as units of their dates, once. */
@IntegrationTest
class DemoRegisterTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    DemoRegister demo;
    @Autowired
    Memberships memberships;

    @Test
    void theSixRealCasesLoadWithTheirMembersAndLoadingTwiceChangesNothing() throws Exception {
        TerritoryFixtures.importAll(mvc, jdbc);
        SystemActor.runAsAdmin(demo::load);
        SystemActor.runAsAdmin(demo::load);
        assertThat(jdbc.sql("select count(*) from scheme where name in (:names)")
                .param("names", DemoRegister.CASES.stream().map(DemoRegister.Case::name).toList())
                .query(Integer.class).single()).isEqualTo(6);
        long asomunicipios = id("ASOMUNICIPIOS");
        assertThat(memberships.on(asomunicipios, LocalDate.of(2020, 1, 1))).hasSize(16)
                .anySatisfy(m -> assertThat(m.name()).isEqualTo("Río de Oro"));
        // Los Nonualcos' members were municipalities in 2020 and are districts of new municipalities now.
        long nonualcos = id("ALN");
        assertThat(memberships.on(nonualcos, LocalDate.of(2020, 1, 1))).hasSize(18)
                .allSatisfy(m -> assertThat(m.level()).isEqualTo("MUNICIPALITY"));
        assertThat(memberships.on(nonualcos, LocalDate.of(2025, 1, 1)))
                .allSatisfy(m -> assertThat(m.level()).isEqualTo("DISTRICT"));
        long izalcos = id("Los Izalcos");
        assertThat(jdbc.sql("select status from scheme where id = :id").param("id", izalcos).query(String.class)
                .single()).isEqualTo("ACTIVE");
        assertThat(memberships.timeline(izalcos)).anySatisfy(e -> assertThat(e.summary()).contains("reactivada"));
    }

    private long id(String acronym) {
        return jdbc.sql("select id from scheme where acronym = :a and name in (:names)").param("a", acronym)
                .param("names", DemoRegister.CASES.stream().map(DemoRegister.Case::name).toList())
                .query(Long.class).single();
    }
}
