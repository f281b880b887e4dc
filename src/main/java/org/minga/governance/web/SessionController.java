package org.minga.governance.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.minga.governance.Majority;
import org.minga.governance.internal.Decisions;
import org.minga.governance.internal.Minutes;
import org.minga.governance.internal.Sessions;
import org.minga.governance.internal.Statutes;
import org.minga.identity.Scopes;
import org.minga.platform.web.Audience;
import org.minga.platform.web.Forms;
import org.minga.platform.web.Option;
import org.minga.platform.web.Reader;
import org.minga.registry.Scheme;
import org.minga.registry.Schemes;
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
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * One session: its convocation, the attendance form (the seats in term that day), the quorum, the
 * decisions with the form to adopt one, the minutes as PDF and the signed copies.
 */
@Audience(Reader.SCHEME)
@Controller
@RequestMapping("/governance/schemes/{id}/sessions/{sessionId}")
record SessionController(Sessions sessions, Decisions decisions, Minutes minutes, Statutes statutes, Schemes schemes,
        Scopes scopes) {

    static final String PAGE = "governance/session";

    /** Which seats were present, by the register's seat id. */
    record AttendanceForm(List<Long> present) {
    }

    @ModelAttribute("scheme")
    Scheme scheme(@PathVariable long id) {
        return schemes.get(id);
    }

    @GetMapping
    String show(@PathVariable long id, @PathVariable long sessionId, Model model) {
        Sessions.Session session = sessions.get(id, sessionId);
        List<Sessions.Attendee> attendance = sessions.attendance(id, sessionId);
        // Not "session": Thymeleaf keeps that name for the HTTP session.
        model.addAttribute("meeting", session);
        model.addAttribute("rule", statutes.on(session.bodyId(), session.startsAt().toLocalDate()).orElse(null));
        model.addAttribute("attendance", attendance);
        model.addAttribute("seats", session.held() ? attendance : sessions.seatsInTerm(id, session));
        model.addAttribute("decisions", decisions.ofSession(id, sessionId));
        model.addAttribute("signedCopies", minutes.signedCopies(id, sessionId));
        model.addAttribute("canEdit", scopes.canWriteScheme(id));
        model.addAttribute("decisionKinds", Option.of(Decisions.Kind.values()));
        model.addAttribute("majorities", Option.of(Majority.values()));
        model.addAttribute("maxDocumentMb", Minutes.MAX_BYTES / 1024 / 1024);
        model.mergeAttributes(Map.of("decisionForm", new Decisions.DecisionInput("AGREEMENT", null, null, null, null,
                null, null, null, null, null, null, null)));
        return PAGE;
    }

    @PostMapping("/attendance")
    String attendance(@PathVariable long id, @PathVariable long sessionId,
            @ModelAttribute("attendanceForm") AttendanceForm form, Model model, RedirectAttributes redirect) {
        scopes.requireSchemeWrite(id);
        return Forms.act(model, "attendanceError", () -> {
            sessions.takeAttendance(id, sessionId, form.present());
            return Forms.saved(redirect, path(id, sessionId) + "#quorum");
        }, () -> show(id, sessionId, model));
    }

    @PostMapping("/decisions")
    String adopt(@PathVariable long id, @PathVariable long sessionId,
            @ModelAttribute("decisionForm") Decisions.DecisionInput form, BindingResult result, Model model,
            RedirectAttributes redirect) {
        return submit(id, sessionId, result, model, () -> {
            decisions.adopt(id, sessionId, form);
            return Forms.saved(redirect, path(id, sessionId) + "#decisions");
        });
    }

    @GetMapping("/minutes.pdf")
    ResponseEntity<byte[]> minutes(@PathVariable long id, @PathVariable long sessionId) {
        return pdf(minutes.generate(id, sessionId), true);
    }

    @PostMapping("/signed-minutes")
    String upload(@PathVariable long id, @PathVariable long sessionId,
            @RequestParam(name = "document", required = false) MultipartFile document, Model model,
            RedirectAttributes redirect) throws IOException {
        scopes.requireSchemeWrite(id);
        byte[] content = document == null ? null : document.getBytes();
        return Forms.act(model, "uploadError", () -> {
            minutes.upload(id, sessionId, document == null ? null : document.getOriginalFilename(), content);
            return Forms.saved(redirect, path(id, sessionId) + "#minutes");
        }, () -> show(id, sessionId, model));
    }

    @GetMapping("/signed-minutes/{copyId}")
    ResponseEntity<byte[]> signedCopy(@PathVariable long id, @PathVariable long sessionId, @PathVariable long copyId) {
        return pdf(minutes.signedCopy(id, sessionId, copyId), false);
    }

    static ResponseEntity<byte[]> pdf(Minutes.File file, boolean attachment) {
        var disposition = attachment ? ContentDisposition.attachment() : ContentDisposition.inline();
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        disposition.filename(file.name(), StandardCharsets.UTF_8).build().toString())
                .body(file.content());
    }

    private String submit(long id, long sessionId, BindingResult result, Model model, Supplier<String> action) {
        scopes.requireSchemeWrite(id);
        // The fragment needs the page's model too (the session, who may edit), so the page is built either way.
        return Forms.submit(result, action, () -> {
            String page = show(id, sessionId, model);
            return Forms.fragmentOr(PAGE + " :: decision-form", () -> page);
        });
    }

    private static String path(long id, long sessionId) {
        return "/governance/schemes/" + id + "/sessions/" + sessionId;
    }
}
