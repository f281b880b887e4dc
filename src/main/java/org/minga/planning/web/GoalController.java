package org.minga.planning.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.minga.identity.Scopes;
import org.minga.planning.Plans;
import org.minga.planning.internal.GoalTracking;
import org.minga.platform.Checks;
import org.minga.platform.Zones;
import org.minga.platform.web.Audience;
import org.minga.platform.web.Forms;
import org.minga.platform.web.Option;
import org.minga.platform.web.Reader;
import org.minga.projects.ProjectDigest;
import org.minga.registry.Scheme;
import org.minga.registry.SchemeFacts;
import org.minga.registry.Schemes;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** One goal's page: its indicator and status, its measurements and its links, each form a fragment. */
@Audience(Reader.SCHEME)
@Controller
@RequestMapping("/planning/schemes/{id}/goals/{goalId}")
record GoalController(Plans plans, GoalTracking tracking, Schemes schemes, Scopes scopes, ProjectDigest projects,
        Zones zones, SchemeFacts facts) {

    private static final String PAGE = "planning/goal";

    @ModelAttribute("scheme")
    Scheme scheme(@PathVariable long id) {
        return schemes.get(id);
    }

    @ModelAttribute("goal")
    Plans.Goal goal(@PathVariable long id, @PathVariable long goalId) {
        return plans.goal(id, goalId);
    }

    @ModelAttribute("linkKinds")
    List<Option> linkKinds() {
        return Option.of(GoalTracking.LinkKind.values());
    }

    @ModelAttribute("projects")
    List<Option> projects(@PathVariable long id) {
        return Option.of(projects.projects(id, null), ProjectDigest.Project::id, p -> p.code() + " — " + p.name());
    }

    /** The scheme's members today by name, for a link to a member's plan: no code to know. */
    @ModelAttribute("memberOptions")
    List<Option> members(@PathVariable long id) {
        String country = schemes.get(id).getCountry().name();
        return Option.of(facts.members(id, zones.today(country)).stream().filter(m -> m.code() != null).toList(),
                SchemeFacts.Member::code, m -> m.name() + " (" + m.code() + ")");
    }

    /** A correction or a voiding as the goal page asks for it: which measurement, and the rest. */
    record CorrectionForm(Long measurementId, LocalDate measuredOn, BigDecimal value, String note, String reason) {
    }

    record VoidForm(Long measurementId, String reason) {
    }

    /** The measurements in force, to choose the one to correct or void (also when a form comes back with errors). */
    @ModelAttribute("inForce")
    List<Option> inForce(@PathVariable long goalId) {
        return Option.of(tracking.measurements(goalId).stream().filter(GoalTracking.Recorded::inForce).toList(),
                GoalTracking.Recorded::id, m -> m.on() + " — " + m.value().toPlainString());
    }

    @GetMapping
    String show(@PathVariable long id, @PathVariable long goalId, Model model) {
        model.addAttribute("canEdit", scopes.canWriteScheme(id));
        model.addAttribute("status", plans.statuses(id, zones.today()).stream()
                .filter(s -> s.goal().id() == goalId).findFirst().orElseThrow());
        model.addAttribute("measurements", tracking.measurements(goalId));
        model.addAttribute("links", tracking.links(goalId));
        model.mergeAttributes(Map.of("measurementForm", new GoalTracking.MeasurementInput(null, null, null),
                "linkForm", new GoalTracking.LinkInput("PROJECT", null, null, null),
                "correctionForm", new CorrectionForm(null, null, null, null, null),
                "voidForm", new VoidForm(null, null)));
        return PAGE;
    }

    @PostMapping("/measurements")
    String measure(@PathVariable long id, @PathVariable long goalId,
            @ModelAttribute("measurementForm") GoalTracking.MeasurementInput form, BindingResult result, Model model,
            RedirectAttributes redirect) {
        return submit(id, goalId, result, model, "measurement-form", () -> {
            tracking.measure(id, goalId, form);
            return saved(id, goalId, redirect, "#measurements");
        });
    }

    @PostMapping("/measurements/correction")
    String correct(@PathVariable long id, @PathVariable long goalId, @ModelAttribute("correctionForm") CorrectionForm form,
            BindingResult result, Model model, RedirectAttributes redirect) {
        return submit(id, goalId, result, model, "correction-form", () -> {
            tracking.correct(id, goalId, measurement(form.measurementId()), new GoalTracking.MeasurementCorrection(
                    form.measuredOn(), form.value(), form.note(), form.reason()));
            return saved(id, goalId, redirect, "#measurements");
        });
    }

    @PostMapping("/measurements/void")
    String voidMeasurement(@PathVariable long id, @PathVariable long goalId, @ModelAttribute("voidForm") VoidForm form,
            BindingResult result, Model model, RedirectAttributes redirect) {
        return submit(id, goalId, result, model, "void-form", () -> {
            tracking.voidMeasurement(id, goalId, measurement(form.measurementId()),
                    new GoalTracking.MeasurementVoid(form.reason()));
            return saved(id, goalId, redirect, "#measurements");
        });
    }

    /** The chosen measurement, or a message on the field when none was chosen. */
    private static long measurement(Long measurementId) {
        new Checks().rule(measurementId != null, "measurementId", "NotNull", "planning.measurement.choose").orThrow();
        return measurementId;
    }

    @PostMapping("/links")
    String link(@PathVariable long id, @PathVariable long goalId, @ModelAttribute("linkForm") GoalTracking.LinkInput form,
            BindingResult result, Model model, RedirectAttributes redirect) {
        return submit(id, goalId, result, model, "link-form", () -> {
            tracking.link(id, goalId, form);
            return saved(id, goalId, redirect, "#links");
        });
    }

    private String submit(long id, long goalId, BindingResult result, Model model, String fragment,
            Supplier<String> action) {
        scopes.requireSchemeWrite(id);
        return Forms.submit(result, action,
                () -> Forms.fragmentOr(PAGE + " :: " + fragment, () -> show(id, goalId, model)));
    }

    private static String saved(long id, long goalId, RedirectAttributes redirect, String anchor) {
        return Forms.saved(redirect, "/planning/schemes/" + id + "/goals/" + goalId + anchor);
    }
}
