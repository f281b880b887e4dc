package org.minga.registry.web;

import org.minga.platform.Zones;

import org.minga.platform.web.Audience;
import org.minga.platform.web.Reader;

import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.minga.registry.internal.LegalRuleAdministration;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@Audience(Reader.ACCOUNT)
@RestController
@Tag(name = "Registro de esquemas")
record LegalRuleApiController(LegalRuleAdministration administration, Zones zones) {

    @GetMapping("/api/v1/registry/legal-figures")
    @Operation(summary = "Las figuras asociativas de un país con las reglas vigentes en la fecha")
    List<LegalRuleAdministration.FigureRules> figures(@RequestParam String country,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate at) {
        return administration.inForce(country, at == null ? zones.today() : at);
    }

    @Audience(Reader.PLATFORM_ADMIN)
    @PostMapping("/api/v1/registry/legal-rules")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Agrega una versión de una regla, vigente desde una fecha (administradores)",
            description = "parameter: MIN_MEMBERS un número; MEMBER_LEVEL niveles separados por coma; OFF deroga la regla.")
    void add(@RequestBody LegalRuleAdministration.NewVersion version) {
        administration.add(version);
    }
}
