package org.minga.evaluation.web;

import org.minga.platform.web.Audience;
import org.minga.platform.web.Reader;

import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.minga.evaluation.DecisionAid;
import org.minga.evaluation.Health;
import org.minga.evaluation.HealthIndex;
import org.minga.evaluation.SelfEvaluations;
import org.minga.platform.Zones;
import org.minga.platform.web.Idempotent;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
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
@RequestMapping("/api/v1/evaluation/schemes/{id}")
@Tag(name = "Evaluación", description = "Índice de salud, autoevaluación y ayuda de decisión de RINDE")
record EvaluationApiController(Health health, DecisionAid aid, SelfEvaluations evaluations, Zones zones) {

    record StepBody(boolean done, String evidence) {
    }

    record Created(long id) {
    }

    record InvitationBody(List<String> usernames) {
    }

    record Invited(int added, List<SelfEvaluations.Invitation> invitations) {
    }

    @GetMapping("/health")
    @Operation(summary = "Índice de salud del esquema en una fecha, con cada componente explicado")
    HealthIndex.Result health(@PathVariable long id,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate at) {
        return health.of(id, at == null ? zones.today() : at);
    }

    @GetMapping("/checklist")
    @Operation(summary = "Ayuda de decisión de RINDE: ruta sugerida y pasos con su evidencia")
    DecisionAid.Checklist checklist(@PathVariable long id) {
        return aid.checklist(id, health.of(id, zones.today()));
    }

    @PutMapping("/checklist/{item}")
    DecisionAid.Checklist mark(@PathVariable long id, @PathVariable String item, @RequestBody StepBody b) {
        aid.mark(id, item, b.done(), b.evidence());
        return checklist(id);
    }

    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping("/campaigns")
    @Operation(summary = "Crea una autoevaluación con el cuestionario de una plantilla (RINDE o FEEDBACK)")
    SelfEvaluations.Campaign campaign(@PathVariable long id, @RequestBody SelfEvaluations.CampaignInput b) {
        return evaluations.create(id, b);
    }

    @Audience(Reader.ACCOUNT)
    @GetMapping("/campaigns/{campaignId}/questions")
    List<SelfEvaluations.Question> questions(@PathVariable long id, @PathVariable long campaignId) {
        evaluations.campaign(id, campaignId);
        return evaluations.questions(campaignId);
    }

    @Audience(Reader.ACCOUNT)
    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping("/campaigns/{campaignId}/responses")
    @Idempotent
    @Operation(summary = "Registra las respuestas (1 a 5) de un participante de un grupo")
    Created respond(@PathVariable long id, @PathVariable long campaignId, @RequestBody SelfEvaluations.ResponseInput b) {
        return new Created(evaluations.respond(id, campaignId, b, zones.today()));
    }

    @PostMapping("/campaigns/{campaignId}/invitations")
    @Operation(summary = "Invita a responder a usuarios con función en el esquema (junta, equipo, funcionarios de miembros)",
            description = "Solo los invitados responden, una vez cada uno; invitar de nuevo a alguien no cambia nada.")
    Invited invite(@PathVariable long id, @PathVariable long campaignId, @RequestBody InvitationBody b) {
        int added = evaluations.invite(id, campaignId, b.usernames());
        return new Invited(added, evaluations.invitations(campaignId));
    }

    @GetMapping("/campaigns/{campaignId}/results")
    SelfEvaluations.Results results(@PathVariable long id, @PathVariable long campaignId) {
        return evaluations.results(id, campaignId);
    }

    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping("/campaigns/{campaignId}/actions")
    SelfEvaluations.Action action(@PathVariable long id, @PathVariable long campaignId, @RequestBody SelfEvaluations.ActionInput b) {
        return evaluations.addAction(id, campaignId, b);
    }
}
