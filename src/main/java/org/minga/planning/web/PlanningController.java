package org.minga.planning.web;

import org.minga.platform.web.Audience;
import org.minga.platform.web.Reader;

import java.time.LocalDate;

import org.minga.identity.Scopes;
import org.minga.planning.Indicators;
import org.minga.planning.Plans;
import org.minga.planning.web.PlanningForms.GoalForm;
import org.minga.planning.web.PlanningForms.LinkForm;
import org.minga.planning.web.PlanningForms.MeasurementForm;
import org.minga.planning.web.PlanningForms.PillarForm;
import org.minga.planning.web.PlanningForms.VisionForm;
import org.minga.planning.web.PlanningForms.WorkPlanForm;
import org.minga.platform.InvalidInputException;
import org.minga.platform.web.Forms;
import org.minga.projects.ProjectDigest;
import org.minga.registry.Schemes;
import org.springframework.format.annotation.DateTimeFormat;
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

/** The plan of a scheme (vision, pillars, work plans, the goals dashboard) and each goal's page. */
@Audience(Reader.SCHEME)
@Controller
@RequestMapping("/planning/schemes/{id}")
class PlanningController {

    private final Plans plans;
    private final Schemes schemes;
    private final Scopes scopes;
    private final ProjectDigest projects;

    PlanningController(Plans plans, Schemes schemes, Scopes scopes, ProjectDigest projects) {
        this.plans = plans;
        this.schemes = schemes;
        this.scopes = scopes;
        this.projects = projects;
    }

    @GetMapping
    String show(@PathVariable long id, @RequestParam(defaultValue = "0") int page,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate at, Model model) {
        LocalDate date = at == null ? LocalDate.now() : at;
        model.addAttribute("scheme", schemes.get(id));
        model.addAttribute("at", date);
        model.addAttribute("canEdit", scopes.canWriteScheme(id));
        model.addAttribute("vision", plans.vision(id));
        model.addAttribute("pillars", plans.pillars(id));
        model.addAttribute("workPlans", plans.workPlans(id));
        model.addAttribute("dashboard", plans.dashboard(id, date, page, 50));
        model.addAttribute("periodicities", Indicators.Periodicity.values());
        model.addAttribute("statuses", Indicators.Status.values());
        var vision = plans.vision(id);
        VisionForm vf = new VisionForm();
        if (vision != null) {
            vf.setName(vision.name());
            vf.setStatement(vision.statement());
            vf.setHorizonYear(vision.horizonYear());
        }
        defaults(model, "visionForm", vf);
        defaults(model, "pillarForm", new PillarForm());
        defaults(model, "workPlanForm", new WorkPlanForm());
        defaults(model, "goalForm", new GoalForm());
        return "planning/scheme";
    }

    @GetMapping("/goals/{goalId}")
    String goal(@PathVariable long id, @PathVariable long goalId, Model model) {
        var goal = plans.goal(id, goalId);
        model.addAttribute("scheme", schemes.get(id));
        model.addAttribute("canEdit", scopes.canWriteScheme(id));
        model.addAttribute("goal", goal);
        model.addAttribute("status", plans.statuses(id, LocalDate.now()).stream().filter(s -> s.goal().id() == goalId)
                .findFirst().orElseThrow());
        model.addAttribute("measurements", plans.measurements(goalId));
        model.addAttribute("links", plans.links(goalId));
        model.addAttribute("linkKinds", Plans.LinkKind.values());
        model.addAttribute("projects", projects.projects(id, null));
        defaults(model, "measurementForm", new MeasurementForm());
        defaults(model, "linkForm", new LinkForm());
        return "planning/goal";
    }

    @PostMapping("/vision")
    String vision(@PathVariable long id, @ModelAttribute("visionForm") VisionForm form, BindingResult result, Model model,
            RedirectAttributes redirect) {
        return write(id, result, model, redirect, "vision",
                () -> plans.setVision(id, form.getName(), form.getStatement(), form.getHorizonYear()));
    }

    @PostMapping("/pillars")
    String pillar(@PathVariable long id, @ModelAttribute("pillarForm") PillarForm form, BindingResult result, Model model,
            RedirectAttributes redirect) {
        return write(id, result, model, redirect, "pillars", () -> plans.addPillar(id, form.getName(), form.getBets()));
    }

    @PostMapping("/work-plans")
    String workPlan(@PathVariable long id, @ModelAttribute("workPlanForm") WorkPlanForm form, BindingResult result,
            Model model, RedirectAttributes redirect) {
        return write(id, result, model, redirect, "work-plans", () -> plans.addWorkPlan(id, form.getName(),
                form.getStartsOn(), form.getEndsOn(), form.getObjectives()));
    }

    @PostMapping("/goals")
    String createGoal(@PathVariable long id, @ModelAttribute("goalForm") GoalForm form, BindingResult result,
            Model model, RedirectAttributes redirect) {
        scopes.requireSchemeWrite(id);
        if (!result.hasErrors()) {
            try {
                var g = plans.createGoal(id, new Plans.GoalInput(form.getWorkPlanId(), form.getPillarId(), form.getName(),
                        form.getIndicator(), form.getUnit(), form.getBaseline(), form.getTarget(), form.getPeriodicity(),
                        form.getStartsOn(), form.getDueOn(), form.getSource(), form.getResponsible()));
                redirect.addFlashAttribute("saved", true);
                return "redirect:/planning/schemes/" + id + "/goals/" + g.id();
            } catch (InvalidInputException e) {
                Forms.reject(result, e);
            }
        }
        return show(id, 0, null, model);
    }

    @PostMapping("/goals/{goalId}/measurements")
    String measure(@PathVariable long id, @PathVariable long goalId,
            @ModelAttribute("measurementForm") MeasurementForm form, BindingResult result, Model model,
            RedirectAttributes redirect) {
        scopes.requireSchemeWrite(id);
        if (!result.hasErrors()) {
            try {
                plans.measure(id, goalId, form.getMeasuredOn(), form.getValue(), form.getNote());
                redirect.addFlashAttribute("saved", true);
                return "redirect:/planning/schemes/" + id + "/goals/" + goalId + "#measurements";
            } catch (InvalidInputException e) {
                Forms.reject(result, e);
            }
        }
        return goal(id, goalId, model);
    }

    @PostMapping("/goals/{goalId}/links")
    String link(@PathVariable long id, @PathVariable long goalId, @ModelAttribute("linkForm") LinkForm form,
            BindingResult result, Model model, RedirectAttributes redirect) {
        scopes.requireSchemeWrite(id);
        if (!result.hasErrors()) {
            try {
                plans.link(id, goalId, form.getKind(), form.getReference(), form.getUnitCode(), form.getProjectId());
                redirect.addFlashAttribute("saved", true);
                return "redirect:/planning/schemes/" + id + "/goals/" + goalId + "#links";
            } catch (InvalidInputException e) {
                Forms.reject(result, e);
            }
        }
        return goal(id, goalId, model);
    }

    private String write(long id, BindingResult result, Model model, RedirectAttributes redirect, String anchor,
            Runnable action) {
        scopes.requireSchemeWrite(id);
        if (!result.hasErrors()) {
            try {
                action.run();
                redirect.addFlashAttribute("saved", true);
                return "redirect:/planning/schemes/" + id + "#" + anchor;
            } catch (InvalidInputException e) {
                Forms.reject(result, e);
            }
        }
        return show(id, 0, null, model);
    }

    private static void defaults(Model model, String name, Object form) {
        if (!model.containsAttribute(name)) {
            model.addAttribute(name, form);
        }
    }
}
