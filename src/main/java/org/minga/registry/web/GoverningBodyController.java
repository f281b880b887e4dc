package org.minga.registry.web;

import org.minga.platform.web.Audience;
import org.minga.platform.web.Reader;

import org.minga.platform.InvalidInputException;
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
class GoverningBodyController {

    private final GoverningBodies bodies;
    private final SchemeController schemePage;

    GoverningBodyController(GoverningBodies bodies, SchemeController schemePage) {
        this.bodies = bodies;
        this.schemePage = schemePage;
    }

    @PostMapping("/bodies")
    String create(@PathVariable long id, @ModelAttribute("bodyForm") BodyForm form, BindingResult result, Model model,
            RedirectAttributes redirect) {
        try {
            bodies.create(id, form.getKind(), form.getName());
            redirect.addFlashAttribute("notice", "body.created");
            return "redirect:/registry/schemes/" + id;
        } catch (InvalidInputException e) {
            Forms.reject(result, e);
        }
        return schemePage.show(id, model);
    }

    @PostMapping("/seats")
    String addSeat(@PathVariable long id, @ModelAttribute("seatForm") SeatForm form, BindingResult result, Model model,
            RedirectAttributes redirect) {
        if (form.getBodyId() == null && !result.hasFieldErrors("bodyId")) {
            result.rejectValue("bodyId", "seat.body.required", "Required");
        }
        if (!result.hasErrors()) {
            try {
                bodies.addSeat(id, form.getBodyId(), new GoverningBodies.NewSeat(form.getPersonName(), form.getRole(),
                        form.getUnitCode(), form.getTermStart(), form.getTermEnd()));
                redirect.addFlashAttribute("notice", "seat.added");
                return "redirect:/registry/schemes/" + id;
            } catch (InvalidInputException e) {
                Forms.reject(result, e);
            }
        }
        return schemePage.show(id, model);
    }
}
