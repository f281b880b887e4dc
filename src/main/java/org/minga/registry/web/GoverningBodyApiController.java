package org.minga.registry.web;

import org.minga.platform.Zones;

import org.minga.platform.web.Audience;
import org.minga.platform.web.Reader;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.minga.registry.internal.GoverningBodies;
import org.minga.registry.internal.TermAlerts;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
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
@RequestMapping("/api/v1/registry/schemes/{id}")
@Tag(name = "Registro de esquemas")
record GoverningBodyApiController(GoverningBodies bodies, TermAlerts alerts, Zones zones) {

    record BodyBody(String kind, String name) {
    }

    record EndBody(LocalDate endedOn) {
    }

    @GetMapping("/bodies")
    @Operation(summary = "Los órganos de gobierno del esquema con todos sus puestos")
    List<GoverningBodies.Body> list(@PathVariable long id) {
        return bodies.of(id);
    }

    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping("/bodies")
    @Operation(summary = "Crea un órgano de gobierno: asamblea, junta directiva, dirección ejecutiva o mesa técnica")
    ResponseEntity<GoverningBodies.Body> create(@PathVariable long id, @RequestBody BodyBody body) {
        GoverningBodies.Body created = bodies.create(id, body.kind(), body.name());
        return ResponseEntity.created(URI.create("/api/v1/registry/schemes/" + id + "/bodies/" + created.id()))
                .body(created);
    }

    @PostMapping("/bodies/{bodyId}/seats")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Agrega un puesto con su periodo; en una junta directiva es una elección y exige fin del periodo")
    GoverningBodies.Seat addSeat(@PathVariable long id, @PathVariable long bodyId,
            @RequestBody GoverningBodies.NewSeat seat) {
        return bodies.addSeat(id, bodyId, seat);
    }

    @PostMapping("/bodies/{bodyId}/seats/{seatId}/end")
    @Operation(summary = "La persona deja el puesto en una fecha (renuncia, fin del cargo); el puesto queda en la historia")
    GoverningBodies.Seat endSeat(@PathVariable long id, @PathVariable long bodyId, @PathVariable long seatId,
            @RequestBody EndBody body) {
        return bodies.endSeat(id, bodyId, seatId, body.endedOn());
    }

    @DeleteMapping("/bodies/{bodyId}/seats/{seatId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Borra un puesto registrado por error")
    void deleteSeat(@PathVariable long id, @PathVariable long bodyId, @PathVariable long seatId) {
        bodies.deleteSeat(id, bodyId, seatId);
    }

    @GetMapping("/term-alerts")
    @Operation(summary = "Puestos cuyo periodo termina en los próximos días (90 si se omite) o ya terminó sin reemplazo")
    List<TermAlerts.Alert> termAlerts(@PathVariable long id,
            @RequestParam(defaultValue = "" + TermAlerts.DEFAULT_DAYS) int days) {
        return alerts.of(id, zones.today(), days);
    }
}
