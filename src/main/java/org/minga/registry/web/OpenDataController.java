package org.minga.registry.web;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;

import org.minga.platform.Zones;
import org.minga.platform.web.Audience;
import org.minga.platform.web.Reader;
import org.minga.registry.internal.OpenData;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The register as open data, readable without an account (the register is public by law). */
@Audience(Reader.PUBLIC)
@RestController
@RequestMapping("/api/v1/registry/open-data")
@Tag(name = "Datos abiertos del registro")
record OpenDataController(OpenData openData, Zones zones) {

    private static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);
    private static final MediaType GEOJSON = new MediaType("application", "geo+json");

    interface Export {
        void write(LocalDate at, Writer out) throws IOException;
    }

    /** A file of the register: its name in Spanish and how it is written. */
    private record Dataset(String name, Export export) {
    }

    /** The path pattern admits only these five files. */
    private Dataset dataset(String file) {
        return switch (file) {
            case "schemes.csv" -> new Dataset("esquemas", openData::schemesCsv);
            case "schemes.geojson" -> new Dataset("esquemas", openData::schemesGeoJson);
            case "memberships.csv" -> new Dataset("membresias", openData::membershipsCsv);
            case "memberships.geojson" -> new Dataset("membresias", openData::membershipsGeoJson);
            case "acts.csv" -> new Dataset("actos", openData::actsCsv);
            default -> throw new IllegalArgumentException(file);
        };
    }

    /**
     * Written straight to the response (not async): a large register streams out without a time
     * limit.
     */
    @GetMapping({"/{dataset:schemes|memberships}.{format:csv|geojson}", "/{dataset:acts}.{format:csv}"})
    @Operation(summary = "El registro como datos abiertos en una fecha (hoy si se omite): schemes.csv (todos los "
            + "esquemas, UTF-8), schemes.geojson (con su perímetro, la unión de los límites de sus miembros), "
            + "memberships.csv (las membresías vigentes), memberships.geojson (con el límite de cada miembro), acts.csv (los actos expedidos hasta la fecha, sin "
            + "datos personales)")
    void file(@Parameter(description = "schemes, memberships o acts") @PathVariable String dataset,
            @Parameter(description = "csv o geojson") @PathVariable String format,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate at,
            HttpServletResponse response) throws IOException {
        Dataset file = dataset(dataset + "." + format);
        LocalDate date = at == null ? zones.today() : at;
        response.setContentType((format.equals("csv") ? CSV : GEOJSON).toString());
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
                "attachment; filename=\"" + file.name() + "-" + date + "." + format + "\"");
        Writer writer = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
        file.export().write(date, writer);
        writer.flush();
    }
}
