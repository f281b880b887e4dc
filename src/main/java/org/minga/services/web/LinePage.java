package org.minga.services.web;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

import org.minga.identity.Scopes;
import org.minga.platform.web.Forms;
import org.minga.platform.web.Option;
import org.minga.registry.Schemes;
import org.minga.services.BusinessCentre;
import org.minga.services.Cases;
import org.minga.services.CostAllocation;
import org.minga.services.Landfill;
import org.minga.services.ServiceLines;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * One service line's page, shared by the controllers of its parts (clients and tariffs, the
 * landfill, costs, the business centre): what every form needs, and the whole page.
 */
@Component
record LinePage(ServiceLines lines, Landfill landfill, CostAllocation costs, BusinessCentre centre, Cases cases, Schemes schemes,
        Scopes scopes) {

    /** The line (checked to be the scheme's), its scheme, whether the reader may write, and the forms' choices. */
    ServiceLines.Line common(long id, long lineId, Model model) {
        var line = lines.line(id, lineId);
        model.addAttribute("scheme", schemes.get(id));
        model.addAttribute("line", line);
        model.addAttribute("canEdit", scopes.canWriteScheme(id));
        model.addAttribute("drivers", Option.of(CostAllocation.Driver.values()));
        model.addAttribute("kinds", Option.of(ServiceLines.ClientKind.values()));
        model.addAttribute("units", Option.of(ServiceLines.TariffUnit.values()));
        model.addAttribute("sexes", Option.of(BusinessCentre.Sex.values()));
        model.addAttribute("fixActions", List.of(new Option("CORRECT", null), new Option("VOID", null)));
        model.addAttribute("ageGroups", Option.of(BusinessCentre.AgeGroup.values()));
        return line;
    }

    /** The whole page, for a month's invoices and a year's tonnes and costs. */
    String show(long id, long lineId, String month, Integer year, Model model) {
        var line = common(id, lineId, model);
        YearMonth shown = month(month, cases.today(id));
        int y = year == null ? shown.getYear() : year;
        LocalDate from = LocalDate.of(y, 1, 1);
        LocalDate to = LocalDate.of(y, 12, 31);
        model.addAttribute("clients", lines.clients(lineId));
        model.addAttribute("tariffs", lines.tariffs(lineId));
        model.addAttribute("month", shown);
        model.addAttribute("year", y);
        model.addAttribute("pools", costs.pools(lineId));
        model.addAttribute("recovery", costs.recovery(lineId, from, to));
        if (line.type() == ServiceLines.Type.SOLID_WASTE) {
            model.addAttribute("wasteTypes", lines.wasteTypes(lineId));
            var invoices = landfill.invoices(lineId, shown);
            model.addAttribute("invoices", invoices);
            model.addAttribute("voidable", invoices.stream().filter(i -> i.voidedAt() == null)
                    .map(i -> new Option(String.valueOf(i.id()), i.number() + " · " + i.clientName())).toList());
            // The shown month only: a page view reads one month of tickets, not a year's.
            model.addAttribute("pending", landfill.pending(lineId, shown.atDay(1), shown.atEndOfMonth(), 100));
            model.addAttribute("tonnes", landfill.tonnesByClientAndMonth(lineId, from, to));
        }
        if (line.type() == ServiceLines.Type.BUSINESS_DEVELOPMENT) {
            model.addAttribute("firms", centre.firms(lineId, 0, 100));
        }
        model.mergeAttributes(Map.of("clientForm", new ServiceLines.ClientInput(null, null, "MEMBER", null),
                "tariffForm", new ServiceLines.TariffInput(null, null, "TONNE"),
                "billingForm", new LandfillApiController.BillBody(null),
                "voidForm", new LandfillController.VoidForm(null, null),
                "ticketFixForm", new LandfillController.TicketFixForm(null, "CORRECT", null, null, null, null, null),
                "poolForm", new LineController.PoolForm(null, null, null, "TONNES", null, null),
                "firmForm", new BusinessCentre.FirmInput(null, null, "F", "FROM_30_TO_59", false, false, null)));
        return "services/line";
    }

    /** A form of the page again with its errors: only the form for htmx, the whole page otherwise. */
    String form(String fragment, long id, long lineId, Model model) {
        if (Forms.htmx()) {
            common(id, lineId, model);
            return "services/line :: " + fragment;
        }
        return show(id, lineId, null, null, model);
    }

    String saved(long id, long lineId, org.springframework.web.servlet.mvc.support.RedirectAttributes redirect, String anchor) {
        redirect.addFlashAttribute("saved", true);
        return back("/services/schemes/" + id + "/lines/" + lineId, anchor);
    }

    /**
     * Back to a page after a form, at its section. htmx follows the redirect by setting the window's
     * location, and a location that differs from the current one only by its anchor does not load the
     * page again: so an htmx form goes back to the page itself, and a plain post to the section.
     */
    static String back(String path, String anchor) {
        return "redirect:" + path + (Forms.htmx() ? "" : "#" + anchor);
    }

    private static YearMonth month(String month, LocalDate today) {
        try {
            return month == null ? YearMonth.from(today) : YearMonth.parse(month);
        } catch (DateTimeParseException e) {
            return YearMonth.from(today);
        }
    }
}
