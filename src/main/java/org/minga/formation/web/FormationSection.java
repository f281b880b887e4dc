package org.minga.formation.web;

import org.minga.formation.FormationRoute;
import org.minga.platform.web.Audience;
import org.minga.platform.web.Reader;
import org.minga.platform.web.SchemeSection;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * Formation's part of a scheme's page: how far its formation route has come, linking to the route. The
 * host page links its title to the section's page; the summary is this module's own fragment.
 */
@Audience(Reader.SCHEME)
@Controller
record FormationSection(FormationRoute route) {

    @Bean
    static SchemeSection formationSchemeSection() {
        return new SchemeSection(10, "formation.link", "/formation/schemes/{id}", "/formation/schemes/{id}/summary");
    }

    /** The route's progress; the scheme's id is the route's. */
    @GetMapping("/formation/schemes/{id}/summary")
    String summary(@PathVariable long id, Model model) {
        model.addAttribute("route", route.of(id));
        return "formation/section :: summary";
    }
}
