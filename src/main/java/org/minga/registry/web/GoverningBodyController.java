package org.minga.registry.web;

import java.time.LocalDate;

import org.minga.platform.web.Audience;
import org.minga.platform.web.Forms;
import org.minga.platform.web.Reader;
import org.minga.registry.internal.GoverningBodies;
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

/** Creating governing bodies, adding seats and ending them from the scheme page; a refusal re-renders that page. */
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

    /** The person leaves the seat on a date (resignation, end of office); a refusal is said above the bodies. */
    @PostMapping("/bodies/{bodyId}/seats/{seatId}/end")
    String endSeat(@PathVariable long id, @PathVariable long bodyId, @PathVariable long seatId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate endedOn,
            Model model, RedirectAttributes redirect) {
        return Forms.act(model, "seatEndError", () -> {
            bodies.endSeat(id, bodyId, seatId, endedOn);
            return SchemePage.saved(id, redirect, "seat.ended");
        }, () -> schemePage.show(id, model));
    }
}
