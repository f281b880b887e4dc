package org.minga.platform.internal.audit;

import java.time.LocalDate;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/audit")
@PreAuthorize("hasRole('PLATFORM_ADMIN')")
@Tag(name = "Auditoría")
class AuditApiController {

    private final AuditQuery audit;

    AuditApiController(AuditQuery audit) {
        this.audit = audit;
    }

    @GetMapping
    @Operation(summary = "Cambios registrados, del más reciente al más antiguo",
            description = "Paginado por cursor: pase nextBefore de la respuesta como before para la página siguiente.")
    AuditQuery.Page list(@RequestParam(required = false) String actor, @RequestParam(required = false) String action,
            @RequestParam(required = false) String entityType, @RequestParam(required = false) String entityId,
            @RequestParam(required = false) Long schemeId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) Long before, @RequestParam(defaultValue = "50") int size) {
        return audit.find(new AuditQuery.Filter(actor, action, entityType, entityId, schemeId, from, to), before, size);
    }
}
