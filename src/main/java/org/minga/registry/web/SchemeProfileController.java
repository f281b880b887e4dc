package org.minga.registry.web;

import org.minga.platform.web.Audience;
import org.minga.platform.web.Reader;
import org.minga.registry.Schemes;
import org.minga.registry.internal.Competences;
import org.minga.registry.internal.SchemeDirectoryEntries;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The scheme itself from its page: its profile (name, seat, purposes, lines, contacts), its status
 * and the competences it takes on.
 */
@Audience(Reader.SCHEME)
@Controller
@RequestMapping("/registry/schemes/{id}")
record SchemeProfileController(Schemes schemes, SchemeDirectoryEntries entries, Competences competences,
        SchemePage page, UnitFields units) {

    @PostMapping
    String edit(@PathVariable long id, @ModelAttribute("form") SchemeForms.Profile form, BindingResult result,
            Model model, RedirectAttributes redirect) {
        return page.submit(id, result, model, redirect, "registry/scheme :: profile-form", "scheme.updated",
                () -> {
                    form.setSeatUnitCode(units.code(id, "seatUnitCode", form.getSeatUnitCode(), null));
                    entries.edit(id, form.getName(), form.getAcronym(), form.profile(), form.strategicLineList(),
                            form.contactList());
                });
    }

    /** Through the register's one door for status: the law's rules are checked before constitution. */
    @PostMapping("/status")
    String changeStatus(@PathVariable long id, @ModelAttribute("statusForm") SchemeForms.Status form,
            BindingResult result, Model model, RedirectAttributes redirect) {
        return page.submit(id, result, model, redirect, "registry/scheme :: status-form", "scheme.status.changed",
                () -> schemes.changeStatus(id, form.getStatus(), form.getOn(), form.getNote()));
    }

    @PostMapping("/competences")
    String addCompetence(@PathVariable long id, @ModelAttribute("competenceForm") SchemeForms.Competence form,
            BindingResult result, Model model, RedirectAttributes redirect) {
        return page.submit(id, result, model, redirect, "registry/scheme :: competence-form",
                "scheme.competence.added",
                () -> competences.add(id, form.getCompetence(), form.getAddedOn(), form.getAct()));
    }
}
