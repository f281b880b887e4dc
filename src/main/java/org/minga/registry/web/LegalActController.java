package org.minga.registry.web;

import org.minga.platform.web.Audience;
import org.minga.platform.web.Reader;

import org.minga.registry.internal.LegalActs;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Recording a legal act from the scheme page, and reading its PDF; a refusal re-renders that page. */
@Audience(Reader.SCHEME)
@Controller
@RequestMapping("/registry/schemes/{id}/acts")
record LegalActController(LegalActs acts, SchemePage schemePage, UnitFields units) {

    @PostMapping
    String record(@PathVariable long id, @ModelAttribute("actForm") ActForm form, BindingResult result, Model model,
            RedirectAttributes redirect) {
        return schemePage.submit(id, result, model, redirect, "registry/acts :: act-form", "act.recorded",
                () -> acts.record(id, form.withUnitCode(units.code(id, "unitCode", form.unitCode(), form.issuedOn()))
                        .input(), ActDocuments.upload(form.document())));
    }

    @Audience(Reader.ACCOUNT)
    @GetMapping("/{actId}/document")
    ResponseEntity<byte[]> document(@PathVariable long id, @PathVariable long actId) {
        return ActDocuments.inline(acts.document(id, actId));
    }
}
