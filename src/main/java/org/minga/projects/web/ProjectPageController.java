package org.minga.projects.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.minga.identity.Scopes;
import org.minga.platform.Zones;
import org.minga.platform.web.Audience;
import org.minga.platform.web.Forms;
import org.minga.platform.web.Idempotent;
import org.minga.platform.web.Option;
import org.minga.platform.web.Reader;
import org.minga.projects.internal.Financing;
import org.minga.projects.internal.Projects;
import org.minga.projects.web.ProjectForms.BeneficiaryForm;
import org.minga.projects.web.ProjectForms.ExecutionForm;
import org.minga.projects.web.ProjectForms.FinancingForm;
import org.minga.projects.web.ProjectForms.MilestoneForm;
import org.minga.projects.web.ProjectForms.ProjectForm;
import org.minga.projects.web.ProjectForms.ReportForm;
import org.minga.projects.web.ProjectForms.StageForm;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** One project's page, with a small form per change: stage, financing, beneficiary, report, milestone, execution. */
@Audience(value = Reader.SCHEME, byRecord = true)
@Controller
@RequestMapping("/projects/{id:\\d+}")
record ProjectPageController(ProjectView view, Scopes scopes, Zones zones, ProjectChoices choices) {

    @ModelAttribute("sourceTypes")
    List<Option> sourceTypes() {
        return Option.of(Financing.SourceType.values());
    }

    @ModelAttribute("currencies")
    List<Option> currencies() {
        return Option.currencies();
    }

    @GetMapping
    String show(@PathVariable long id, Model model) {
        var p = view.projects().readable(id);
        view.fill(model, p);
        boolean canEdit = scopes.canWriteScheme(p.schemeId());
        model.addAttribute("canEdit", canEdit);
        var next = view.steps().next(p);
        model.addAttribute("nextStages", next);
        model.addAttribute("stageOptions", Option.of(next.toArray(org.minga.projects.Stage[]::new)));
        if (canEdit) {
            choices.fill(model, p.schemeId(), p.sector());
        }
        model.mergeAttributes(blankForms(p));
        return "projects/project";
    }

    /** The page's forms as a person first sees them; a form refused with errors keeps what was typed. */
    private Map<String, Object> blankForms(Projects.Project p) {
        LocalDate today = zones.today();
        StageForm stage = new StageForm();
        stage.setOn(today);
        ReportForm report = new ReportForm();
        report.setReportedOn(today);
        FinancingForm financing = new FinancingForm();
        financing.setCurrency(p.currency());
        financing.setCommittedOn(today);
        return Map.of("stageForm", stage, "beneficiaryForm", new BeneficiaryForm(), "reportForm", report,
                "milestoneForm", new MilestoneForm(), "financingForm", financing, "executionForm",
                new ExecutionForm(p.executor(), p.contractor(), p.supervisor(), p.oversight()), "projectForm",
                ProjectForm.of(p, view.projects()));
    }

    /** The project's own data (its beneficiaries have their form): the same fields and map as when registered. */
    @PostMapping("/edit")
    String edit(@PathVariable long id, @ModelAttribute("projectForm") ProjectForm form, BindingResult result,
            Model model, RedirectAttributes redirect) {
        return submit(id, "editForm", result, model, redirect,
                () -> view.projects().update(id, form.draft(view.projects())));
    }

    @PostMapping("/stage")
    String stage(@PathVariable long id, @ModelAttribute("stageForm") StageForm form, BindingResult result, Model model,
            RedirectAttributes redirect) {
        return submit(id, "stageForm", result, model, redirect, () -> view.steps().change(id,
                new org.minga.projects.internal.ProjectSteps.Step(form.getStage(), form.getOn(), form.getNote())));
    }

    @PostMapping("/financing")
    @Idempotent
    String financing(@PathVariable long id, @ModelAttribute("financingForm") FinancingForm form, BindingResult result,
            Model model, RedirectAttributes redirect) {
        return submit(id, "financingForm", result, model, redirect, () -> view.financing().add(id, form.input()));
    }

    /** Voids a financing line with a reason (it stays listed, out of the totals); a refusal shows above the table. */
    @PostMapping("/financing/{lineId}/void")
    String voidFinancing(@PathVariable long id, @PathVariable long lineId, @RequestParam(required = false) String reason,
            Model model, RedirectAttributes redirect) {
        return Forms.act(model, "voidError", () -> {
            view.financing().voidLine(id, lineId, new Financing.Voiding(reason));
            return ProjectController.saved(id, redirect);
        }, () -> show(id, model));
    }

    @PostMapping("/beneficiaries")
    String beneficiary(@PathVariable long id, @ModelAttribute("beneficiaryForm") BeneficiaryForm form,
            BindingResult result, Model model, RedirectAttributes redirect) {
        return submit(id, "beneficiaryForm", result, model, redirect, () -> view.beneficiaries().put(id, new Projects.Beneficiary(
                form.getUnitCode(), form.getFamilies(), form.getPeople(), form.getWomen(), form.getMen())));
    }

    @PostMapping("/reports")
    String report(@PathVariable long id, @ModelAttribute("reportForm") ReportForm form, BindingResult result,
            Model model, RedirectAttributes redirect) {
        List<MultipartFile> photos = new ArrayList<>();
        if (form.getPhoto() != null) {
            photos.add(form.getPhoto());
        }
        String view = submit(id, "reportForm", result, model, redirect, () -> {
            try {
                this.view.monitoring().report(id, form.getReportedOn(), form.getPhysicalPercent(),
                        form.getFinancialPercent(), form.getText(), ProjectApiController.uploads(photos));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        form.setPhoto(null);
        return view;
    }

    @PostMapping("/milestones")
    String milestone(@PathVariable long id, @ModelAttribute("milestoneForm") MilestoneForm form, BindingResult result,
            Model model, RedirectAttributes redirect) {
        return submit(id, "milestoneForm", result, model, redirect,
                () -> view.monitoring().addMilestone(id, form.getName(), form.getPlannedOn(), form.getActualOn()));
    }

    @PostMapping("/milestones/{milestoneId}")
    String reach(@PathVariable long id, @PathVariable long milestoneId,
            @ModelAttribute("milestoneForm") MilestoneForm form, BindingResult result, Model model,
            RedirectAttributes redirect) {
        return submit(id, null, result, model, redirect,
                () -> view.monitoring().reachMilestone(id, milestoneId, form.getActualOn()));
    }

    @PostMapping("/execution")
    String execution(@PathVariable long id, @ModelAttribute("executionForm") ExecutionForm form, BindingResult result,
            Model model, RedirectAttributes redirect) {
        return submit(id, "executionForm", result, model, redirect, () -> view.projects().execution(id, new Projects.Execution(
                form.executor(), form.contractor(), form.supervisor(), form.oversight())));
    }

    /**
     * Every form of the page: scoped to the project's scheme, saved and back to the page; with a broken
     * rule, the form's fragment again for htmx (null: no fragment of its own), the whole page otherwise.
     */
    private String submit(long id, String fragment, BindingResult result, Model model, RedirectAttributes redirect,
            Runnable action) {
        view.projects().writable(id);
        return Forms.submit(result, () -> {
            action.run();
            return ProjectController.saved(id, redirect);
        }, () -> {
            String page = show(id, model);
            return fragment == null ? page : Forms.fragmentOr("projects/project :: " + fragment, () -> page);
        });
    }
}
