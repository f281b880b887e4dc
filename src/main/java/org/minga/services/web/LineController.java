package org.minga.services.web;

import org.minga.platform.web.Audience;
import org.minga.platform.web.Reader;

import java.io.IOException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import org.minga.identity.Scopes;
import org.minga.platform.InvalidInputException;
import org.minga.platform.TableWriter;
import org.minga.platform.web.Forms;
import org.minga.registry.Schemes;
import org.minga.services.BusinessCentre;
import org.minga.services.CostAllocation;
import org.minga.services.Landfill;
import org.minga.services.ServiceDashboards;
import org.minga.services.ServiceLines;
import org.minga.services.web.ServiceForms.BillingForm;
import org.minga.services.web.ServiceForms.ClientForm;
import org.minga.services.web.ServiceForms.FirmForm;
import org.minga.services.web.ServiceForms.PoolForm;
import org.minga.services.web.ServiceForms.TariffForm;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * One service line's page: clients and tariffs; for a landfill its weighbridge import, billing,
 * invoices and tonnes by client and month; for a business centre its firms; for any line its cost
 * allocations with the arithmetic and its cost recovery. And the scheme's services dashboard.
 */
@Audience(Reader.SCHEME)
@Controller
class LineController {

    private final ServiceLines lines;
    private final Landfill landfill;
    private final CostAllocation costs;
    private final BusinessCentre centre;
    private final ServiceDashboards dashboards;
    private final Schemes schemes;
    private final Scopes scopes;

    LineController(ServiceLines lines, Landfill landfill, CostAllocation costs, BusinessCentre centre,
            ServiceDashboards dashboards, Schemes schemes, Scopes scopes) {
        this.lines = lines;
        this.landfill = landfill;
        this.costs = costs;
        this.centre = centre;
        this.dashboards = dashboards;
        this.schemes = schemes;
        this.scopes = scopes;
    }

    @GetMapping("/services/schemes/{id}/lines/{lineId}")
    String show(@PathVariable long id, @PathVariable long lineId, @RequestParam(required = false) String month,
            @RequestParam(required = false) Integer year, Model model) {
        var line = lines.line(id, lineId);
        YearMonth shown = parse(month);
        int y = year == null ? shown.getYear() : year;
        model.addAttribute("scheme", schemes.get(id));
        model.addAttribute("line", line);
        model.addAttribute("canEdit", scopes.canWriteScheme(id));
        model.addAttribute("clients", lines.clients(lineId));
        model.addAttribute("tariffs", lines.tariffs(lineId));
        model.addAttribute("month", shown);
        model.addAttribute("year", y);
        model.addAttribute("pools", costs.pools(lineId));
        model.addAttribute("recovery", costs.recovery(lineId, LocalDate.of(y, 1, 1), LocalDate.of(y, 12, 31)));
        model.addAttribute("drivers", CostAllocation.Driver.values());
        model.addAttribute("kinds", ServiceLines.ClientKind.values());
        model.addAttribute("units", ServiceLines.TariffUnit.values());
        if (line.type() == ServiceLines.Type.SOLID_WASTE) {
            model.addAttribute("wasteTypes", lines.wasteTypes(lineId));
            model.addAttribute("invoices", landfill.invoices(lineId, shown));
            model.addAttribute("tonnes", landfill.tonnesByClientAndMonth(lineId, LocalDate.of(y, 1, 1), LocalDate.of(y, 12, 31)));
        }
        if (line.type() == ServiceLines.Type.BUSINESS_DEVELOPMENT) {
            model.addAttribute("firms", centre.firms(lineId, 0, 100));
            model.addAttribute("ageGroups", BusinessCentre.AgeGroup.values());
        }
        for (var f : new Object[][] {{"clientForm", new ClientForm()}, {"tariffForm", new TariffForm()},
                {"billingForm", new BillingForm()}, {"poolForm", new PoolForm()}, {"firmForm", new FirmForm()}}) {
            if (!model.containsAttribute((String) f[0])) {
                model.addAttribute((String) f[0], f[1]);
            }
        }
        return "services/line";
    }

    @PostMapping("/services/schemes/{id}/lines/{lineId}/clients")
    String addClient(@PathVariable long id, @PathVariable long lineId, @ModelAttribute("clientForm") ClientForm form,
            BindingResult result, Model model, RedirectAttributes redirect) {
        lines.line(id, lineId);
        try {
            lines.addClient(lineId, form.getCode(), form.getName(), form.getKind(), form.getUnitCode());
            return saved(id, lineId, redirect, "clients");
        } catch (InvalidInputException e) {
            Forms.reject(result, e);
            return show(id, lineId, null, null, model);
        }
    }

    @PostMapping("/services/schemes/{id}/lines/{lineId}/tariffs")
    String setTariff(@PathVariable long id, @PathVariable long lineId, @ModelAttribute("tariffForm") TariffForm form,
            BindingResult result, Model model, RedirectAttributes redirect) {
        lines.line(id, lineId);
        if (!result.hasErrors()) {
            try {
                lines.setTariff(lineId, form.getValidFrom(), form.getAmount(), form.getUnit());
                return saved(id, lineId, redirect, "tariffs");
            } catch (InvalidInputException e) {
                Forms.reject(result, e);
            }
        }
        return show(id, lineId, null, null, model);
    }

    @PostMapping("/services/schemes/{id}/lines/{lineId}/imports")
    String importTickets(@PathVariable long id, @PathVariable long lineId, @RequestParam(required = false) MultipartFile file,
            Model model) throws IOException {
        lines.line(id, lineId);
        try {
            UUID job = landfill.submitImport(lineId, file == null ? null : file.getOriginalFilename(),
                    file == null ? null : file.getBytes());
            return "redirect:/jobs/" + job;
        } catch (InvalidInputException e) {
            model.addAttribute("importError", e.violations().getFirst());
            return show(id, lineId, null, null, model);
        }
    }

    @PostMapping("/services/schemes/{id}/lines/{lineId}/billing")
    String bill(@PathVariable long id, @PathVariable long lineId, @ModelAttribute("billingForm") BillingForm form,
            BindingResult result, Model model, RedirectAttributes redirect) {
        lines.line(id, lineId);
        try {
            var billing = landfill.bill(lineId, LandfillApiController.month(form.getMonth()));
            redirect.addFlashAttribute("billing", billing);
            return "redirect:/services/schemes/" + id + "/lines/" + lineId + "?month=" + billing.month() + "#billing";
        } catch (InvalidInputException e) {
            Forms.reject(result, e);
            return show(id, lineId, null, null, model);
        }
    }

    @GetMapping("/services/schemes/{id}/lines/{lineId}/invoices/{invoiceId}.pdf")
    ResponseEntity<byte[]> invoicePdf(@PathVariable long id, @PathVariable long lineId, @PathVariable long invoiceId) {
        return LandfillApiController.pdf(id, lineId, invoiceId, landfill, lines, schemes);
    }

    @GetMapping("/services/schemes/{id}/lines/{lineId}/tonnes.{format:csv|xlsx}")
    void tonnes(@PathVariable long id, @PathVariable long lineId, @PathVariable String format, @RequestParam int year,
            HttpServletResponse response) throws IOException {
        lines.line(id, lineId);
        var rows = landfill.tonnesByClientAndMonth(lineId, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
        boolean csv = format.equals("csv");
        response.setContentType(csv ? "text/csv; charset=UTF-8" : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        response.setHeader("Content-Disposition", "attachment; filename=\"toneladas-" + year + "." + format + "\"");
        List<String> headers = List.of("Mes", "Código", "Cliente", "Toneladas facturables", "Boletas", "Cargas rechazadas");
        try (TableWriter w = csv ? TableWriter.csv(response.getOutputStream(), headers)
                : TableWriter.xlsx(response.getOutputStream(), "Toneladas " + year, headers)) {
            for (var r : rows) {
                w.row(List.of(r.month().toString(), r.clientCode(), r.clientName(), r.tonnes(), r.tickets(), r.refused()));
            }
        }
    }

    @PostMapping("/services/schemes/{id}/lines/{lineId}/cost-pools")
    String allocate(@PathVariable long id, @PathVariable long lineId, @ModelAttribute("poolForm") PoolForm form,
            BindingResult result, Model model, RedirectAttributes redirect) {
        lines.line(id, lineId);
        if (!result.hasErrors()) {
            try {
                costs.allocate(lineId, new CostAllocation.PoolInput(form.getPeriodFrom(), form.getPeriodTo(), form.getAmount(),
                        form.getDriver(), form.getDescription(), form.weightMap()));
                return saved(id, lineId, redirect, "costs");
            } catch (InvalidInputException e) {
                Forms.reject(result, e);
            }
        }
        return show(id, lineId, null, null, model);
    }

    @PostMapping("/services/schemes/{id}/lines/{lineId}/firms")
    String addFirm(@PathVariable long id, @PathVariable long lineId, @ModelAttribute("firmForm") FirmForm form,
            BindingResult result, Model model, RedirectAttributes redirect) {
        lines.line(id, lineId);
        try {
            centre.addFirm(lineId, new BusinessCentre.FirmInput(form.getName(), form.getSector(), form.getOwnerSex(),
                    form.getOwnerAgeGroup(), form.isRural(), form.isAssociative(), form.getUnitCode()));
            return saved(id, lineId, redirect, "firms");
        } catch (InvalidInputException e) {
            Forms.reject(result, e);
            return show(id, lineId, null, null, model);
        }
    }

    @GetMapping("/services/schemes/{id}/dashboard")
    String dashboard(@PathVariable long id,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) String unit, Model model) {
        LocalDate end = to == null ? LocalDate.now() : to;
        LocalDate start = from == null ? end.withDayOfYear(1) : from;
        model.addAttribute("scheme", schemes.get(id));
        model.addAttribute("from", start);
        model.addAttribute("to", end);
        model.addAttribute("unit", unit);
        try {
            model.addAttribute("boards", lines.lines(id).stream().map(l -> dashboards.line(id, l.id(), start, end)).toList());
            if (unit != null && !unit.isBlank()) {
                model.addAttribute("member", dashboards.member(id, unit, start, end));
            }
        } catch (InvalidInputException e) {
            model.addAttribute("periodError", e.violations().getFirst());
            model.addAttribute("boards", List.of());
        }
        return "services/dashboard";
    }

    private static YearMonth parse(String month) {
        try {
            return month == null ? YearMonth.now() : YearMonth.parse(month);
        } catch (java.time.format.DateTimeParseException e) {
            return YearMonth.now();
        }
    }

    private static String saved(long id, long lineId, RedirectAttributes redirect, String anchor) {
        redirect.addFlashAttribute("saved", true);
        return "redirect:/services/schemes/" + id + "/lines/" + lineId + "#" + anchor;
    }
}
