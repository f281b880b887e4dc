package org.minga.projects.web;

import org.minga.projects.internal.Financing;
import org.minga.projects.internal.Monitoring;
import org.minga.projects.internal.ProjectBeneficiaries;
import org.minga.projects.internal.ProjectSteps;
import org.minga.projects.internal.Projects;
import org.minga.registry.Schemes;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/** What the project page and the public project page both show. */
@Component
record ProjectView(Projects projects, ProjectSteps steps, ProjectBeneficiaries beneficiaries, Financing financing,
        Monitoring monitoring, Schemes schemes) {

    void fill(Model model, Projects.Project p) {
        long id = p.id();
        model.addAttribute("project", p);
        model.addAttribute("scheme", schemes.get(p.schemeId()));
        model.addAttribute("beneficiaries", beneficiaries.of(id));
        model.addAttribute("needs", projects.needs(id));
        model.addAttribute("steps", steps.of(id));
        model.addAttribute("totals", financing.totals(id));
        model.addAttribute("lines", financing.lines(id));
        model.addAttribute("milestones", monitoring.milestones(id));
        model.addAttribute("reports", monitoring.reports(id));
        model.addAttribute("delays", monitoring.delays(id));
    }
}
