package org.minga.transitions.web;

import org.minga.platform.web.Audience;
import org.minga.platform.web.Reader;

import java.net.URI;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.minga.transitions.Elections;
import org.minga.transitions.Transitions;
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

@Audience(Reader.SCHEME)
@RestController
@RequestMapping("/api/v1/transitions/schemes/{id}")
@Tag(name = "Empalme y neutralidad", description = "Alcaldes, elecciones, candidatos, expedientes en PDF, registro de entregas y reporte de neutralidad")
record TransitionsApiController(Transitions transitions, Elections elections) {

    record HandoverBody(String unitCode, String recipient) {
    }

    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping("/mayors")
    @Operation(summary = "Registra el alcalde de un miembro para el periodo de gobierno en curso en la fecha dada")
    Elections.Mayor mayor(@PathVariable long id, @RequestBody Elections.MayorInput b) {
        return elections.addMayor(id, b);
    }

    @GetMapping("/mayors")
    List<Elections.Mayor> mayors(@PathVariable long id) {
        return elections.mayors(id);
    }

    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping("/elections")
    @Operation(summary = "Crea una elección (de un miembro o de la región); elige el periodo siguiente")
    ResponseEntity<Elections.Election> election(@PathVariable long id, @RequestBody Elections.ElectionInput b) {
        var e = elections.createElection(id, b);
        return ResponseEntity.created(URI.create("/api/v1/transitions/schemes/" + id + "/elections/" + e.id())).body(e);
    }

    @GetMapping("/elections")
    List<Elections.Election> elections(@PathVariable long id) {
        return elections.elections(id);
    }

    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping("/elections/{electionId}/candidates")
    Elections.Candidate candidate(@PathVariable long id, @PathVariable long electionId,
            @RequestBody Elections.CandidateInput b) {
        return elections.addCandidate(id, electionId, b);
    }

    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping("/elections/{electionId}/candidates/{candidateId}/deliveries")
    @Operation(summary = "Genera el expediente para candidatos con los datos vigentes y registra la entrega con su versión")
    Transitions.Delivery deliver(@PathVariable long id, @PathVariable long electionId, @PathVariable long candidateId) {
        return transitions.deliverToCandidate(id, electionId, candidateId);
    }

    @GetMapping("/elections/{electionId}/neutrality")
    @Operation(summary = "Si todos los candidatos recibieron la misma versión del expediente, y si es la vigente")
    Transitions.Neutrality neutrality(@PathVariable long id, @PathVariable long electionId) {
        return transitions.neutrality(id, electionId);
    }

    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping("/handovers")
    @Operation(summary = "Genera el expediente de empalme de un miembro y registra su entrega")
    Transitions.Delivery handover(@PathVariable long id, @RequestBody HandoverBody b) {
        return transitions.handover(id, b.unitCode(), b.recipient());
    }

    @GetMapping("/deliveries")
    @Operation(summary = "Registro de entregas, del más reciente al más antiguo (before = id para la página siguiente)")
    List<Transitions.LogEntry> log(@PathVariable long id, @RequestParam(required = false) Long before,
            @RequestParam(defaultValue = "50") int size) {
        return transitions.log(id, before, size);
    }

    @GetMapping(value = "/dossiers/{versionId}.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    ResponseEntity<byte[]> pdf(@PathVariable long id, @PathVariable long versionId) {
        return TransitionsController.dossier(transitions, id, versionId);
    }
}
