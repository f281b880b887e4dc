package org.minga.projects.web.calls;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import io.swagger.v3.oas.annotations.tags.Tag;

import org.minga.platform.web.Audience;
import org.minga.platform.web.Reader;
import org.minga.projects.internal.calls.CooperationMatrix;
import org.minga.projects.internal.calls.MatrixExport;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The cooperation matrix's downloads, once: the matrix page links to {@code /projects/cooperation/…}
 * and the API publishes {@code /api/v1/projects/cooperation/…}, the same handlers.
 */
@Audience(Reader.TEAM)
@RestController
@RequestMapping({"/projects/cooperation", "/api/v1/projects/cooperation"})
@Tag(name = "Cooperantes")
record CooperationExportController(CooperationMatrix matrix, MatrixExport export) {

    private static final MediaType XLSX = MediaType
            .parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    @GetMapping("/matrix.xlsx")
    ResponseEntity<byte[]> xlsx(@RequestParam(required = false) Long schemeId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate at) {
        return file(export.xlsx(matrix.matrix(schemeId, at)), XLSX, "matriz-cooperacion.xlsx");
    }

    @GetMapping("/matrix.csv")
    ResponseEntity<byte[]> csv(@RequestParam(required = false) Long schemeId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate at) {
        return file(export.csv(matrix.matrix(schemeId, at)), new MediaType("text", "csv", StandardCharsets.UTF_8),
                "matriz-cooperacion.csv");
    }

    private static ResponseEntity<byte[]> file(byte[] body, MediaType type, String name) {
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "\"").body(body);
    }
}
