package org.minga.projects.web;

import java.io.IOException;
import java.time.LocalDate;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;

import org.minga.platform.Zones;
import org.minga.platform.web.Audience;
import org.minga.platform.web.Reader;
import org.minga.projects.internal.ProjectOpenData;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** The project bank as open data for anyone (every project already has a public page). */
@Audience(Reader.PUBLIC)
@RestController
@Tag(name = "Datos abiertos de proyectos")
record ProjectOpenDataController(ProjectOpenData openData, Zones zones) {

    @GetMapping("/api/v1/open-data/projects.csv")
    @Operation(summary = "Los proyectos registrados hasta la fecha (hoy si se omite), con su página pública")
    void projectsCsv(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate at,
            HttpServletResponse response) throws IOException {
        LocalDate date = date(at);
        open(response, "text/csv; charset=UTF-8", "proyectos-" + date + ".csv");
        openData.projectsCsv(date, base(), response.getOutputStream());
    }

    @GetMapping("/api/v1/open-data/projects.geojson")
    @Operation(summary = "Los proyectos con ubicación, como GeoJSON")
    void projectsGeoJson(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate at,
            HttpServletResponse response) throws IOException {
        LocalDate date = date(at);
        open(response, "application/geo+json", "proyectos-" + date + ".geojson");
        openData.projectsGeoJson(date, base(), response.getOutputStream());
    }

    @GetMapping("/api/v1/open-data/financing.csv")
    @Operation(summary = "La cofinanciación comprometida hasta la fecha: fuente, entidad, monto, desembolsado")
    void financingCsv(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate at,
            HttpServletResponse response) throws IOException {
        LocalDate date = date(at);
        open(response, "text/csv; charset=UTF-8", "cofinanciacion-" + date + ".csv");
        openData.financingCsv(date, response.getOutputStream());
    }

    @GetMapping("/api/v1/open-data/projects.ocds.json")
    @Operation(summary = "Proyectos y su cofinanciación como paquete de entregas OCDS 1.1 (entregas de planeación: "
            + "el banco no registra contratos)")
    void ocds(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate at,
            HttpServletResponse response) throws IOException {
        LocalDate date = date(at);
        open(response, "application/json", "proyectos-ocds-" + date + ".json");
        openData.ocds(date, base(), response.getOutputStream());
    }

    private LocalDate date(LocalDate at) {
        return at == null ? zones.today() : at;
    }

    private static void open(HttpServletResponse response, String type, String file) {
        response.setContentType(type);
        response.setHeader("Content-Disposition", "attachment; filename=\"" + file + "\"");
    }

    private static String base() {
        return ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
    }
}
