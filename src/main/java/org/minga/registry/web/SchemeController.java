package org.minga.registry.web;

import java.time.LocalDate;
import java.util.List;

import org.minga.identity.Scopes;
import org.minga.platform.InvalidInputException;
import org.minga.platform.web.Forms;
import org.minga.registry.Scheme;
import org.minga.registry.Schemes;
import org.minga.registry.internal.LegalRules;
import org.minga.registry.internal.Memberships;
import org.minga.registry.internal.SchemeValidator;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

@Controller
@RequestMapping("/registry/schemes")
class SchemeController {

    static final int PAGE_SIZE = 25;
    private final Schemes schemes;
    private final Scopes scopes;
    private final Memberships memberships;
    private final SchemeValidator validator;
    private final LegalRules figures;
    private final ActsAndBodiesModel actsAndBodies;

    SchemeController(Schemes schemes, Scopes scopes, Memberships memberships, SchemeValidator validator,
            LegalRules figures, ActsAndBodiesModel actsAndBodies) {
        this.actsAndBodies = actsAndBodies;
        this.schemes = schemes;
        this.scopes = scopes;
        this.memberships = memberships;
        this.validator = validator;
        this.figures = figures;
    }

    @GetMapping
    String list(@RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("form", new SchemeForm());
        return listPage(page, model);
    }

    @PostMapping
    String create(@ModelAttribute("form") SchemeForm form, BindingResult result, Model model,
            RedirectAttributes redirect) {
        try {
            Scheme scheme = schemes.create(form.getName(), form.getAcronym(), form.getCountry(), form.getFigure());
            redirect.addFlashAttribute("notice", "scheme.created");
            return "redirect:/registry/schemes/" + scheme.getId();
        } catch (InvalidInputException e) {
            Forms.reject(result, e);
        }
        return listPage(0, model);
    }

    /** One page of schemes by name, and the country choices of the registration form. */
    private String listPage(int page, Model model) {
        var rows = schemes.page(Math.max(page, 0), PAGE_SIZE + 1);
        model.addAttribute("schemes", rows.stream().limit(PAGE_SIZE).toList());
        model.addAttribute("hasNext", rows.size() > PAGE_SIZE);
        model.addAttribute("page", Math.max(page, 0));
        model.addAttribute("countries", Scheme.Country.values());
        model.addAttribute("figures", java.util.stream.Stream.of("CO", "SV").flatMap(c -> figures.figures(c).stream())
                .toList());
        return "registry/schemes";
    }

    @GetMapping("/{id}")
    String show(@PathVariable long id, Model model) {
        Scheme scheme = schemes.get(id);
        model.addAttribute("scheme", scheme);
        model.addAttribute("canEdit", scopes.canWriteScheme(id));
        LocalDate today = LocalDate.now();
        List<Memberships.Member> members = memberships.on(id, today);
        model.addAttribute("members", members);
        model.addAttribute("timeline", memberships.timeline(id));
        actsAndBodies.addTo(model, id);
        if (scheme.getFigure() != null) {
            model.addAttribute("figure", figures.figure(scheme.getCountry().name(), scheme.getFigure()).orElse(null));
            // The scheme's current findings: its members today against the rules in force today.
            String core = members.stream().filter(m -> "CORE".equals(m.role())).map(Memberships.Member::code)
                    .findFirst().orElse(null);
            model.addAttribute("findings", validator.validate(new SchemeValidator.Request(scheme.getCountry().name(),
                    scheme.getFigure(), members.stream().map(Memberships.Member::code).toList(), core, today))
                    .findings());
        }
        if (!model.containsAttribute("form")) {
            SchemeForm form = new SchemeForm();
            form.setName(scheme.getName());
            form.setAcronym(scheme.getAcronym());
            model.addAttribute("form", form);
        }
        return "registry/scheme";
    }

    @PostMapping("/{id}")
    String rename(@PathVariable long id, @ModelAttribute("form") SchemeForm form, BindingResult result, Model model,
            RedirectAttributes redirect) {
        try {
            schemes.rename(id, form.getName(), form.getAcronym());
            redirect.addFlashAttribute("notice", "scheme.updated");
            return "redirect:/registry/schemes/" + id;
        } catch (InvalidInputException e) {
            Forms.reject(result, e);
        }
        return show(id, model);
    }
}
