package org.minga.projects.web;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.minga.identity.Scopes;
import org.minga.platform.FileStore;
import org.minga.platform.Jobs;
import org.minga.platform.web.Audience;
import org.minga.platform.web.Forms;
import org.minga.platform.web.Reader;
import org.minga.projects.Stage;
import org.minga.projects.internal.ProjectImportJob;
import org.minga.projects.internal.ProjectList;
import org.minga.projects.internal.Projects;
import org.minga.projects.internal.Spreadsheets;
import org.minga.projects.web.ProjectForms.ProjectForm;
import org.minga.registry.Schemes;
import org.springframework.context.i18n.LocaleContextHolder;
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
 * The scheme's project bank: the list with filters and exports, a new project, the XLSX import,
 * and a member official's unit page. One project's page is {@link ProjectPageController}; the
 * needs are {@link NeedsController}.
 */
@Audience(Reader.SCHEME)
@Controller
@RequestMapping("/projects")
record ProjectController(Projects projects, ProjectList list, Schemes schemes, Scopes scopes, FileStore files, Jobs jobs,
        ProjectChoices choices) {

    @ModelAttribute("projectForm")
    ProjectForm projectForm() {
        return new ProjectForm();
    }

    @ModelAttribute("currencies")
    java.util.List<org.minga.platform.web.Option> currencies() {
        return org.minga.platform.web.Option.currencies();
    }

    @GetMapping("/schemes/{schemeId}")
    String list(@PathVariable long schemeId, ProjectList.Filters filters, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size, Model model) {
        model.addAttribute("scheme", schemes.get(schemeId));
        model.addAttribute("filters", filters);
        model.addAttribute("result", list.page(schemeId, filters, page, size));
        model.addAttribute("stages", Stage.values());
        model.addAttribute("canEdit", scopes.canWriteScheme(schemeId));
        choices.fill(model, schemeId, null);
        return "projects/list";
    }

    /** The scheme page's section ({@link ProjectsSection}): how many projects, how many in execution. */
    @GetMapping("/schemes/{schemeId}/summary")
    String summary(@PathVariable long schemeId, Model model) {
        scopes.requireSchemeRead(schemeId);
        model.addAttribute("scheme", schemes.get(schemeId));
        model.addAttribute("counts", list.counts(schemeId));
        return "projects/section :: summary";
    }

    @PostMapping("/schemes/{schemeId}")
    String create(@PathVariable long schemeId, @ModelAttribute("projectForm") ProjectForm form, BindingResult result,
            Model model, RedirectAttributes redirect) {
        scopes.requireSchemeWrite(schemeId);
        return Forms.submit(result, () -> {
            var p = projects.create(schemeId, form.draft(projects), beneficiaries(form.getBeneficiaries()),
                    form.getNeedIds());
            return saved(p.id(), redirect);
        }, () -> Forms.fragmentOr(formOf(schemeId, model, "projects/list :: projectForm"),
                () -> list(schemeId, ProjectList.Filters.none(), 0, 50, model)));
    }

    @GetMapping("/schemes/{schemeId}/import")
    String importPage(@PathVariable long schemeId, Model model) {
        scopes.requireSchemeWrite(schemeId);
        model.addAttribute("scheme", schemes.get(schemeId));
        model.addAttribute("columns", Spreadsheets.IMPORT_COLUMNS);
        choices.fill(model, schemeId, null);
        return "projects/import";
    }

    /**
     * The file is stored and imported as a job: the person watches its progress on the job's page,
     * which then leads to the list or lists the rows to correct.
     */
    @PostMapping("/schemes/{schemeId}/import")
    String importBank(@PathVariable long schemeId, @RequestParam(required = false) MultipartFile file, Model model) {
        scopes.requireSchemeWrite(schemeId);
        return Forms.act(model, "fileError", () -> {
            Exports.checkImport(file);
            UUID stored;
            try {
                stored = files.put(file.getOriginalFilename(), file.getContentType(), file.getBytes());
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            UUID job = jobs.submit(ProjectImportJob.TYPE, new ProjectImportJob.Request(schemeId, stored,
                    file.getOriginalFilename(), LocaleContextHolder.getLocale().toLanguageTag()), schemeId);
            return "redirect:/jobs/" + job;
        }, () -> importPage(schemeId, model));
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

    /** A form's fragment, with the scheme it posts to. */
    String formOf(long schemeId, Model model, String fragment) {
        model.addAttribute("scheme", schemes.get(schemeId));
        model.addAttribute("canEdit", true);
        choices.fill(model, schemeId, null);
        return fragment;
    }

    /** The member units ticked on the form (the service checks they are members today). */
    static List<Projects.Beneficiary> beneficiaries(List<String> codes) {
        List<Projects.Beneficiary> list = new ArrayList<>();
        for (String c : codes == null ? List.<String>of() : codes) {
            if (c != null && !c.isBlank()) {
                list.add(new Projects.Beneficiary(c.strip(), null, null, null, null));
            }
        }
        return list;
    }

    static String saved(long id, RedirectAttributes redirect) {
        redirect.addFlashAttribute("notice", "projects.saved");
        return "redirect:/projects/" + id;
    }
}
