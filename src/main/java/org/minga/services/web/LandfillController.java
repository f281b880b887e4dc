package org.minga.services.web;

import java.io.IOException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import org.minga.platform.InvalidInputException;
import org.minga.platform.web.Audience;
import org.minga.platform.web.Forms;
import org.minga.platform.web.Reader;
import org.minga.platform.web.TableDownloads;
import org.minga.registry.Schemes;
import org.minga.services.Landfill;
import org.minga.services.ServiceLines;
import org.springframework.format.annotation.DateTimeFormat;
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
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A landfill line's forms and files on its page: the weighbridge import, monthly billing, voiding a
 * document, correcting or voiding a ticket, invoices, tonnes by client.
 */
@Audience(Reader.SCHEME)
@Controller
@RequestMapping("/services/schemes/{id}/lines/{lineId}")
record LandfillController(Landfill landfill, ServiceLines lines, Schemes schemes, LinePage page) {

    @PostMapping("/imports")
    String importTickets(@PathVariable long id, @PathVariable long lineId, @RequestParam(required = false) MultipartFile file,
            Model model) throws IOException {
        lines.line(id, lineId);
        byte[] content = file == null ? null : file.getBytes();
        return Forms.act(model, "importError", () -> {
            UUID job = landfill.submitImport(lineId, file == null ? null : file.getOriginalFilename(), content);
            return "redirect:/jobs/" + job;
        }, () -> page.show(id, lineId, null, null, model));
    }

    @PostMapping("/billing")
    String bill(@PathVariable long id, @PathVariable long lineId, @ModelAttribute("billingForm") LandfillApiController.BillBody form,
            BindingResult result, Model model, RedirectAttributes redirect) {
        lines.line(id, lineId);
        return Forms.submit(result, () -> {
            var billing = landfill.bill(lineId, LandfillApiController.month(form.month()));
            redirect.addFlashAttribute("billing", billing);
            return LinePage.back("/services/schemes/" + id + "/lines/" + lineId + "?month=" + billing.month(), "billing");
        }, () -> page.form("billingForm", id, lineId, model));
    }

    /** Voids one of the month's documents with a reason. */
    record VoidForm(Long invoiceId, String reason) {
    }

    /** Corrects (the values given) or voids a ticket, found by its number, with a reason. */
    record TicketFixForm(String ticketNumber, String action, Integer grossKg, Integer tareKg, String clientCode,
            @DateTimeFormat(pattern = "yyyy-MM-dd'T'HH:mm") LocalDateTime weighedAt, String reason) {
    }

    @PostMapping("/invoices/void")
    String voidInvoice(@PathVariable long id, @PathVariable long lineId, @ModelAttribute("voidForm") VoidForm form,
            BindingResult result, RedirectAttributes redirect, Model model) {
        lines.line(id, lineId);
        return Forms.submit(result, () -> {
            if (form.invoiceId() == null) {
                throw new InvalidInputException("invoiceId", "NotNull", "services.required");
            }
            var invoice = landfill.voidInvoice(lineId, form.invoiceId(), form.reason());
            redirect.addFlashAttribute("saved", true);
            return LinePage.back("/services/schemes/" + id + "/lines/" + lineId + "?month=" + invoice.month(), "billing");
        }, () -> page.form("voidForm", id, lineId, model));
    }

    @PostMapping("/tickets/fix")
    String fixTicket(@PathVariable long id, @PathVariable long lineId, @ModelAttribute("ticketFixForm") TicketFixForm form,
            BindingResult result, RedirectAttributes redirect, Model model) {
        lines.line(id, lineId);
        return Forms.submit(result, () -> {
            long ticket = landfill.ticketId(lineId, form.ticketNumber());
            if ("VOID".equals(form.action())) {
                landfill.voidTicket(lineId, ticket, form.reason());
            } else {
                landfill.correct(lineId, ticket, new Landfill.Correction(form.grossKg(), form.tareKg(), form.clientCode(),
                        form.weighedAt(), form.reason()));
            }
            return page.saved(id, lineId, redirect, "pending");
        }, () -> page.form("ticketFixForm", id, lineId, model));
    }

    @GetMapping("/invoices/{invoiceId}.pdf")
    ResponseEntity<byte[]> invoicePdf(@PathVariable long id, @PathVariable long lineId, @PathVariable long invoiceId) {
        return LandfillApiController.pdf(id, lineId, invoiceId, landfill, lines, schemes);
    }

    @GetMapping("/invoices.{format:csv|xlsx}")
    void register(@PathVariable long id, @PathVariable long lineId, @PathVariable String format, @RequestParam int year,
            HttpServletResponse response) throws IOException {
        TableDownloads.write(response, format, "facturas-" + year, "Facturas " + year,
                List.of("Número", "Documento", "Código", "Cliente", "Mes", "Toneladas", "Valor", "Moneda", "Emitido", "Anulado",
                        "Motivo de anulación"),
                landfill.register(lines.line(id, lineId).id(), year),
                r -> java.util.Arrays.asList(r.number(), r.kind().name(), r.clientCode(), r.clientName(), r.month().toString(),
                        r.tonnes(), r.total(), r.currency(), r.issuedAt().toString(),
                        r.voidedAt() == null ? "" : r.voidedAt().toString(), r.voidReason() == null ? "" : r.voidReason()));
    }

    @GetMapping("/tonnes.{format:csv|xlsx}")
    void tonnes(@PathVariable long id, @PathVariable long lineId, @PathVariable String format, @RequestParam int year,
            HttpServletResponse response) throws IOException {
        TableDownloads.write(response, format, "toneladas-" + year, "Toneladas " + year,
                List.of("Mes", "Código", "Cliente", "Toneladas facturables", "Boletas", "Cargas rechazadas"),
                landfill.tonnesByClientAndMonth(lines.line(id, lineId).id(), LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31)),
                r -> List.of(r.month().toString(), r.clientCode(), r.clientName(), r.tonnes(), r.tickets(), r.refused()));
    }
}
