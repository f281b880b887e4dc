package org.minga.registry.web;

import org.minga.platform.web.Audience;
import org.minga.platform.web.Reader;

import org.minga.platform.web.Forms;
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
        return Forms.submit(result, () -> {
            bodies.create(id, form.getKind(), form.getName());
            return MembershipController.saved(id, redirect, "body.created");
        }, () -> schemePage.form(id, model, "registry/bodies :: body-form"));
    }

    @PostMapping("/seats")
    String addSeat(@PathVariable long id, @ModelAttribute("seatForm") SeatForm form, BindingResult result, Model model,
            RedirectAttributes redirect) {
        if (form.getBodyId() == null && !result.hasFieldErrors("bodyId")) {
            result.rejectValue("bodyId", "seat.body.required", "Required");
        }
        return Forms.submit(result, () -> {
            bodies.addSeat(id, form.getBodyId(), new GoverningBodies.NewSeat(form.getPersonName(), form.getRole(),
                    form.getUnitCode(), form.getTermStart(), form.getTermEnd()));
            return MembershipController.saved(id, redirect, "seat.added");
        }, () -> schemePage.form(id, model, "registry/bodies :: seat-form"));
    }
}
