package org.minga.registry.web;

import java.util.Arrays;
import java.util.stream.Stream;

import org.minga.platform.Zones;
import org.minga.platform.web.Audience;
import org.minga.platform.web.Forms;
import org.minga.platform.web.Reader;
import org.minga.registry.Scheme;
import org.minga.registry.Schemes;
import org.minga.registry.internal.Competences;
import org.minga.registry.internal.LegalRules;
import org.minga.registry.internal.PublicRegister;
import org.minga.registry.internal.Register;
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

/**
 * The register's pages: the filtered list with the registration form, and a scheme's page (see
 * {@link SchemePage}). Each part of a scheme has its own controller for its forms: members
 * ({@link MembershipController}), the scheme's profile, status and competences
 * ({@link SchemeProfileController}), acts ({@link LegalActController}) and bodies
 * ({@link GoverningBodyController}).
 */
@Audience(Reader.SCHEME)
@Controller
@RequestMapping("/registry/schemes")
record SchemeController(Schemes schemes, Register register, LegalRules figures, Competences competences,
        SchemePage page, Zones zones, PublicRegister publicRegister) {

    static final int PAGE_SIZE = 25;

    @Audience(Reader.ACCOUNT)
    @GetMapping
    String list(@RequestParam(required = false) String country, @RequestParam(required = false) String figure,
            @RequestParam(required = false) String department, @RequestParam(required = false) String status,
            @RequestParam(required = false) String competence, @RequestParam(required = false) String q,
            @RequestParam(defaultValue = "0") int page, Model model) {
        // A filter value that is not one of the choices (an old link) is ignored, not an error page.
        var filter = new Register.Filter(choice(Scheme.Country.class, country), figure, department,
                choice(Scheme.Status.class, status), competence, q);
        model.addAttribute("filter", filter);
        model.addAttribute("form", new SchemeForm());
        return listPage(filter, page, model);
    }

    @Audience(Reader.PLATFORM_ADMIN)
    @PostMapping
    String create(@ModelAttribute("form") SchemeForm form, BindingResult result, Model model,
            RedirectAttributes redirect) {
        return Forms.submit(result, () -> {
            Scheme scheme = schemes.create(form.getName(), form.getAcronym(), form.getCountry(), form.getFigure());
            redirect.addFlashAttribute("notice", "scheme.created");
            return "redirect:/registry/schemes/" + scheme.getId();
        }, () -> {
            model.addAttribute("filter", Register.Filter.none());
            return listPage(Register.Filter.none(), 0, model);
        });
    }

    /** One page of the register by name, with the filters' choices and the registration form's. */
    private String listPage(Register.Filter filter, int page, Model model) {
        model.addAttribute("result", register.page(filter, zones.today(), Math.max(page, 0), PAGE_SIZE));
        model.addAttribute("countries", Scheme.Country.values());
        model.addAttribute("statuses", Scheme.Status.values());
        model.addAttribute("figures", Stream.of("CO", "SV").flatMap(c -> figures.figures(c).stream()).toList());
        model.addAttribute("competences", competences.taxonomy());
        // Departments by name, as the public register's filter offers them: no code to know.
        model.addAttribute("departments", publicRegister.departments(zones.today()));
        return "registry/schemes";
    }

    @Audience(Reader.ACCOUNT)
    @GetMapping("/{id}")
    String show(@PathVariable long id, Model model) {
        return page.show(id, model);
    }

    private static <E extends Enum<E>> E choice(Class<E> type, String value) {
        return Arrays.stream(type.getEnumConstants()).filter(e -> e.name().equals(value)).findFirst().orElse(null);
    }
}
