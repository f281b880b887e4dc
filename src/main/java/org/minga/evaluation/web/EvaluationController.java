package org.minga.evaluation.web;

import org.minga.platform.web.Audience;
import org.minga.platform.web.Reader;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.minga.evaluation.DecisionAid;
import org.minga.evaluation.Health;
import org.minga.evaluation.SelfEvaluations;
import org.minga.evaluation.web.EvaluationForms.ActionForm;
import org.minga.evaluation.web.EvaluationForms.CampaignForm;
import org.minga.identity.Scopes;
import org.minga.platform.InvalidInputException;
import org.minga.platform.web.Forms;
import org.minga.registry.SchemeFacts;
import org.minga.registry.Schemes;
import org.minga.platform.web.Idempotent;
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

/** The health of a scheme, RINDE's decision aid and its self-evaluation campaigns. */
@Audience(Reader.SCHEME)
@Controller
@RequestMapping("/evaluation/schemes/{id}")
class EvaluationController {

    private final Health health;
    private final DecisionAid aid;
    private final SelfEvaluations evaluations;
    private final Schemes schemes;
    private final SchemeFacts facts;
    private final Scopes scopes;

    EvaluationController(Health health, DecisionAid aid, SelfEvaluations evaluations, Schemes schemes, SchemeFacts facts,
            Scopes scopes) {
        this.health = health;
        this.aid = aid;
        this.evaluations = evaluations;
        this.schemes = schemes;
        this.facts = facts;
        this.scopes = scopes;
    }

    @GetMapping
    String show(@PathVariable long id, Model model) {
        model.addAttribute("scheme", schemes.get(id));
        model.addAttribute("canEdit", scopes.canWriteScheme(id));
        var result = health.of(id, LocalDate.now());
        model.addAttribute("health", result);
        model.addAttribute("checklist", aid.checklist(id, result));
        model.addAttribute("campaigns", evaluations.campaigns(id));
        model.addAttribute("templates", SelfEvaluations.Template.values());
        if (!model.containsAttribute("campaignForm")) {
            CampaignForm f = new CampaignForm();
            f.setOpensOn(LocalDate.now());
            f.setClosesOn(LocalDate.now().plusMonths(1));
            model.addAttribute("campaignForm", f);
        }
        return "evaluation/scheme";
    }

    @PostMapping("/campaigns")
    String create(@PathVariable long id, @ModelAttribute("campaignForm") CampaignForm form, BindingResult result, Model model) {
        scopes.requireSchemeWrite(id);
        try {
            var c = evaluations.create(id, form.getName(), form.getTemplate(), form.getAnonymous(), form.getOpensOn(),
                    form.getClosesOn());
            return "redirect:/evaluation/schemes/" + id + "/campaigns/" + c.id();
        } catch (InvalidInputException e) {
            Forms.reject(result, e);
            return show(id, model);
        }
    }

    @PostMapping("/checklist/{item}")
    String mark(@PathVariable long id, @PathVariable String item, @RequestParam(defaultValue = "false") boolean done,
            @RequestParam(required = false) String evidence, RedirectAttributes redirect) {
        try {
            aid.mark(id, item, done, evidence);
            redirect.addFlashAttribute("saved", true);
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("checklistError", e.violations().getFirst());
            redirect.addFlashAttribute("checklistItem", item);
        }
        return "redirect:/evaluation/schemes/" + id + "#checklist";
    }

    @GetMapping("/campaigns/{campaignId}")
    String campaign(@PathVariable long id, @PathVariable long campaignId, Model model) {
        model.addAttribute("scheme", schemes.get(id));
        model.addAttribute("canEdit", scopes.canWriteScheme(id));
        model.addAttribute("campaign", evaluations.campaign(id, campaignId));
        var questions = evaluations.questions(campaignId);
        model.addAttribute("questions", questions);
        model.addAttribute("dimensions", questions.stream().map(SelfEvaluations.Question::dimension).distinct().toList());
        model.addAttribute("results", evaluations.results(id, campaignId));
        model.addAttribute("actions", evaluations.actions(campaignId));
        boolean mayRespond = evaluations.mayRespond(campaignId);
        model.addAttribute("mayRespond", mayRespond);
        model.addAttribute("responded", !mayRespond && evaluations.responded(campaignId));
        model.addAttribute("invitations", scopes.canWriteScheme(id) ? evaluations.invitations(campaignId) : List.of());
        model.addAttribute("groups", SelfEvaluations.Group.values());
        model.addAttribute("members", facts.members(id, LocalDate.now()));
        if (!model.containsAttribute("actionForm")) {
            model.addAttribute("actionForm", new ActionForm());
        }
        return "evaluation/campaign";
    }

    /** Scores arrive as {@code score_<question id>} (1–5) and comments as {@code comment_<question id>}. */
    @Audience(Reader.ACCOUNT)
    @PostMapping("/campaigns/{campaignId}/responses")
    @Idempotent
    String respond(@PathVariable long id, @PathVariable long campaignId, @RequestParam Map<String, String> params,
            Model model, RedirectAttributes redirect) {
        List<SelfEvaluations.Answer> answers = new ArrayList<>();
        for (var q : evaluations.questions(campaignId)) {
            String s = params.get("score_" + q.id());
            Integer score = s == null || !s.matches("[1-5]") ? null : Integer.valueOf(s);
            answers.add(new SelfEvaluations.Answer(q.id(), score, params.get("comment_" + q.id())));
        }
        try {
            evaluations.respond(id, campaignId, params.get("group"), params.get("name"), params.get("unitCode"), answers,
                    LocalDate.now());
            redirect.addFlashAttribute("answered", true);
            return "redirect:/evaluation/schemes/" + id + "/campaigns/" + campaignId + "#results";
        } catch (InvalidInputException e) {
            model.addAttribute("responseErrors", e.violations());
            model.addAttribute("answers", params);
            return campaign(id, campaignId, model);
        }
    }

    /** User names separated by commas, spaces or new lines. */
    @PostMapping("/campaigns/{campaignId}/invitations")
    String invite(@PathVariable long id, @PathVariable long campaignId, @RequestParam(defaultValue = "") String usernames,
            Model model, RedirectAttributes redirect) {
        try {
            evaluations.invite(id, campaignId, List.of(usernames.split("[,;\\s]+")));
            redirect.addFlashAttribute("invited", true);
            return "redirect:/evaluation/schemes/" + id + "/campaigns/" + campaignId + "#invitations";
        } catch (InvalidInputException e) {
            model.addAttribute("invitationErrors", e.violations());
            return campaign(id, campaignId, model);
        }
    }

    @PostMapping("/campaigns/{campaignId}/actions")
    String action(@PathVariable long id, @PathVariable long campaignId, @ModelAttribute("actionForm") ActionForm form,
            BindingResult result, Model model, RedirectAttributes redirect) {
        scopes.requireSchemeWrite(id);
        try {
            evaluations.addAction(id, campaignId, form.getDimension(), form.getDescription(), form.getResponsible(),
                    form.getDueOn());
            redirect.addFlashAttribute("saved", true);
            return "redirect:/evaluation/schemes/" + id + "/campaigns/" + campaignId + "#actions";
        } catch (InvalidInputException e) {
            Forms.reject(result, e);
            return campaign(id, campaignId, model);
        }
    }
}
