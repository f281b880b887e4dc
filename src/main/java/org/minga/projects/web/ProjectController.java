package org.minga.projects.web;

import org.minga.platform.web.Audience;
import org.minga.platform.web.Reader;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;

import org.minga.identity.Scopes;
import org.minga.platform.InvalidInputException;
import org.minga.platform.web.Forms;
import org.minga.projects.Stage;
import org.minga.projects.internal.Financing;
import org.minga.projects.internal.Monitoring;
import org.minga.projects.internal.Needs;
import org.minga.projects.internal.ProjectList;
import org.minga.projects.internal.Projects;
import org.minga.projects.internal.Spreadsheets;
import org.minga.projects.web.ProjectForms.BeneficiaryForm;
import org.minga.projects.web.ProjectForms.ExecutionForm;
import org.minga.projects.web.ProjectForms.FinancingForm;
import org.minga.projects.web.ProjectForms.MilestoneForm;
import org.minga.projects.web.ProjectForms.NeedForm;
import org.minga.projects.web.ProjectForms.ProjectForm;
import org.minga.projects.web.ProjectForms.ReportForm;
import org.minga.projects.web.ProjectForms.StageForm;
import org.minga.registry.Schemes;
import org.minga.platform.web.Idempotent;
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

/**
 * The project bank's pages: the scheme's project list with filters and exports, the needs, the
 * import, one page per project with a small form per change, and a member official's unit page.
 */
@Audience(Reader.SCHEME)
@Controller
@RequestMapping("/projects")
class ProjectController {

    private final Needs needs;
    private final Projects projects;
    private final ProjectList list;
    private final Financing financing;
    private final Monitoring monitoring;
    private final Spreadsheets sheets;
    private final Schemes schemes;
    private final Scopes scopes;

    ProjectController(Needs needs, Projects projects, ProjectList list, Financing financing, Monitoring monitoring,
            Spreadsheets sheets, Schemes schemes, Scopes scopes) {
        this.needs = needs;
        this.projects = projects;
        this.list = list;
        this.financing = financing;
        this.monitoring = monitoring;
        this.sheets = sheets;
        this.schemes = schemes;
        this.scopes = scopes;
    }

    @GetMapping("/schemes/{schemeId}")
    String list(@PathVariable long schemeId, @RequestParam(required = false) String stage,
            @RequestParam(required = false) String sector, @RequestParam(required = false) String unit,
            @RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size, Model model) {
        var filters = new ProjectList.Filters(stage, sector, unit, q);
        model.addAttribute("scheme", schemes.get(schemeId));
        model.addAttribute("filters", filters);
        model.addAttribute("result", list.page(schemeId, filters, page, size));
        model.addAttribute("stages", Stage.values());
        model.addAttribute("canEdit", scopes.canWriteScheme(schemeId));
        if (!model.containsAttribute("projectForm")) {
            model.addAttribute("projectForm", new ProjectForm());
        }
        return "projects/list";
    }

    @PostMapping("/schemes/{schemeId}")
    String create(@PathVariable long schemeId, @ModelAttribute("projectForm") ProjectForm form, BindingResult result,
            Model model, RedirectAttributes redirect) {
        scopes.requireSchemeWrite(schemeId);
        if (!result.hasErrors()) {
            try {
                var p = projects.create(schemeId, draft(form), beneficiaries(form.getBeneficiaries()),
                        form.getNeedIds());
                return saved(p.id(), redirect);
            } catch (InvalidInputException e) {
                Forms.reject(result, e);
            }
        }
        return list(schemeId, null, null, null, null, 0, 50, model);
    }

    @GetMapping("/schemes/{schemeId}/needs")
    String needs(@PathVariable long schemeId, @RequestParam(required = false) String status,
            @RequestParam(required = false) String unit, @RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("scheme", schemes.get(schemeId));
        model.addAttribute("status", status);
        model.addAttribute("unit", unit);
        model.addAttribute("result", needs.list(schemeId, status, unit, page, 50));
        model.addAttribute("origins", Needs.Origin.values());
        model.addAttribute("statuses", Needs.Status.values());
        model.addAttribute("canEdit", scopes.canWriteScheme(schemeId));
        if (!model.containsAttribute("needForm")) {
            model.addAttribute("needForm", new NeedForm());
        }
        if (!model.containsAttribute("projectForm")) {
            model.addAttribute("projectForm", new ProjectForm());
        }
        return "projects/needs";
    }

    @PostMapping("/schemes/{schemeId}/needs")
    String recordNeed(@PathVariable long schemeId, @ModelAttribute("needForm") NeedForm form, BindingResult result,
            Model model, RedirectAttributes redirect) {
        scopes.requireUnitWrite(schemeId, form.getUnitCode() == null ? "" : form.getUnitCode().strip().toUpperCase());
        if (!result.hasErrors()) {
            try {
                needs.record(schemeId, form.getUnitCode(), form.getSector(), form.getDescription(),
                        form.getPriority(), form.getOrigin());
                redirect.addFlashAttribute("notice", "projects.saved");
                return "redirect:/projects/schemes/" + schemeId + "/needs";
            } catch (InvalidInputException e) {
                Forms.reject(result, e);
            }
        }
        return needs(schemeId, null, null, 0, model);
    }

    @PostMapping("/schemes/{schemeId}/needs/project")
    String needsToProject(@PathVariable long schemeId, @ModelAttribute("projectForm") ProjectForm form,
            BindingResult result, Model model, RedirectAttributes redirect) {
        scopes.requireSchemeWrite(schemeId);
        if (!result.hasErrors()) {
            try {
                var p = projects.fromNeeds(schemeId, draft(form), form.getNeedIds());
                return saved(p.id(), redirect);
            } catch (InvalidInputException e) {
                Forms.reject(result, e);
            }
        }
        return needs(schemeId, null, null, 0, model);
    }

    @GetMapping("/schemes/{schemeId}/import")
    String importPage(@PathVariable long schemeId, Model model) {
        scopes.requireSchemeWrite(schemeId);
        model.addAttribute("scheme", schemes.get(schemeId));
        model.addAttribute("columns", Spreadsheets.IMPORT_COLUMNS);
        return "projects/import";
    }

    @PostMapping("/schemes/{schemeId}/import")
    String importBank(@PathVariable long schemeId, @RequestParam(required = false) MultipartFile file, Model model,
            RedirectAttributes redirect) throws IOException {
        scopes.requireSchemeWrite(schemeId);
        try {
            Exports.checkImport(file);
            var result = sheets.importProjects(schemeId, file.getInputStream());
            if (result.clean()) {
                redirect.addFlashAttribute("notice", "projects.imported");
                return "redirect:/projects/schemes/" + schemeId;
            }
            model.addAttribute("errors", result.errors());
        } catch (InvalidInputException e) {
            model.addAttribute("fileError", e.violations().getFirst());
        }
        return importPage(schemeId, model);
    }

    @GetMapping("/schemes/{schemeId}/exports/projects.xlsx")
    void projectsXlsx(@PathVariable long schemeId, @RequestParam(required = false) String stage,
            @RequestParam(required = false) String sector, @RequestParam(required = false) String unit,
            @RequestParam(required = false) String q, HttpServletResponse response) throws IOException {
        Exports.xlsx(response, "proyectos.xlsx");
        sheets.projectsXlsx(schemeId, new ProjectList.Filters(stage, sector, unit, q), response.getOutputStream());
    }

    @GetMapping("/schemes/{schemeId}/exports/projects.csv")
    void projectsCsv(@PathVariable long schemeId, @RequestParam(required = false) String stage,
            @RequestParam(required = false) String sector, @RequestParam(required = false) String unit,
            @RequestParam(required = false) String q, HttpServletResponse response) throws IOException {
        Exports.csv(response, "proyectos.csv");
        sheets.projectsCsv(schemeId, new ProjectList.Filters(stage, sector, unit, q), response.getOutputStream());
    }

    @GetMapping("/schemes/{schemeId}/exports/needs.xlsx")
    void needsXlsx(@PathVariable long schemeId, @RequestParam(required = false) String status,
            @RequestParam(required = false) String unit, HttpServletResponse response) throws IOException {
        Exports.xlsx(response, "necesidades.xlsx");
        sheets.needsXlsx(schemeId, status, unit, response.getOutputStream());
    }

    @GetMapping("/schemes/{schemeId}/exports/needs.csv")
    void needsCsv(@PathVariable long schemeId, @RequestParam(required = false) String status,
            @RequestParam(required = false) String unit, HttpServletResponse response) throws IOException {
        Exports.csv(response, "necesidades.csv");
        sheets.needsCsv(schemeId, status, unit, response.getOutputStream());
    }

    @Audience(Reader.TEAM)
    @GetMapping("/units/{unitCode}")
    String unit(@PathVariable String unitCode, @RequestParam(defaultValue = "0") int page, Model model) {
        String code = unitCode.strip().toUpperCase();
        var items = list.forUnit(code, Math.max(0, page), 100);
        model.addAttribute("unitCode", code);
        model.addAttribute("items", items);
        model.addAttribute("schemeNames", schemes.names(items.stream().map(ProjectList.UnitItem::schemeId)
                .distinct().toList()));
        return "projects/unit";
    }

    @Audience(value = Reader.SCHEME, byRecord = true)
    @GetMapping("/{id}")
    String show(@PathVariable long id, Model model) {
        var p = projects.readable(id);
        ProjectView.fill(model, p, projects, financing, monitoring, schemes);
        model.addAttribute("canEdit", scopes.canWriteScheme(p.schemeId()));
        model.addAttribute("nextStages", projects.nextStages(p));
        model.addAttribute("sourceTypes", Financing.SourceType.values());
        if (!model.containsAttribute("stageForm")) {
            model.addAttribute("stageForm", new StageForm());
        }
        if (!model.containsAttribute("financingForm")) {
            FinancingForm f = new FinancingForm();
            f.setCurrency(p.currency());
            model.addAttribute("financingForm", f);
        }
        if (!model.containsAttribute("beneficiaryForm")) {
            model.addAttribute("beneficiaryForm", new BeneficiaryForm());
        }
        if (!model.containsAttribute("reportForm")) {
            model.addAttribute("reportForm", new ReportForm());
        }
        if (!model.containsAttribute("milestoneForm")) {
            model.addAttribute("milestoneForm", new MilestoneForm());
        }
        if (!model.containsAttribute("executionForm")) {
            ExecutionForm e = new ExecutionForm();
            e.setExecutor(p.executor());
            e.setContractor(p.contractor());
            e.setSupervisor(p.supervisor());
            e.setOversight(p.oversight());
            model.addAttribute("executionForm", e);
        }
        return "projects/project";
    }

    @Audience(value = Reader.SCHEME, byRecord = true)
    @PostMapping("/{id}/stage")
    String stage(@PathVariable long id, @ModelAttribute("stageForm") StageForm form, BindingResult result, Model model,
            RedirectAttributes redirect) {
        scopes.requireSchemeWrite(projects.get(id).schemeId());
        if (!result.hasErrors()) {
            try {
                projects.changeStage(id, form.getStage(), form.getOn(), form.getNote());
                return saved(id, redirect);
            } catch (InvalidInputException e) {
                Forms.reject(result, e);
            }
        }
        return show(id, model);
    }

    @Audience(value = Reader.SCHEME, byRecord = true)
    @PostMapping("/{id}/financing")
    @Idempotent
    String financing(@PathVariable long id, @ModelAttribute("financingForm") FinancingForm form, BindingResult result,
            Model model, RedirectAttributes redirect) {
        scopes.requireSchemeWrite(projects.get(id).schemeId());
        if (!result.hasErrors()) {
            try {
                financing.add(id, form.getSourceType(), form.getEntity(), form.getUnitCode(), form.getAmount(),
                        form.getCurrency(), form.getCommittedOn(), form.getDisbursed());
                return saved(id, redirect);
            } catch (InvalidInputException e) {
                Forms.reject(result, e);
            }
        }
        return show(id, model);
    }

    @Audience(value = Reader.SCHEME, byRecord = true)
    @PostMapping("/{id}/beneficiaries")
    String beneficiary(@PathVariable long id, @ModelAttribute("beneficiaryForm") BeneficiaryForm form,
            BindingResult result, Model model, RedirectAttributes redirect) {
        scopes.requireSchemeWrite(projects.get(id).schemeId());
        if (!result.hasErrors()) {
            try {
                projects.putBeneficiary(id, new Projects.Beneficiary(form.getUnitCode(), form.getFamilies(),
                        form.getPeople(), form.getWomen(), form.getMen()));
                return saved(id, redirect);
            } catch (InvalidInputException e) {
                Forms.reject(result, e);
            }
        }
        return show(id, model);
    }

    @Audience(value = Reader.SCHEME, byRecord = true)
    @PostMapping("/{id}/reports")
    String report(@PathVariable long id, @ModelAttribute("reportForm") ReportForm form, BindingResult result,
            Model model, RedirectAttributes redirect) throws IOException {
        scopes.requireSchemeWrite(projects.get(id).schemeId());
        if (!result.hasErrors()) {
            try {
                List<MultipartFile> photos = new ArrayList<>();
                if (form.getPhoto() != null) {
                    photos.add(form.getPhoto());
                }
                monitoring.report(id, form.getReportedOn(), form.getPhysicalPercent(), form.getFinancialPercent(),
                        form.getText(), ProjectApiController.uploads(photos));
                return saved(id, redirect);
            } catch (InvalidInputException e) {
                Forms.reject(result, e);
            }
        }
        form.setPhoto(null);
        return show(id, model);
    }

    @Audience(value = Reader.SCHEME, byRecord = true)
    @PostMapping("/{id}/milestones")
    String milestone(@PathVariable long id, @ModelAttribute("milestoneForm") MilestoneForm form, BindingResult result,
            Model model, RedirectAttributes redirect) {
        scopes.requireSchemeWrite(projects.get(id).schemeId());
        if (!result.hasErrors()) {
            try {
                monitoring.addMilestone(id, form.getName(), form.getPlannedOn(), form.getActualOn());
                return saved(id, redirect);
            } catch (InvalidInputException e) {
                Forms.reject(result, e);
            }
        }
        return show(id, model);
    }

    @Audience(value = Reader.SCHEME, byRecord = true)
    @PostMapping("/{id}/milestones/{milestoneId}")
    String reach(@PathVariable long id, @PathVariable long milestoneId,
            @ModelAttribute("milestoneForm") MilestoneForm form, BindingResult result, Model model,
            RedirectAttributes redirect) {
        scopes.requireSchemeWrite(projects.get(id).schemeId());
        try {
            monitoring.reachMilestone(id, milestoneId, form.getActualOn());
            return saved(id, redirect);
        } catch (InvalidInputException e) {
            Forms.reject(result, e);
        }
        return show(id, model);
    }

    @Audience(value = Reader.SCHEME, byRecord = true)
    @PostMapping("/{id}/execution")
    String execution(@PathVariable long id, @ModelAttribute("executionForm") ExecutionForm form, BindingResult result,
            Model model, RedirectAttributes redirect) {
        scopes.requireSchemeWrite(projects.get(id).schemeId());
        if (!result.hasErrors()) {
            try {
                projects.execution(id, form.getExecutor(), form.getContractor(), form.getSupervisor(),
                        form.getOversight());
                return saved(id, redirect);
            } catch (InvalidInputException e) {
                Forms.reject(result, e);
            }
        }
        return show(id, model);
    }

    private Projects.Draft draft(ProjectForm f) {
        return new Projects.Draft(f.getCode(), f.getBpin(), f.getName(), f.getSector(), f.getDescription(),
                f.getPillar(), f.getCost(), f.getCurrency(), projects.parseLocation(f.getLocation()),
                f.getPlannedStart(), f.getPlannedEnd());
    }

    /** Unit codes separated by semicolons, commas or spaces. */
    private static List<Projects.Beneficiary> beneficiaries(String codes) {
        List<Projects.Beneficiary> list = new ArrayList<>();
        if (codes != null) {
            for (String c : codes.split("[;,\\s]+")) {
                if (!c.isBlank()) {
                    list.add(new Projects.Beneficiary(c.strip(), null, null, null, null));
                }
            }
        }
        return list;
    }

    private static String saved(long id, RedirectAttributes redirect) {
        redirect.addFlashAttribute("notice", "projects.saved");
        return "redirect:/projects/" + id;
    }
}
