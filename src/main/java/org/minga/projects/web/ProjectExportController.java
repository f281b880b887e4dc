package org.minga.projects.web;

import java.io.IOException;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;

import org.minga.platform.web.Audience;
import org.minga.platform.web.Reader;
import org.minga.platform.web.TableDownloads;
import org.minga.projects.internal.ProjectList;
import org.minga.projects.internal.Spreadsheets;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The project bank's downloads, once: the pages link to {@code /projects/…/exports/…} and the API
 * publishes {@code /api/v1/projects/…/exports/…}, the same handlers.
 */
@Audience(Reader.SCHEME)
@Controller
@RequestMapping({"/projects", "/api/v1/projects"})
@Tag(name = "Banco de proyectos")
record ProjectExportController(Spreadsheets sheets) {

    @GetMapping("/schemes/{schemeId}/exports/projects.{format:xlsx|csv}")
    @Operation(summary = "La lista de proyectos (con los mismos filtros) en XLSX o CSV UTF-8")
    void projects(@PathVariable long schemeId, @PathVariable String format,
            @ParameterObject ProjectList.Filters filters, HttpServletResponse response) throws IOException {
        sheets.projects(schemeId, filters,
                (sheet, headers) -> TableDownloads.open(response, format, "proyectos", sheet, headers));
    }

    @GetMapping("/schemes/{schemeId}/exports/needs.{format:xlsx|csv}")
    @Operation(summary = "Las necesidades de inversión en XLSX o CSV UTF-8")
    void needs(@PathVariable long schemeId, @PathVariable String format,
            @RequestParam(required = false) String status, @RequestParam(required = false) String unit,
            HttpServletResponse response) throws IOException {
        sheets.needs(schemeId, status, unit,
                (sheet, headers) -> TableDownloads.open(response, format, "necesidades", sheet, headers));
    }
}
