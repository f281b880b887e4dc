package org.minga.observatory.web;

import java.time.LocalDate;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.minga.observatory.internal.Figures;
import org.minga.observatory.internal.Observatory;
import org.minga.platform.Zones;
import org.minga.platform.web.Audience;
import org.minga.platform.web.Reader;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The observatory's figures for anyone, without an account: the register is public by law. */
@Audience(Reader.PUBLIC)
@RestController
@Tag(name = "Observatorio")
record ObservatoryApiController(Observatory observatory, Zones zones) {

    @GetMapping("/api/v1/public/observatory")
    @Operation(summary = "La asociatividad de un país en una fecha (hoy si se omite): esquemas por figura, estado y "
            + "departamento, municipios en al menos un esquema y en varios, miembros por esquema, fundados y "
            + "liquidados por año, competencias, inversión comprometida por sector y por fuente")
    Figures figures(@Parameter(description = "CO o SV") @RequestParam(defaultValue = "CO") String country,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate at) {
        return observatory.figures(country, at == null ? today(country) : at);
    }

    private LocalDate today(String country) {
        return Observatory.COUNTRIES.contains(country) ? zones.today(country) : zones.today();
    }
}
