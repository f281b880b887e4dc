package org.minga.evaluation.web;

import org.minga.evaluation.Health;
import org.minga.identity.Scopes;
import org.minga.platform.Zones;
import org.minga.platform.web.Audience;
import org.minga.platform.web.Reader;
import org.minga.platform.web.SchemeSection;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * Evaluation's part of a scheme's page: the health index today, linking to health and self-evaluation. The
 * host page links its title to {@link #path}; the summary is this module's own fragment.
 */
@Audience(Reader.SCHEME)
@Controller
record EvaluationSection(Health health, Scopes scopes, Zones zones) implements SchemeSection {

    @Override public int order() { return 70; }
    @Override public String titleKey() { return "evaluation.link"; }
    @Override public String path(long schemeId) { return "/evaluation/schemes/" + schemeId; }
    @Override public String summaryPath(long schemeId) { return path(schemeId) + "/summary"; }
    @Override public boolean visible(long schemeId) { return scopes.canReadScheme(schemeId); }

    @GetMapping("/evaluation/schemes/{id}/summary")
    String summary(@PathVariable long id, Model model) {
        model.addAttribute("health", health.of(id, zones.today()));
        return "evaluation/section :: summary";
    }
}
