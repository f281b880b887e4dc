package org.minga.participation.web;

import java.io.IOException;
import java.time.LocalDate;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;

import org.minga.participation.internal.AgreementOpenData;
import org.minga.platform.Zones;
import org.minga.platform.web.Audience;
import org.minga.platform.web.Reader;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** CTT agreements and their actions as open data: every agreement already has a public page. */
@Audience(Reader.PUBLIC)
@RestController
@Tag(name = "Datos abiertos de acuerdos")
record AgreementOpenDataController(AgreementOpenData openData, Zones zones) {

    @GetMapping("/api/v1/open-data/agreements.csv")
    @Operation(summary = "Los acuerdos CTT y sus acciones hasta la fecha (hoy si se omite), con el último avance reportado")
    void agreementsCsv(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate at,
            HttpServletResponse response) throws IOException {
        LocalDate date = at == null ? zones.today() : at;
        response.setContentType("text/csv; charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"acuerdos-" + date + ".csv\"");
        openData.actionsCsv(date, ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString(),
                response.getOutputStream());
    }
}
