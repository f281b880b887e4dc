package org.minga.registry.web;

import org.minga.platform.web.Audience;
import org.minga.platform.web.Reader;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.minga.identity.Scopes;
import org.minga.platform.InvalidInputException;
import org.minga.platform.web.Forms;
import org.minga.registry.Scheme;
import org.minga.registry.Schemes;
import org.minga.registry.internal.Competences;
import org.minga.registry.internal.LegalRules;
import org.minga.registry.internal.Memberships;
import org.minga.registry.internal.Register;
import org.minga.registry.internal.SchemeDirectoryEntries;
import org.minga.registry.internal.SchemeEditor;
import org.minga.registry.internal.SchemeLifecycle;
import org.minga.registry.internal.SchemeValidator;
import org.minga.territory.Territory;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The register's pages: the filtered list, and a scheme's page with its forms. */
@Audience(Reader.SCHEME)
@Controller
@RequestMapping("/registry/schemes")
class SchemeController {

    static final int PAGE_SIZE = 25;
    private final Schemes schemes;
    private final Scopes scopes;
    private final Memberships memberships;
    private final SchemeValidator validator;
    private final LegalRules figures;
    private final Register register;
    private final Competences competences;
    private final SchemeDirectoryEntries entries;
    private final SchemeEditor editor;
    private final Territory territory;
    private final ActsAndBodiesModel actsAndBodies;
    private final SchemeLifecycle lifecycle;

    SchemeController(Schemes schemes, Scopes scopes, Memberships memberships, SchemeValidator validator,
            LegalRules figures, Register register, Competences competences, SchemeDirectoryEntries entries,
            SchemeEditor editor, Territory territory, ActsAndBodiesModel actsAndBodies, SchemeLifecycle lifecycle) {
        this.lifecycle = lifecycle;
        this.actsAndBodies = actsAndBodies;
        this.schemes = schemes;
        this.scopes = scopes;
        this.memberships = memberships;
        this.validator = validator;
        this.figures = figures;
        this.register = register;
        this.competences = competences;
        this.entries = entries;
        this.editor = editor;
        this.territory = territory;
    }

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
        try {
            Scheme scheme = schemes.create(form.getName(), form.getAcronym(), form.getCountry(), form.getFigure());
            redirect.addFlashAttribute("notice", "scheme.created");
            return "redirect:/registry/schemes/" + scheme.getId();
        } catch (InvalidInputException e) {
            Forms.reject(result, e);
        }
        model.addAttribute("filter", Register.Filter.none());
        return listPage(Register.Filter.none(), 0, model);
    }

    /** One page of the register by name, with the filters' choices and the registration form's. */
    private String listPage(Register.Filter filter, int page, Model model) {
        model.addAttribute("result", register.page(filter, LocalDate.now(), Math.max(page, 0), PAGE_SIZE));
        model.addAttribute("countries", Scheme.Country.values());
        model.addAttribute("statuses", Scheme.Status.values());
        model.addAttribute("figures", Stream.of("CO", "SV").flatMap(c -> figures.figures(c).stream()).toList());
        model.addAttribute("competences", competences.taxonomy());
        return "registry/schemes";
    }

    @Audience(Reader.ACCOUNT)
    @GetMapping("/{id}")
    String show(@PathVariable long id, Model model) {
        Scheme scheme = schemes.get(id);
        LocalDate today = LocalDate.now();
        List<Memberships.Member> members = memberships.on(id, today);
        List<Competences.Held> held = competences.on(id, today);
        model.addAttribute("scheme", scheme);
        model.addAttribute("canEdit", scopes.canWriteScheme(id));
        model.addAttribute("members", members);
        model.addAttribute("held", held);
        model.addAttribute("strategicLines", entries.strategicLines(id));
        model.addAttribute("contacts", entries.visibleContacts(id));
        model.addAttribute("timeline", memberships.timeline(id));
        model.addAttribute("seat", scheme.getProfile().seatUnitCode() == null ? null
                : territory.find(scheme.getCountry().name(), scheme.getProfile().seatUnitCode(), today).orElse(null));
        actsAndBodies.addTo(model, id);
        if (scheme.getFigure() != null) {
            model.addAttribute("figure", figures.figure(scheme.getCountry().name(), scheme.getFigure()).orElse(null));
            model.addAttribute("findings", validator.validate(lifecycle.request(scheme, today)).findings());
        }
        model.addAttribute("taxonomy", competences.taxonomy());
        model.addAttribute("nextStatuses", scheme.getStatus().next());
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", profileForm(scheme));
        }
        if (!model.containsAttribute("memberForm")) {
            model.addAttribute("memberForm", new SchemeForms.Member());
        }
        if (!model.containsAttribute("statusForm")) {
            model.addAttribute("statusForm", new SchemeForms.Status());
        }
        if (!model.containsAttribute("competenceForm")) {
            model.addAttribute("competenceForm", new SchemeForms.Competence());
        }
        return "registry/scheme";
    }

    /** The members' boundaries and their outline (the scheme's perimeter), for the page's map. */
    @Audience(Reader.ACCOUNT)
    @GetMapping(value = "/{id}/geojson", produces = {"application/geo+json", "application/json"})
    @ResponseBody
    Map<String, Object> geoJson(@PathVariable long id) {
        Scheme scheme = schemes.get(id);
        LocalDate today = LocalDate.now();
        List<String> codes = memberships.on(id, today).stream().map(Memberships.Member::code)
                .filter(java.util.Objects::nonNull).toList();
        String country = scheme.getCountry().name();
        Map<String, Object> members = territory.boundaries(country, codes, today, 0.001);
        return Map.of("type", "FeatureCollection", "features", members.get("features"),
                "outline", territory.outlines(country, Map.of(id, codes), today, 0.001).getOrDefault(id, Map.of()));
    }

    @PostMapping("/{id}")
    String edit(@PathVariable long id, @ModelAttribute("form") SchemeForms.Profile form, BindingResult result,
            Model model, RedirectAttributes redirect) {
        return save(id, result, model, redirect, "scheme.updated", () -> editor.edit(id, form.getName(),
                form.getAcronym(), new Scheme.Profile(form.getFoundedOn(), form.getLegalPersonality(),
                        form.getSeatUnitCode(), form.getSeatAddress(), form.getPurposes()),
                lines(form.getStrategicLines()), contacts(form.getContacts())));
    }

    @PostMapping("/{id}/members")
    String join(@PathVariable long id, @ModelAttribute("memberForm") SchemeForms.Member form, BindingResult result,
            Model model, RedirectAttributes redirect) {
        return save(id, result, model, redirect, "scheme.member.added", () -> memberships.join(id,
                new Memberships.Joining(form.getUnitCode(), null, form.getRole(), form.getJoinedOn(),
                        form.getAuthorisingAct(), form.getDelegate(), form.getSeats())));
    }

    @PostMapping("/{id}/members/{code}/leave")
    String leave(@PathVariable long id, @PathVariable String code,
            @RequestParam(required = false) @org.springframework.format.annotation.DateTimeFormat(
                    iso = org.springframework.format.annotation.DateTimeFormat.ISO.DATE) LocalDate leftOn,
            RedirectAttributes redirect) {
        memberships.leave(id, code, leftOn == null ? LocalDate.now() : leftOn);
        redirect.addFlashAttribute("notice", "scheme.member.left");
        return "redirect:/registry/schemes/" + id;
    }

    @PostMapping("/{id}/status")
    String changeStatus(@PathVariable long id, @ModelAttribute("statusForm") SchemeForms.Status form,
            BindingResult result, Model model, RedirectAttributes redirect) {
        return save(id, result, model, redirect, "scheme.status.changed",
                () -> lifecycle.changeStatus(id, form.getStatus(), form.getOn(), form.getNote()));
    }

    @PostMapping("/{id}/competences")
    String addCompetence(@PathVariable long id, @ModelAttribute("competenceForm") SchemeForms.Competence form,
            BindingResult result, Model model, RedirectAttributes redirect) {
        return save(id, result, model, redirect, "scheme.competence.added",
                () -> competences.add(id, form.getCompetence(), form.getAddedOn(), form.getAct()));
    }

    /** Runs a write unless the form could not even be read; refusals and rule violations go beside the fields. */
    private String save(long id, BindingResult result, Model model, RedirectAttributes redirect, String notice,
            Runnable write) {
        if (!result.hasErrors()) {
            try {
                write.run();
                redirect.addFlashAttribute("notice", notice);
                return "redirect:/registry/schemes/" + id;
            } catch (InvalidInputException e) {
                Forms.reject(result, e);
            }
        }
        return show(id, model);
    }

    private SchemeForms.Profile profileForm(Scheme scheme) {
        SchemeForms.Profile form = new SchemeForms.Profile();
        Scheme.Profile p = scheme.getProfile();
        form.setName(scheme.getName());
        form.setAcronym(scheme.getAcronym());
        form.setFoundedOn(p.foundedOn());
        form.setLegalPersonality(p.legalPersonality());
        form.setSeatUnitCode(p.seatUnitCode());
        form.setSeatAddress(p.seatAddress());
        form.setPurposes(p.purposes());
        form.setStrategicLines(String.join("\n", entries.strategicLines(scheme.getId())));
        form.setContacts(entries.contacts(scheme.getId()).stream().map(c -> Stream.of(c.name(), c.role(), c.email(),
                c.phone(), c.marksPublicChannel() ? PUBLIC_MARK : null).map(v -> v == null ? "" : v)
                .collect(Collectors.joining("; ")).replaceAll("(; )+$", "")).collect(Collectors.joining("\n")));
        return form;
    }

    private static <E extends Enum<E>> E choice(Class<E> type, String value) {
        return Arrays.stream(type.getEnumConstants()).filter(e -> e.name().equals(value)).findFirst().orElse(null);
    }

    private static List<String> lines(String text) {
        return text == null ? List.of() : text.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
    }

    /** Written after a contact's phone to make it the institution's public channel. */
    static final String PUBLIC_MARK = "público";

    /** "name; role; e-mail; phone[; público]", one contact per line; missing parts stay empty. */
    private static List<SchemeDirectoryEntries.Contact> contacts(String text) {
        return lines(text).stream().map(l -> Arrays.copyOf(l.split(";", 5), 5)).map(p -> new SchemeDirectoryEntries
                .Contact(part(p[0]), part(p[1]), part(p[2]), part(p[3]), isPublicMark(p[4]))).toList();
    }

    private static boolean isPublicMark(String s) {
        String v = part(s);
        return v != null && (v.equalsIgnoreCase(PUBLIC_MARK) || v.equalsIgnoreCase("publico") || v.equalsIgnoreCase("public"));
    }

    private static String part(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
