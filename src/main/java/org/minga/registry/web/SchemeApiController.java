package org.minga.registry.web;

import org.minga.platform.Zones;

import org.minga.platform.web.Audience;
import org.minga.platform.web.Reader;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.minga.registry.Scheme;
import org.minga.registry.Schemes;
import org.minga.registry.internal.Competences;
import org.minga.registry.internal.Register;
import org.minga.registry.internal.SchemeDirectoryEntries;
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
@RequestMapping("/api/v1/registry")
@Tag(name = "Registro de esquemas")
record SchemeApiController(Schemes schemes, Register register, Competences competences, SchemeDirectoryEntries entries,
        Zones zones) {

    record SchemeBody(Long id, String name, String acronym, Scheme.Country country, String figure,
            Scheme.Status status, LocalDate statusSince, Scheme.Profile profile, List<Competences.Held> competences,
            List<String> strategicLines, List<SchemeDirectoryEntries.Contact> contacts) {
    }

    record StatusChange(Scheme.Status status, LocalDate on, String note) {
    }

    record CompetenceChange(String competence, LocalDate addedOn, LocalDate removedOn, String act) {
    }

    @Audience(Reader.ACCOUNT)
    @GetMapping("/schemes")
    @Operation(summary = "El registro público: esquemas por nombre, con filtros y su número de miembros hoy")
    Register.Page list(@RequestParam(required = false) Scheme.Country country,
            @RequestParam(required = false) String figure, @RequestParam(required = false) String department,
            @RequestParam(required = false) Scheme.Status status, @RequestParam(required = false) String competence,
            @RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        return register.page(new Register.Filter(country, figure, department, status, competence, q), zones.today(),
                Math.max(page, 0), Math.clamp(size, 1, 200));
    }

    @Audience(Reader.ACCOUNT)
    @GetMapping("/schemes/{id}")
    @Operation(summary = "Un esquema: perfil, estado, competencias vigentes, líneas estratégicas y contactos")
    SchemeBody get(@PathVariable long id) {
        return body(schemes.get(id));
    }

    @Audience(Reader.PLATFORM_ADMIN)
    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping("/schemes")
    @Operation(summary = "Registra un esquema (administradores de la plataforma)")
    @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "201", description = "Creado")
    ResponseEntity<SchemeBody> create(@RequestBody SchemeBody body) {
        Scheme scheme = schemes.create(body.name(), body.acronym(), body.country(), body.figure());
        return ResponseEntity.created(URI.create("/api/v1/registry/schemes/" + scheme.getId())).body(body(scheme));
    }

    @PutMapping("/schemes/{id}")
    @Operation(summary = "Cambia nombre y sigla (administradores y equipo del esquema)")
    SchemeBody rename(@PathVariable long id, @RequestBody SchemeBody body) {
        return body(schemes.rename(id, body.name(), body.acronym()));
    }

    @PutMapping("/schemes/{id}/profile")
    @Operation(summary = "Fundación, personería jurídica, sede y objeto del esquema")
    SchemeBody describe(@PathVariable long id, @RequestBody Scheme.Profile profile) {
        return body(schemes.describe(id, profile));
    }

    @PostMapping("/schemes/{id}/status")
    @Operation(summary = "Cambia el estado por una transición permitida, en una fecha (queda en la historia)")
    SchemeBody changeStatus(@PathVariable long id, @RequestBody StatusChange change) {
        return body(schemes.changeStatus(id, change.status(), change.on(), change.note()));
    }

    @PutMapping("/schemes/{id}/strategic-lines")
    @Operation(summary = "Reemplaza las líneas estratégicas")
    List<String> strategicLines(@PathVariable long id, @RequestBody List<String> lines) {
        entries.replaceStrategicLines(id, lines);
        return entries.strategicLines(id);
    }

    @PutMapping("/schemes/{id}/contacts")
    @Operation(summary = "Reemplaza los contactos")
    List<SchemeDirectoryEntries.Contact> contacts(@PathVariable long id,
            @RequestBody List<SchemeDirectoryEntries.Contact> contacts) {
        entries.replaceContacts(id, contacts);
        return entries.contacts(id);
    }

    @Audience(Reader.ACCOUNT)
    @GetMapping("/competences")
    @Operation(summary = "La taxonomía de competencias")
    List<Competences.Competence> taxonomy() {
        return competences.taxonomy();
    }

    @Audience(Reader.ACCOUNT)
    @GetMapping("/schemes/{id}/competences")
    @Operation(summary = "Las competencias del esquema en una fecha (hoy si se omite)")
    List<Competences.Held> competences(@PathVariable long id,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate at) {
        schemes.get(id);
        return competences.on(id, at == null ? zones.today() : at);
    }

    @PostMapping("/schemes/{id}/competences")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "El esquema asume una competencia desde una fecha (p. ej. por reforma de estatutos)")
    void addCompetence(@PathVariable long id, @RequestBody CompetenceChange change) {
        competences.add(id, change.competence(), change.addedOn(), change.act());
    }

    @PostMapping("/schemes/{id}/competences/{code}/remove")
    @Operation(summary = "El esquema deja una competencia desde una fecha")
    void removeCompetence(@PathVariable long id, @PathVariable String code, @RequestBody CompetenceChange change) {
        competences.remove(id, code, change.removedOn());
    }

    private SchemeBody body(Scheme s) {
        return new SchemeBody(s.getId(), s.getName(), s.getAcronym(), s.getCountry(), s.getFigure(), s.getStatus(),
                s.getStatusSince(), s.getProfile(), competences.on(s.getId(), zones.today()),
                entries.strategicLines(s.getId()), entries.visibleContacts(s.getId()));
    }
}
