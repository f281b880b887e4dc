package org.minga.projects.web.calls;

import org.minga.platform.web.Audience;
import org.minga.platform.web.Reader;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.minga.projects.internal.calls.CallEligibility;
import org.minga.projects.internal.calls.FundingCalls;
import org.minga.platform.Zones;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@Audience(Reader.ACCOUNT)
@RestController
@RequestMapping("/api/v1/projects")
@Tag(name = "Convocatorias")
record FundingCallApiController(FundingCalls calls, CallEligibility eligibility, Zones zones) {

    @GetMapping("/calls")
    @Operation(summary = "Las convocatorias; con open=true solo las abiertas en la fecha (hoy si se omite)")
    List<FundingCalls.Call> list(@RequestParam(defaultValue = "false") boolean open,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate at) {
        return calls.list(open ? (at == null ? zones.today() : at) : null);
    }

    @Audience(Reader.PLATFORM_ADMIN)
    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping("/calls")
    @Operation(summary = "Registra una convocatoria (administración de la plataforma)")
    ResponseEntity<FundingCalls.Call> create(@RequestBody FundingCalls.NewCall body) {
        FundingCalls.Call created = calls.create(body);
        return ResponseEntity.created(URI.create("/api/v1/projects/calls/" + created.id())).body(created);
    }

    @GetMapping("/calls/{id}")
    FundingCalls.Call get(@PathVariable long id) {
        return calls.get(id);
    }

    @Audience(Reader.PLATFORM_ADMIN)
    @PutMapping("/calls/{id}")
    @Operation(summary = "Modifica una convocatoria (administración de la plataforma)")
    FundingCalls.Call update(@PathVariable long id, @RequestBody FundingCalls.NewCall body) {
        return calls.update(id, body);
    }

    @Audience(Reader.PLATFORM_ADMIN)
    @DeleteMapping("/calls/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable long id) {
        calls.delete(id);
    }

    @Audience(Reader.SCHEME)
    @GetMapping("/schemes/{schemeId}/calls/{callId}/eligibility")
    @Operation(summary = "Miembros y proyectos del esquema elegibles y excluidos (con el motivo) en la convocatoria; "
            + "para cada miembro excluido, las otras convocatorias abiertas a las que sí puede aplicar")
    FundingCalls.Eligibility eligibility(@PathVariable long schemeId, @PathVariable long callId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate at) {
        return eligibility.of(schemeId, callId, at == null ? zones.today() : at);
    }
}
