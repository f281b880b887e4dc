package org.minga.projects.web.calls;

import org.minga.platform.web.Audience;
import org.minga.platform.web.Reader;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.minga.projects.internal.calls.CooperationMatrix;
import org.minga.projects.internal.calls.Cooperants;
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

@Audience(Reader.TEAM)
@RestController
@RequestMapping("/api/v1/projects")
@Tag(name = "Cooperantes")
record CooperantApiController(Cooperants cooperants, CooperationMatrix matrix) {

    @GetMapping("/cooperants")
    List<Cooperants.Cooperant> list() {
        return cooperants.list();
    }

    @Audience(Reader.PLATFORM_ADMIN)
    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping("/cooperants")
    @Operation(summary = "Registra un cooperante: misión, temas, unidades foco, procedimientos y contactos")
    ResponseEntity<Cooperants.Cooperant> create(@RequestBody Cooperants.NewCooperant body) {
        Cooperants.Cooperant c = cooperants.create(body);
        return ResponseEntity.created(URI.create("/api/v1/projects/cooperants/" + c.id())).body(c);
    }

    @GetMapping("/cooperants/{id}")
    Cooperants.Cooperant get(@PathVariable long id) {
        return cooperants.get(id);
    }

    @Audience(Reader.PLATFORM_ADMIN)
    @PutMapping("/cooperants/{id}")
    Cooperants.Cooperant update(@PathVariable long id, @RequestBody Cooperants.NewCooperant body) {
        return cooperants.update(id, body);
    }

    @Audience(Reader.PLATFORM_ADMIN)
    @DeleteMapping("/cooperants/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable long id) {
        cooperants.delete(id);
    }

    @GetMapping("/cooperants/{id}/supports")
    List<Cooperants.Support> supports(@PathVariable long id) {
        cooperants.get(id);
        return cooperants.supportsOf(id);
    }

    @PostMapping("/cooperants/{id}/supports")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Registra un apoyo: unidad, tema, periodo y monto opcional; con schemeId lo puede escribir "
            + "la administración de ese esquema")
    Cooperants.Support addSupport(@PathVariable long id, @RequestBody Cooperants.NewSupport body) {
        return cooperants.addSupport(id, body);
    }

    @DeleteMapping("/cooperants/{id}/supports/{supportId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void deleteSupport(@PathVariable long id, @PathVariable long supportId) {
        cooperants.deleteSupport(id, supportId);
    }

    @GetMapping("/cooperation/matrix")
    @Operation(summary = "Matriz cooperante × unidad × tema, con las duplicidades; filtros: esquema y fecha")
    Cooperants.Matrix matrix(@RequestParam(required = false) Long schemeId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate at) {
        return matrix.matrix(schemeId, at);
    }

    @GetMapping("/cooperation/duplicates")
    @Operation(summary = "Dos cooperantes que apoyan el mismo tema en la misma unidad en periodos que se cruzan")
    List<Cooperants.Duplicate> duplicates(@RequestParam(required = false) Long schemeId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate at) {
        return matrix.matrix(schemeId, at).duplicates();
    }
}
