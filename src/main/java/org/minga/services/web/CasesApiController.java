package org.minga.services.web;

import org.minga.platform.web.Audience;
import org.minga.platform.web.Reader;

import java.net.URI;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.minga.services.CaseType;
import org.minga.services.Cases;
import org.minga.services.ServiceLines;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@Audience(Reader.SCHEME)
@RestController
@Tag(name = "Servicios compartidos", description = "Líneas de servicio, clientes, tarifas, tipos de trámite y trámites")
@RequestMapping("/api/v1/services/schemes/{id}")
record CasesApiController(ServiceLines lines, Cases cases) {

    record PermitTypeBody(Long serviceLineId, String code) {
    }

    record TransitionBody(String state, String observation) {
    }

    record CheckBody(String code, Boolean passed, String note) {
    }

    record RequirementBody(String code, Boolean met) {
    }

    record CommentBody(String text) {
    }

    @GetMapping("/lines")
    @Operation(summary = "Las líneas de servicio del esquema")
    List<ServiceLines.Line> lines(@PathVariable long id) {
        return lines.lines(id);
    }

    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping("/lines")
    @Operation(summary = "Crea una línea de servicio")
    ResponseEntity<ServiceLines.Line> createLine(@PathVariable long id, @RequestBody ServiceLines.LineInput body) {
        var line = lines.create(id, body);
        return ResponseEntity.created(URI.create("/api/v1/services/schemes/" + id + "/lines/" + line.id())).body(line);
    }

    @PutMapping("/lines/{lineId}/cost-shares")
    @Operation(summary = "Fija los porcentajes subsidiados de la asistencia técnica (estándar y preferente)")
    ServiceLines.Line costShares(@PathVariable long id, @PathVariable long lineId, @RequestBody ServiceLines.CostShares body) {
        return lines.setCostShares(lines.line(id, lineId).id(), body);
    }

    @GetMapping("/lines/{lineId}/clients")
    List<ServiceLines.Client> clients(@PathVariable long id, @PathVariable long lineId) {
        return lines.clients(lines.line(id, lineId).id());
    }

    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping("/lines/{lineId}/clients")
    @Operation(summary = "Agrega un cliente (miembro, no miembro o empresa privada)")
    ServiceLines.Client addClient(@PathVariable long id, @PathVariable long lineId, @RequestBody ServiceLines.ClientInput body) {
        return lines.addClient(lines.line(id, lineId).id(), body);
    }

    @GetMapping("/lines/{lineId}/tariffs")
    List<ServiceLines.Tariff> tariffs(@PathVariable long id, @PathVariable long lineId) {
        return lines.tariffs(lines.line(id, lineId).id());
    }

    @PutMapping("/lines/{lineId}/tariffs")
    @Operation(summary = "Fija la tarifa vigente desde una fecha")
    ServiceLines.Tariff tariff(@PathVariable long id, @PathVariable long lineId, @RequestBody ServiceLines.TariffInput body) {
        return lines.setTariff(lines.line(id, lineId).id(), body);
    }

    @GetMapping("/lines/{lineId}/waste-types")
    List<ServiceLines.WasteType> wasteTypes(@PathVariable long id, @PathVariable long lineId) {
        return lines.wasteTypes(lines.line(id, lineId).id());
    }

    @PutMapping("/lines/{lineId}/waste-types")
    @Operation(summary = "Declara un tipo de residuo aceptado o no")
    ServiceLines.WasteType wasteType(@PathVariable long id, @PathVariable long lineId, @RequestBody ServiceLines.WasteTypeInput body) {
        return lines.setWasteType(lines.line(id, lineId).id(), body);
    }

    @GetMapping("/case-types")
    List<CaseType> types(@PathVariable long id) {
        return cases.types(id);
    }

    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping("/case-types")
    @Operation(summary = "Crea un tipo de trámite con sus estados, transiciones, funciones, requisitos y verificaciones")
    CaseType createType(@PathVariable long id, @RequestBody Cases.TypeInput body) {
        return cases.createType(id, body);
    }

    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping("/case-types/permit")
    @Operation(summary = "Crea el trámite de permiso de uso de suelo y construcción (OPLAGEST)")
    CaseType permitType(@PathVariable long id, @RequestBody PermitTypeBody body) {
        return cases.createPermitType(id, body.serviceLineId(), body.code());
    }

    @GetMapping("/cases")
    @Operation(summary = "Trámites del esquema, paginados; alerts=true solo por vencer o vencidos")
    Cases.Page list(@PathVariable long id, @RequestParam(required = false) String state,
            @RequestParam(defaultValue = "false") boolean alerts, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        return cases.list(id, state, alerts, page, size);
    }

    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping("/cases")
    @Operation(summary = "Radica un trámite")
    ResponseEntity<Cases.Case> open(@PathVariable long id, @RequestBody Cases.CaseInput body) {
        var c = cases.open(id, body);
        return ResponseEntity.created(URI.create("/api/v1/services/schemes/" + id + "/cases/" + c.id())).body(c);
    }

    @GetMapping("/cases/{caseId}")
    Cases.Detail detail(@PathVariable long id, @PathVariable long caseId) {
        return cases.detail(id, caseId);
    }

    @PostMapping("/cases/{caseId}/transitions")
    @Operation(summary = "Pasa el trámite a otro estado según su flujo")
    Cases.Case transition(@PathVariable long id, @PathVariable long caseId, @RequestBody TransitionBody body) {
        return cases.transition(id, caseId, body.state(), body.observation());
    }

    @PutMapping("/cases/{caseId}/checks")
    @Operation(summary = "Registra una verificación (p. ej. solvencia tributaria)")
    Cases.CheckResult check(@PathVariable long id, @PathVariable long caseId, @RequestBody CheckBody body) {
        return cases.recordCheck(id, caseId, body.code(), body.passed(), body.note());
    }

    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PutMapping("/cases/{caseId}/requirements")
    @Operation(summary = "Marca un requisito como cumplido o no")
    void requirement(@PathVariable long id, @PathVariable long caseId, @RequestBody RequirementBody body) {
        cases.meetRequirement(id, caseId, body.code(), !Boolean.FALSE.equals(body.met()));
    }

    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping("/cases/{caseId}/comments")
    Cases.Comment comment(@PathVariable long id, @PathVariable long caseId, @RequestBody CommentBody body) {
        return cases.comment(id, caseId, body.text());
    }
}
