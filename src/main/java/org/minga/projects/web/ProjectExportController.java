package org.minga.projects.web;

import java.io.IOException;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;

import org.minga.platform.web.Audience;
import org.minga.platform.web.Reader;
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

    @GetMapping("/schemes/{schemeId}/exports/projects.xlsx")
    @Operation(summary = "La lista de proyectos (con los mismos filtros) en XLSX")
    void projectsXlsx(@PathVariable long schemeId, @ParameterObject ProjectList.Filters filters,
            HttpServletResponse response) throws IOException {
        Exports.xlsx(response, "proyectos.xlsx");
        sheets.projectsXlsx(schemeId, filters, response.getOutputStream());
    }

    @GetMapping("/schemes/{schemeId}/exports/projects.csv")
    @Operation(summary = "La lista de proyectos (con los mismos filtros) en CSV UTF-8")
    void projectsCsv(@PathVariable long schemeId, @ParameterObject ProjectList.Filters filters,
            HttpServletResponse response) throws IOException {
        Exports.csv(response, "proyectos.csv");
        sheets.projectsCsv(schemeId, filters, response.getOutputStream());
    }

    @GetMapping("/schemes/{schemeId}/exports/needs.xlsx")
    @Operation(summary = "Las necesidades de inversión en XLSX")
    void needsXlsx(@PathVariable long schemeId, @RequestParam(required = false) String status,
            @RequestParam(required = false) String unit, HttpServletResponse response) throws IOException {
        Exports.xlsx(response, "necesidades.xlsx");
        sheets.needsXlsx(schemeId, status, unit, response.getOutputStream());
    }

    @GetMapping("/schemes/{schemeId}/exports/needs.csv")
    @Operation(summary = "Las necesidades de inversión en CSV UTF-8")
    void needsCsv(@PathVariable long schemeId, @RequestParam(required = false) String status,
            @RequestParam(required = false) String unit, HttpServletResponse response) throws IOException {
        Exports.csv(response, "necesidades.csv");
        sheets.needsCsv(schemeId, status, unit, response.getOutputStream());
    }
}
