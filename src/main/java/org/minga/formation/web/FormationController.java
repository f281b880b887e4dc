package org.minga.formation.web;

import org.minga.platform.web.Audience;
import org.minga.platform.web.Reader;

import java.time.LocalDate;

import org.minga.formation.FormationRoute;
import org.minga.formation.PertinenceAssessment;
import org.minga.formation.ProspectiveMembers;
import org.minga.identity.Scopes;
import org.minga.platform.InvalidInputException;
import org.minga.platform.web.Forms;
import org.minga.registry.Schemes;
import org.springframework.format.annotation.DateTimeFormat;
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
 * The formation page of a scheme: the route, the prospective members and the pertinence assessment
 * on one page; each change has its own small page with one form, so it works without JavaScript and
 * puts each error beside its field.
 */
@Audience(Reader.SCHEME)
@Controller
@RequestMapping("/formation/schemes/{id}")
class FormationController {

    private final FormationRoute route;
    private final ProspectiveMembers prospects;
    private final PertinenceAssessment pertinence;
    private final Schemes schemes;
    private final Scopes scopes;

    FormationController(FormationRoute route, ProspectiveMembers prospects, PertinenceAssessment pertinence,
            Schemes schemes, Scopes scopes) {
        this.route = route;
        this.prospects = prospects;
        this.pertinence = pertinence;
        this.schemes = schemes;
        this.scopes = scopes;
    }

    @GetMapping
    String show(@PathVariable long id,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate at,
            Model model) {
        FormationRoute.Route r = route.of(id);
        model.addAttribute("scheme", schemes.get(id));
        model.addAttribute("route", r);
        model.addAttribute("canEdit", r.inFormation() && scopes.canWriteScheme(id));
        model.addAttribute("prospects", prospects.of(id));
        model.addAttribute("authorisations", ProspectiveMembers.Authorisation.values());
        model.addAttribute("assessment", pertinence.of(id, at == null ? LocalDate.now() : at));
        if (!model.containsAttribute("prospectForm")) {
            model.addAttribute("prospectForm", new ProspectForm());
        }
        return "formation/scheme";
    }

    @PostMapping("/prospective-members")
    String add(@PathVariable long id, @ModelAttribute("prospectForm") ProspectForm form, BindingResult result,
            Model model, RedirectAttributes redirect) {
        if (!result.hasErrors()) {
            try {
                prospects.add(id, form.getUnitCode(), form.getAuthorisation(), form.getActNumber(),
                        form.getActDate());
                return saved(id, redirect, "prospects");
            } catch (InvalidInputException e) {
                Forms.reject(result, e);
            }
        }
        return show(id, null, model);
    }

    @GetMapping("/deliverables/{code}")
    String editDeliverable(@PathVariable long id, @PathVariable String code, Model model) {
        scopes.requireSchemeWrite(id);
        FormationRoute.Deliverable d = route.deliverable(id, code);
        DeliverableForm form = new DeliverableForm();
        form.setStatus(d.status().name());
        form.setNotes(d.notes());
        form.setEvidence(d.evidence());
        form.setDoneOn(d.doneOn());
        model.addAttribute("form", form);
        return deliverablePage(id, d, model);
    }

    @PostMapping("/deliverables/{code}")
    String saveDeliverable(@PathVariable long id, @PathVariable String code,
            @ModelAttribute("form") DeliverableForm form, BindingResult result, Model model,
            RedirectAttributes redirect) {
        if (!result.hasErrors()) {
            try {
                route.update(id, code, form.getStatus(), form.getNotes(), form.getEvidence(), form.getDoneOn());
                return saved(id, redirect, "route");
            } catch (InvalidInputException e) {
                Forms.reject(result, e);
            }
        }
        return deliverablePage(id, route.deliverable(id, code), model);
    }

    @GetMapping("/prospective-members/{code}")
    String editProspect(@PathVariable long id, @PathVariable String code, Model model) {
        scopes.requireSchemeWrite(id);
        ProspectiveMembers.Prospect p = prospects.get(id, code);
        ProspectForm form = new ProspectForm();
        form.setUnitCode(p.unitCode());
        form.setAuthorisation(p.authorisation().name());
        form.setActNumber(p.actNumber());
        form.setActDate(p.actDate());
        model.addAttribute("form", form);
        return prospectPage(id, p, model);
    }

    @PostMapping("/prospective-members/{code}")
    String saveProspect(@PathVariable long id, @PathVariable String code, @ModelAttribute("form") ProspectForm form,
            BindingResult result, Model model, RedirectAttributes redirect) {
        if (!result.hasErrors()) {
            try {
                prospects.authorise(id, code, form.getAuthorisation(), form.getActNumber(), form.getActDate());
                return saved(id, redirect, "prospects");
            } catch (InvalidInputException e) {
                Forms.reject(result, e);
            }
        }
        return prospectPage(id, prospects.get(id, code), model);
    }

    @GetMapping("/pertinence/{question}")
    String editAnswer(@PathVariable long id, @PathVariable String question, Model model) {
        scopes.requireSchemeWrite(id);
        PertinenceAssessment.Question q = pertinence.question(id, question);
        AnswerForm form = new AnswerForm();
        form.setAnswer(q.answer() == null ? null : q.answer().name());
        form.setJustification(q.justification());
        model.addAttribute("form", form);
        return answerPage(id, q, model);
    }

    @PostMapping("/pertinence/{question}")
    String saveAnswer(@PathVariable long id, @PathVariable String question, @ModelAttribute("form") AnswerForm form,
            BindingResult result, Model model, RedirectAttributes redirect) {
        try {
            pertinence.answer(id, question, form.getAnswer(), form.getJustification());
            return saved(id, redirect, "pertinence");
        } catch (InvalidInputException e) {
            Forms.reject(result, e);
        }
        return answerPage(id, pertinence.question(id, question), model);
    }

    private String deliverablePage(long id, FormationRoute.Deliverable deliverable, Model model) {
        model.addAttribute("scheme", schemes.get(id));
        model.addAttribute("deliverable", deliverable);
        model.addAttribute("statuses", FormationRoute.Status.values());
        return "formation/deliverable";
    }

    private String prospectPage(long id, ProspectiveMembers.Prospect prospect, Model model) {
        model.addAttribute("scheme", schemes.get(id));
        model.addAttribute("prospect", prospect);
        model.addAttribute("authorisations", ProspectiveMembers.Authorisation.values());
        return "formation/prospect";
    }

    private String answerPage(long id, PertinenceAssessment.Question question, Model model) {
        model.addAttribute("scheme", schemes.get(id));
        model.addAttribute("question", question);
        model.addAttribute("answers", PertinenceAssessment.Answer.values());
        return "formation/answer";
    }

    private static String saved(long id, RedirectAttributes redirect, String section) {
        redirect.addFlashAttribute("notice", "formation.saved");
        return "redirect:/formation/schemes/" + id + "#" + section;
    }
}
