package org.minga.services.web;

import org.minga.platform.web.Audience;
import org.minga.platform.web.Reader;

import java.io.IOException;
import java.time.LocalDate;

import org.minga.identity.Scopes;
import org.minga.platform.InvalidInputException;
import org.minga.platform.NotFoundException;
import org.minga.platform.web.Forms;
import org.minga.registry.Schemes;
import org.minga.services.Cases;
import org.minga.services.ServiceLines;
import org.minga.services.web.ServiceForms.CaseForm;
import org.minga.services.web.ServiceForms.CheckForm;
import org.minga.services.web.ServiceForms.CommentForm;
import org.minga.services.web.ServiceForms.LineForm;
import org.minga.services.web.ServiceForms.TransitionForm;
import org.springframework.http.ContentDisposition;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A scheme's services page (lines, case types, cases with alerts), the page of one case with its
 * workflow, and the public page where an applicant follows a case by number without logging in.
 */
@Audience(Reader.SCHEME)
@Controller
class CasesController {

    private final ServiceLines lines;
    private final Cases cases;
    private final Schemes schemes;
    private final Scopes scopes;

    CasesController(ServiceLines lines, Cases cases, Schemes schemes, Scopes scopes) {
        this.lines = lines;
        this.cases = cases;
        this.schemes = schemes;
        this.scopes = scopes;
    }

    @GetMapping("/services/schemes/{id}")
    String scheme(@PathVariable long id, @RequestParam(required = false) String state,
            @RequestParam(defaultValue = "false") boolean alerts, @RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("scheme", schemes.get(id));
        model.addAttribute("canEdit", scopes.canWriteScheme(id));
        model.addAttribute("lines", lines.lines(id));
        var types = cases.types(id);
        model.addAttribute("types", types);
        model.addAttribute("typeById", types.stream().collect(java.util.stream.Collectors.toMap(Cases.CaseType::id, t -> t)));
        model.addAttribute("lineTypes", ServiceLines.Type.values());
        model.addAttribute("cases", cases.list(id, state, alerts, page, 25));
        model.addAttribute("state", state);
        model.addAttribute("alerts", alerts);
        model.addAttribute("today", LocalDate.now(java.time.ZoneId.of("America/Bogota")));
        if (!model.containsAttribute("lineForm")) {
            model.addAttribute("lineForm", new LineForm());
        }
        if (!model.containsAttribute("caseForm")) {
            model.addAttribute("caseForm", new CaseForm());
        }
        return "services/scheme";
    }

    @PostMapping("/services/schemes/{id}/lines")
    String createLine(@PathVariable long id, @ModelAttribute("lineForm") LineForm form, BindingResult result, Model model,
            RedirectAttributes redirect) {
        try {
            lines.create(id, form.getType(), form.getName(), form.getCurrency());
            redirect.addFlashAttribute("saved", true);
            return "redirect:/services/schemes/" + id + "#lines";
        } catch (InvalidInputException e) {
            Forms.reject(result, e);
            return scheme(id, null, false, 0, model);
        }
    }

    @PostMapping("/services/schemes/{id}/lines/{lineId}/permit-type")
    String permitType(@PathVariable long id, @PathVariable long lineId, @RequestParam(required = false) String code,
            Model model, RedirectAttributes redirect) {
        try {
            cases.createPermitType(id, lineId, code);
            redirect.addFlashAttribute("saved", true);
            return "redirect:/services/schemes/" + id + "#types";
        } catch (InvalidInputException e) {
            model.addAttribute("typeError", e.violations().getFirst());
            return scheme(id, null, false, 0, model);
        }
    }

    @PostMapping("/services/schemes/{id}/cases")
    String open(@PathVariable long id, @ModelAttribute("caseForm") CaseForm form, BindingResult result, Model model) {
        try {
            var c = cases.open(id, new Cases.CaseInput(form.getCaseTypeId(), form.getApplicantName(),
                    form.getApplicantDocument(), form.getApplicantContact(), form.getUnitCode(), form.getSubject()));
            return "redirect:/services/schemes/" + id + "/cases/" + c.id();
        } catch (InvalidInputException e) {
            Forms.reject(result, e);
            return scheme(id, null, false, 0, model);
        }
    }

    @GetMapping("/services/schemes/{id}/cases/{caseId}")
    String show(@PathVariable long id, @PathVariable long caseId, Model model) {
        var detail = cases.detail(id, caseId);
        model.addAttribute("scheme", schemes.get(id));
        model.addAttribute("d", detail);
        model.addAttribute("canEdit", scopes.canWriteScheme(id));
        model.addAttribute("today", LocalDate.now(java.time.ZoneId.of("America/Bogota")));
        for (var f : new Object[][] {{"transitionForm", new TransitionForm()}, {"checkForm", new CheckForm()},
                {"commentForm", new CommentForm()}}) {
            if (!model.containsAttribute((String) f[0])) {
                model.addAttribute((String) f[0], f[1]);
            }
        }
        return "services/case";
    }

    @PostMapping("/services/schemes/{id}/cases/{caseId}/transition")
    String transition(@PathVariable long id, @PathVariable long caseId, @ModelAttribute("transitionForm") TransitionForm form,
            BindingResult result, Model model) {
        try {
            cases.transition(id, caseId, form.getState(), form.getObservation());
            return "redirect:/services/schemes/" + id + "/cases/" + caseId;
        } catch (InvalidInputException e) {
            Forms.reject(result, e);
            return show(id, caseId, model);
        }
    }

    @PostMapping("/services/schemes/{id}/cases/{caseId}/requirements")
    String requirement(@PathVariable long id, @PathVariable long caseId, @RequestParam(required = false) String code,
            @RequestParam(defaultValue = "true") boolean met) {
        cases.meetRequirement(id, caseId, code, met);
        return "redirect:/services/schemes/" + id + "/cases/" + caseId + "#requirements";
    }

    @PostMapping("/services/schemes/{id}/cases/{caseId}/checks")
    String check(@PathVariable long id, @PathVariable long caseId, @ModelAttribute("checkForm") CheckForm form,
            BindingResult result, Model model) {
        try {
            cases.recordCheck(id, caseId, form.getCode(), form.getPassed(), form.getNote());
            return "redirect:/services/schemes/" + id + "/cases/" + caseId + "#checks";
        } catch (InvalidInputException e) {
            Forms.reject(result, e);
            return show(id, caseId, model);
        }
    }

    @PostMapping("/services/schemes/{id}/cases/{caseId}/comments")
    String comment(@PathVariable long id, @PathVariable long caseId, @ModelAttribute("commentForm") CommentForm form,
            BindingResult result, Model model) {
        try {
            cases.comment(id, caseId, form.getText());
            return "redirect:/services/schemes/" + id + "/cases/" + caseId + "#comments";
        } catch (InvalidInputException e) {
            Forms.reject(result, e);
            return show(id, caseId, model);
        }
    }

    @PostMapping("/services/schemes/{id}/cases/{caseId}/documents")
    String attach(@PathVariable long id, @PathVariable long caseId, @RequestParam(required = false) MultipartFile file,
            Model model) throws IOException {
        try {
            cases.attach(id, caseId, file == null ? null : file.getOriginalFilename(), file == null ? null : file.getContentType(),
                    file == null ? null : file.getBytes());
            return "redirect:/services/schemes/" + id + "/cases/" + caseId + "#documents";
        } catch (InvalidInputException e) {
            model.addAttribute("documentError", e.violations().getFirst());
            return show(id, caseId, model);
        }
    }

    @Audience(Reader.SCHEME_STAFF)
    @GetMapping("/services/schemes/{id}/cases/{caseId}/documents/{documentId}")
    ResponseEntity<byte[]> document(@PathVariable long id, @PathVariable long caseId, @PathVariable long documentId) {
        byte[] content = cases.documentContent(id, caseId, documentId);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_OCTET_STREAM)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename("documento-" + documentId).build()
                        .toString()).body(content);
    }

    // ---- public --------------------------------------------------------------------------------

    @Audience(Reader.PUBLIC)
    @GetMapping("/public/services/cases")
    String lookup(@RequestParam(required = false) String number) {
        if (number != null && !number.isBlank()) {
            return "redirect:/public/services/cases/" + number.strip();
        }
        return "services/public-case";
    }

    @Audience(Reader.PUBLIC)
    @GetMapping("/public/services/cases/{number}")
    String publicCase(@PathVariable String number, Model model) {
        model.addAttribute("view", cases.byNumber(number).orElseThrow(() -> new NotFoundException("trámite", number)));
        return "services/public-case";
    }
}
