package org.minga.registry.web;

import java.time.LocalDate;

import org.minga.platform.web.Audience;
import org.minga.platform.web.Reader;
import org.minga.registry.internal.Registrations;
import org.minga.registry.internal.Regularisations;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * From the scheme page: its registration with the national register, and the guided step that puts a
 * Salvadoran municipality in place of its districts; a refusal re-renders the page with the message.
 */
@Audience(Reader.SCHEME)
@Controller
@RequestMapping("/registry/schemes/{id}")
record RegistrationController(Registrations registrations, Regularisations regularisations, SchemePage page) {

    @PostMapping("/registrations")
    String record(@PathVariable long id, @ModelAttribute("registrationForm") RegistrationForm form,
            BindingResult result, Model model, RedirectAttributes redirect) {
        return page.submit(id, result, model, redirect, "registry/registration :: registration-form",
                "registration.recorded", () -> registrations.record(id, form.input()));
    }

    @PostMapping("/regularisations/{code}")
    String regularise(@PathVariable long id, @PathVariable String code,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on,
            @ModelAttribute("regulariseForm") RegulariseForm form, BindingResult result, Model model,
            RedirectAttributes redirect) {
        return page.submit(id, result, model, redirect, "registry/registration :: regularise",
                "registry.regularised", () -> regularisations.regularise(id, code, on));
    }

    /** Holds the refused step's errors for the page (the date arrives as a request parameter). */
    record RegulariseForm(String code) {
    }
}
