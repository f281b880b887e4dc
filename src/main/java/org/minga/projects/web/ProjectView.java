package org.minga.projects.web;

import org.minga.projects.internal.Financing;
import org.minga.projects.internal.Monitoring;
import org.minga.projects.internal.Projects;
import org.minga.registry.Schemes;
import org.springframework.ui.Model;

/** What the project page and the public project page both show. */
final class ProjectView {

    private ProjectView() {
    }

    static void fill(Model model, Projects.Project p, Projects projects, Financing financing, Monitoring monitoring,
            Schemes schemes) {
        long id = p.id();
        model.addAttribute("project", p);
        model.addAttribute("scheme", schemes.get(p.schemeId()));
        model.addAttribute("beneficiaries", projects.beneficiaries(id));
        model.addAttribute("needs", projects.needs(id));
        model.addAttribute("steps", projects.steps(id));
        model.addAttribute("totals", financing.totals(id));
        model.addAttribute("lines", financing.lines(id));
        model.addAttribute("milestones", monitoring.milestones(id));
        model.addAttribute("reports", monitoring.reports(id));
        model.addAttribute("delays", monitoring.delays(id));
    }
}
