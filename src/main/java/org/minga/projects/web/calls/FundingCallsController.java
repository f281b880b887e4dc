package org.minga.projects.web.calls;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.minga.platform.Zones;
import org.minga.platform.web.Audience;
import org.minga.platform.web.Forms;
import org.minga.platform.web.Option;
import org.minga.platform.web.Reader;
import org.minga.projects.internal.calls.CallEligibility;
import org.minga.projects.internal.calls.FundingCalls;
import org.minga.projects.internal.Sectors;
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

/** Pages of funding calls, with a scheme's eligibility for one. */
@Audience(Reader.ACCOUNT)
@Controller
@RequestMapping("/projects")
record FundingCallsController(FundingCalls calls, CallEligibility eligibility, Schemes schemes, Zones zones,
        Sectors sectors) {

    /** The call form's sectors: each country's catalogue, a call taking those of its own country. */
    @ModelAttribute("callSectors")
    Map<String, List<Option>> callSectors() {
        Map<String, List<Option>> byCountry = new LinkedHashMap<>();
        for (String country : List.of("CO", "SV")) {
            byCountry.put(country, sectors.of(country).options(null));
        }
        return byCountry;
    }

    @ModelAttribute("callForm")
    CallForm callForm() {
        return new CallForm();
    }

    @ModelAttribute("currencies")
    List<Option> currencies() {
        return Option.currencies();
    }

    @ModelAttribute("countries")
    List<Option> countries() {
        return List.of(new Option("CO", "CO"), new Option("SV", "SV"));
    }

    @GetMapping("/calls")
    String calls(@RequestParam(defaultValue = "false") boolean open, Model model) {
        LocalDate today = zones.today();
        model.addAttribute("calls", calls.list(open ? today : null));
        model.addAttribute("today", today);
        model.addAttribute("onlyOpen", open);
        return "projects/calls/calls";
    }

    @Audience(Reader.PLATFORM_ADMIN)
    @PostMapping("/calls")
    String create(@ModelAttribute("callForm") CallForm form, BindingResult result, Model model,
            RedirectAttributes redirect) {
        return Forms.submit(result, () -> {
            FundingCalls.Call c = calls.create(form.input());
            redirect.addFlashAttribute("notice", "call.created");
            return "redirect:/projects/calls/" + c.id();
        }, () -> Forms.fragmentOr("projects/calls/calls :: callForm", () -> calls(false, model)));
    }

    @GetMapping("/calls/{id}")
    String call(@PathVariable long id, @RequestParam(required = false) Long schemeId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate at,
            Model model) {
        FundingCalls.Call call = calls.get(id);
        LocalDate day = at == null ? zones.today(call.country()) : at;
        model.addAttribute("call", call);
        model.addAttribute("open", call.openOn(day));
        model.addAttribute("at", day);
        model.addAttribute("schemes", schemes.all());
        model.addAttribute("schemeId", schemeId);
        if (schemeId != null) {
            model.addAttribute("eligibility", eligibility.of(schemeId, id, day));
        }
        return "projects/calls/call";
    }

    @Audience(Reader.SCHEME)
    @GetMapping("/schemes/{schemeId}/calls/{callId}/eligibility")
    String eligibility(@PathVariable long schemeId, @PathVariable long callId) {
        return "redirect:/projects/calls/" + callId + "?schemeId=" + schemeId;
    }
}
