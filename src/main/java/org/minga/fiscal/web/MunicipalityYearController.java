package org.minga.fiscal.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;

import org.minga.fiscal.Arrears;
import org.minga.fiscal.Cadastres;
import org.minga.fiscal.Liquidations;
import org.minga.fiscal.TaxRates;
import org.minga.fiscal.internal.CadastreCsv;
import org.minga.fiscal.internal.Places;
import org.minga.identity.Scopes;
import org.minga.platform.web.Audience;
import org.minga.platform.web.Forms;
import org.minga.platform.web.Option;
import org.minga.platform.web.Reader;
import org.minga.registry.Scheme;
import org.minga.registry.Schemes;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A municipality's year: cadastre, rates, liquidations, simulations, arrears and commercial values.
 * Each form is a fragment of {@code fiscal/year} that posts to its own address: with htmx a refused
 * form comes back alone with its errors, without JavaScript the whole page does.
 */
@Audience(Reader.MEMBER_OFFICIAL)
@Controller
record MunicipalityYearController(Schemes schemes, Scopes scopes, Places places, Cadastres cadastres, TaxRates rates,
        Liquidations liquidations, Arrears arrears, MessageSource messages) {

    private static final String MY = "/fiscal/schemes/{id}/municipalities/{code}/years/{year}";
    private static final List<String> DESTINATIONS = IntStream.rangeClosed('A', 'T').mapToObj(c -> String.valueOf((char) c))
            .toList();

    /** A CSV sent from a page: a cadastre, payments or commercial values. */
    record FileForm(MultipartFile file) {

        /** The file's content, or null when none was chosen. */
        InputStream content() {
            try {
                return file == null || file.isEmpty() ? null : file.getInputStream();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        String name() {
            return file == null ? null : file.getOriginalFilename();
        }
    }

    /** The liquidate button: no fields, but the refusals (no cadastre, no rates) come back beside it. */
    record LiquidateForm() {
    }

    /** The year page's address, which its forms post below. */
    @ModelAttribute("yearPath")
    String yearPath(@PathVariable Map<String, String> path) {
        return path.containsKey("year") ? "/fiscal/schemes/" + path.get("id") + "/municipalities/" + path.get("code")
                + "/years/" + path.get("year") : null;
    }

    @ModelAttribute("zones")
    List<Option> zones(Locale locale) {
        return Option.of(List.of("U", "R"), z -> z, z -> messages.getMessage("fiscal.zone." + z, null, z, locale));
    }

    @ModelAttribute("destinations")
    List<Option> destinations(Locale locale) {
        return Option.of(DESTINATIONS, d -> d,
                d -> d + " " + messages.getMessage("fiscal.destination." + d, null, d, locale));
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
        official.ifPresent(o -> model.addAttribute("officialTotals", FiscalCharts.totals(liquidations, o.id())));
        Arrears.Report report = arrears.report(id, code, year);
        model.addAttribute("arrears", report);
        Map<String, Long> ageing = new LinkedHashMap<>();
        report.ageing().forEach(a -> ageing.put(a.bucket(), a.balance()));
        model.addAttribute("ageingBars", FiscalCharts.bars(ageing));
        Map<String, Long> months = new LinkedHashMap<>();
        report.months().forEach(m -> months.put(m.month(), m.paid()));
        model.addAttribute("monthBars", FiscalCharts.bars(months));
        model.mergeAttributes(Map.of("cadastreForm", new FileForm(null), "rateForm", TaxRates.BandInput.EMPTY,
                "liquidateForm", new LiquidateForm(), "simulationForm", new Liquidations.ScenarioInput(null, 100, 100, 100),
                "paymentsForm", new FileForm(null), "commercialForm", new FileForm(null)));
        return "fiscal/year";
    }

    /** What a year form shows when refused: its fragment for htmx, else the whole year page. */
    private String refused(String form, long id, String code, int year, Model model) {
        return Forms.fragmentOr("fiscal/year :: " + form, () -> year(id, code, year, model));
    }

    private static String yearPage(long id, String code, int year, String section) {
        return "redirect:/fiscal/schemes/" + id + "/municipalities/" + code + "/years/" + year + "#" + section;
    }

    @PostMapping(MY + "/cadastre")
    String upload(@PathVariable long id, @PathVariable String code, @PathVariable int year,
            @ModelAttribute("cadastreForm") FileForm form, BindingResult result, Model model) {
        return Forms.submit(result,
                () -> "redirect:/jobs/" + upload(() -> cadastres.upload(id, code, year, form.name(), form.content())).jobId(),
                () -> refused("cadastreForm", id, code, year, model));
    }

    @PostMapping(MY + "/rates")
    String addRate(@PathVariable long id, @PathVariable String code, @PathVariable int year,
            @ModelAttribute("rateForm") TaxRates.BandInput form, BindingResult result, Model model,
            RedirectAttributes redirect) {
        return Forms.submit(result, () -> {
            rates.addBand(id, code, year, form);
            redirect.addFlashAttribute("saved", true);
            return yearPage(id, code, year, "rates");
        }, () -> refused("rateForm", id, code, year, model));
    }

    @PostMapping(MY + "/rates/{bandId}/delete")
    String deleteRate(@PathVariable long id, @PathVariable String code, @PathVariable int year, @PathVariable long bandId) {
        rates.deleteBand(id, bandId);
        return yearPage(id, code, year, "rates");
    }

    @PostMapping(MY + "/liquidations")
    String liquidate(@PathVariable long id, @PathVariable String code, @PathVariable int year,
            @ModelAttribute("liquidateForm") LiquidateForm form, BindingResult result, Model model) {
        return Forms.submit(result, () -> "redirect:/jobs/" + liquidations.liquidate(id, code, year).jobId(),
                () -> refused("liquidateForm", id, code, year, model));
    }

    @PostMapping(MY + "/simulations")
    String simulate(@PathVariable long id, @PathVariable String code, @PathVariable int year,
            @ModelAttribute("simulationForm") Liquidations.ScenarioInput form, BindingResult result, Model model) {
        return Forms.submit(result, () -> "redirect:/jobs/" + liquidations.simulate(id, code, year, form).jobId(),
                () -> refused("simulationForm", id, code, year, model));
    }

    @PostMapping(MY + "/payments")
    String payments(@PathVariable long id, @PathVariable String code, @PathVariable int year,
            @ModelAttribute("paymentsForm") FileForm form, BindingResult result, Model model,
            RedirectAttributes redirect) {
        return Forms.submit(result, () -> {
            redirect.addFlashAttribute("imported", upload(() -> arrears.importPayments(id, code, form.content())));
            return yearPage(id, code, year, "arrears");
        }, () -> refused("paymentsForm", id, code, year, model));
    }

    @PostMapping(MY + "/commercial-values")
    String commercial(@PathVariable long id, @PathVariable String code, @PathVariable int year,
            @ModelAttribute("commercialForm") FileForm form, BindingResult result, Model model,
            RedirectAttributes redirect) {
        return Forms.submit(result, () -> {
            redirect.addFlashAttribute("imported",
                    upload(() -> arrears.importCommercialValues(id, code, year, form.content())));
            return yearPage(id, code, year, "gap");
        }, () -> refused("commercialForm", id, code, year, model));
    }

    private interface Upload<T> {
        T run() throws IOException;
    }

    private static <T> T upload(Upload<T> work) {
        try {
            return work.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
