package org.minga.evaluation.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.minga.evaluation.DecisionAid;
import org.minga.evaluation.Health;
import org.minga.evaluation.SelfEvaluations;
import org.minga.identity.Scopes;
import org.minga.platform.Zones;
import org.minga.platform.web.Audience;
import org.minga.platform.web.Forms;
import org.minga.platform.web.Idempotent;
import org.minga.platform.web.Option;
import org.minga.platform.web.Reader;
import org.minga.registry.Scheme;
import org.minga.registry.SchemeFacts;
import org.minga.registry.Schemes;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.MapBindingResult;
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
record EvaluationController(Health health, DecisionAid aid, SelfEvaluations evaluations, Schemes schemes,
        SchemeFacts facts, Scopes scopes, Zones zones) {

    @ModelAttribute("scheme")
    Scheme scheme(@PathVariable long id) {
        return schemes.get(id);
    }

    @ModelAttribute("canEdit")
    boolean canEdit(@PathVariable long id) {
        return scopes.canWriteScheme(id);
    }

    @ModelAttribute("templates")
    List<Option> templates() {
        return Option.of(SelfEvaluations.Template.values());
    }

    @GetMapping
    String show(@PathVariable long id, Model model) {
        var result = health.of(id, zones.today());
        model.addAttribute("health", result);
        model.addAttribute("checklist", aid.checklist(id, result));
        model.addAttribute("campaigns", evaluations.campaigns(id));
        model.mergeAttributes(Map.of("campaignForm", new SelfEvaluations.CampaignInput(null, "RINDE", true,
                zones.today(), zones.today().plusMonths(1))));
        return "evaluation/scheme";
    }

    /** The summary the scheme's page loads into its evaluation section: the health index today. */
    @GetMapping("/summary")
    String summary(@PathVariable long id, Model model) {
        model.addAttribute("health", health.of(id, zones.today()));
        return "evaluation/section :: summary";
    }

    @PostMapping("/campaigns")
    String create(@PathVariable long id, @ModelAttribute("campaignForm") SelfEvaluations.CampaignInput form,
            BindingResult result, Model model) {
        scopes.requireSchemeWrite(id);
        return Forms.submit(result,
                () -> "redirect:/evaluation/schemes/" + id + "/campaigns/" + evaluations.create(id, form).id(),
                () -> Forms.fragmentOr("evaluation/scheme :: campaign-form", () -> show(id, model)));
    }

    @PostMapping("/checklist/{item}")
    String mark(@PathVariable long id, @PathVariable String item, @RequestParam(defaultValue = "false") boolean done,
            @RequestParam(required = false) String evidence, Model model, RedirectAttributes redirect) {
        model.addAttribute("checklistItem", item);
        return Forms.act(model, "checklistError", () -> {
            aid.mark(id, item, done, evidence);
            return Forms.saved(redirect, "/evaluation/schemes/" + id + "#checklist");
        }, () -> show(id, model));
    }

    @GetMapping("/campaigns/{campaignId}")
    String campaign(@PathVariable long id, @PathVariable long campaignId, Model model) {
        model.addAttribute("questions", forms(id, campaignId, model));
        model.addAttribute("results", evaluations.results(id, campaignId));
        model.addAttribute("actions", evaluations.actions(campaignId));
        boolean mayRespond = evaluations.mayRespond(campaignId);
        model.addAttribute("mayRespond", mayRespond);
        model.addAttribute("responded", !mayRespond && evaluations.responded(campaignId));
        model.addAttribute("invitations", scopes.canWriteScheme(id) ? evaluations.invitations(campaignId) : List.of());
        model.addAttribute("groups", Option.of(SelfEvaluations.Group.values()));
        model.addAttribute("members", facts.members(id, zones.today()));
        model.mergeAttributes(Map.of("actionForm", new SelfEvaluations.ActionInput(null, null, null, null),
                "invitationForm", new InvitationForm("")));
        return "evaluation/campaign";
    }

    /** What the campaign page's forms need (also alone, to re-render one): the campaign and its dimensions. */
    private List<SelfEvaluations.Question> forms(long id, long campaignId, Model model) {
        model.addAttribute("campaign", evaluations.campaign(id, campaignId));
        var questions = evaluations.questions(campaignId);
        model.addAttribute("dimensions", Option.of(questions.stream().map(SelfEvaluations.Question::dimension).distinct()
                .toList(), d -> d, d -> d));
        return questions;
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
        var input = new SelfEvaluations.ResponseInput(params.get("group"), params.get("name"), params.get("unitCode"),
                answers);
        BindingResult errors = new MapBindingResult(params, "response");
        return Forms.submit(errors, () -> {
            evaluations.respond(id, campaignId, input, zones.today());
            redirect.addFlashAttribute("answered", true);
            return "redirect:/evaluation/schemes/" + id + "/campaigns/" + campaignId + "#results";
        }, () -> {
            model.addAttribute("responseErrors", errors.getAllErrors());
            model.addAttribute("answers", params);
            return campaign(id, campaignId, model);
        });
    }

    /** The invitation form: user names separated by commas, spaces or new lines. */
    record InvitationForm(String usernames) {
    }

    @PostMapping("/campaigns/{campaignId}/invitations")
    String invite(@PathVariable long id, @PathVariable long campaignId,
            @ModelAttribute("invitationForm") InvitationForm form, BindingResult result, Model model,
            RedirectAttributes redirect) {
        String usernames = form.usernames() == null ? "" : form.usernames();
        return Forms.submit(result, () -> {
            evaluations.invite(id, campaignId, List.of(usernames.split("[,;\\s]+")));
            redirect.addFlashAttribute("invited", true);
            return "redirect:/evaluation/schemes/" + id + "/campaigns/" + campaignId + "#invitations";
        }, () -> fragmentOr(id, campaignId, "invitation-form", model));
    }

    @PostMapping("/campaigns/{campaignId}/actions")
    String action(@PathVariable long id, @PathVariable long campaignId,
            @ModelAttribute("actionForm") SelfEvaluations.ActionInput form, BindingResult result, Model model,
            RedirectAttributes redirect) {
        scopes.requireSchemeWrite(id);
        return Forms.submit(result, () -> {
            evaluations.addAction(id, campaignId, form);
            return Forms.saved(redirect, "/evaluation/schemes/" + id + "/campaigns/" + campaignId + "#actions");
        }, () -> fragmentOr(id, campaignId, "action-form", model));
    }

    private String fragmentOr(long id, long campaignId, String fragment, Model model) {
        if (Forms.htmx()) {
            forms(id, campaignId, model);
        }
        return Forms.fragmentOr("evaluation/campaign :: " + fragment, () -> campaign(id, campaignId, model));
    }
}
