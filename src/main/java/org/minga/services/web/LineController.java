package org.minga.services.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongConsumer;

import org.minga.platform.Inputs;
import org.minga.platform.web.Audience;
import org.minga.platform.web.Forms;
import org.minga.platform.web.Reader;
import org.minga.services.BusinessCentre;
import org.minga.services.CostAllocation;
import org.minga.services.ServiceLines;
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

/**
 * One service line's page and the forms of any line: clients, tariffs, cost allocations; for a
 * business centre its firms. The landfill's forms are {@link LandfillController}'s.
 */
@Audience(Reader.SCHEME)
@Controller
@RequestMapping("/services/schemes/{id}/lines/{lineId}")
record LineController(ServiceLines lines, CostAllocation costs, BusinessCentre centre, LinePage page,
        UnitFields units) {

    /** The cost allocation form: weights are typed as "code=weight" pairs separated by commas or new lines. */
    record PoolForm(LocalDate periodFrom, LocalDate periodTo, BigDecimal amount, String driver, String description,
            String weights) {

        CostAllocation.PoolInput input() {
            Map<String, BigDecimal> m = new LinkedHashMap<>();
            if (weights != null) {
                for (String pair : weights.split("[,;\\n]+")) {
                    String[] kv = pair.split("=");
                    if (kv.length == 2) {
                        try {
                            m.put(kv[0].strip(), Inputs.decimal(kv[1]));
                        } catch (NumberFormatException e) {
                            m.put(kv[0].strip(), null);
                        }
                    }
                }
            }
            return new CostAllocation.PoolInput(periodFrom, periodTo, amount, driver, description, m);
        }
    }

    @GetMapping
    String show(@PathVariable long id, @PathVariable long lineId, @RequestParam(required = false) String month,
            @RequestParam(required = false) Integer year, Model model) {
        return page.show(id, lineId, month, year, model);
    }

    @PostMapping("/clients")
    String addClient(@PathVariable long id, @PathVariable long lineId, @ModelAttribute("clientForm") ServiceLines.ClientInput form,
            BindingResult result, Model model, RedirectAttributes redirect) {
        return submit(id, lineId, "clientForm", "clients", result, model, redirect, line -> lines.addClient(line,
                new ServiceLines.ClientInput(form.code(), form.name(), form.kind(), units.code(id, "unitCode", form.unitCode()))));
    }

    @PostMapping("/tariffs")
    String setTariff(@PathVariable long id, @PathVariable long lineId, @ModelAttribute("tariffForm") ServiceLines.TariffInput form,
            BindingResult result, Model model, RedirectAttributes redirect) {
        return submit(id, lineId, "tariffForm", "tariffs", result, model, redirect, line -> lines.setTariff(line, form));
    }

    @PostMapping("/cost-pools")
    String allocate(@PathVariable long id, @PathVariable long lineId, @ModelAttribute("poolForm") PoolForm form,
            BindingResult result, Model model, RedirectAttributes redirect) {
        return submit(id, lineId, "poolForm", "costs", result, model, redirect, line -> costs.allocate(line, form.input()));
    }

    @PostMapping("/firms")
    String addFirm(@PathVariable long id, @PathVariable long lineId, @ModelAttribute("firmForm") BusinessCentre.FirmInput form,
            BindingResult result, Model model, RedirectAttributes redirect) {
        return submit(id, lineId, "firmForm", "firms", result, model, redirect, line -> centre.addFirm(line,
                new BusinessCentre.FirmInput(form.name(), form.sector(), form.ownerSex(), form.ownerAgeGroup(), form.rural(),
                        form.associative(), units.code(id, "unitCode", form.unitCode()))));
    }

    /** Saves a form of the page into the scheme's line: back at its section, or the form again with its errors. */
    private String submit(long id, long lineId, String form, String section, BindingResult result, Model model,
            RedirectAttributes redirect, LongConsumer save) {
        lines.line(id, lineId);
        return Forms.submit(result, () -> {
            save.accept(lineId);
            return page.saved(id, lineId, redirect, section);
        }, () -> page.form(form, id, lineId, model));
    }
}
