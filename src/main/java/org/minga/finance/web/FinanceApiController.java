package org.minga.finance.web;

import org.minga.platform.web.Audience;
import org.minga.platform.web.Reader;

import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.minga.finance.Contributions;
import org.minga.platform.Zones;
import org.minga.finance.Equity;
import org.minga.finance.internal.StatementPdf;
import org.minga.platform.CountryFormat;
import org.minga.platform.web.Idempotent;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@Audience(Reader.SCHEME)
@RestController
@Tag(name = "Aportes y equidad", description = "Reglas de aporte, obligaciones, pagos, cartera, estados de cuenta y equidad entre miembros")
record FinanceApiController(Contributions contributions, Equity equity, Zones zones) {

    private static final String BASE = "/api/v1/finance/schemes/{id}";

    /** A base; {@code reason} is required when it corrects the amount of a base already declared. */
    record BaseBody(Integer year, String unitCode, BigDecimal amount, String currency, String reason) {
    }

    record InKindBody(Long ruleId, String unitCode, LocalDate on, BigDecimal amount, String description) {
    }

    /** {@code benefits}: received from others (projects and services), the figure of the ratio and index. */
    record MemberJson(String unit, String name, Map<String, String> paid, Map<String, String> benefits,
            Map<String, String> fromServices, Map<String, String> ownCofinancing, BigDecimal ratio) {
    }

    record EquityJson(LocalDate from, LocalDate to, List<MemberJson> members, BigDecimal index,
            List<Equity.Warning> warnings) {
    }

    @GetMapping(BASE + "/rules")
    @Operation(summary = "Las reglas de aporte del esquema, por año")
    List<Contributions.Rule> rules(@PathVariable long id) {
        return contributions.rules(id);
    }

    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping(BASE + "/rules")
    @Operation(summary = "Crea una regla de aporte: FIXED, EQUAL_SPLIT, PERCENT_OF_BASE, BY_POPULATION o IN_KIND")
    ResponseEntity<Contributions.Rule> createRule(@PathVariable long id, @RequestBody Contributions.RuleInput body) {
        var rule = contributions.createRule(id, body);
        return ResponseEntity.created(URI.create("/api/v1/finance/schemes/" + id + "/rules/" + rule.id())).body(rule);
    }

    @PostMapping(BASE + "/rules/{ruleId}/obligations")
    @Operation(summary = "Genera las obligaciones de la regla por miembro y periodo (idempotente)")
    Contributions.Generated generate(@PathVariable long id, @PathVariable long ruleId) {
        return contributions.generate(id, ruleId);
    }

    @GetMapping(BASE + "/bases")
    @Operation(summary = "Las bases declaradas por miembro y año (FODES, SGP)")
    List<Contributions.Base> bases(@PathVariable long id) {
        return contributions.bases(id);
    }

    @PutMapping(BASE + "/bases")
    @Operation(summary = "Declara o corrige la base de un miembro para un año")
    Contributions.Base declareBase(@PathVariable long id, @RequestBody BaseBody body) {
        return contributions.declareBase(id, body.year(), body.unitCode(), body.amount(), body.currency(),
                body.reason());
    }

    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping(BASE + "/payments")
    @Idempotent
    @Operation(summary = "Registra un pago y lo aplica a las obligaciones abiertas más antiguas del miembro en esa moneda")
    ResponseEntity<Contributions.Payment> pay(@PathVariable long id, @RequestBody Contributions.PaymentInput body) {
        return created(id, contributions.pay(id, body));
    }

    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping(BASE + "/in-kind")
    @Idempotent
    @Operation(summary = "Registra un aporte en especie valorado, bajo una regla IN_KIND")
    ResponseEntity<Contributions.Payment> inKind(@PathVariable long id, @RequestBody InKindBody body) {
        return created(id, contributions.contributeInKind(id, body.ruleId() == null ? -1 : body.ruleId(), body.unitCode(),
                body.on(), body.amount(), body.description()));
    }

    @GetMapping(BASE + "/payments")
    @Operation(summary = "Los pagos hechos hasta la fecha (de un miembro si se indica), anulados incluidos, con lo aplicado de cada uno a esa fecha")
    List<Contributions.Payment> payments(@PathVariable long id, @RequestParam(required = false) String unit,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate at) {
        return contributions.payments(id, unit, at == null ? zones.today() : at);
    }

    @PostMapping(BASE + "/payments/{paymentId}/void")
    @Operation(summary = "Anula un pago con un motivo: queda visible y no cuenta; la aplicación, la cartera y la equidad lo siguen")
    Contributions.Payment voidPayment(@PathVariable long id, @PathVariable long paymentId,
            @RequestBody Contributions.Voiding body) {
        return contributions.voidPayment(id, paymentId, body);
    }

    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping(BASE + "/payments/{paymentId}/correction")
    @Operation(summary = "Corrige un pago: registra el pago como debió ser y anula el original con el motivo, apuntando al nuevo")
    ResponseEntity<Contributions.Payment> correctPayment(@PathVariable long id, @PathVariable long paymentId,
            @RequestBody Contributions.PaymentCorrection body) {
        return created(id, contributions.correctPayment(id, paymentId, body));
    }

    @PostMapping(BASE + "/rules/{ruleId}/void")
    @Operation(summary = "Anula una regla de aporte con un motivo: sus obligaciones quedan en su historia y dejan de contar")
    Contributions.Rule voidRule(@PathVariable long id, @PathVariable long ruleId, @RequestBody Contributions.Voiding body) {
        return contributions.voidRule(id, ruleId, body);
    }

    /** A payment or a contribution in kind, located among the scheme's payments. */
    private static ResponseEntity<Contributions.Payment> created(long id, Contributions.Payment payment) {
        return ResponseEntity.created(URI.create("/api/v1/finance/schemes/" + id + "/payments/" + payment.id())).body(payment);
    }

    @GetMapping(BASE + "/obligations")
    @Operation(summary = "Las obligaciones con vencimiento hasta la fecha (de un miembro si se indica)")
    List<Contributions.Obligation> obligations(@PathVariable long id, @RequestParam(required = false) String unit,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate at) {
        return contributions.obligations(id, unit, at == null ? LocalDate.of(9999, 12, 31) : at);
    }

    @GetMapping(BASE + "/arrears")
    @Operation(summary = "Cartera vencida por miembro y moneda a una fecha: 1–30, 31–90 y más de 90 días")
    List<Contributions.Arrears> arrears(@PathVariable long id,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate at) {
        return contributions.arrears(id, at == null ? zones.today() : at, null);
    }

    @Audience(Reader.MEMBER_OFFICIAL)
    @GetMapping(BASE + "/members/{unit}/statement")
    @Operation(summary = "Estado de cuenta de un miembro a una fecha")
    Contributions.Statement statement(@PathVariable long id, @PathVariable String unit,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate at) {
        return contributions.statement(id, unit, at == null ? zones.today() : at);
    }

    @Audience(Reader.MEMBER_OFFICIAL)
    @GetMapping(value = BASE + "/members/{unit}/statement.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    @Operation(summary = "Estado de cuenta de un miembro en PDF")
    ResponseEntity<byte[]> statementPdf(@PathVariable long id, @PathVariable String unit,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate at) {
        return pdf(contributions.statement(id, unit, at == null ? zones.today() : at));
    }

    static ResponseEntity<byte[]> pdf(Contributions.Statement s) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"estado-de-cuenta-" + s.unitCode() + "-"
                        + s.at() + ".pdf\"")
                .body(StatementPdf.render(s, CountryFormat.of(s.country())));
    }

    @GetMapping("/api/v1/registry/schemes/{id}/equity")
    @Operation(summary = "Equidad entre miembros en un periodo: aportes pagados, beneficios recibidos, razón, índice y avisos")
    EquityJson equity(@PathVariable long id,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        Equity.Report r = equity.of(id, from, to);
        return new EquityJson(r.from(), r.to(), r.members().stream().map(m -> new MemberJson(m.unit(), m.name(),
                strings(m.paid()), strings(m.benefits()), strings(m.fromServices()), strings(m.own()), m.ratio())).toList(), r.index(), r.warnings());
    }

    private static Map<String, String> strings(Map<String, BigDecimal> amounts) {
        Map<String, String> m = new LinkedHashMap<>();
        amounts.forEach((c, a) -> m.put(c, a.toPlainString()));
        return m;
    }
}
