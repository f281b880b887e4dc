package org.minga.participation.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.minga.participation.internal.Agreements;
import org.minga.participation.internal.TerritorialIssues;
import org.minga.participation.internal.TerritorialIssues.Moderation;
import org.minga.platform.FileTypes;
import org.minga.platform.web.Audience;
import org.minga.platform.web.Forms;
import org.minga.platform.web.Option;
import org.minga.platform.web.Reader;
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
import org.springframework.web.multipart.MultipartFile;

/**
 * CTT agreements of a scheme: creating one (from the scheme's page), then its parties, lines,
 * actions, signed documents, progress updates and the moderation of citizens' observations.
 */
@Audience(Reader.SCHEME)
@Controller
@RequestMapping("/participation/schemes/{id}/agreements")
record AgreementController(Agreements agreements, TerritorialIssues issues, ParticipationPage page) {

    record AgreementForm(String title, String objective) {
    }

    record PartyForm(String name, String level) {
    }

    record LineForm(String name) {
    }

    record DocumentForm(String kind, LocalDate signedOn, String signatories, MultipartFile document) {
    }

    /** A progress update of one action, with optional evidence (a PDF or a photo). */
    record UpdateForm(LocalDate reportedOn, BigDecimal progress, String note, MultipartFile evidence) {
    }

    /** Publish a citizen's observation, or reject it with a reason. */
    record ObservationDecision(String decision, String reason) {
    }

    private static final String VIEW = "participation/agreement";

    @PostMapping
    String create(@PathVariable long id, @ModelAttribute("agreementForm") AgreementForm form, BindingResult result,
            Model model) {
        return Forms.submit(result, () -> "redirect:/participation/schemes/" + id + "/agreements/"
                + agreements.create(id, form.title(), form.objective()), () -> page.form("agreementForm", id, model));
    }

    @GetMapping("/{agreementId}")
    String agreement(@PathVariable long id, @PathVariable long agreementId, Model model) {
        var agreement = agreements.get(agreementId);
        ParticipationPage.requireOwn(id, agreement.schemeId());
        boolean canEdit = page.header(id, model);
        model.addAttribute("agreement", agreement);
        model.addAttribute("levels", Option.of(Agreements.Level.values()));
        model.addAttribute("documentKinds", Option.of(Agreements.DocumentKind.values()));
        model.addAttribute("lineOptions", Option.of(agreement.lines(), Agreements.Line::id, Agreements.Line::name));
        model.addAttribute("issueOptions", Option.of(issues.ofScheme(id, Moderation.PUBLISHED, 0, 200),
                TerritorialIssues.Issue::id, TerritorialIssues.Issue::title));
        model.addAttribute("pendingObservations", canEdit
                ? agreements.observations(agreementId, Moderation.SUBMITTED) : List.of());
        ParticipationPage.blank(model, "party", new PartyForm(null, null));
        ParticipationPage.blank(model, "line", new LineForm(null));
        ParticipationPage.blank(model, "action", new Agreements.NewAction(null, null, null, null, null, null, null, null,
                null, null));
        ParticipationPage.blank(model, "documentForm", new DocumentForm(null, null, null, null));
        model.addAttribute("noUpdate", new UpdateForm(null, null, null, null));
        model.addAttribute("noDecision", new ObservationDecision(null, null));
        return VIEW;
    }

    @PostMapping("/{agreementId}/parties")
    String addParty(@PathVariable long id, @PathVariable long agreementId, @ModelAttribute("party") PartyForm form,
            BindingResult result, Model model) {
        return change(id, agreementId, result, model, "partyForm",
                () -> agreements.addParty(agreementId, form.name(), form.level()));
    }

    @PostMapping("/{agreementId}/lines")
    String addLine(@PathVariable long id, @PathVariable long agreementId, @ModelAttribute("line") LineForm form,
            BindingResult result, Model model) {
        return change(id, agreementId, result, model, "lineForm", () -> agreements.addLine(agreementId, form.name()));
    }

    @PostMapping("/{agreementId}/actions")
    String addAction(@PathVariable long id, @PathVariable long agreementId,
            @ModelAttribute("action") Agreements.NewAction form, BindingResult result, Model model) {
        return change(id, agreementId, result, model, "actionForm", () -> agreements.addAction(agreementId, form));
    }

    @PostMapping("/{agreementId}/documents")
    String addDocument(@PathVariable long id, @PathVariable long agreementId,
            @ModelAttribute("documentForm") DocumentForm form, BindingResult result, Model model) {
        MultipartFile document = form.document();
        return change(id, agreementId, result, model, "documentForm", () -> agreements.addDocument(agreementId,
                form.kind(), form.signedOn(), form.signatories(), document == null ? null : document.getOriginalFilename(),
                bytes(document)));
    }

    @GetMapping("/{agreementId}/documents/{documentId}")
    ResponseEntity<byte[]> document(@PathVariable long id, @PathVariable long agreementId, @PathVariable long documentId) {
        ParticipationPage.requireOwn(id, agreements.get(agreementId).schemeId());
        FileTypes.Content file = agreements.document(agreementId, documentId);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"acuerdo-" + documentId + ".pdf\"")
                .body(file.content());
    }

    @PostMapping("/{agreementId}/actions/{actionId}/updates")
    String addUpdate(@PathVariable long id, @PathVariable long agreementId, @PathVariable long actionId,
            @ModelAttribute("progressUpdate") UpdateForm form, BindingResult result, Model model) {
        model.addAttribute("updating", actionId);
        MultipartFile evidence = form.evidence();
        return change(id, agreementId, result, model, "updateForm(a=${updatedAction})",
                () -> agreements.recordUpdate(actionId, form.reportedOn(), form.progress(), form.note(),
                        evidence == null ? null : evidence.getOriginalFilename(), bytes(evidence)));
    }

    @PostMapping("/{agreementId}/observations/{observationId}")
    String moderateObservation(@PathVariable long id, @PathVariable long agreementId, @PathVariable long observationId,
            @ModelAttribute("decision") ObservationDecision form, BindingResult result, Model model) {
        model.addAttribute("moderating", observationId);
        return change(id, agreementId, result, model, "observationForm(o=${moderatedObservation})",
                () -> agreements.moderateObservation(observationId, "publish".equals(form.decision()), form.reason()));
    }

    /** Runs a change of the agreement; on a broken rule, the form's fragment (htmx) or the agreement's page. */
    private String change(long id, long agreementId, BindingResult result, Model model, String fragment,
            Runnable action) {
        ParticipationPage.requireOwn(id, agreements.get(agreementId).schemeId());
        return Forms.submit(result, () -> {
            action.run();
            return "redirect:/participation/schemes/" + id + "/agreements/" + agreementId;
        }, () -> {
            agreement(id, agreementId, model);
            // A form of one action or observation among many: the fragment is that one's.
            if (model.getAttribute("updating") instanceof Long actionId) {
                ((Agreements.Agreement) model.getAttribute("agreement")).lines().stream()
                        .flatMap(l -> l.actions().stream()).filter(a -> a.id() == actionId).findFirst()
                        .ifPresent(a -> model.addAttribute("updatedAction", a));
            }
            if (model.getAttribute("moderating") instanceof Long observationId) {
                ((List<?>) model.getAttribute("pendingObservations")).stream().map(Agreements.Observation.class::cast)
                        .filter(o -> o.id() == observationId).findFirst()
                        .ifPresent(o -> model.addAttribute("moderatedObservation", o));
            }
            return Forms.fragmentOr(VIEW + " :: " + fragment, () -> VIEW);
        });
    }

    private static byte[] bytes(MultipartFile file) {
        try {
            return file == null || file.isEmpty() ? null : file.getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
