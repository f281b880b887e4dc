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

/** Evaluation's part of a scheme's page: the health index today, linking to health and self-evaluation. */
@Audience(Reader.SCHEME)
@Controller
class EvaluationSection implements SchemeSection {

    private final Health health;
    private final Scopes scopes;
    private final Zones zones;

    EvaluationSection(Health health, Scopes scopes, Zones zones) {
        this.health = health;
        this.scopes = scopes;
        this.zones = zones;
    }

    @Override
    public int order() {
        return 70;
    }

    @Override
    public String titleKey() {
        return "evaluation.link";
    }

    @Override
    public String path(long schemeId) {
        return "/evaluation/schemes/" + schemeId;
    }

    @Override
    public String summaryPath(long schemeId) {
        return path(schemeId) + "/summary";
    }

    @Override
    public boolean visible(long schemeId) {
        return scopes.canReadScheme(schemeId);
    }

    @GetMapping("/evaluation/schemes/{id}/summary")
    String summary(@PathVariable long id, Model model) {
        model.addAttribute("schemeId", id);
        model.addAttribute("health", health.of(id, zones.today()));
        return "evaluation/section :: summary";
    }
}
