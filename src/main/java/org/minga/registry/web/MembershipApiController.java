package org.minga.registry.web;

import org.minga.platform.Zones;

import org.minga.platform.web.Audience;
import org.minga.platform.web.Reader;

import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.minga.registry.internal.Memberships;
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
record MembershipApiController(Memberships memberships, Zones zones) {

    record LeaveBody(LocalDate leftOn) {
    }

    @Audience(Reader.ACCOUNT)
    @GetMapping("/members")
    @Operation(summary = "Los miembros en una fecha (hoy si se omite), cada uno como era su unidad ese día")
    List<Memberships.Member> members(@PathVariable long id,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate at) {
        return memberships.on(id, at == null ? zones.today() : at);
    }

    @PostMapping("/members")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Un miembro ingresa en una fecha (administradores y equipo del esquema)")
    void join(@PathVariable long id, @RequestBody Memberships.Joining body) {
        memberships.join(id, body);
    }

    @PostMapping("/members/{code}/leave")
    @Operation(summary = "Un miembro se retira en una fecha (code: código de la unidad, o esquema-ID)")
    void leave(@PathVariable long id, @PathVariable String code, @RequestBody LeaveBody body) {
        memberships.leave(id, code, body.leftOn());
    }

    @Audience(Reader.ACCOUNT)
    @GetMapping("/timeline")
    @Operation(summary = "La historia fechada del esquema, de lo más reciente a lo más antiguo")
    List<org.minga.registry.internal.SchemeEvents.Event> timeline(@PathVariable long id) {
        return memberships.timeline(id);
    }
}
