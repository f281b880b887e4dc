package org.minga.territory.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import org.minga.platform.web.Audience;
import org.minga.platform.web.Forms;
import org.minga.platform.web.Option;
import org.minga.platform.web.Reader;
import org.minga.territory.internal.TerritoryImports;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.multipart.MultipartFile;

/** The admin page to upload a boundary or attributes file; the job page then shows its progress. */
@Audience(Reader.PLATFORM_ADMIN)
@Controller
record TerritoryImportController(TerritoryImports imports) {

    /** The upload as the page posts it: what the file is, for which country, and the file. */
    record ImportForm(String source, String country, MultipartFile file) {
    }

    @ModelAttribute("sources")
    List<Option> sources() {
        return Option.of(imports.sources(), s -> s, s -> s);
    }

    @ModelAttribute("countries")
    List<Option> countries() {
        return Option.of(List.of("CO", "SV"), c -> c, c -> c);
    }

    @GetMapping("/admin/territory/imports")
    String form(Model model) {
        model.mergeAttributes(java.util.Map.of("importForm", new ImportForm(null, "CO", null)));
        model.addAttribute("reference", imports.referenceLoad().orElse(null));
        return "territory/import";
    }

    @PostMapping("/admin/territory/imports")
    String upload(@ModelAttribute("importForm") ImportForm form, BindingResult result, Model model) {
        MultipartFile file = form.file();
        return Forms.submit(result, () -> "redirect:/jobs/" + imports.submit(form.source(), form.country(),
                file == null ? null : file.getOriginalFilename(), file == null ? null : bytes(file)),
                () -> form(model));
    }

    private static byte[] bytes(MultipartFile file) {
        try {
            return file.getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
