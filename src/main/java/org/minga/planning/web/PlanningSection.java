package org.minga.planning.web;

import org.minga.planning.Indicators;
import org.minga.planning.Plans;
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
 * Planning's part of a scheme's page: the goals by status today, linking to the plan. The
 * host page links its title to the section's page; the summary is this module's own fragment.
 */
@Audience(Reader.SCHEME)
@Controller
record PlanningSection(Plans plans, Zones zones) {

    @Bean
    static SchemeSection planningSchemeSection() {
        return new SchemeSection(30, "planning.link", "/planning/schemes/{id}", "/planning/schemes/{id}/summary");
    }

    @GetMapping("/planning/schemes/{id}/summary")
    String summary(@PathVariable long id, Model model) {
        model.addAttribute("dashboard", plans.dashboard(id, zones.today(), 0, 1));
        model.addAttribute("statuses", Indicators.Status.values());
        return "planning/section :: summary";
    }
}
