package org.minga.registry;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.minga.support.LivingDemoBrowserTest;
import org.openqa.selenium.By;

/**
 * The demo loads as a job of the administrator's: it counted its steps as it went, and their desk
 * leads to its page, which leads to the demo's schemes.
 */
class DemoJobBrowserTest extends LivingDemoBrowserTest {

    @Test
    void theAdministratorFollowsTheDemoFromTheDeskToItsSchemes() {
        var job = jdbc.sql("select id::text as id, status, message, created_by from job where type = 'registry.demo'")
                .query().singleRow();
        assertThat(job.get("status")).isEqualTo("SUCCEEDED");
        assertThat(job.get("message")).isEqualTo("Demostración lista en los seis esquemas");
        assertThat(job.get("created_by")).isEqualTo("admin");

        logInAsAdmin();
        browser.get(url("/"));
        assertThat(text("#desk-jobs-mine-succeeded")).contains("Carga de la demostración: Demostración lista");
        clickAndWait(By.cssSelector("#desk-jobs-mine-succeeded a[href='/jobs/" + job.get("id") + "']"));
        assertThat(text("#job-type")).isEqualTo("Carga de la demostración");
        assertThat(text("#job-status")).isEqualTo("Terminado");
        clickAndWait(By.id("job-result"));
        assertThat(browser.getCurrentUrl()).endsWith("/registry/schemes");
        assertThat(text("main")).contains("Los Izalcos");
    }
}
