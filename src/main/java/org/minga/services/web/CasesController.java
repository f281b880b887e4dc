package org.minga.services.web;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.minga.identity.Recipients;
import org.minga.identity.SchemePeople;
import org.minga.identity.Scopes;
import org.minga.platform.web.Audience;
import org.minga.platform.web.Forms;
import org.minga.platform.web.Option;
import org.minga.platform.web.Reader;
import org.minga.registry.SchemeFacts;
import org.minga.registry.Schemes;
import org.minga.services.CaseType;
import org.minga.services.Cases;
import org.minga.services.ServiceDashboards;
import org.minga.services.ServiceLines;
import org.minga.services.web.CasesApiController.CheckBody;
import org.minga.services.web.CasesApiController.CommentBody;
import org.minga.services.web.CasesApiController.TransitionBody;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A scheme's services page (lines, case types, cases with alerts), its dashboard and the page of
 * one case with its workflow. Each form is a fragment of its page: a broken rule re-renders only that form for
 * htmx, the whole page otherwise.
 */
@Audience(Reader.SCHEME)
@Controller
@RequestMapping("/services/schemes/{id}")
record CasesController(ServiceLines lines, Cases cases, ServiceDashboards dashboards, Schemes schemes, Scopes scopes,
        Recipients recipients, UnitFields units, SchemeFacts facts) {

    /** The case page's assignment form: the chosen person of the scheme's team. */
    record AssignBody(Long assigneeId) {
    }

    @ModelAttribute
    void common(@PathVariable long id, Model model) {
        model.addAttribute("scheme", schemes.get(id));
        model.addAttribute("canEdit", scopes.canWriteScheme(id));
        model.addAttribute("today", cases.today(id));
        model.addAttribute("lineTypes", Option.of(ServiceLines.Type.values()));
        model.addAttribute("currencies", Option.currencies());
    }

    @GetMapping
    String scheme(@PathVariable long id, @RequestParam(required = false) String state,
            @RequestParam(defaultValue = "false") boolean alerts, @RequestParam(defaultValue = "false") boolean mine,
            @RequestParam(defaultValue = "0") int page, Authentication auth, Model model) {
        // "Mis casos": the open cases assigned to the signed-in person.
        Long me = mine ? recipients.byUsername(auth.getName()).map(Recipients.Recipient::id).orElse(-1L) : null;
        model.addAttribute("lines", lines.lines(id));
        List<CaseType> types = cases.types(id);
        model.addAttribute("types", types);
        model.addAttribute("typeOptions", Option.of(types, CaseType::id, CaseType::name));
        model.addAttribute("typeById", types.stream().collect(Collectors.toMap(CaseType::id, Function.identity())));
        model.addAttribute("cases", cases.list(id, state, alerts, me, page, 25));
        model.addAttribute("state", state);
        model.addAttribute("alerts", alerts);
        model.addAttribute("mine", mine);
        model.mergeAttributes(Map.of("lineForm", new ServiceLines.LineInput("LAND_USE_PERMITS", null, "USD"),
                "caseForm", new Cases.CaseInput(null, null, null, null, null, null)));
        return "services/scheme";
    }

    /** The scheme page's services section (see {@link ServicesSection}): the lines and the cases that need attention. */
    @GetMapping("/summary")
    String summary(@PathVariable long id, Model model) {
        model.addAttribute("lines", lines.lines(id));
        model.addAttribute("alerts", cases.list(id, null, true, 0, 100));
        return "services/summary :: summary";
    }

    /** The scheme's services dashboard: each line's figures over a period (this year by default), and one member's. */
    @GetMapping("/dashboard")
    String dashboard(@PathVariable long id, @RequestParam(required = false) LocalDate from,
            @RequestParam(required = false) LocalDate to, @RequestParam(required = false) String unit, Model model) {
        LocalDate end = to == null ? cases.today(id) : to;
        LocalDate start = from == null ? end.withDayOfYear(1) : from;
        model.addAttribute("from", start);
        model.addAttribute("to", end);
        model.addAttribute("unit", unit);
        // A member is chosen by name among today's members.
        model.addAttribute("memberOptions", Option.of(facts.members(id, cases.today(id)).stream()
                .filter(m -> m.code() != null).toList(), SchemeFacts.Member::code, m -> m.name() + " (" + m.code() + ")"));
        model.addAttribute("boards", List.of());
        return Forms.act(model, "periodError", () -> {
            model.addAttribute("boards", lines.lines(id).stream().map(l -> dashboards.line(id, l.id(), start, end)).toList());
            if (unit != null && !unit.isBlank()) {
                model.addAttribute("member", dashboards.member(id, unit, start, end));
            }
            return "services/dashboard";
        }, () -> "services/dashboard");
    }

    @PostMapping("/lines")
    String createLine(@PathVariable long id, @ModelAttribute("lineForm") ServiceLines.LineInput form, BindingResult result,
            Model model, RedirectAttributes redirect) {
        return Forms.submit(result, () -> {
            lines.create(id, form);
            redirect.addFlashAttribute("saved", true);
            return LinePage.back("/services/schemes/" + id, "lines");
        }, () -> Forms.fragmentOr("services/scheme :: lineForm", () -> scheme(id, null, false, false, 0, null, model)));
    }

    @PostMapping("/lines/{lineId}/permit-type")
    String permitType(@PathVariable long id, @PathVariable long lineId, @RequestParam(required = false) String code,
            Model model, RedirectAttributes redirect) {
        return Forms.act(model, "typeError", () -> {
            cases.createPermitType(id, lineId, code);
            return Forms.saved(redirect, "/services/schemes/" + id + "#types");
        }, () -> scheme(id, null, false, false, 0, null, model));
    }

    @PostMapping("/cases")
    String open(@PathVariable long id, @ModelAttribute("caseForm") Cases.CaseInput form, BindingResult result, Model model) {
        return Forms.submit(result, () -> "redirect:/services/schemes/" + id + "/cases/" + cases.open(id,
                new Cases.CaseInput(form.caseTypeId(), form.applicantName(), form.applicantDocument(),
                        form.applicantContact(), units.code(id, "unitCode", form.unitCode()), form.subject())).id(),
                () -> Forms.fragmentOr("services/scheme :: caseForm", () -> scheme(id, null, false, false, 0, null, model)));
    }

    // ---- one case --------------------------------------------------------------------------------

    @GetMapping("/cases/{caseId}")
    String show(@PathVariable long id, @PathVariable long caseId, Model model) {
        detail(id, caseId, model);
        model.mergeAttributes(Map.of("transitionForm", new TransitionBody(null, null), "checkForm", new CheckBody(null, null, null),
                "commentForm", new CommentBody(null), "assignForm",
                new AssignBody(cases.assignee(id, caseId).map(Cases.Assignee::id).orElse(null))));
        return "services/case";
    }

    /** What the case page and its forms show: the case file, its next steps and checks as choices. */
    private void detail(long id, long caseId, Model model) {
        var detail = cases.detail(id, caseId);
        CaseType type = detail.type();
        model.addAttribute("d", detail);
        model.addAttribute("sla", detail.c().sla(cases.zone(id)));
        model.addAttribute("nextStates", Option.of(type.from(detail.c().state()), CaseType.TransitionDef::to,
                t -> type.stateName(t.to())));
        model.addAttribute("checkOptions", Option.of(type.checks(), CaseType.ItemDef::code, CaseType.ItemDef::label));
        model.addAttribute("results", List.of(new Option("true", "true"), new Option("false", "false")));
        model.addAttribute("assignee", cases.assignee(id, caseId).orElse(null));
        if (scopes.canWriteScheme(id)) {
            model.addAttribute("staffOptions", Option.of(cases.assignable(id), SchemePeople.Person::id,
                    SchemePeople.Person::fullName));
        }
    }

    @PostMapping("/cases/{caseId}/assignee")
    String assign(@PathVariable long id, @PathVariable long caseId, @ModelAttribute("assignForm") AssignBody form,
            BindingResult result, Model model, RedirectAttributes redirect) {
        return Forms.submit(result, () -> {
            cases.assign(id, caseId, form.assigneeId());
            return Forms.saved(redirect, "/services/schemes/" + id + "/cases/" + caseId + "#assignment");
        }, () -> caseForm("assignForm", id, caseId, model));
    }

    @PostMapping("/cases/{caseId}/transition")
    String transition(@PathVariable long id, @PathVariable long caseId, @ModelAttribute("transitionForm") TransitionBody form,
            BindingResult result, Model model) {
        return Forms.submit(result, () -> {
            cases.transition(id, caseId, form.state(), form.observation());
            return "redirect:/services/schemes/" + id + "/cases/" + caseId;
        }, () -> caseForm("transitionForm", id, caseId, model));
    }

    @PostMapping("/cases/{caseId}/requirements")
    String requirement(@PathVariable long id, @PathVariable long caseId, @RequestParam(required = false) String code,
            @RequestParam(defaultValue = "true") boolean met) {
        cases.meetRequirement(id, caseId, code, met);
        return "redirect:/services/schemes/" + id + "/cases/" + caseId + "#requirements";
    }

    @PostMapping("/cases/{caseId}/checks")
    String check(@PathVariable long id, @PathVariable long caseId, @ModelAttribute("checkForm") CheckBody form,
            BindingResult result, Model model) {
        return Forms.submit(result, () -> {
            cases.recordCheck(id, caseId, form.code(), form.passed(), form.note());
            return LinePage.back("/services/schemes/" + id + "/cases/" + caseId, "checks");
        }, () -> caseForm("checkForm", id, caseId, model));
    }

    @PostMapping("/cases/{caseId}/comments")
    String comment(@PathVariable long id, @PathVariable long caseId, @ModelAttribute("commentForm") CommentBody form,
            BindingResult result, Model model) {
        return Forms.submit(result, () -> {
            cases.comment(id, caseId, form.text());
            return LinePage.back("/services/schemes/" + id + "/cases/" + caseId, "comments");
        }, () -> caseForm("commentForm", id, caseId, model));
    }

    @PostMapping("/cases/{caseId}/documents")
    String attach(@PathVariable long id, @PathVariable long caseId, @RequestParam(required = false) MultipartFile file,
            Model model) throws IOException {
        byte[] content = file == null ? null : file.getBytes();
        return Forms.act(model, "documentError", () -> {
            cases.attach(id, caseId, file == null ? null : file.getOriginalFilename(), file == null ? null : file.getContentType(),
                    content);
            return "redirect:/services/schemes/" + id + "/cases/" + caseId + "#documents";
        }, () -> show(id, caseId, model));
    }

    /** A case form again with its errors: only the form for htmx, the whole case page otherwise. */
    private String caseForm(String fragment, long id, long caseId, Model model) {
        if (Forms.htmx()) {
            detail(id, caseId, model);
            return "services/case :: " + fragment;
        }
        return show(id, caseId, model);
    }

    @Audience(Reader.SCHEME_STAFF)
    @GetMapping("/cases/{caseId}/documents/{documentId}")
    ResponseEntity<byte[]> document(@PathVariable long id, @PathVariable long caseId, @PathVariable long documentId) {
        byte[] content = cases.documentContent(id, caseId, documentId);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_OCTET_STREAM)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename("documento-" + documentId).build()
                        .toString()).body(content);
    }
}
