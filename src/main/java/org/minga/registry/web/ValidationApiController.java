package org.minga.registry.web;

import org.minga.platform.web.Audience;
import org.minga.platform.web.Reader;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.minga.registry.internal.SchemeValidator;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@Audience(Reader.TEAM)
@RestController
@Tag(name = "Registro de esquemas")
record ValidationApiController(SchemeValidator validator) {

    @PostMapping("/api/v1/registry/validations")
    @Operation(summary = "Valida miembros contra las reglas de una figura asociativa vigentes en una fecha",
            description = "Cuerpo: {country, figure, members: [códigos], core, at, competences: [códigos, opcional], scheme: id del "
                    + "esquema que se revisa (opcional), memberSchemes: [ids, para asociaciones de áreas metropolitanas]}. Responde {valid, findings: "
                    + "[{rule, severity, message, reference}]}; valid es falso si hay algún ERROR.")
    SchemeValidator.Result validate(@RequestBody SchemeValidator.Request request) {
        return validator.validate(request);
    }
}
