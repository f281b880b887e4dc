package org.minga.transitions.web;

import org.minga.platform.web.Audience;
import org.minga.platform.web.Reader;

import org.minga.identity.Scopes;
import org.minga.platform.InvalidInputException;
import org.minga.platform.web.Forms;
import org.minga.registry.SchemeFacts;
import org.minga.registry.Schemes;
import org.minga.transitions.Transitions;
import org.minga.transitions.web.TransitionsForms.CandidateForm;
import org.minga.transitions.web.TransitionsForms.ElectionForm;
import org.minga.transitions.web.TransitionsForms.HandoverForm;
import org.minga.transitions.web.TransitionsForms.MayorForm;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
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

/** Handover of a scheme: mayors, elections and candidates, dossiers, the distribution log and neutrality. */
@Audience(Reader.SCHEME)
@Controller
@RequestMapping("/transitions/schemes/{id}")
class TransitionsController {

    private final Transitions transitions;
    private final Schemes schemes;
    private final SchemeFacts facts;
    private final Scopes scopes;

    TransitionsController(Transitions transitions, Schemes schemes, SchemeFacts facts, Scopes scopes) {
        this.transitions = transitions;
        this.schemes = schemes;
        this.facts = facts;
        this.scopes = scopes;
    }

    @GetMapping
    String show(@PathVariable long id, @RequestParam(required = false) Long before, Model model) {
        model.addAttribute("scheme", schemes.get(id));
        model.addAttribute("canEdit", scopes.canWriteScheme(id));
        model.addAttribute("members", facts.members(id, java.time.LocalDate.now()));
        model.addAttribute("mayors", transitions.mayors(id));
        model.addAttribute("elections", transitions.elections(id));
        var log = transitions.log(id, before, 50);
        model.addAttribute("log", log);
        model.addAttribute("older", log.size() == 50 ? log.getLast().id() : null);
        defaults(model, "mayorForm", new MayorForm());
        defaults(model, "electionForm", new ElectionForm());
        defaults(model, "handoverForm", new HandoverForm());
        return "transitions/scheme";
    }

    @GetMapping("/elections/{electionId}")
    String election(@PathVariable long id, @PathVariable long electionId, Model model) {
        model.addAttribute("scheme", schemes.get(id));
        model.addAttribute("canEdit", scopes.canWriteScheme(id));
        model.addAttribute("report", transitions.neutrality(id, electionId));
        defaults(model, "candidateForm", new CandidateForm());
        return "transitions/election";
    }

    @PostMapping("/mayors")
    String mayor(@PathVariable long id, @ModelAttribute("mayorForm") MayorForm form, BindingResult result, Model model,
            RedirectAttributes redirect) {
        scopes.requireSchemeWrite(id);
        try {
            transitions.addMayor(id, form.getUnitCode(), form.getName(), form.getParty(), form.getOn());
            redirect.addFlashAttribute("saved", true);
            return "redirect:/transitions/schemes/" + id + "#mayors";
        } catch (InvalidInputException e) {
            Forms.reject(result, e);
            return show(id, null, model);
        }
    }

    @PostMapping("/elections")
    String createElection(@PathVariable long id, @ModelAttribute("electionForm") ElectionForm form, BindingResult result,
            Model model) {
        scopes.requireSchemeWrite(id);
        try {
            var e = transitions.createElection(id, form.getName(), form.getUnitCode(), form.getHeldOn());
            return "redirect:/transitions/schemes/" + id + "/elections/" + e.id();
        } catch (InvalidInputException e) {
            Forms.reject(result, e);
            return show(id, null, model);
        }
    }

    @PostMapping("/elections/{electionId}/candidates")
    String candidate(@PathVariable long id, @PathVariable long electionId,
            @ModelAttribute("candidateForm") CandidateForm form, BindingResult result, Model model,
            RedirectAttributes redirect) {
        scopes.requireSchemeWrite(id);
        try {
            transitions.addCandidate(id, electionId, form.getName(), form.getParty());
            redirect.addFlashAttribute("saved", true);
            return "redirect:/transitions/schemes/" + id + "/elections/" + electionId;
        } catch (InvalidInputException e) {
            Forms.reject(result, e);
            return election(id, electionId, model);
        }
    }

    @PostMapping("/elections/{electionId}/candidates/{candidateId}/deliveries")
    String deliver(@PathVariable long id, @PathVariable long electionId, @PathVariable long candidateId,
            RedirectAttributes redirect) {
        redirect.addFlashAttribute("delivery", transitions.deliverToCandidate(id, electionId, candidateId));
        return "redirect:/transitions/schemes/" + id + "/elections/" + electionId;
    }

    @PostMapping("/handovers")
    String handover(@PathVariable long id, @ModelAttribute("handoverForm") HandoverForm form, BindingResult result,
            Model model, RedirectAttributes redirect) {
        scopes.requireSchemeWrite(id);
        try {
            redirect.addFlashAttribute("delivery", transitions.handover(id, form.getUnitCode(), form.getRecipient()));
            return "redirect:/transitions/schemes/" + id + "#handover";
        } catch (InvalidInputException e) {
            Forms.reject(result, e);
            return show(id, null, model);
        }
    }

    @GetMapping("/dossiers/{versionId}.pdf")
    ResponseEntity<byte[]> pdf(@PathVariable long id, @PathVariable long versionId) {
        var v = transitions.version(id, versionId);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"expediente-" + v.hash().substring(0, 12) + ".pdf\"")
                .body(transitions.pdf(id, versionId));
    }

    private static void defaults(Model model, String name, Object form) {
        if (!model.containsAttribute(name)) {
            model.addAttribute(name, form);
        }
    }
}
