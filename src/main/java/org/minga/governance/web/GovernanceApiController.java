package org.minga.governance.web;

import java.net.URI;
import java.util.List;

import org.minga.governance.internal.Decisions;
import org.minga.governance.internal.Minutes;
import org.minga.governance.internal.Sessions;
import org.minga.governance.internal.Statutes;
import org.minga.platform.web.Audience;
import org.minga.platform.web.Reader;
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

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The statutes' rules, sessions, attendance and decisions of a scheme's governing bodies, as JSON. */
@Audience(Reader.SCHEME)
@RestController
@RequestMapping("/api/v1/governance/schemes/{id}")
@Tag(name = "Órganos de gobierno")
record GovernanceApiController(Statutes statutes, Sessions sessions, Decisions decisions, Minutes minutes) {

    record AttendanceBody(List<Long> present) {
    }

    @GetMapping("/rules")
    @Operation(summary = "Las reglas de los estatutos de cada órgano, por versiones desde su fecha")
    List<Statutes.Rule> rules(@PathVariable long id) {
        return statutes.of(id);
    }

    @PostMapping("/rules")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Registra las reglas de los estatutos de un órgano desde una fecha: quórum, mayorías, antelación, sesiones por año")
    Statutes.Rule setRules(@PathVariable long id, @RequestBody Statutes.RuleInput body) {
        return statutes.set(id, body);
    }

    @GetMapping("/sessions")
    @Operation(summary = "Las sesiones del esquema, de la más reciente a la más antigua, 50 por página")
    List<Sessions.Session> sessions(@PathVariable long id, @RequestParam(defaultValue = "0") int page) {
        List<Sessions.Session> rows = sessions.of(id, page, GovernanceController.PAGE_SIZE);
        return rows.subList(0, Math.min(GovernanceController.PAGE_SIZE, rows.size()));
    }

    @PostMapping("/sessions")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Convoca una sesión con su orden del día; se rechaza si la antelación es menor que la de los estatutos")
    ResponseEntity<Sessions.Session> convene(@PathVariable long id, @RequestBody Sessions.SessionInput body) {
        Sessions.Session session = sessions.convene(id, body);
        return ResponseEntity.created(URI.create("/api/v1/governance/schemes/" + id + "/sessions/" + session.id()))
                .body(session);
    }

    @GetMapping("/sessions/{sessionId}")
    @Operation(summary = "Una sesión con su asistencia y su quórum")
    Sessions.Session session(@PathVariable long id, @PathVariable long sessionId) {
        return sessions.get(id, sessionId);
    }

    @GetMapping("/sessions/{sessionId}/attendance")
    @Operation(summary = "La asistencia de una sesión por puesto; los nombres solo para el equipo del esquema")
    List<Sessions.Attendee> attendance(@PathVariable long id, @PathVariable long sessionId) {
        return sessions.attendance(id, sessionId);
    }

    @PostMapping("/sessions/{sessionId}/attendance")
    @Operation(summary = "Toma la asistencia entre los puestos en periodo el día de la sesión y fija el quórum")
    Sessions.Session takeAttendance(@PathVariable long id, @PathVariable long sessionId,
            @RequestBody AttendanceBody body) {
        return sessions.takeAttendance(id, sessionId, body.present());
    }

    @GetMapping("/sessions/{sessionId}/decisions")
    @Operation(summary = "Las decisiones que adoptó una sesión")
    List<Decisions.Decision> decisions(@PathVariable long id, @PathVariable long sessionId) {
        return decisions.ofSession(id, sessionId);
    }

    @PostMapping("/sessions/{sessionId}/decisions")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Adopta una decisión con sus votos; sin quórum o sin la mayoría de los estatutos se rechaza")
    Decisions.Decision adopt(@PathVariable long id, @PathVariable long sessionId,
            @RequestBody Decisions.DecisionInput body) {
        return decisions.adopt(id, sessionId, body);
    }

    @GetMapping(value = "/sessions/{sessionId}/minutes.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    @Operation(summary = "El acta de una sesión celebrada, en PDF generado de la sesión (el mismo archivo cada vez)")
    ResponseEntity<byte[]> minutes(@PathVariable long id, @PathVariable long sessionId) {
        return SessionController.pdf(minutes.generate(id, sessionId), true);
    }

    @GetMapping("/sessions/{sessionId}/signed-minutes")
    @Operation(summary = "Las copias firmadas del acta de una sesión")
    List<Minutes.SignedCopy> signedCopies(@PathVariable long id, @PathVariable long sessionId) {
        return minutes.signedCopies(id, sessionId);
    }

    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping(value = "/sessions/{sessionId}/signed-minutes", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Sube una copia firmada del acta (multipart: el archivo document, un PDF)")
    Minutes.SignedCopy uploadSignedCopy(@PathVariable long id, @PathVariable long sessionId,
            @RequestParam(name = "document", required = false) MultipartFile document) throws java.io.IOException {
        return minutes.upload(id, sessionId, document == null ? null : document.getOriginalFilename(),
                document == null ? null : document.getBytes());
    }
}
