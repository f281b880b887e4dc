package org.minga.evaluation.web;

import org.minga.evaluation.Health;
import org.minga.platform.Zones;
import org.minga.platform.web.Audience;
import org.minga.platform.web.Reader;
import org.minga.platform.web.SchemeSection;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * Evaluation's part of a scheme's page: the health index today, linking to health and self-evaluation. The
 * host page links its title to the section's page; the summary is this module's own fragment.
 */
@Audience(Reader.SCHEME)
@Controller
record EvaluationSection(Health health, Zones zones) {

    @Bean
    static SchemeSection evaluationSchemeSection() {
        return new SchemeSection(70, "evaluation.link", "/evaluation/schemes/{id}", "/evaluation/schemes/{id}/summary");
    }

    @GetMapping("/evaluation/schemes/{id}/summary")
    String summary(@PathVariable long id, Model model) {
        model.addAttribute("health", health.of(id, zones.today()));
        return "evaluation/section :: summary";
    }
}
