package org.minga.formation.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.minga.formation.FormationRoute;
import org.minga.formation.PertinenceAssessment;
import org.minga.formation.ProspectiveMembers;
import org.minga.identity.Scopes;
import org.minga.platform.Zones;
import org.minga.platform.web.Audience;
import org.minga.platform.web.Forms;
import org.minga.platform.web.Option;
import org.minga.platform.web.Reader;
import org.minga.registry.Scheme;
import org.minga.registry.Schemes;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.minga.territory.Units;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The formation page of a scheme: the route, the prospective members and the pertinence assessment
 * on one page; each change has its own small page with one form (a fragment that re-renders alone
 * on a broken rule), so it works without JavaScript and puts each error beside its field.
 */
@Audience(Reader.SCHEME)
@Controller
@RequestMapping("/formation/schemes/{id}")
record FormationController(FormationRoute route, ProspectiveMembers prospects, PertinenceAssessment pertinence,
        Schemes schemes, Scopes scopes, Zones zones, Units units) {

    @ModelAttribute("scheme")
    Scheme scheme(@PathVariable long id) {
        return schemes.get(id);
    }

    @ModelAttribute("authorisations")
    List<Option> authorisations() {
        return Option.of(ProspectiveMembers.Authorisation.values());
    }

    @GetMapping
    String show(@PathVariable long id,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate at,
            Model model) {
        FormationRoute.Route r = route.of(id);
        Scheme scheme = (Scheme) model.getAttribute("scheme");
        model.addAttribute("route", r);
        model.addAttribute("canEdit", r.inFormation() && scopes.canWriteScheme(id));
        model.addAttribute("prospects", prospects.of(id));
        model.addAttribute("assessment", pertinence.of(id, at == null ? zones.today(scheme.getCountry().name()) : at));
        model.mergeAttributes(Map.of("prospectForm", new ProspectiveMembers.ProspectInput(null, "PENDING", null, null)));
        return "formation/scheme";
    }

    /** The summary the scheme's page loads into its formation section: how far the route has come. */
    @GetMapping("/summary")
    String summary(@PathVariable long id, Model model) {
        model.addAttribute("route", route.of(id));
        return "formation/section :: summary";
    }

    @PostMapping("/prospective-members")
    String add(@PathVariable long id, @ModelAttribute("prospectForm") ProspectiveMembers.ProspectInput form,
            BindingResult result, Model model, RedirectAttributes redirect) {
        return Forms.submit(result, () -> {
            // The unit typed by name or code, in the scheme's country: a prospective member is not a member yet.
            String country = schemes.get(id).getCountry().name();
            prospects.add(id, new ProspectiveMembers.ProspectInput(units.code("unitCode", form.unitCode(),
                    new Units.Scope(country, java.util.Set.of(), zones.today(country))), form.authorisation(),
                    form.actNumber(), form.actDate()));
            return saved(id, redirect, "prospects");
        }, () -> Forms.fragmentOr("formation/scheme :: prospect-form", () -> show(id, null, model)));
    }

    @GetMapping("/deliverables/{code}")
    String editDeliverable(@PathVariable long id, @PathVariable String code, Model model) {
        scopes.requireSchemeWrite(id);
        FormationRoute.Deliverable d = route.deliverable(id, code);
        model.addAttribute("form", new FormationRoute.DeliverableInput(d.status().name(), d.notes(), d.evidence(),
                d.doneOn()));
        return deliverablePage(d, model);
    }

    @PostMapping("/deliverables/{code}")
    String saveDeliverable(@PathVariable long id, @PathVariable String code,
            @ModelAttribute("form") FormationRoute.DeliverableInput form, BindingResult result, Model model,
            RedirectAttributes redirect) {
        return submit(result, () -> {
            route.update(id, code, form);
            return saved(id, redirect, "route");
        }, "formation/deliverable", () -> deliverablePage(route.deliverable(id, code), model));
    }

    @GetMapping("/prospective-members/{code}")
    String editProspect(@PathVariable long id, @PathVariable String code, Model model) {
        scopes.requireSchemeWrite(id);
        ProspectiveMembers.Prospect p = prospects.get(id, code);
        model.addAttribute("form", new ProspectiveMembers.ProspectInput(p.unitCode(), p.authorisation().name(),
                p.actNumber(), p.actDate()));
        return prospectPage(p, model);
    }

    @PostMapping("/prospective-members/{code}")
    String saveProspect(@PathVariable long id, @PathVariable String code,
            @ModelAttribute("form") ProspectiveMembers.ProspectInput form, BindingResult result, Model model,
            RedirectAttributes redirect) {
        return submit(result, () -> {
            prospects.authorise(id, code, form);
            return saved(id, redirect, "prospects");
        }, "formation/prospect", () -> prospectPage(prospects.get(id, code), model));
    }

    @GetMapping("/pertinence/{question}")
    String editAnswer(@PathVariable long id, @PathVariable String question, Model model) {
        scopes.requireSchemeWrite(id);
        PertinenceAssessment.Question q = pertinence.question(id, question);
        model.addAttribute("form", new PertinenceAssessment.AnswerInput(q.answer() == null ? null : q.answer().name(),
                q.justification()));
        return answerPage(q, model);
    }

    @PostMapping("/pertinence/{question}")
    String saveAnswer(@PathVariable long id, @PathVariable String question,
            @ModelAttribute("form") PertinenceAssessment.AnswerInput form, BindingResult result, Model model,
            RedirectAttributes redirect) {
        return submit(result, () -> {
            pertinence.answer(id, question, form);
            return saved(id, redirect, "pertinence");
        }, "formation/answer", () -> answerPage(pertinence.question(id, question), model));
    }

    /** A change's own page: on a broken rule its form alone for htmx, else the page again. */
    private static String submit(BindingResult result, Supplier<String> action, String page, Supplier<String> show) {
        return Forms.submit(result, action, () -> {
            String view = show.get();
            return Forms.fragmentOr(page + " :: form", () -> view);
        });
    }

    private String deliverablePage(FormationRoute.Deliverable deliverable, Model model) {
        model.addAttribute("deliverable", deliverable);
        model.addAttribute("statuses", Option.of(FormationRoute.Status.values()));
        return "formation/deliverable";
    }

    private String prospectPage(ProspectiveMembers.Prospect prospect, Model model) {
        model.addAttribute("prospect", prospect);
        return "formation/prospect";
    }

    private String answerPage(PertinenceAssessment.Question question, Model model) {
        model.addAttribute("question", question);
        model.addAttribute("answers", Option.of(PertinenceAssessment.Answer.values()));
        return "formation/answer";
    }

    private static String saved(long id, RedirectAttributes redirect, String section) {
        redirect.addFlashAttribute("notice", "formation.saved");
        return "redirect:/formation/schemes/" + id + "#" + section;
    }
}
