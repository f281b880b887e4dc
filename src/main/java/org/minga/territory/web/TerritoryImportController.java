package org.minga.territory.web;

import org.minga.platform.web.Audience;
import org.minga.platform.web.Reader;

import java.io.IOException;
import java.util.UUID;

import org.minga.platform.InvalidInputException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

import org.minga.territory.internal.TerritoryImports;

/** The admin page to upload a boundary or attributes file; the job page then shows its progress. */
@Audience(Reader.PLATFORM_ADMIN)
@Controller
class TerritoryImportController {

    private final TerritoryImports imports;

    TerritoryImportController(TerritoryImports imports) {
        this.imports = imports;
    }

    @GetMapping("/admin/territory/imports")
    String form(Model model) {
        return page(model);
    }

    private String page(Model model) {
        model.addAttribute("reference", imports.referenceLoad().orElse(null));
        return "territory/import";
    }

    @PostMapping("/admin/territory/imports")
    String upload(@RequestParam(required = false) MultipartFile file, @RequestParam(required = false) String source,
            @RequestParam(required = false) String country, Model model) throws IOException {
        try {
            UUID job = imports.submit(source, country, file == null ? null : file.getOriginalFilename(),
                    file == null ? null : file.getBytes());
            return "redirect:/jobs/" + job;
        } catch (InvalidInputException e) {
            model.addAttribute("errorKey", e.violations().getFirst().messageKey());
            model.addAttribute("source", source);
            return page(model);
        }
    }
}
