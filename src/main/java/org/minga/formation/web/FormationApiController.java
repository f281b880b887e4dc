package org.minga.formation.web;

import org.minga.platform.web.Audience;
import org.minga.platform.web.Reader;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.minga.formation.FormationRoute;
import org.minga.formation.PertinenceAssessment;
import org.minga.formation.ProspectiveMembers;
import org.minga.platform.Zones;
import org.springframework.format.annotation.DateTimeFormat;
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
@RequestMapping("/api/v1/formation/schemes/{id}")
@Tag(name = "Conformación de esquemas", description = "Ruta de conformación del DNP, autorizaciones de los concejos y evaluación de pertinencia")
record FormationApiController(FormationRoute route, ProspectiveMembers prospects, PertinenceAssessment pertinence,
        Zones zones) {

    @GetMapping("/route")
    @Operation(summary = "La ruta de conformación: los tres momentos, sus entregables y el avance de cada momento")
    FormationRoute.Route route(@PathVariable long id) {
        return route.of(id);
    }

    @PutMapping("/route/deliverables/{code}")
    @Operation(summary = "Registra el estado de un entregable (PENDING, IN_PROGRESS, DONE), notas y evidencia")
    FormationRoute.Deliverable deliverable(@PathVariable long id, @PathVariable String code,
            @RequestBody FormationRoute.DeliverableInput body) {
        return route.update(id, code, body);
    }

    @GetMapping("/prospective-members")
    @Operation(summary = "Los miembros previstos y la autorización de su concejo")
    List<ProspectiveMembers.Prospect> prospects(@PathVariable long id) {
        return prospects.of(id);
    }

    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping("/prospective-members")
    @Operation(summary = "Agrega un miembro previsto (una unidad territorial que existe hoy en el país del esquema)")
    ResponseEntity<ProspectiveMembers.Prospect> add(@PathVariable long id, @RequestBody ProspectiveMembers.ProspectInput body) {
        var added = prospects.add(id, body);
        return ResponseEntity.created(URI.create("/api/v1/formation/schemes/" + id + "/prospective-members/"
                + added.unitCode())).body(added);
    }

    @PutMapping("/prospective-members/{code}")
    @Operation(summary = "Registra la autorización del concejo (PENDING, AUTHORISED, REFUSED) con número y fecha del acuerdo")
    ProspectiveMembers.Prospect authorise(@PathVariable long id, @PathVariable String code,
            @RequestBody ProspectiveMembers.ProspectInput body) {
        return prospects.authorise(id, code, body);
    }

    @GetMapping("/pertinence")
    @Operation(summary = "La evaluación de pertinencia: respuestas, elementos integradores calculados en una fecha (hoy si se omite) y balance")
    PertinenceAssessment.Assessment pertinence(@PathVariable long id,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate at) {
        return pertinence.of(id, at == null ? zones.today() : at);
    }

    @PutMapping("/pertinence/answers/{question}")
    @Operation(summary = "Responde una pregunta de pertinencia (YES, NO, PARTLY) con su justificación")
    PertinenceAssessment.Question answer(@PathVariable long id, @PathVariable String question,
            @RequestBody PertinenceAssessment.AnswerInput body) {
        return pertinence.answer(id, question, body);
    }
}
