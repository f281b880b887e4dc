package org.minga.territory.web;

import org.minga.platform.web.Audience;
import org.minga.platform.web.Reader;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.minga.platform.Zones;
import org.minga.territory.Level;
import org.minga.territory.TerritorialUnit;
import org.minga.territory.internal.TerritoryImports;
import org.minga.territory.internal.TerritoryQueries;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** The territory, each answer "as of" {@code at} (today when omitted). */
@Audience(Reader.ACCOUNT)
@RestController
@RequestMapping("/api/v1/territory")
@Tag(name = "Territorio")
record TerritoryApiController(TerritoryQueries queries, TerritoryImports imports, Zones zones) {

    @Audience(Reader.PLATFORM_ADMIN)
    @ResponseStatus(HttpStatus.ACCEPTED)
    @PostMapping(value = "/imports", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Importa un archivo de límites o de atributos como trabajo (administradores)",
            description = "source: CO_DANE_MGN_DEPARTAMENTOS | CO_DANE_MGN_MUNICIPIOS | SV_DISTRITOS_2024 | "
                    + "ATTRIBUTES_CSV (CSV code,year,attribute,value; country CO o SV). Devuelve el jobId; el "
                    + "progreso en GET /api/v1/jobs/{id}.")
    Map<String, UUID> importFile(@RequestPart("file") MultipartFile file,
            @RequestParam String source, @RequestParam(required = false) String country) throws IOException {
        return Map.of("jobId", imports.submit(source, country, file.getOriginalFilename(), file.getBytes()));
    }

    @GetMapping("/units")
    @Operation(summary = "Unidades vigentes en la fecha, paginadas; q busca por nombre sin tildes")
    TerritoryQueries.Page units(@RequestParam(required = false) String country,
            @RequestParam(required = false) Level level, @RequestParam(required = false) String parent,
            @RequestParam(required = false) String q, @RequestParam(required = false) @DateTimeFormat(
                    iso = DateTimeFormat.ISO.DATE) LocalDate at,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "100") int size) {
        return queries.units(country, level, parent, q, orToday(at), Math.max(page, 0), Math.clamp(size, 1, 1000));
    }

    @GetMapping("/units/{country}/{code}")
    @Operation(summary = "Una unidad en la fecha: datos, padre, historia, atributos por año y vecinos")
    TerritoryQueries.Detail unit(@PathVariable String country, @PathVariable String code,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate at) {
        return queries.detail(country, code, orToday(at));
    }

    @GetMapping("/units/{country}/{code}/neighbours")
    List<TerritoryQueries.NeighbourUnit> neighbours(@PathVariable String country, @PathVariable String code,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate at) {
        queries.unit(country, code, orToday(at));
        return queries.neighbours(country, code, orToday(at));
    }

    @GetMapping("/adjacency")
    @Operation(summary = "Pares de vecinos de un nivel (frontera compartida de longitud positiva), a < b")
    List<TerritoryQueries.Neighbour> adjacency(@RequestParam String country, @RequestParam Level level,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate at) {
        return queries.adjacency(country, level, orToday(at));
    }

    @Audience(Reader.PLATFORM_ADMIN)
    @PostMapping("/adjacency/recompute")
    @Operation(summary = "Recalcula los vecinos de un nivel y devuelve los tiempos (administradores)")
    org.minga.territory.internal.AdjacencyRun recompute(@RequestParam String country, @RequestParam Level level) {
        return imports.recomputeAdjacency(country, level);
    }

    @GetMapping(value = "/geojson", produces = {"application/geo+json", MediaType.APPLICATION_JSON_VALUE})
    @Operation(summary = "GeoJSON de un nivel, de los hijos de una unidad o de una lista de códigos",
            description = "simplify: tolerancia en grados para mapas (p. ej. 0.002), 0 sin simplificar.")
    Map<String, Object> geoJson(@RequestParam String country, @RequestParam(required = false) Level level,
            @RequestParam(required = false) String parent, @RequestParam(required = false) List<String> codes,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate at,
            @RequestParam(defaultValue = "0") double simplify) {
        return queries.geoJson(country, level, parent, codes, orToday(at), Math.clamp(simplify, 0, 0.1));
    }

    @GetMapping("/locate")
    @Operation(summary = "Las unidades que contienen un punto (WGS84), de la más pequeña a la más grande")
    List<TerritorialUnit> locate(@RequestParam double lat, @RequestParam double lon,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate at) {
        return queries.locate(lat, lon, orToday(at));
    }

    private LocalDate orToday(LocalDate at) {
        return at == null ? zones.today() : at;
    }
}
