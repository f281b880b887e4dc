package org.minga.fiscal.web;

import org.minga.platform.web.Audience;
import org.minga.platform.web.Reader;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletResponse;

import org.minga.fiscal.Arrears;
import org.minga.fiscal.Cadastres;
import org.minga.fiscal.Liquidations;
import org.minga.fiscal.TaxRates;
import org.minga.fiscal.internal.CadastreCsv;
import org.minga.fiscal.internal.Places;
import org.minga.identity.Scopes;
import org.minga.platform.InvalidInputException;
import org.minga.platform.NotFoundException;
import org.minga.registry.Scheme;
import org.minga.registry.Schemes;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The property-tax pages: a scheme's municipalities side by side, a municipality's year (cadastre,
 * rates, liquidations, simulations, arrears), a liquidation's totals beside the official one, and
 * one parcel's explanation. Forms post to their own address and work without JavaScript.
 */
@Audience(Reader.MEMBER_OFFICIAL)
@Controller
class FiscalController {

    private static final String MY = "/fiscal/schemes/{id}/municipalities/{code}/years/{year}";
    private final Schemes schemes;
    private final Scopes scopes;
    private final Places places;
    private final Cadastres cadastres;
    private final TaxRates rates;
    private final Liquidations liquidations;
    private final Arrears arrears;
    private final MessageSource messages;

    FiscalController(Schemes schemes, Scopes scopes, Places places, Cadastres cadastres, TaxRates rates,
            Liquidations liquidations, Arrears arrears, MessageSource messages) {
        this.messages = messages;
        this.schemes = schemes;
        this.scopes = scopes;
        this.places = places;
        this.cadastres = cadastres;
        this.rates = rates;
        this.liquidations = liquidations;
        this.arrears = arrears;
    }

    /** A refused input's violation in the reader's language, with the field it names. */
    public record Error(String field, String message) {
    }

    private void errors(Model model, InvalidInputException e) {
        model.addAttribute("errors", e.violations().stream().map(v -> new Error(v.field(),
                messages.getMessage(v.messageKey(), v.args(), v.messageKey(), LocaleContextHolder.getLocale()))).toList());
    }

    /** One bar of a chart: a label, a value and its width out of 400 units. */
    public record Bar(String label, long value, int width) {
    }

    static List<Bar> bars(Map<String, Long> values) {
        long max = values.values().stream().mapToLong(Long::longValue).max().orElse(0);
        List<Bar> out = new ArrayList<>();
        values.forEach((k, v) -> out.add(new Bar(k, v, max <= 0 ? 0 : (int) Math.max(v > 0 ? 1 : 0, v * 400 / max))));
        return out;
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
        return "fiscal/economy";
    }

    @Audience(Reader.PLATFORM_ADMIN)
    @PostMapping("/fiscal/economic-years")
    String setEconomy(@RequestParam(required = false) String year, @RequestParam(required = false) String cpiPercent,
            @RequestParam(required = false) String minimumWage, Model model, RedirectAttributes redirect) {
        try {
            rates.setEconomicYear(integer(year, "year"), decimal(cpiPercent, "cpiPercent"),
                    number(minimumWage, "minimumWage"));
            redirect.addFlashAttribute("saved", true);
            return "redirect:/fiscal/economic-years";
        } catch (InvalidInputException e) {
            errors(model, e);
            return economy(model);
        }
    }

    /** A scheme's members side by side: each municipality's latest official liquidation. */
    @Audience(Reader.SCHEME)
    @GetMapping("/fiscal/schemes/{id}")
    String scheme(@PathVariable long id, Model model) {
        Scheme scheme = schemes.get(id);
        model.addAttribute("scheme", scheme);
        model.addAttribute("canEdit", scopes.canWriteScheme(id));
        record Member(String code, String name, int year, Liquidations.Liquidation official) {
        }
        List<Member> members = new ArrayList<>();
        for (var m : cadastres.municipalities(id)) {
            members.add(new Member(m.getKey(), places.name(m.getKey()), m.getValue(),
                    liquidations.official(id, m.getKey(), m.getValue()).orElse(null)));
        }
        model.addAttribute("members", members);
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
        model.addAttribute("finalBars", bars(fin));
        model.addAttribute("lostBars", bars(lost));
        model.addAttribute("previousBars", bars(previous));
        model.addAttribute("cadastres", cadastres.list(id, null, 0, 50));
        return "fiscal/scheme";
    }

    @Audience(Reader.SCHEME)
    @GetMapping("/fiscal/schemes/{id}/open")
    String open(@PathVariable long id, @RequestParam String municipality, @RequestParam int year) {
        return "redirect:/fiscal/schemes/" + id + "/municipalities/" + municipality.strip() + "/years/" + year;
    }

    @GetMapping(MY)
    String year(@PathVariable long id, @PathVariable String code, @PathVariable int year, Model model) {
        Scheme scheme = schemes.get(id);
        model.addAttribute("scheme", scheme);
        model.addAttribute("code", code);
        model.addAttribute("name", places.name(code));
        model.addAttribute("year", year);
        model.addAttribute("canEdit", scopes.canWriteScheme(id));
        model.addAttribute("cadastre", cadastres.active(id, code, year).orElse(null));
        model.addAttribute("cadastres", cadastres.list(id, code, 0, 10));
        model.addAttribute("bands", rates.bands(id, code, year));
        model.addAttribute("liquidations", liquidations.list(id, code, year, 0, 20));
        model.addAttribute("csvHeader", String.join(",", CadastreCsv.HEADER));
        Optional<Liquidations.Liquidation> official = liquidations.official(id, code, year);
        model.addAttribute("official", official.orElse(null));
        official.ifPresent(o -> addTotals(model, o.id(), "officialTotals"));
        Arrears.Report report = arrears.report(id, code, year);
        model.addAttribute("arrears", report);
        Map<String, Long> ageing = new LinkedHashMap<>();
        report.ageing().forEach(a -> ageing.put(a.bucket(), a.balance()));
        model.addAttribute("ageingBars", bars(ageing));
        Map<String, Long> months = new LinkedHashMap<>();
        report.months().forEach(m -> months.put(m.month(), m.paid()));
        model.addAttribute("monthBars", bars(months));
        return "fiscal/year";
    }

    private void addTotals(Model model, long liquidationId, String name) {
        Map<String, Map<String, Liquidations.Total>> byDim = new LinkedHashMap<>();
        for (var t : liquidations.readableTotals(liquidationId)) {
            byDim.computeIfAbsent(t.dimension(), k -> new LinkedHashMap<>()).put(t.key(), t);
        }
        model.addAttribute(name, byDim);
    }

    @PostMapping(MY + "/cadastre")
    String upload(@PathVariable long id, @PathVariable String code, @PathVariable int year,
            @RequestParam(required = false) MultipartFile file, Model model) throws IOException {
        try {
            var submitted = cadastres.upload(id, code, year, file == null ? null : file.getOriginalFilename(),
                    file == null || file.isEmpty() ? null : file.getInputStream());
            return "redirect:/jobs/" + submitted.jobId();
        } catch (InvalidInputException e) {
            errors(model, e);
            return year(id, code, year, model);
        }
    }

    @PostMapping(MY + "/rates")
    String addRate(@PathVariable long id, @PathVariable String code, @PathVariable int year,
            @RequestParam(required = false) String zone, @RequestParam(required = false) String destination,
            @RequestParam(required = false) String stratum, @RequestParam(required = false) String valueFrom,
            @RequestParam(required = false) String valueTo, @RequestParam(required = false) String ratePerMil,
            Model model, RedirectAttributes redirect) {
        try {
            rates.addBand(id, code, year, new TaxRates.BandInput(zone, destination, integer(stratum, "stratum"),
                    number(valueFrom, "valueFrom"), number(valueTo, "valueTo"), decimal(ratePerMil, "ratePerMil")));
            redirect.addFlashAttribute("saved", true);
            return "redirect:/fiscal/schemes/" + id + "/municipalities/" + code + "/years/" + year + "#rates";
        } catch (InvalidInputException e) {
            errors(model, e);
            return year(id, code, year, model);
        }
    }

    @PostMapping(MY + "/rates/{bandId}/delete")
    String deleteRate(@PathVariable long id, @PathVariable String code, @PathVariable int year, @PathVariable long bandId) {
        rates.deleteBand(id, bandId);
        return "redirect:/fiscal/schemes/" + id + "/municipalities/" + code + "/years/" + year + "#rates";
    }

    @PostMapping(MY + "/liquidations")
    String liquidate(@PathVariable long id, @PathVariable String code, @PathVariable int year, Model model) {
        try {
            return "redirect:/jobs/" + liquidations.liquidate(id, code, year).jobId();
        } catch (InvalidInputException e) {
            errors(model, e);
            return year(id, code, year, model);
        }
    }

    @PostMapping(MY + "/simulations")
    String simulate(@PathVariable long id, @PathVariable String code, @PathVariable int year,
            @RequestParam(required = false) String name, @RequestParam(required = false) String ratePercent,
            @RequestParam(required = false) String urbanValuePercent,
            @RequestParam(required = false) String ruralValuePercent, Model model) {
        try {
            var s = liquidations.simulate(id, code, year, new Liquidations.ScenarioInput(name,
                    integer(ratePercent, "ratePercent"), integer(urbanValuePercent, "urbanValuePercent"),
                    integer(ruralValuePercent, "ruralValuePercent")));
            return "redirect:/jobs/" + s.jobId();
        } catch (InvalidInputException e) {
            errors(model, e);
            return year(id, code, year, model);
        }
    }

    @PostMapping("/fiscal/schemes/{id}/municipalities/{code}/payments")
    String payments(@PathVariable long id, @PathVariable String code, @RequestParam int year,
            @RequestParam(required = false) MultipartFile file, Model model, RedirectAttributes redirect)
            throws IOException {
        try {
            if (file == null || file.isEmpty()) {
                throw new InvalidInputException("file", "NotEmpty", "fiscal.payments.file");
            }
            redirect.addFlashAttribute("imported", arrears.importPayments(id, code, file.getInputStream()));
            return "redirect:/fiscal/schemes/" + id + "/municipalities/" + code + "/years/" + year + "#arrears";
        } catch (InvalidInputException e) {
            errors(model, e);
            return year(id, code, year, model);
        }
    }

    @PostMapping(MY + "/commercial-values")
    String commercial(@PathVariable long id, @PathVariable String code, @PathVariable int year,
            @RequestParam(required = false) MultipartFile file, Model model, RedirectAttributes redirect)
            throws IOException {
        try {
            if (file == null || file.isEmpty()) {
                throw new InvalidInputException("file", "NotEmpty", "fiscal.payments.file");
            }
            redirect.addFlashAttribute("imported", arrears.importCommercialValues(id, code, year, file.getInputStream()));
            return "redirect:/fiscal/schemes/" + id + "/municipalities/" + code + "/years/" + year + "#gap";
        } catch (InvalidInputException e) {
            errors(model, e);
            return year(id, code, year, model);
        }
    }

    /** A liquidation's totals, beside the official one when it is a simulation. */
    @Audience(value = Reader.MEMBER_OFFICIAL, byRecord = true)
    @GetMapping("/fiscal/liquidations/{lid}")
    String liquidation(@PathVariable long lid, @RequestParam(required = false) Integer after, Model model) {
        var l = liquidations.readable(lid);
        model.addAttribute("l", l);
        model.addAttribute("scheme", schemes.get(l.schemeId()));
        model.addAttribute("name", places.name(l.municipality()));
        addTotals(model, lid, "totals");
        var official = l.kind().equals("SIMULATION") ? liquidations.official(l.schemeId(), l.municipality(), l.year())
                : Optional.<Liquidations.Liquidation>empty();
        model.addAttribute("official", official.orElse(null));
        official.ifPresent(o -> addTotals(model, o.id(), "officialTotals"));
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
        model.addAttribute("revenueBars", bars(fin));
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
        try {
            model.addAttribute("e", liquidations.explain(lid, number));
        } catch (InvalidInputException | NotFoundException e) {
            model.addAttribute("missing", number);
        }
        return "fiscal/parcel";
    }

    @Audience(value = Reader.MEMBER_OFFICIAL, byRecord = true)
    @GetMapping("/fiscal/liquidations/{lid}/export")
    void export(@PathVariable long lid, @RequestParam(defaultValue = "csv") String format, HttpServletResponse response)
            throws IOException {
        liquidations.requireParcelLevel(lid);
        FiscalExports.liquidation(liquidations, lid, format, response);
    }

    private static Integer integer(String s, String field) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(s.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInputException(field, "Number", "fiscal.form.number");
        }
    }

    private static Long number(String s, String field) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return Long.valueOf(s.strip().replace(".", "").replace(" ", ""));
        } catch (NumberFormatException e) {
            throw new InvalidInputException(field, "Number", "fiscal.form.number");
        }
    }

    private static BigDecimal decimal(String s, String field) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(s.strip().replace(',', '.'));
        } catch (NumberFormatException e) {
            throw new InvalidInputException(field, "Number", "fiscal.form.number");
        }
    }
}
