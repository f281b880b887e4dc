package org.minga.registry.web;

import java.net.URI;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.minga.registry.Scheme;
import org.minga.registry.Schemes;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/registry/schemes")
@Tag(name = "Registro de esquemas")
class SchemeApiController {

    private final Schemes schemes;

    SchemeApiController(Schemes schemes) {
        this.schemes = schemes;
    }

    record SchemeBody(Long id, String name, String acronym, Scheme.Country country, String figure, String status) {
        static SchemeBody of(Scheme s) {
            return new SchemeBody(s.getId(), s.getName(), s.getAcronym(), s.getCountry(), s.getFigure(), s.getStatus());
        }
    }

    @GetMapping
    @Operation(summary = "Esquemas registrados, por nombre")
    List<SchemeBody> list(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        return schemes.page(Math.max(page, 0), Math.clamp(size, 1, 200)).stream().map(SchemeBody::of).toList();
    }

    @GetMapping("/{id}")
    SchemeBody get(@PathVariable long id) {
        return SchemeBody.of(schemes.get(id));
    }

    @PostMapping
    @Operation(summary = "Registra un esquema (administradores de la plataforma)")
    @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "201", description = "Creado")
    ResponseEntity<SchemeBody> create(@RequestBody SchemeBody body) {
        Scheme scheme = schemes.create(body.name(), body.acronym(), body.country(), body.figure());
        return ResponseEntity.created(URI.create("/api/v1/registry/schemes/" + scheme.getId()))
                .body(SchemeBody.of(scheme));
    }

    @PutMapping("/{id}")
    @Operation(summary = "Cambia nombre y sigla (administradores y equipo del esquema)")
    SchemeBody rename(@PathVariable long id, @RequestBody SchemeBody body) {
        return SchemeBody.of(schemes.rename(id, body.name(), body.acronym()));
    }
}
