package org.minga.registry.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.minga.platform.web.SchemeSection;

/** The scheme page's module sections, without a database: order, visibility, anchors and lazy summaries. */
class SchemePageSectionsTest {

    record Section(int order, String titleKey, String summary, boolean shown) implements SchemeSection {
        @Override
        public String path(long schemeId) {
            return "/" + titleKey + "/schemes/" + schemeId;
        }

        @Override
        public String summaryPath(long schemeId) {
            return summary == null ? null : "/" + titleKey + "/schemes/" + schemeId + "/" + summary;
        }

        @Override
        public boolean visible(long schemeId) {
            return shown;
        }
    }

    @Test
    void sectionsComeInTheirOrderWithoutTheOnesThePersonMayNotOpen() {
        var sections = SchemePage.sections(List.of(new Section(60, "finance.equity", "equity", true),
                new Section(10, "formation.link", null, true), new Section(30, "services.link", "summary", false)), 7);
        assertThat(sections).extracting(SchemePage.Section::titleKey).containsExactly("formation.link", "finance.equity");
        assertThat(sections.get(0).summaryPath()).isNull();
        assertThat(sections.get(1).anchor()).isEqualTo("section-finance-equity");
        assertThat(sections.get(1).path()).isEqualTo("/finance.equity/schemes/7");
        assertThat(sections.get(1).summaryPath()).isEqualTo("/finance.equity/schemes/7/equity");
    }
}
