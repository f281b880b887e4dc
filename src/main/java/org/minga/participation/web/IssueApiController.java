package org.minga.participation.web;

import org.minga.platform.web.Audience;
import org.minga.platform.web.Reader;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.minga.participation.internal.TerritorialIssues;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@Audience(Reader.ACCOUNT)
@RestController
@Tag(name = "Participación")
record IssueApiController(TerritorialIssues issues) {

    record IssueRequest(String theme, String title, String description, Double lat, Double lon,
            Map<String, Object> geometry, Boolean consent, Boolean reserved) {
    }

    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping("/api/v1/participation/schemes/{schemeId}/issues")
    @Operation(summary = "Reporta una problemática territorial (queda por revisar hasta que el equipo la publique)",
            description = "Cuerpo: {theme, title, description, lat y lon, o geometry (Point o Polygon GeoJSON en WGS 84), "
                    + "consent (obligatorio para ciudadanos), reserved (opcional: solo la ve el equipo, nunca se publica)}. Las unidades afectadas se calculan del lugar. Responde 201 "
                    + "con {id}; reportan los ciudadanos registrados y el equipo del esquema.")
    ResponseEntity<Map<String, Object>> report(@PathVariable long schemeId, @RequestBody IssueRequest request) {
        String geometry = request.geometry() == null ? null
                : new tools.jackson.databind.ObjectMapper().writeValueAsString(request.geometry());
        long id = issues.report(new TerritorialIssues.Report(schemeId, request.theme(), request.title(),
                request.description(), request.lat(), request.lon(), geometry, Boolean.TRUE.equals(request.consent()),
                List.of(), Boolean.TRUE.equals(request.reserved())));
        return ResponseEntity.created(URI.create("/public/participation/issues/" + id)).body(Map.of("id", id,
                "moderation", "SUBMITTED"));
    }
}
