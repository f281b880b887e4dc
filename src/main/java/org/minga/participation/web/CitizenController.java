package org.minga.participation.web;

import org.minga.platform.web.Audience;
import org.minga.platform.web.Reader;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;

import org.minga.identity.Citizens;
import org.minga.participation.internal.Agreements;
import org.minga.participation.internal.CitizenData;
import org.minga.participation.internal.OwnReports;
import org.minga.participation.internal.PrioritisationExercises;
import org.minga.participation.internal.TerritorialIssues;
import org.minga.platform.web.Forms;
import org.minga.platform.web.Option;
import org.minga.registry.Schemes;
import org.minga.platform.web.Idempotent;
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
 * What a signed-in person does as a citizen: report an issue on the map, vote online, comment on
 * an agreement's action, and see, download or delete their own data.
 */
@Audience(Reader.ACCOUNT)
@Controller
@RequestMapping("/participation")
record CitizenController(TerritorialIssues issues, PrioritisationExercises exercises, Agreements agreements,
        CitizenData data, Citizens citizens, Schemes schemes, OwnReports ownReports) {

    /** A report as the form sends it: the place by latitude and longitude (or a drawn GeoJSON zone), up to three photos. */
    record ReportForm(Long schemeId, String theme, String title, String description, BigDecimal lat, BigDecimal lon,
            String geometry, Boolean consent, List<MultipartFile> photos, Boolean reserved) {

        TerritorialIssues.Report report() {
            List<TerritorialIssues.Photo> uploads = new ArrayList<>();
            for (MultipartFile photo : photos == null ? List.<MultipartFile>of() : photos) {
                if (!photo.isEmpty()) {
                    try {
                        uploads.add(new TerritorialIssues.Photo(photo.getOriginalFilename(), photo.getBytes()));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
            }
            return new TerritorialIssues.Report(schemeId, theme, title, description,
                    lat == null ? null : lat.doubleValue(), lon == null ? null : lon.doubleValue(), geometry,
                    Boolean.TRUE.equals(consent), uploads, Boolean.TRUE.equals(reserved));
        }
    }

    record VerifyForm(String code) {
    }

    @GetMapping("/report")
    String reportForm(@RequestParam(required = false) Long scheme, Model model) {
        model.addAttribute("schemeOptions", Option.of(schemes.all(), s -> s.id(), s -> s.name()));
        model.addAttribute("themes", Option.of(TerritorialIssues.Theme.values()));
        model.addAttribute("citizen", citizens.current().isPresent());
        model.addAttribute("baseUrl", scheme == null ? null : "/public/participation/schemes/" + scheme + "/members.geojson");
        ParticipationPage.blank(model, "reportForm", new ReportForm(scheme, null, null, null, null, null, null, false, null,
                false));
        return "participation/report";
    }

    @PostMapping("/report")
    String report(@ModelAttribute("reportForm") ReportForm form, BindingResult result, Model model,
            RedirectAttributes redirect) {
        return Forms.submit(result, () -> {
            redirect.addFlashAttribute("reported", issues.report(form.report()));
            return "redirect:/participation/my-reports";
        }, () -> reportForm(form.schemeId(), model));
    }

    /**
     * What the signed-in person reported, whatever its moderation state: only they see the unpublished
     * ones. Opening the page is their look at the progress on them (the desk's news is then old).
     */
    @GetMapping("/my-reports")
    String myReports(Model model) {
        var me = citizens.current();
        model.addAttribute("reports", me.map(c -> issues.reportedBy(c.id())).orElse(List.of()));
        model.addAttribute("news", me.map(c -> ownReports.look(c.id())).orElse(java.util.Set.of()));
        return "participation/my-reports";
    }

    @GetMapping("/verify")
    String verifyForm(Model model) {
        model.addAttribute("verified", citizens.current().map(c -> citizens.isVerified(c.id())).orElse(false));
        ParticipationPage.blank(model, "verifyForm", new VerifyForm(null));
        return "participation/verify";
    }

    @PostMapping("/verify")
    String verify(@ModelAttribute("verifyForm") VerifyForm form, BindingResult result, Model model,
            RedirectAttributes redirect) {
        return Forms.submit(result, () -> {
            citizens.verifyCurrent(form.code() == null ? "" : form.code());
            redirect.addFlashAttribute("notice", "citizen.verify.done");
            return "redirect:/participation/verify";
        }, () -> verifyForm(model));
    }

    @PostMapping("/verify/resend")
    String resend(Model model, RedirectAttributes redirect) {
        return Forms.act(model, "resendError", () -> {
            citizens.resendCode();
            redirect.addFlashAttribute("notice", "citizen.verify.sent");
            return "redirect:/participation/verify";
        }, () -> verifyForm(model));
    }

    @GetMapping("/prioritisations/{id}/vote")
    String voteForm(@PathVariable long id, Model model) {
        var exercise = exercises.get(id);
        model.addAttribute("exercise", exercise);
        model.addAttribute("scheme", schemes.get(exercise.schemeId()));
        return "participation/vote";
    }

    /** The ballot's boxes have one name per option ({@code approve-<id>}, {@code rank-<id>}): read by {@link Ballots}. */
    @PostMapping("/prioritisations/{id}/vote")
    @Idempotent
    String vote(@PathVariable long id, @RequestParam Map<String, String> ballot, Model model,
            RedirectAttributes redirect) {
        return Forms.act(model, "voteError", () -> {
            exercises.voteOnline(id, Ballots.choice(exercises.get(id), ballot));
            redirect.addFlashAttribute("voted", true);
            return "redirect:/public/participation/prioritisations/" + id;
        }, () -> voteForm(id, model));
    }

    @PostMapping("/actions/{actionId}/observations")
    String observe(@PathVariable long actionId, @RequestParam long agreement, @RequestParam String text, Model model,
            RedirectAttributes redirect) {
        String back = "redirect:/public/participation/agreements/" + agreement + "#action-" + actionId;
        return Forms.act(model, "observationError", () -> {
            agreements.observe(actionId, text);
            redirect.addFlashAttribute("observed", true);
            return back;
        }, () -> {
            redirect.addFlashAttribute("observationError", true);
            return back;
        });
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
}
