package org.minga.participation.web;

import org.minga.platform.web.Audience;
import org.minga.platform.web.Reader;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;

import org.minga.identity.Citizens;
import org.minga.participation.internal.Agreements;
import org.minga.participation.internal.CitizenData;
import org.minga.participation.internal.PrioritisationExercises;
import org.minga.participation.internal.TerritorialIssues;
import org.minga.platform.InvalidInputException;
import org.minga.registry.Schemes;
import org.minga.platform.web.Idempotent;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * What a signed-in person does as a citizen: report an issue on the map, vote online, comment on
 * an agreement's action, and see, download or delete their own data.
 */
@Audience(Reader.ACCOUNT)
@Controller
@RequestMapping("/participation")
class CitizenController {

    private final TerritorialIssues issues;
    private final PrioritisationExercises exercises;
    private final Agreements agreements;
    private final CitizenData data;
    private final Citizens citizens;
    private final Schemes schemes;
    private final FormErrors formErrors;

    CitizenController(TerritorialIssues issues, PrioritisationExercises exercises, Agreements agreements,
            CitizenData data, Citizens citizens, Schemes schemes, FormErrors formErrors) {
        this.issues = issues;
        this.exercises = exercises;
        this.agreements = agreements;
        this.data = data;
        this.citizens = citizens;
        this.schemes = schemes;
        this.formErrors = formErrors;
    }

    @GetMapping("/report")
    String reportForm(@RequestParam(required = false) Long scheme, Model model) {
        model.addAttribute("schemes", schemes.all());
        model.addAttribute("themes", TerritorialIssues.Theme.values());
        model.addAttribute("citizen", citizens.current().isPresent());
        model.addAttribute("baseUrl", scheme == null ? null : "/public/participation/schemes/" + scheme + "/members.geojson");
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", scheme == null ? Map.of() : Map.of("schemeId", String.valueOf(scheme)));
        }
        return "participation/report";
    }

    @PostMapping("/report")
    String report(@RequestParam Map<String, String> form,
            @RequestParam(name = "photos", required = false) List<MultipartFile> photos, Model model,
            RedirectAttributes redirect) throws IOException {
        try {
            List<TerritorialIssues.Photo> uploads = new ArrayList<>();
            for (MultipartFile photo : photos == null ? List.<MultipartFile>of() : photos) {
                if (!photo.isEmpty()) {
                    uploads.add(new TerritorialIssues.Photo(photo.getOriginalFilename(), photo.getBytes()));
                }
            }
            long id = issues.report(new TerritorialIssues.Report(Numbers.integer(form.get("schemeId")), form.get("theme"),
                    form.get("title"), form.get("description"), coordinate(form.get("lat")), coordinate(form.get("lon")),
                    form.get("geometry"), "on".equals(form.get("consent")) || "true".equals(form.get("consent")),
                    uploads, "on".equals(form.get("reserved")) || "true".equals(form.get("reserved"))));
            redirect.addFlashAttribute("reported", id);
            return "redirect:/participation/my-reports";
        } catch (InvalidInputException e) {
            formErrors.show(model, "report", e, form);
            return reportForm(Numbers.integer(form.get("schemeId")), model);
        }
    }

    /** What the signed-in person reported, whatever its moderation state: only they see the unpublished ones. */
    @GetMapping("/my-reports")
    String myReports(Model model) {
        model.addAttribute("reports", citizens.current().map(c -> issues.reportedBy(c.id())).orElse(List.of()));
        return "participation/my-reports";
    }

    @GetMapping("/verify")
    String verifyForm(Model model) {
        model.addAttribute("verified", citizens.current().map(c -> citizens.isVerified(c.id())).orElse(false));
        return "participation/verify";
    }

    @PostMapping("/verify")
    String verify(@RequestParam(defaultValue = "") String code, Model model, RedirectAttributes redirect) {
        try {
            citizens.verifyCurrent(code);
            redirect.addFlashAttribute("notice", "citizen.verify.done");
            return "redirect:/participation/verify";
        } catch (InvalidInputException e) {
            formErrors.show(model, "verify", e, Map.of());
            return verifyForm(model);
        }
    }

    @PostMapping("/verify/resend")
    String resend(Model model, RedirectAttributes redirect) {
        try {
            citizens.resendCode();
            redirect.addFlashAttribute("notice", "citizen.verify.sent");
            return "redirect:/participation/verify";
        } catch (InvalidInputException e) {
            formErrors.show(model, "verify", e, Map.of());
            return verifyForm(model);
        }
    }

    @GetMapping("/prioritisations/{id}/vote")
    String voteForm(@PathVariable long id, Model model) {
        var exercise = exercises.get(id);
        model.addAttribute("exercise", exercise);
        model.addAttribute("scheme", schemes.get(exercise.schemeId()));
        return "participation/vote";
    }

    @PostMapping("/prioritisations/{id}/vote")
    @Idempotent
    String vote(@PathVariable long id, @RequestParam Map<String, String> form, Model model,
            RedirectAttributes redirect) {
        try {
            exercises.voteOnline(id, Ballots.choice(exercises.get(id), form));
            redirect.addFlashAttribute("voted", true);
            return "redirect:/public/participation/prioritisations/" + id;
        } catch (InvalidInputException e) {
            formErrors.show(model, "vote", e, form);
            return voteForm(id, model);
        }
    }

    @PostMapping("/actions/{actionId}/observations")
    String observe(@PathVariable long actionId, @RequestParam long agreement, @RequestParam String text,
            RedirectAttributes redirect) {
        try {
            agreements.observe(actionId, text);
            redirect.addFlashAttribute("observed", true);
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("observationError", true);
        }
        return "redirect:/public/participation/agreements/" + agreement + "#action-" + actionId;
    }

    @GetMapping("/my-data")
    String myData(Model model) {
        model.addAttribute("citizen", data.current());
        model.addAttribute("data", data.export());
        return "participation/my-data";
    }

    @GetMapping(value = "/my-data/export", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> export() {
        return ResponseEntity.ok().header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"mis-datos-minga.json\"")
                .body(data.export());
    }

    @PostMapping("/my-data/delete")
    String delete(@RequestParam(required = false) String confirm, HttpServletRequest request, Model model)
            throws ServletException {
        if (!"ELIMINAR".equals(confirm)) {
            model.addAttribute("confirmError", true);
            return myData(model);
        }
        data.delete();
        request.logout();
        return "redirect:/login?deleted";
    }


    private static Double coordinate(String s) {
        var value = Numbers.decimal(s);
        return value == null ? null : value.doubleValue();
    }
}
