package org.minga.services.web;

import org.minga.platform.web.Audience;
import org.minga.platform.web.Reader;

import java.io.IOException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.minga.platform.InvalidInputException;
import org.minga.platform.NotFoundException;
import org.minga.registry.Schemes;
import org.minga.services.Landfill;
import org.minga.services.ServiceLines;
import org.minga.services.internal.InvoicePdf;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@Audience(Reader.SCHEME)
@RestController
@Tag(name = "Relleno sanitario", description = "Boletas de báscula, importación, facturación mensual por tonelada, facturas en PDF")
@RequestMapping("/api/v1/services/schemes/{id}/lines/{lineId}")
record LandfillApiController(Landfill landfill, ServiceLines lines, Schemes schemes) {

    record BillBody(String month) {
    }

    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping("/tickets")
    @Operation(summary = "Registra una boleta de báscula (las cargas de residuos no aceptados quedan rechazadas)")
    Landfill.Ticket record(@PathVariable long id, @PathVariable long lineId, @RequestBody Landfill.TicketInput body) {
        return landfill.record(lines.line(id, lineId).id(), body);
    }

    @GetMapping("/tickets")
    @Operation(summary = "Boletas, de la más reciente a la más antigua; before = id para la página siguiente")
    List<Landfill.Ticket> tickets(@PathVariable long id, @PathVariable long lineId, @RequestParam(required = false) Long before,
            @RequestParam(defaultValue = "50") int size) {
        return landfill.tickets(lines.line(id, lineId).id(), before, size);
    }

    record ReasonBody(String reason) {
    }

    @PostMapping("/tickets/{ticketId}/correction")
    @Operation(summary = "Corrige pesos, cliente o fecha de una boleta con un motivo; lo anterior queda en su historial y si su mes ya se facturó la próxima facturación lo ajusta")
    Landfill.Ticket correct(@PathVariable long id, @PathVariable long lineId, @PathVariable long ticketId,
            @RequestBody Landfill.Correction body) {
        return landfill.correct(lines.line(id, lineId).id(), ticketId, body);
    }

    @PostMapping("/tickets/{ticketId}/void")
    @Operation(summary = "Anula una boleta con un motivo; queda con sus valores y deja de facturarse (nota crédito si su mes ya se facturó)")
    Landfill.Ticket voidTicket(@PathVariable long id, @PathVariable long lineId, @PathVariable long ticketId,
            @RequestBody ReasonBody body) {
        return landfill.voidTicket(lines.line(id, lineId).id(), ticketId, body.reason());
    }

    @GetMapping("/tickets/{ticketId}/revisions")
    @Operation(summary = "El historial de una boleta: sus valores antes de cada corrección o de su anulación, con quién, cuándo y por qué")
    List<Landfill.Revision> revisions(@PathVariable long id, @PathVariable long lineId, @PathVariable long ticketId) {
        return landfill.revisions(lines.line(id, lineId).id(), ticketId);
    }

    @GetMapping("/tickets/pending")
    @Operation(summary = "Boletas de meses ya facturados con una diferencia por facturar (nuevas, corregidas o anuladas después)")
    List<Landfill.Pending> pending(@PathVariable long id, @PathVariable long lineId,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to, @RequestParam(defaultValue = "100") int size) {
        return landfill.pending(lines.line(id, lineId).id(), from, to, size);
    }

    @PostMapping("/invoices/{invoiceId}/void")
    @Operation(summary = "Anula una factura o ajuste con un motivo; no se borra y su número queda usado; la próxima facturación del mes la reemplaza")
    Landfill.Invoice voidInvoice(@PathVariable long id, @PathVariable long lineId, @PathVariable long invoiceId,
            @RequestBody ReasonBody body) {
        return landfill.voidInvoice(lines.line(id, lineId).id(), invoiceId, body.reason());
    }

    @ResponseStatus(HttpStatus.ACCEPTED)
    @PostMapping("/tickets/imports")
    @Operation(summary = "Importa una exportación CSV de la báscula como trabajo; idempotente por número de boleta")
    Map<String, Object> importTickets(@PathVariable long id, @PathVariable long lineId,
            @RequestParam(required = false) MultipartFile file) throws IOException {
        lines.line(id, lineId);
        UUID job = landfill.submitImport(lineId, file == null ? null : file.getOriginalFilename(), file == null ? null : file.getBytes());
        return Map.of("jobId", job.toString(), "job", "/api/v1/jobs/" + job);
    }

    @PostMapping("/billing")
    @Operation(summary = "Emite las facturas del mes (AAAA-MM) por cliente; las ya emitidas se conservan")
    Landfill.Billing bill(@PathVariable long id, @PathVariable long lineId, @RequestBody BillBody body) {
        return landfill.bill(lines.line(id, lineId).id(), month(body.month()));
    }

    @GetMapping("/invoices")
    List<Landfill.Invoice> invoices(@PathVariable long id, @PathVariable long lineId, @RequestParam String month) {
        return landfill.invoices(lines.line(id, lineId).id(), month(month));
    }

    @GetMapping(value = "/invoices/{invoiceId}.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    ResponseEntity<byte[]> invoicePdf(@PathVariable long id, @PathVariable long lineId, @PathVariable long invoiceId) {
        return pdf(id, lineId, invoiceId, landfill, lines, schemes);
    }

    @GetMapping("/tonnes")
    @Operation(summary = "Toneladas facturables por cliente y mes")
    List<Landfill.MonthlyTonnes> tonnes(@PathVariable long id, @PathVariable long lineId,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        return landfill.tonnesByClientAndMonth(lines.line(id, lineId).id(), from, to);
    }

    static ResponseEntity<byte[]> pdf(long id, long lineId, long invoiceId, Landfill landfill, ServiceLines lines, Schemes schemes) {
        var line = lines.line(id, lineId);
        var invoice = landfill.invoice(invoiceId);
        if (invoice.lineId() != lineId) {
            throw new NotFoundException("factura", invoiceId);
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"" + (invoice.kind() == Landfill.Kind.CREDIT_NOTE
                        ? "nota-credito-" : "factura-") + invoice.number() + ".pdf\"")
                .body(InvoicePdf.render(schemes.get(id).getName(), line.name(), invoice));
    }

    static YearMonth month(String value) {
        try {
            return YearMonth.parse(value == null ? "" : value.strip());
        } catch (java.time.format.DateTimeParseException e) {
            throw new InvalidInputException("month", "Pattern", "services.billing.month");
        }
    }
}
