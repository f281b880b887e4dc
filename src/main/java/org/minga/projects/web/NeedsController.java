package org.minga.projects.web;

import org.minga.identity.Scopes;
import org.minga.platform.web.Audience;
import org.minga.platform.web.Forms;
import org.minga.platform.web.Option;
import org.minga.platform.web.Reader;
import org.minga.projects.internal.Needs;
import org.minga.projects.internal.Projects;
import org.minga.projects.web.ProjectForms.NeedForm;
import org.minga.projects.web.ProjectForms.ProjectForm;
import org.minga.registry.Schemes;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The scheme's investment needs: the list, a new need, and needs taken up by a new project. */
@Audience(Reader.SCHEME)
@Controller
@RequestMapping("/projects/schemes/{schemeId}/needs")
record NeedsController(Needs needs, Projects projects, Schemes schemes, Scopes scopes, ProjectChoices choices) {

    @ModelAttribute("needForm")
    NeedForm needForm() {
        return new NeedForm();
    }

    @ModelAttribute("projectForm")
    ProjectForm projectForm() {
        return new ProjectForm();
    }

    @ModelAttribute("origins")
    java.util.List<Option> origins() {
        return Option.of(Needs.Origin.values());
    }

    @ModelAttribute("currencies")
    java.util.List<org.minga.platform.web.Option> currencies() {
        return org.minga.platform.web.Option.currencies();
    }

    @GetMapping
    String needs(@PathVariable long schemeId, @RequestParam(required = false) String status,
            @RequestParam(required = false) String unit, @RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("scheme", schemes.get(schemeId));
        model.addAttribute("status", status);
        model.addAttribute("unit", unit);
        model.addAttribute("result", needs.list(schemeId, status, unit, page, 50));
        model.addAttribute("statuses", Needs.Status.values());
        model.addAttribute("canEdit", scopes.canWriteScheme(schemeId));
        choices.fill(model, schemeId, null);
        return "projects/needs";
    }

    @PostMapping
    String record(@PathVariable long schemeId, @ModelAttribute("needForm") NeedForm form, BindingResult result,
            Model model, RedirectAttributes redirect) {
        scopes.requireUnitWrite(schemeId, form.getUnitCode() == null ? "" : form.getUnitCode().strip().toUpperCase());
        return Forms.submit(result, () -> {
            needs.record(schemeId, form.getUnitCode(), form.getSector(), form.getDescription(), form.getPriority(),
                    form.getOrigin());
            redirect.addFlashAttribute("notice", "projects.saved");
            return "redirect:/projects/schemes/" + schemeId + "/needs";
        }, () -> Forms.fragmentOr(withScheme(schemeId, model, "projects/needs :: needForm"),
                () -> needs(schemeId, null, null, 0, model)));
    }

    private String withScheme(long schemeId, Model model, String fragment) {
        model.addAttribute("scheme", schemes.get(schemeId));
        choices.fill(model, schemeId, null);
        return fragment;
    }

    @PostMapping("/project")
    String toProject(@PathVariable long schemeId, @ModelAttribute("projectForm") ProjectForm form,
            BindingResult result, Model model, RedirectAttributes redirect) {
        scopes.requireSchemeWrite(schemeId);
        return Forms.submit(result, () -> ProjectController.saved(
                projects.fromNeeds(schemeId, form.draft(projects), form.getNeedIds()).id(), redirect),
                () -> needs(schemeId, null, null, 0, model));
    }
}
