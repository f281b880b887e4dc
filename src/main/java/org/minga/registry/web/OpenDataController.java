package org.minga.registry.web;

import org.minga.platform.Zones;

import org.minga.platform.web.Audience;
import org.minga.platform.web.Reader;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.minga.registry.internal.OpenData;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The register as open data, readable without an account (the register is public by law). */
@Audience(Reader.PUBLIC)
@RestController
@RequestMapping("/api/v1/registry/open-data")
@Tag(name = "Datos abiertos del registro")
class OpenDataController {

    private static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);
    private static final MediaType GEOJSON = new MediaType("application", "geo+json");
    private final OpenData openData;
    private final Zones zones;

    OpenDataController(OpenData openData, Zones zones) {
        this.zones = zones;
        this.openData = openData;
    }

    interface Export {
        void write(LocalDate at, Writer out) throws IOException;
    }

    @GetMapping("/schemes.csv")
    @Operation(summary = "Todos los esquemas, CSV (UTF-8)")
    void schemesCsv(@RequestParam(required = false) LocalDate at, HttpServletResponse response) throws IOException {
        file(response, "esquemas", ".csv", CSV, at, openData::schemesCsv);
    }

    @GetMapping("/schemes.geojson")
    @Operation(summary = "Todos los esquemas con su perímetro (unión de los límites de sus miembros), GeoJSON")
    void schemesGeoJson(@RequestParam(required = false) LocalDate at, HttpServletResponse response) throws IOException {
        file(response, "esquemas", ".geojson", GEOJSON, at, openData::schemesGeoJson);
    }

    @GetMapping("/memberships.csv")
    @Operation(summary = "Las membresías vigentes en una fecha (hoy si se omite), CSV")
    void membershipsCsv(@RequestParam(required = false) LocalDate at, HttpServletResponse response) throws IOException {
        file(response, "membresias", ".csv", CSV, at, openData::membershipsCsv);
    }

    @GetMapping("/memberships.geojson")
    @Operation(summary = "Las membresías vigentes en una fecha con el límite de cada miembro, GeoJSON")
    void membershipsGeoJson(@RequestParam(required = false) LocalDate at, HttpServletResponse response) throws IOException {
        file(response, "membresias", ".geojson", GEOJSON, at, openData::membershipsGeoJson);
    }

    // The date reads as ISO or d/M/yyyy (the platform's one date parser for query parameters).

    /** Written straight to the response (not async): a large register streams out without a time limit. */
    private void file(HttpServletResponse response, String name, String extension, MediaType type,
            LocalDate at, Export export) throws IOException {
        LocalDate date = at == null ? zones.today() : at;
        response.setContentType(type.toString());
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
                "attachment; filename=\"" + name + "-" + date + extension + "\"");
        Writer writer = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
        export.write(date, writer);
        writer.flush();
    }
}
