package org.minga.transitions.web;

import java.util.Map;

import org.minga.identity.Scopes;
import org.minga.platform.Jobs;
import org.minga.platform.web.Audience;
import org.minga.platform.web.Forms;
import org.minga.platform.web.Option;
import org.minga.platform.web.Reader;
import org.minga.registry.Schemes;
import org.minga.transitions.Elections;
import org.minga.transitions.Transitions;
import org.minga.transitions.internal.CandidateDossiersJob;
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

/**
 * Handover of a scheme: mayors, elections and candidates, dossiers, the distribution log and
 * neutrality. Each form is a fragment of its page posting to its own address; the service's input
 * records are bound as they are.
 */
@Audience(Reader.SCHEME)
@Controller
@RequestMapping("/transitions/schemes/{id}")
record TransitionsController(Transitions transitions, Elections elections, Schemes schemes, Scopes scopes, Jobs jobs) {

    /** The handover form: the member and who receives its dossier. */
    record HandoverForm(String unitCode, String recipient) {
    }

    @GetMapping
    String show(@PathVariable long id, @RequestParam(required = false) Long before, Model model) {
        scheme(id, model);
        var members = elections.membersToday(id);
        model.addAttribute("members", members);
        model.addAttribute("memberOptions", Option.of(members, m -> m.code(), m -> m.name() + " (" + m.code() + ")"));
        model.addAttribute("mayors", elections.mayors(id));
        model.addAttribute("elections", elections.elections(id));
        var log = transitions.log(id, before, 50);
        model.addAttribute("log", log);
        model.addAttribute("older", log.size() == 50 ? log.getLast().id() : null);
        Map<String, Object> forms = model.asMap();
        forms.putIfAbsent("mayorForm", new Elections.MayorInput(null, null, null, null));
        forms.putIfAbsent("electionForm", new Elections.ElectionInput(null, null, null, null));
        forms.putIfAbsent("handoverForm", new HandoverForm(null, null));
        return "transitions/scheme";
    }

    /** What the scheme's and an election's pages show first: the scheme and whether one may edit it. */
    private void scheme(long id, Model model) {
        model.addAttribute("scheme", schemes.get(id));
        model.addAttribute("canEdit", scopes.canWriteScheme(id));
    }

    /** The summary the scheme's page loads into its handover section. */
    @GetMapping("/summary")
    String summary(@PathVariable long id, Model model) {
        schemes.get(id);
        model.addAttribute("schemeId", id);
        model.addAttribute("mayors", elections.mayors(id).size());
        model.addAttribute("elections", elections.elections(id).size());
        model.addAttribute("latest", transitions.log(id, null, 1).stream().findFirst().orElse(null));
        return "transitions/summary :: schemeSummary";
    }

    @GetMapping("/elections/{electionId}")
    String election(@PathVariable long id, @PathVariable long electionId, Model model) {
        scheme(id, model);
        model.addAttribute("report", transitions.neutrality(id, electionId));
        model.asMap().putIfAbsent("candidateForm", new Elections.CandidateInput(null, null));
        return "transitions/election";
    }

    /** A refused form of the scheme's page: alone for htmx, else the whole page. */
    private String refused(String form, long id, Model model) {
        String page = show(id, null, model);
        return Forms.fragmentOr("transitions/scheme :: " + form, () -> page);
    }

    @PostMapping("/mayors")
    String mayor(@PathVariable long id, @ModelAttribute("mayorForm") Elections.MayorInput form, BindingResult result,
            Model model, RedirectAttributes redirect) {
        return Forms.submit(result, () -> {
            elections.addMayor(id, form);
            return Forms.saved(redirect, "/transitions/schemes/" + id + "#mayors");
        }, () -> refused("mayorForm", id, model));
    }

    @PostMapping("/elections")
    String createElection(@PathVariable long id, @ModelAttribute("electionForm") Elections.ElectionInput form,
            BindingResult result, Model model) {
        return Forms.submit(result,
                () -> "redirect:/transitions/schemes/" + id + "/elections/" + elections.createElection(id, form).id(),
                () -> refused("electionForm", id, model));
    }

    @PostMapping("/elections/{electionId}/candidates")
    String candidate(@PathVariable long id, @PathVariable long electionId,
            @ModelAttribute("candidateForm") Elections.CandidateInput form, BindingResult result, Model model,
            RedirectAttributes redirect) {
        return Forms.submit(result, () -> {
            elections.addCandidate(id, electionId, form);
            return Forms.saved(redirect, "/transitions/schemes/" + id + "/elections/" + electionId);
        }, () -> {
            String page = election(id, electionId, model);
            return Forms.fragmentOr("transitions/election :: candidateForm", () -> page);
        });
    }

    @PostMapping("/elections/{electionId}/candidates/{candidateId}/deliveries")
    String deliver(@PathVariable long id, @PathVariable long electionId, @PathVariable long candidateId,
            RedirectAttributes redirect) {
        redirect.addFlashAttribute("delivery", transitions.deliverToCandidate(id, electionId, candidateId));
        return "redirect:/transitions/schemes/" + id + "/elections/" + electionId;
    }

    /** Every candidate's dossier at once, as a job whose page shows the progress per dossier. */
    @PostMapping("/elections/{electionId}/deliveries")
    String deliverAll(@PathVariable long id, @PathVariable long electionId) {
        scopes.requireSchemeWrite(id);
        elections.election(id, electionId);
        return "redirect:/jobs/" + jobs.submit(CandidateDossiersJob.TYPE, new CandidateDossiersJob.Request(id, electionId), id);
    }

    @PostMapping("/handovers")
    String handover(@PathVariable long id, @ModelAttribute("handoverForm") HandoverForm form, BindingResult result,
            Model model, RedirectAttributes redirect) {
        return Forms.submit(result, () -> {
            redirect.addFlashAttribute("delivery", transitions.handover(id, form.unitCode(), form.recipient()));
            return "redirect:/transitions/schemes/" + id + "#handover";
        }, () -> refused("handoverForm", id, model));
    }

    @GetMapping("/dossiers/{versionId}.pdf")
    ResponseEntity<byte[]> pdf(@PathVariable long id, @PathVariable long versionId) {
        return dossier(transitions, id, versionId);
    }

    /** A dossier version's stored PDF, named by its version, for the page and the API alike. */
    static ResponseEntity<byte[]> dossier(Transitions transitions, long id, long versionId) {
        var v = transitions.version(id, versionId);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"expediente-" + v.hash().substring(0, 12) + ".pdf\"")
                .body(transitions.pdf(id, versionId));
    }
}
