package org.minga.projects.web.calls;

import org.minga.platform.web.Audience;
import org.minga.platform.web.Reader;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import org.minga.platform.InvalidInputException;
import org.minga.platform.web.Forms;
import org.minga.projects.internal.calls.Cooperants;
import org.minga.projects.internal.calls.FundingCalls;
import org.minga.projects.internal.calls.MatrixExport;
import org.minga.projects.internal.calls.Themes;
import org.minga.registry.Schemes;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
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

/** Pages of funding calls (with a scheme's eligibility), cooperants and the cooperation matrix. */
@Audience(Reader.TEAM)
@Controller
@RequestMapping("/projects")
class CallsAndCooperantsController {

    private final FundingCalls calls;
    private final Cooperants cooperants;
    private final MatrixExport export;
    private final Schemes schemes;

    CallsAndCooperantsController(FundingCalls calls, Cooperants cooperants, MatrixExport export, Schemes schemes) {
        this.calls = calls;
        this.cooperants = cooperants;
        this.export = export;
        this.schemes = schemes;
    }

    @ModelAttribute("themes")
    List<Themes> themes() {
        return Arrays.asList(Themes.values());
    }

    @Audience(Reader.ACCOUNT)
    @GetMapping("/calls")
    String calls(@RequestParam(defaultValue = "false") boolean open, Model model) {
        model.addAttribute("calls", calls.list(open ? LocalDate.now() : null));
        model.addAttribute("today", LocalDate.now());
        model.addAttribute("onlyOpen", open);
        if (!model.containsAttribute("callForm")) {
            model.addAttribute("callForm", new CallForm());
        }
        return "projects/calls/calls";
    }

    @Audience(Reader.PLATFORM_ADMIN)
    @PostMapping("/calls")
    String createCall(@ModelAttribute("callForm") CallForm form, BindingResult result, Model model,
            RedirectAttributes redirect) {
        if (!result.hasErrors()) {
            try {
                FundingCalls.Call c = calls.create(new FundingCalls.NewCall(form.getOwner(), form.getName(),
                        form.getCountry(), form.getOpensOn(), form.getClosesOn(), form.getSectors(),
                        form.getMaxAmount(), form.getCurrency(), CallForm.split(form.getUnits()), form.isPdetOnly(),
                        CallForm.split(form.getCategories()), form.getDescription()));
                redirect.addFlashAttribute("notice", "call.created");
                return "redirect:/projects/calls/" + c.id();
            } catch (InvalidInputException e) {
                Forms.reject(result, e);
            }
        }
        return calls(false, model);
    }

    @Audience(Reader.ACCOUNT)
    @GetMapping("/calls/{id}")
    String call(@PathVariable long id, @RequestParam(required = false) Long schemeId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate at,
            Model model) {
        FundingCalls.Call call = calls.get(id);
        LocalDate day = at == null ? LocalDate.now() : at;
        model.addAttribute("call", call);
        model.addAttribute("open", call.openOn(day));
        model.addAttribute("at", day);
        model.addAttribute("schemes", schemes.all());
        model.addAttribute("schemeId", schemeId);
        if (schemeId != null) {
            model.addAttribute("eligibility", calls.eligibility(schemeId, id, day));
        }
        return "projects/calls/call";
    }

    @Audience(Reader.SCHEME)
    @GetMapping("/schemes/{schemeId}/calls/{callId}/eligibility")
    String eligibility(@PathVariable long schemeId, @PathVariable long callId) {
        return "redirect:/projects/calls/" + callId + "?schemeId=" + schemeId;
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
    String createCooperant(@ModelAttribute("cooperantForm") CooperantForm form, BindingResult result, Model model,
            RedirectAttributes redirect) {
        try {
            Cooperants.Cooperant c = cooperants.create(new Cooperants.NewCooperant(form.getName(), form.getMission(),
                    form.getThemes(), CallForm.split(form.getFocusUnits()), form.getProcedures(), form.getContacts()));
            redirect.addFlashAttribute("notice", "cooperant.created");
            return "redirect:/projects/cooperants/" + c.id();
        } catch (InvalidInputException e) {
            Forms.reject(result, e);
        }
        return cooperants(model);
    }

    @GetMapping("/cooperants/{id}")
    String cooperant(@PathVariable long id, Model model) {
        model.addAttribute("cooperant", cooperants.get(id));
        model.addAttribute("supports", cooperants.supportsOf(id));
        model.addAttribute("schemes", schemes.all());
        if (!model.containsAttribute("supportForm")) {
            model.addAttribute("supportForm", new SupportForm());
        }
        return "projects/cooperants/cooperant";
    }

    @PostMapping("/cooperants/{id}/supports")
    String addSupport(@PathVariable long id, @ModelAttribute("supportForm") SupportForm form, BindingResult result,
            Model model, RedirectAttributes redirect) {
        if (!result.hasErrors()) {
            try {
                cooperants.addSupport(id, new Cooperants.NewSupport(form.getUnitCode(), form.getTheme(),
                        form.getStartsOn(), form.getEndsOn(), form.getAmount(),
                        form.getAmount() == null ? null : form.getCurrency(), form.getSchemeId(), form.getNote()));
                redirect.addFlashAttribute("notice", "support.created");
                return "redirect:/projects/cooperants/" + id;
            } catch (InvalidInputException e) {
                Forms.reject(result, e);
            }
        }
        return cooperant(id, model);
    }

    @GetMapping("/cooperation/matrix")
    String matrix(@RequestParam(required = false) Long schemeId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate at,
            Model model) {
        model.addAttribute("matrix", cooperants.matrix(schemeId, at));
        model.addAttribute("schemes", schemes.all());
        model.addAttribute("schemeId", schemeId);
        model.addAttribute("at", at);
        return "projects/cooperants/matrix";
    }

    @GetMapping("/cooperation/matrix.xlsx")
    ResponseEntity<byte[]> xlsx(@RequestParam(required = false) Long schemeId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate at) {
        return CooperantApiController.file(export.xlsx(cooperants.matrix(schemeId, at)), CooperantApiController.XLSX,
                "matriz-cooperacion.xlsx");
    }

    @GetMapping("/cooperation/matrix.csv")
    ResponseEntity<byte[]> csv(@RequestParam(required = false) Long schemeId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate at) {
        return CooperantApiController.file(export.csv(cooperants.matrix(schemeId, at)),
                new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8), "matriz-cooperacion.csv");
    }
}
