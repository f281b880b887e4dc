package org.minga.registry.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.minga.platform.web.SchemeSection;

/** The scheme page's module sections, without a database: order, visibility, anchors and lazy summaries. */
class SchemePageSectionsTest {

    private static SchemeSection section(int order, String titleKey, String summary, boolean shown) {
        return new SchemeSection(order, titleKey, "/" + titleKey + "/schemes/{id}",
                summary == null ? null : "/" + titleKey + "/schemes/{id}/" + summary, id -> shown);
    }

    @Test
    void sectionsComeInTheirOrderWithoutTheOnesThePersonMayNotOpen() {
        var sections = SchemePage.sections(List.of(section(60, "finance.equity", "equity", true),
                section(10, "formation.link", null, true), section(30, "services.link", "summary", false)), 7);
        assertThat(sections).extracting(SchemePage.Section::titleKey).containsExactly("formation.link", "finance.equity");
        assertThat(sections.get(0).summaryPath()).isNull();
        assertThat(sections.get(1).anchor()).isEqualTo("section-finance-equity");
        assertThat(sections.get(1).path()).isEqualTo("/finance.equity/schemes/7");
        assertThat(sections.get(1).summaryPath()).isEqualTo("/finance.equity/schemes/7/equity");
    }
}
