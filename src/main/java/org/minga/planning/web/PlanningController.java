package org.minga.planning.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.minga.identity.Scopes;
import org.minga.planning.Indicators;
import org.minga.planning.Plans;
import org.minga.planning.internal.Strategy;
import org.minga.platform.Zones;
import org.minga.platform.web.Audience;
import org.minga.platform.web.Forms;
import org.minga.platform.web.Option;
import org.minga.platform.web.Reader;
import org.minga.registry.Scheme;
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

/**
 * The plan of a scheme: the goals dashboard, the vision, pillars and work plans. Each form is a
 * fragment of the page that posts to its own handler; a broken rule re-renders only that form.
 */
@Audience(Reader.SCHEME)
@Controller
@RequestMapping("/planning/schemes/{id}")
record PlanningController(Plans plans, Strategy strategy, Schemes schemes, Scopes scopes, Zones zones) {

    private static final String PAGE = "planning/scheme";

    @ModelAttribute("scheme")
    Scheme scheme(@PathVariable long id) {
        return schemes.get(id);
    }

    /** The pillars and work plans the page lists and the goal form offers, with the periodicities. */
    private void frame(long id, Model model) {
        List<Strategy.Pillar> pillars = strategy.pillars(id);
        List<Strategy.WorkPlan> workPlans = strategy.workPlans(id);
        model.addAttribute("pillars", pillars);
        model.addAttribute("workPlans", workPlans);
        model.addAttribute("pillarOptions", Option.of(pillars, Strategy.Pillar::id, Strategy.Pillar::name));
        model.addAttribute("workPlanOptions", Option.of(workPlans, Strategy.WorkPlan::id, Strategy.WorkPlan::name));
        model.addAttribute("periodicities", Option.of(Indicators.Periodicity.values()));
    }

    @GetMapping
    String show(@PathVariable long id, @RequestParam(defaultValue = "0") int page,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate at, Model model) {
        frame(id, model);
        LocalDate date = at == null ? zones.today() : at;
        Strategy.Vision vision = strategy.vision(id);
        model.addAttribute("at", date);
        model.addAttribute("canEdit", scopes.canWriteScheme(id));
        model.addAttribute("vision", vision);
        model.addAttribute("dashboard", plans.dashboard(id, date, page, 50));
        model.addAttribute("statuses", Indicators.Status.values());
        model.mergeAttributes(Map.of(
                "visionForm", vision == null ? new Strategy.VisionInput(null, null, null)
                        : new Strategy.VisionInput(vision.name(), vision.statement(), vision.horizonYear()),
                "pillarForm", new Strategy.PillarInput(null, null),
                "workPlanForm", new Strategy.WorkPlanInput(null, null, null, null),
                "goalForm", new Plans.GoalInput(null, null, null, null, null, null, null, "QUARTERLY", null, null, null,
                        null)));
        return PAGE;
    }

    /** The summary the scheme's page loads into its planning section: the goals by status today. */
    @GetMapping("/summary")
    String summary(@PathVariable long id, Model model) {
        model.addAttribute("dashboard", plans.dashboard(id, zones.today(), 0, 1));
        model.addAttribute("statuses", Indicators.Status.values());
        return "planning/section :: summary";
    }

    @PostMapping("/vision")
    String vision(@PathVariable long id, @ModelAttribute("visionForm") Strategy.VisionInput form, BindingResult result,
            Model model, RedirectAttributes redirect) {
        return submit(id, result, model, "vision-form", () -> {
            strategy.setVision(id, form);
            return saved(id, redirect, "#vision");
        });
    }

    @PostMapping("/pillars")
    String pillar(@PathVariable long id, @ModelAttribute("pillarForm") Strategy.PillarInput form, BindingResult result,
            Model model, RedirectAttributes redirect) {
        return submit(id, result, model, "pillar-form", () -> {
            strategy.addPillar(id, form);
            return saved(id, redirect, "#pillars");
        });
    }

    @PostMapping("/work-plans")
    String workPlan(@PathVariable long id, @ModelAttribute("workPlanForm") Strategy.WorkPlanInput form,
            BindingResult result, Model model, RedirectAttributes redirect) {
        return submit(id, result, model, "work-plan-form", () -> {
            strategy.addWorkPlan(id, form);
            return saved(id, redirect, "#work-plans");
        });
    }

    @PostMapping("/goals")
    String createGoal(@PathVariable long id, @ModelAttribute("goalForm") Plans.GoalInput form, BindingResult result,
            Model model, RedirectAttributes redirect) {
        return submit(id, result, model, "goal-form",
                () -> saved(id, redirect, "/goals/" + plans.createGoal(id, form).id()));
    }

    /** Only those who may write the scheme post; a broken rule re-renders the form's fragment. */
    private String submit(long id, BindingResult result, Model model, String fragment, Supplier<String> action) {
        scopes.requireSchemeWrite(id);
        return Forms.submit(result, action, () -> Forms.fragmentOr(PAGE + " :: " + fragment, () -> show(id, 0, null, model)));
    }

    private static String saved(long id, RedirectAttributes redirect, String where) {
        return Forms.saved(redirect, "/planning/schemes/" + id + where);
    }
}
