package org.minga.registry.web;

import org.minga.platform.web.Audience;
import org.minga.platform.web.Forms;
import org.minga.platform.web.Reader;
import org.minga.registry.internal.Competences;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The competences a scheme takes on, from its page. */
@Audience(Reader.SCHEME)
@Controller
@RequestMapping("/registry/schemes/{id}/competences")
class CompetenceController {

    private final Competences competences;
    private final SchemePage page;

    CompetenceController(Competences competences, SchemePage page) {
        this.competences = competences;
        this.page = page;
    }

    @PostMapping
    String add(@PathVariable long id, @ModelAttribute("competenceForm") SchemeForms.Competence form,
            BindingResult result, Model model, RedirectAttributes redirect) {
        return Forms.submit(result, () -> {
            competences.add(id, form.getCompetence(), form.getAddedOn(), form.getAct());
            return MembershipController.saved(id, redirect, "scheme.competence.added");
        }, () -> page.form(id, model, "registry/scheme :: competence-form"));
    }
}
