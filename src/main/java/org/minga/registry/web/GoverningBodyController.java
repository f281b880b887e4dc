package org.minga.registry.web;

import org.minga.platform.web.Audience;
import org.minga.platform.web.Reader;

import org.minga.registry.internal.GoverningBodies;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Creating governing bodies and adding seats from the scheme page; a refusal re-renders that page. */
@Audience(Reader.SCHEME)
@Controller
@RequestMapping("/registry/schemes/{id}")
record GoverningBodyController(GoverningBodies bodies, SchemePage schemePage) {

    @PostMapping("/bodies")
    String create(@PathVariable long id, @ModelAttribute("bodyForm") BodyForm form, BindingResult result, Model model,
            RedirectAttributes redirect) {
        return schemePage.submit(id, result, model, redirect, "registry/bodies :: body-form", "body.created",
                () -> bodies.create(id, form.kind(), form.name()));
    }

    @PostMapping("/seats")
    String addSeat(@PathVariable long id, @ModelAttribute("seatForm") SeatForm form, BindingResult result, Model model,
            RedirectAttributes redirect) {
        if (form.bodyId() == null && !result.hasFieldErrors("bodyId")) {
            result.rejectValue("bodyId", "seat.body.required", "Required");
        }
        return schemePage.submit(id, result, model, redirect, "registry/bodies :: seat-form", "seat.added",
                () -> bodies.addSeat(id, form.bodyId(), form.input()));
    }
}
