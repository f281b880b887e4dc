package org.minga.registry.web;

import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.minga.platform.Zones;
import org.minga.platform.web.Audience;
import org.minga.platform.web.Reader;
import org.minga.registry.internal.Registrations;
import org.minga.registry.internal.Regularisations;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
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
record RegistrationApiController(Registrations registrations, Regularisations regularisations, Zones zones) {

    /** A registration and the documents the register asks for, on its date. */
    record Registered(Registrations.RecordedRegistration registration,
            List<Registrations.RequiredDocument> documents) {
    }

    record RegulariseBody(LocalDate on) {
    }

    @Audience(Reader.ACCOUNT)
    @GetMapping("/registrations")
    @Operation(summary = "Los registros del esquema ante la autoridad nacional, del más reciente al más antiguo")
    List<Registrations.RecordedRegistration> list(@PathVariable long id) {
        return registrations.of(id);
    }

    @PostMapping("/registrations")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Registra el número y la fecha de inscripción del esquema ante la autoridad nacional "
            + "(administradores y equipo del esquema)")
    Registered record(@PathVariable long id, @RequestBody Registrations.NewRegistration body) {
        Registrations.RecordedRegistration saved = registrations.record(id, body);
        return new Registered(saved, registrations.documents(id, saved.registeredOn()));
    }

    @Audience(Reader.ACCOUNT)
    @GetMapping("/registrations/documents")
    @Operation(summary = "Los documentos que pide el registro en una fecha (hoy si se omite) y si constan")
    List<Registrations.RequiredDocument> documents(@PathVariable long id,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate at) {
        return registrations.documents(id, at == null ? zones.today() : at);
    }

    @GetMapping("/regularisations")
    @Operation(summary = "El Salvador: miembros que son distritos desde el 1 de mayo de 2024, por municipio")
    List<Regularisations.PendingRegularisation> pending(@PathVariable long id,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate at) {
        return regularisations.pending(id, at == null ? zones.today() : at);
    }

    @PostMapping("/regularisations/{code}")
    @Operation(summary = "El municipio (code) ingresa en una fecha con su acuerdo del concejo y sus distritos se "
            + "retiran el día anterior (administradores y equipo del esquema)")
    void regularise(@PathVariable long id, @PathVariable String code, @RequestBody RegulariseBody body) {
        regularisations.regularise(id, code, body.on());
    }
}
