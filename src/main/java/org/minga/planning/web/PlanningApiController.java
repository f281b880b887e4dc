package org.minga.planning.web;

import org.minga.platform.web.Audience;
import org.minga.platform.web.Reader;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.minga.planning.Plans;
import org.minga.planning.internal.GoalTracking;
import org.minga.planning.internal.Strategy;
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
@RequestMapping("/api/v1/planning/schemes/{id}")
@Tag(name = "Planeación", description = "Visión, pilares, planes de trabajo, metas con indicador, mediciones y tablero")
record PlanningApiController(Plans plans, Strategy strategy, GoalTracking tracking, Zones zones) {

    record GoalDetail(Plans.Goal goal, List<GoalTracking.Recorded> measurements, List<GoalTracking.Link> links) {
    }

    @PutMapping("/vision")
    @Operation(summary = "Fija la visión compartida y su horizonte")
    Strategy.Vision vision(@PathVariable long id, @RequestBody Strategy.VisionInput b) {
        return strategy.setVision(id, b);
    }

    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping("/pillars")
    @Operation(summary = "Agrega un pilar estratégico con sus apuestas")
    ResponseEntity<Strategy.Pillar> pillar(@PathVariable long id, @RequestBody Strategy.PillarInput b) {
        var p = strategy.addPillar(id, b);
        return ResponseEntity.created(URI.create("/api/v1/planning/schemes/" + id + "/pillars/" + p.id())).body(p);
    }

    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping("/work-plans")
    @Operation(summary = "Agrega un plan de trabajo con su periodo y objetivos")
    ResponseEntity<Strategy.WorkPlan> workPlan(@PathVariable long id, @RequestBody Strategy.WorkPlanInput b) {
        var w = strategy.addWorkPlan(id, b);
        return ResponseEntity.created(URI.create("/api/v1/planning/schemes/" + id + "/work-plans/" + w.id())).body(w);
    }

    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping("/goals")
    @Operation(summary = "Define una meta con su indicador (unidad, línea base, meta, periodicidad, fuente, responsable)")
    ResponseEntity<Plans.Goal> goal(@PathVariable long id, @RequestBody Plans.GoalInput b) {
        var g = plans.createGoal(id, b);
        return ResponseEntity.created(URI.create("/api/v1/planning/schemes/" + id + "/goals/" + g.id())).body(g);
    }

    @GetMapping("/goals/{goalId}")
    @Operation(summary = "Una meta con su historial de mediciones (vigentes y anuladas) y sus vínculos")
    GoalDetail goal(@PathVariable long id, @PathVariable long goalId) {
        return new GoalDetail(plans.goal(id, goalId), tracking.measurements(goalId), tracking.links(goalId));
    }

    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping("/goals/{goalId}/measurements")
    @Operation(summary = "Registra una medición fechada del indicador")
    GoalTracking.Recorded measure(@PathVariable long id, @PathVariable long goalId,
            @RequestBody GoalTracking.MeasurementInput b) {
        return tracking.measure(id, goalId, b);
    }

    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping("/goals/{goalId}/measurements/{measurementId}/correction")
    @Operation(summary = "Corrige una medición con un motivo: la original queda anulada en el historial")
    GoalTracking.Recorded correct(@PathVariable long id, @PathVariable long goalId, @PathVariable long measurementId,
            @RequestBody GoalTracking.MeasurementCorrection b) {
        return tracking.correct(id, goalId, measurementId, b);
    }

    @PostMapping("/goals/{goalId}/measurements/{measurementId}/void")
    @Operation(summary = "Anula una medición con un motivo; queda en el historial, fuera de los estados")
    GoalTracking.Recorded voidMeasurement(@PathVariable long id, @PathVariable long goalId,
            @PathVariable long measurementId, @RequestBody GoalTracking.MeasurementVoid b) {
        return tracking.voidMeasurement(id, goalId, measurementId, b);
    }

    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping("/goals/{goalId}/links")
    @Operation(summary = "Vincula la meta a un plan externo (PND, plan de desarrollo, POT, PATR, PDT) o a un proyecto")
    GoalTracking.Link link(@PathVariable long id, @PathVariable long goalId,
            @RequestBody GoalTracking.LinkInput b) {
        return tracking.link(id, goalId, b);
    }

    @GetMapping("/dashboard")
    @Operation(summary = "Estado de las metas en una fecha (al día, atrasada, desviada, pendiente), paginado")
    Plans.Dashboard dashboard(@PathVariable long id,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate at,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        return plans.dashboard(id, at == null ? zones.today() : at, page, size);
    }
}
