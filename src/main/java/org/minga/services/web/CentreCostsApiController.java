package org.minga.services.web;

import org.minga.platform.web.Audience;
import org.minga.platform.web.Reader;

import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.minga.platform.NotFoundException;
import org.minga.services.BusinessCentre;
import org.minga.services.CostAllocation;
import org.minga.services.ServiceDashboards;
import org.minga.services.ServiceLines;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Centro empresarial, costos y tableros", description = "Empresas, asistencia cofinanciada, capital semilla; "
        + "distribución de costos entre miembros, recuperación de costos; tableros por servicio y por miembro")
@Audience(Reader.SCHEME)
@RequestMapping("/api/v1/services/schemes/{id}")
record CentreCostsApiController(ServiceLines lines, BusinessCentre centre, CostAllocation costs,
        ServiceDashboards dashboards) {

    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping("/lines/{lineId}/firms")
    @Operation(summary = "Registra una empresa atendida por el centro")
    BusinessCentre.Firm addFirm(@PathVariable long id, @PathVariable long lineId,
            @RequestBody BusinessCentre.FirmInput body) {
        return centre.addFirm(lines.line(id, lineId).id(), body);
    }

    @GetMapping("/lines/{lineId}/firms")
    List<BusinessCentre.Firm> firms(@PathVariable long id, @PathVariable long lineId, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        return centre.firms(lines.line(id, lineId).id(), page, size);
    }

    @GetMapping("/lines/{lineId}/firms/{firmId}")
    BusinessCentre.FirmDetail firm(@PathVariable long id, @PathVariable long lineId, @PathVariable long firmId) {
        return centre.detail(firmOf(id, lineId, firmId));
    }

    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping("/lines/{lineId}/firms/{firmId}/services")
    BusinessCentre.ServiceRecord service(@PathVariable long id, @PathVariable long lineId, @PathVariable long firmId,
            @RequestBody BusinessCentre.ServiceInput body) {
        return centre.recordService(firmOf(id, lineId, firmId), body);
    }

    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping("/lines/{lineId}/firms/{firmId}/plans")
    BusinessCentre.ActionPlan plan(@PathVariable long id, @PathVariable long lineId, @PathVariable long firmId,
            @RequestBody BusinessCentre.PlanInput body) {
        return centre.addPlan(firmOf(id, lineId, firmId), body);
    }

    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping("/lines/{lineId}/firms/{firmId}/assistance")
    @Operation(summary = "Aprueba asistencia técnica cofinanciada (90/10, o 95/5 para empresas de mujeres, rurales o asociativas)")
    BusinessCentre.Assistance assistance(@PathVariable long id, @PathVariable long lineId, @PathVariable long firmId,
            @RequestBody BusinessCentre.AssistanceInput body) {
        return centre.approveAssistance(firmOf(id, lineId, firmId), body);
    }

    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping("/lines/{lineId}/firms/{firmId}/seed-capital")
    BusinessCentre.SeedCapital seed(@PathVariable long id, @PathVariable long lineId, @PathVariable long firmId,
            @RequestBody BusinessCentre.SeedInput body) {
        return centre.grantSeedCapital(firmOf(id, lineId, firmId), body);
    }

    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping("/lines/{lineId}/cost-pools")
    @Operation(summary = "Distribuye los costos de un periodo entre los miembros por un criterio, en unidades enteras")
    CostAllocation.Pool allocate(@PathVariable long id, @PathVariable long lineId,
            @RequestBody CostAllocation.PoolInput body) {
        return costs.allocate(lines.line(id, lineId).id(), body);
    }

    @GetMapping("/lines/{lineId}/cost-pools")
    List<CostAllocation.Pool> pools(@PathVariable long id, @PathVariable long lineId) {
        return costs.pools(lines.line(id, lineId).id());
    }

    @GetMapping("/lines/{lineId}/recovery")
    @Operation(summary = "Ingresos frente a costos del periodo y si aún se necesitan aportes de los miembros")
    CostAllocation.Recovery recovery(@PathVariable long id, @PathVariable long lineId,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        return costs.recovery(lines.line(id, lineId).id(), from, to);
    }

    @GetMapping("/lines/{lineId}/dashboard")
    ServiceDashboards.LineDashboard lineDashboard(@PathVariable long id, @PathVariable long lineId,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        return dashboards.line(id, lineId, from, to);
    }

    @Audience(Reader.MEMBER_OFFICIAL)
    @GetMapping("/members/{unitCode}/dashboard")
    ServiceDashboards.MemberDashboard memberDashboard(@PathVariable long id, @PathVariable String unitCode,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        return dashboards.member(id, unitCode, from, to);
    }

    /** The firm's id when it is one of the scheme line's firms (404 otherwise): one lookup before a write. */
    private long firmOf(long id, long lineId, long firmId) {
        lines.line(id, lineId);
        if (centre.firm(firmId).lineId() != lineId) {
            throw new NotFoundException("empresa", firmId);
        }
        return firmId;
    }
}
