package org.minga.observatory.web;

import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.minga.observatory.internal.Catalog;
import org.minga.platform.web.Audience;
import org.minga.platform.web.Reader;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** The catalogue of Minga's open data (DCAT-AP, JSON-LD), for national open-data portals to harvest. */
@Audience(Reader.PUBLIC)
@RestController
@Tag(name = "Datos abiertos")
record OpenDataCatalogController(Catalog datasets) {

    private static final MediaType JSON_LD = MediaType.parseMediaType("application/ld+json");

    @GetMapping(value = "/api/v1/open-data/catalog", produces = {"application/ld+json", MediaType.APPLICATION_JSON_VALUE})
    @Operation(summary = "Catálogo DCAT-AP (JSON-LD) de todos los conjuntos de datos públicos: licencia, fecha del "
            + "último cambio de sus datos y direcciones de descarga (CSV, GeoJSON, JSON)")
    ResponseEntity<Map<String, Object>> catalog() {
        String base = ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
        return ResponseEntity.ok().contentType(JSON_LD).body(datasets.jsonLd(base));
    }
}
