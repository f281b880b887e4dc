package org.minga.platform.internal.audit;

import org.minga.platform.web.Audience;
import org.minga.platform.web.Reader;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

@Audience(Reader.PLATFORM_ADMIN)
@RestController
@RequestMapping("/api/v1/audit")
@PreAuthorize("hasRole('PLATFORM_ADMIN')")
@Tag(name = "Auditoría")
class AuditApiController {

    private final AuditQuery audit;
    private final ObjectMapper json;

    AuditApiController(AuditQuery audit, ObjectMapper json) {
        this.audit = audit;
        this.json = json;
    }

    /** An entry with its states as JSON objects rather than strings. */
    record EntryBody(long id, Instant occurredAt, String actor, String action, String entityType, String entityId,
            Long schemeId, String summary, JsonNode before, JsonNode after, String remoteAddress) {
    }

    record PageBody(List<EntryBody> entries, Long nextBefore) {
    }

    @GetMapping
    @Operation(summary = "Cambios registrados, del más reciente al más antiguo",
            description = "Paginado por cursor: pase nextBefore de la respuesta como before para la página siguiente.")
    PageBody list(@RequestParam(required = false) String actor, @RequestParam(required = false) String action,
            @RequestParam(required = false) String entityType, @RequestParam(required = false) String entityId,
            @RequestParam(required = false) Long schemeId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) Long before, @RequestParam(defaultValue = "50") int size) {
        var page = audit.find(new AuditQuery.Filter(actor, action, entityType, entityId, schemeId, from, to), before,
                size);
        return new PageBody(page.entries().stream().map(e -> new EntryBody(e.id(), e.occurredAt(), e.actor(), e.action(),
                e.entityType(), e.entityId(), e.schemeId(), e.summary(), tree(e.before()), tree(e.after()),
                e.remoteAddress())).toList(), page.nextBefore());
    }

    private JsonNode tree(String state) {
        return state == null ? null : json.readTree(state);
    }
}
