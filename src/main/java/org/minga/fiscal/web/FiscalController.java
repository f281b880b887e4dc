package org.minga.fiscal.web;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletResponse;

import org.minga.fiscal.Cadastres;
import org.minga.fiscal.Liquidations;
import org.minga.fiscal.TaxRates;
import org.minga.fiscal.internal.Places;
import org.minga.identity.Scopes;
import org.minga.platform.web.Audience;
import org.minga.platform.web.Forms;
import org.minga.platform.web.Reader;
import org.minga.registry.Scheme;
import org.minga.registry.Schemes;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The property-tax pages around a municipality's year ({@link MunicipalityYearController}): the
 * schemes, the CPI and minimum wage, a scheme's municipalities side by side (and its section's
 * summary), a liquidation's totals beside the official one, and one parcel's explanation.
 */
@Audience(Reader.MEMBER_OFFICIAL)
@Controller
record FiscalController(Schemes schemes, Scopes scopes, Places places, Cadastres cadastres, TaxRates rates,
        Liquidations liquidations) {

    /** A year's CPI and minimum wage as typed ("13,12", "1.160.000"). */
    record EconomicForm(Integer year, BigDecimal cpiPercent, BigDecimal minimumWage) {
    }

    @Audience(Reader.TEAM)
    @GetMapping("/fiscal")
    String index(Model model) {
        model.addAttribute("schemes", schemes.all().stream().filter(s -> s.country().equals("CO")).toList());
        return "fiscal/index";
    }

    @Audience(Reader.ACCOUNT)
    @GetMapping("/fiscal/economic-years")
    String economy(Model model) {
        model.addAttribute("years", rates.economicYears());
        model.asMap().putIfAbsent("economyForm", new EconomicForm(null, null, null));
        return "fiscal/economy";
    }

    @Audience(Reader.PLATFORM_ADMIN)
    @PostMapping("/fiscal/economic-years")
    String setEconomy(@ModelAttribute("economyForm") EconomicForm form, BindingResult result, Model model,
            RedirectAttributes redirect) {
        return Forms.submit(result, () -> {
            rates.updateEconomicYear(form.year(), form.cpiPercent(), form.minimumWage());
            return Forms.saved(redirect, "/fiscal/economic-years");
        }, () -> Forms.fragmentOr("fiscal/economy :: economyForm", () -> economy(model)));
    }

    /** A member municipality with an active cadastre: its latest year and that year's official liquidation. */
    record Member(String code, String name, int year, Liquidations.Liquidation official) {
    }

    private List<Member> members(long schemeId) {
        return cadastres.municipalities(schemeId).stream().map(m -> new Member(m.getKey(), places.name(m.getKey()),
                m.getValue(), liquidations.official(schemeId, m.getKey(), m.getValue()).orElse(null))).toList();
    }

    /** A scheme's members side by side: each municipality's latest official liquidation. */
    @Audience(Reader.SCHEME)
    @GetMapping("/fiscal/schemes/{id}")
    String scheme(@PathVariable long id, Model model) {
        Scheme scheme = schemes.get(id);
        model.addAttribute("scheme", scheme);
        model.addAttribute("canEdit", scopes.canWriteScheme(id));
        List<Member> members = members(id);
        model.addAttribute("members", members);
        model.addAttribute("municipalities", places.memberMunicipalities(id));
        Map<String, Long> fin = new LinkedHashMap<>();
        Map<String, Long> lost = new LinkedHashMap<>();
        Map<String, Long> previous = new LinkedHashMap<>();
        for (Member m : members) {
            if (m.official() != null) {
                String label = m.name() + " " + m.year();
                fin.put(label, m.official().totalFinal());
                lost.put(label, m.official().lost());
                previous.put(label, m.official().totalPrevious());
            }
        }
        model.addAttribute("finalBars", FiscalCharts.bars(fin));
        model.addAttribute("lostBars", FiscalCharts.bars(lost));
        model.addAttribute("previousBars", FiscalCharts.bars(previous));
        model.addAttribute("cadastres", cadastres.list(id, null, 0, 50));
        return "fiscal/scheme";
    }

    /** The summary the scheme's page loads into its property-tax section. */
    @Audience(Reader.SCHEME)
    @GetMapping("/fiscal/schemes/{id}/summary")
    String summary(@PathVariable long id, Model model) {
        schemes.get(id);
        model.addAttribute("schemeId", id);
        model.addAttribute("members", members(id));
        return "fiscal/summary :: schemeSummary";
    }

    @Audience(Reader.SCHEME)
    @GetMapping("/fiscal/schemes/{id}/open")
    String open(@PathVariable long id, @RequestParam String municipality, @RequestParam int year) {
        return "redirect:/fiscal/schemes/" + id + "/municipalities/" + municipality.strip() + "/years/" + year;
    }

    /** A liquidation's totals, beside the official one when it is a simulation. */
    @Audience(value = Reader.MEMBER_OFFICIAL, byRecord = true)
    @GetMapping("/fiscal/liquidations/{lid}")
    String liquidation(@PathVariable long lid, @RequestParam(required = false) Integer after, Model model) {
        var l = liquidations.readable(lid);
        model.addAttribute("l", l);
        model.addAttribute("scheme", schemes.get(l.schemeId()));
        model.addAttribute("name", places.name(l.municipality()));
        model.addAttribute("totals", FiscalCharts.totals(liquidations, lid));
        var official = l.kind().equals("SIMULATION") ? liquidations.official(l.schemeId(), l.municipality(), l.year())
                : Optional.<Liquidations.Liquidation>empty();
        model.addAttribute("official", official.orElse(null));
        official.ifPresent(o -> model.addAttribute("officialTotals", FiscalCharts.totals(liquidations, o.id())));
        Map<String, Long> fin = new LinkedHashMap<>();
        if (official.isPresent()) {
            fin.put("official", official.get().totalFinal());
        }
        if (l.totalFinal() != null) {
            fin.put("this", l.totalFinal());
        }
        if (l.totalPrevious() != null) {
            fin.put("previous", l.totalPrevious());
        }
        model.addAttribute("revenueBars", FiscalCharts.bars(fin));
        if (l.status().equals("DONE") && scopes.canSeeUnitPersonalData(l.schemeId(), l.municipality())) {
            model.addAttribute("limited", liquidations.parcels(lid, after, true, 50));
        }
        return "fiscal/liquidation";
    }

    @Audience(value = Reader.MEMBER_OFFICIAL, byRecord = true)
    @GetMapping("/fiscal/liquidations/{lid}/parcel")
    String findParcel(@PathVariable long lid, @RequestParam(required = false) String number) {
        return "redirect:/fiscal/liquidations/" + lid + "/parcels/" + (number == null ? "" : number.strip());
    }

    @Audience(value = Reader.MEMBER_OFFICIAL, byRecord = true)
    @GetMapping("/fiscal/liquidations/{lid}/parcels/{number}")
    String parcel(@PathVariable long lid, @PathVariable String number, Model model) {
        var l = liquidations.requireParcelLevel(lid);
        model.addAttribute("l", l);
        liquidations.findExplanation(lid, number).ifPresentOrElse(e -> model.addAttribute("e", e),
                () -> model.addAttribute("missing", number));
        return "fiscal/parcel";
    }

    @Audience(value = Reader.MEMBER_OFFICIAL, byRecord = true)
    @GetMapping("/fiscal/liquidations/{lid}/export")
    void export(@PathVariable long lid, @RequestParam(defaultValue = "csv") String format, HttpServletResponse response)
            throws IOException {
        liquidations.requireParcelLevel(lid);
        FiscalExports.liquidation(liquidations, lid, format, response);
    }
}
