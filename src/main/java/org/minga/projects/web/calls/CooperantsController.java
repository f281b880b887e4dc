package org.minga.projects.web.calls;

import java.time.LocalDate;
import java.util.List;

import org.minga.platform.web.Audience;
import org.minga.platform.web.Forms;
import org.minga.platform.web.Option;
import org.minga.platform.web.Reader;
import org.minga.projects.internal.calls.CooperationMatrix;
import org.minga.projects.internal.calls.Cooperants;
import org.minga.projects.internal.calls.Themes;
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

/** Pages of cooperants, their supports, and the cooperation matrix. */
@Audience(Reader.TEAM)
@Controller
@RequestMapping("/projects")
record CooperantsController(Cooperants cooperants, CooperationMatrix matrix, Schemes schemes) {

    @ModelAttribute("themes")
    List<Themes> themes() {
        return List.of(Themes.values());
    }

    @ModelAttribute("currencies")
    List<Option> currencies() {
        return Option.currencies();
    }

    @GetMapping("/cooperants")
    String cooperants(Model model) {
        model.addAttribute("cooperants", cooperants.list());
        if (!model.containsAttribute("cooperantForm")) {
            model.addAttribute("cooperantForm", new CooperantForm());
        }
        return "projects/cooperants/cooperants";
    }

    @Audience(Reader.PLATFORM_ADMIN)
    @PostMapping("/cooperants")
    String create(@ModelAttribute("cooperantForm") CooperantForm form, BindingResult result, Model model,
            RedirectAttributes redirect) {
        return Forms.submit(result, () -> {
            Cooperants.Cooperant c = cooperants.create(form.input());
            redirect.addFlashAttribute("notice", "cooperant.created");
            return "redirect:/projects/cooperants/" + c.id();
        }, () -> cooperants(model));
    }

    @GetMapping("/cooperants/{id}")
    String cooperant(@PathVariable long id, Model model) {
        model.addAttribute("cooperant", cooperants.get(id));
        model.addAttribute("supports", cooperants.supportsOf(id));
        var all = schemes.all();
        model.addAttribute("schemes", all);
        model.addAttribute("schemeOptions", Option.of(all, s -> s.id(), s -> s.name()));
        model.addAttribute("themeOptions", Option.of(Themes.values()));
        if (!model.containsAttribute("supportForm")) {
            model.addAttribute("supportForm", new SupportForm(null, null, null, null, null, null, null, null));
        }
        return "projects/cooperants/cooperant";
    }

    @PostMapping("/cooperants/{id}/supports")
    String addSupport(@PathVariable long id, @ModelAttribute("supportForm") SupportForm form, BindingResult result,
            Model model, RedirectAttributes redirect) {
        return Forms.submit(result, () -> {
            cooperants.addSupport(id, form.input());
            redirect.addFlashAttribute("notice", "support.created");
            return "redirect:/projects/cooperants/" + id;
        }, () -> cooperant(id, model));
    }

    @GetMapping("/cooperation/matrix")
    String matrix(@RequestParam(required = false) Long schemeId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate at,
            Model model) {
        model.addAttribute("matrix", matrix.matrix(schemeId, at));
        model.addAttribute("schemes", schemes.all());
        model.addAttribute("schemeId", schemeId);
        model.addAttribute("at", at);
        return "projects/cooperants/matrix";
    }
}
