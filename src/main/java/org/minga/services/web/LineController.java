package org.minga.services.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * One service line's page and the forms of any line: clients, tariffs, cost allocations; for a
 * business centre its firms. The landfill's forms are {@link LandfillController}'s.
 */
@Audience(Reader.SCHEME)
@Controller
record LineController(ServiceLines lines, CostAllocation costs, BusinessCentre centre, LinePage page) {

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

    @GetMapping("/services/schemes/{id}/lines/{lineId}")
    String show(@PathVariable long id, @PathVariable long lineId, @RequestParam(required = false) String month,
            @RequestParam(required = false) Integer year, Model model) {
        return page.show(id, lineId, month, year, model);
    }

    @PostMapping("/services/schemes/{id}/lines/{lineId}/clients")
    String addClient(@PathVariable long id, @PathVariable long lineId, @ModelAttribute("clientForm") ServiceLines.ClientInput form,
            BindingResult result, Model model, RedirectAttributes redirect) {
        lines.line(id, lineId);
        return Forms.submit(result, () -> {
            lines.addClient(lineId, form);
            return page.saved(id, lineId, redirect, "clients");
        }, () -> page.form("clientForm", id, lineId, model));
    }

    @PostMapping("/services/schemes/{id}/lines/{lineId}/tariffs")
    String setTariff(@PathVariable long id, @PathVariable long lineId, @ModelAttribute("tariffForm") ServiceLines.TariffInput form,
            BindingResult result, Model model, RedirectAttributes redirect) {
        lines.line(id, lineId);
        return Forms.submit(result, () -> {
            lines.setTariff(lineId, form);
            return page.saved(id, lineId, redirect, "tariffs");
        }, () -> page.form("tariffForm", id, lineId, model));
    }

    @PostMapping("/services/schemes/{id}/lines/{lineId}/cost-pools")
    String allocate(@PathVariable long id, @PathVariable long lineId, @ModelAttribute("poolForm") PoolForm form,
            BindingResult result, Model model, RedirectAttributes redirect) {
        lines.line(id, lineId);
        return Forms.submit(result, () -> {
            costs.allocate(lineId, form.input());
            return page.saved(id, lineId, redirect, "costs");
        }, () -> page.form("poolForm", id, lineId, model));
    }

    @PostMapping("/services/schemes/{id}/lines/{lineId}/firms")
    String addFirm(@PathVariable long id, @PathVariable long lineId, @ModelAttribute("firmForm") BusinessCentre.FirmInput form,
            BindingResult result, Model model, RedirectAttributes redirect) {
        lines.line(id, lineId);
        return Forms.submit(result, () -> {
            centre.addFirm(lineId, form);
            return page.saved(id, lineId, redirect, "firms");
        }, () -> page.form("firmForm", id, lineId, model));
    }
}
