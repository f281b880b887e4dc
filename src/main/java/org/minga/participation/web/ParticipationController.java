package org.minga.participation.web;

import org.minga.platform.web.Audience;
import org.minga.platform.web.Reader;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.minga.identity.Scopes;
import org.minga.participation.internal.Actors;
import org.minga.participation.internal.Agreements;
import org.minga.participation.internal.AttendanceSheet;
import org.minga.participation.internal.Events;
import org.minga.participation.internal.PrioritisationExercises;
import org.minga.participation.internal.Sociogram;
import org.minga.participation.internal.TerritorialIssues;
import org.minga.participation.internal.TerritorialIssues.Moderation;
import org.minga.platform.FileTypes;
import org.minga.platform.InvalidInputException;
import org.minga.projects.ProjectDigest;
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
 * A scheme's participation work, for its team: moderation of reported issues, prioritisation
 * exercises with paper ballots, CTT agreements and their monitoring, actors and events. Reading is
 * open to signed-in users; every write asks {@link Scopes} inside the service.
 */
@Audience(Reader.SCHEME)
@Controller
@RequestMapping("/participation/schemes/{id}")
class ParticipationController {

    private static final int PAGE = 50;

    private final TerritorialIssues issues;
    private final PrioritisationExercises exercises;
    private final Agreements agreements;
    private final Actors actors;
    private final Events events;
    private final Schemes schemes;
    private final ProjectDigest projects;
    private final Scopes scopes;
    private final FormErrors formErrors;

    ParticipationController(TerritorialIssues issues, PrioritisationExercises exercises, Agreements agreements,
            Actors actors, Events events, Schemes schemes, ProjectDigest projects, Scopes scopes,
            FormErrors formErrors) {
        this.projects = projects;
        this.issues = issues;
        this.exercises = exercises;
        this.agreements = agreements;
        this.actors = actors;
        this.events = events;
        this.schemes = schemes;
        this.scopes = scopes;
        this.formErrors = formErrors;
    }

    @GetMapping
    String show(@PathVariable long id, Model model) {
        model.addAttribute("scheme", schemes.get(id));
        boolean canEdit = scopes.canWriteScheme(id);
        model.addAttribute("canEdit", canEdit);
        model.addAttribute("submittedCount", issues.counts(id).get(Moderation.SUBMITTED));
        // Unpublished reports are for the team only.
        model.addAttribute("submitted", canEdit ? issues.ofScheme(id, Moderation.SUBMITTED, 0, PAGE) : List.of());
        model.addAttribute("published", issues.ofScheme(id, Moderation.PUBLISHED, 0, PAGE));
        model.addAttribute("exercises", exercises.ofScheme(id));
        model.addAttribute("projects", projects.open(id, 200));
        model.addAttribute("agreements", agreements.ofScheme(id));
        model.addAttribute("events", events.ofScheme(id));
        model.addAttribute("methods", List.of("APPROVAL", "BORDA", "SCHULZE", "BUDGET"));
        model.addAttribute("eventKinds", Events.Kind.values());
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", Map.of());
        }
        return "participation/scheme";
    }

    @PostMapping("/issues/{issueId}/publish")
    String publish(@PathVariable long id, @PathVariable long issueId,
            @RequestParam(name = "exact", defaultValue = "false") boolean exact, RedirectAttributes redirect) {
        requireOwn(id, issues.get(issueId).schemeId());
        issues.publish(issueId, exact);
        redirect.addFlashAttribute("saved", true);
        return "redirect:/participation/schemes/" + id + "#moderation";
    }

    @PostMapping("/issues/{issueId}/reject")
    String reject(@PathVariable long id, @PathVariable long issueId, @RequestParam Map<String, String> form,
            Model model, RedirectAttributes redirect) {
        requireOwn(id, issues.get(issueId).schemeId());
        try {
            issues.reject(issueId, form.get("reason"));
            redirect.addFlashAttribute("saved", true);
            return "redirect:/participation/schemes/" + id + "#moderation";
        } catch (InvalidInputException e) {
            formErrors.show(model, "reject-" + issueId, e, form);
            return show(id, model);
        }
    }

    @PostMapping("/prioritisations")
    String createExercise(@PathVariable long id, @RequestParam Map<String, String> form,
            @RequestParam(name = "issueIds", required = false) List<Long> issueIds,
            @RequestParam(name = "projectIds", required = false) List<Long> projectIds, Model model) {
        try {
            Map<Long, BigDecimal> costs = new LinkedHashMap<>();
            for (Long issue : issueIds == null ? List.<Long>of() : issueIds) {
                BigDecimal cost = Numbers.decimal(form.get("cost-" + issue));
                if (cost != null) {
                    costs.put(issue, cost);
                }
            }
            long exercise = exercises.create(id, new PrioritisationExercises.NewExercise(form.get("title"),
                    form.get("method"), Numbers.decimal(form.get("budget")), form.get("eligibility"),
                    Arrays.asList(form.getOrDefault("units", "").split("[,;\\s]+")), Numbers.integer(form.get("eventId")),
                    issueIds, costs, projectIds));
            return "redirect:/participation/schemes/" + id + "/prioritisations/" + exercise;
        } catch (InvalidInputException e) {
            formErrors.show(model, "exercise", e, form);
            return show(id, model);
        }
    }

    @GetMapping("/prioritisations/{exerciseId}")
    String exercise(@PathVariable long id, @PathVariable long exerciseId, Model model) {
        var exercise = exercises.get(exerciseId);
        requireOwn(id, exercise.schemeId());
        model.addAttribute("scheme", schemes.get(id));
        model.addAttribute("exercise", exercise);
        model.addAttribute("result", exercises.results(exerciseId));
        model.addAttribute("delegates", exercises.delegates(exercise));
        model.addAttribute("canEdit", scopes.canWriteScheme(id));
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", Map.of());
        }
        return "participation/exercise";
    }

    @PostMapping("/prioritisations/{exerciseId}/paper")
    @Idempotent
    String paperBallot(@PathVariable long id, @PathVariable long exerciseId, @RequestParam Map<String, String> form,
            Model model, RedirectAttributes redirect) {
        var exercise = exercises.get(exerciseId);
        requireOwn(id, exercise.schemeId());
        try {
            exercises.votePaper(exerciseId, new PrioritisationExercises.Voter(form.get("username"),
                    Numbers.integer(form.get("attendeeId"))), Ballots.choice(exercise, form));
            redirect.addFlashAttribute("saved", true);
            return "redirect:/participation/schemes/" + id + "/prioritisations/" + exerciseId;
        } catch (InvalidInputException e) {
            formErrors.show(model, "paper", e, form);
            return exercise(id, exerciseId, model);
        }
    }

    @PostMapping("/prioritisations/{exerciseId}/close")
    String close(@PathVariable long id, @PathVariable long exerciseId, Model model, RedirectAttributes redirect) {
        requireOwn(id, exercises.get(exerciseId).schemeId());
        try {
            exercises.close(exerciseId);
            redirect.addFlashAttribute("saved", true);
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("closeError", true);
        }
        return "redirect:/participation/schemes/" + id + "/prioritisations/" + exerciseId;
    }

    @PostMapping("/agreements")
    String createAgreement(@PathVariable long id, @RequestParam Map<String, String> form, Model model) {
        try {
            long agreement = agreements.create(id, form.get("title"), form.get("objective"));
            return "redirect:/participation/schemes/" + id + "/agreements/" + agreement;
        } catch (InvalidInputException e) {
            formErrors.show(model, "agreement", e, form);
            return show(id, model);
        }
    }

    @GetMapping("/agreements/{agreementId}")
    String agreement(@PathVariable long id, @PathVariable long agreementId, Model model) {
        var agreement = agreements.get(agreementId);
        requireOwn(id, agreement.schemeId());
        model.addAttribute("scheme", schemes.get(id));
        model.addAttribute("agreement", agreement);
        model.addAttribute("canEdit", scopes.canWriteScheme(id));
        model.addAttribute("levels", Agreements.Level.values());
        model.addAttribute("documentKinds", Agreements.DocumentKind.values());
        model.addAttribute("issues", issues.ofScheme(id, Moderation.PUBLISHED, 0, 200));
        model.addAttribute("pendingObservations", scopes.canWriteScheme(id)
                ? agreements.observations(agreementId, Moderation.SUBMITTED) : List.of());
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", Map.of());
        }
        return "participation/agreement";
    }

    @PostMapping("/agreements/{agreementId}/parties")
    String addParty(@PathVariable long id, @PathVariable long agreementId, @RequestParam Map<String, String> form,
            Model model) {
        return onAgreement(id, agreementId, "party", form, model,
                () -> agreements.addParty(agreementId, form.get("name"), form.get("level")));
    }

    @PostMapping("/agreements/{agreementId}/lines")
    String addLine(@PathVariable long id, @PathVariable long agreementId, @RequestParam Map<String, String> form,
            Model model) {
        return onAgreement(id, agreementId, "line", form, model, () -> agreements.addLine(agreementId, form.get("name")));
    }

    @PostMapping("/agreements/{agreementId}/actions")
    String addAction(@PathVariable long id, @PathVariable long agreementId, @RequestParam Map<String, String> form,
            Model model) {
        return onAgreement(id, agreementId, "action", form, model, () -> agreements.addAction(agreementId,
                new Agreements.NewAction(Numbers.integer(form.get("lineId")), form.get("title"), form.get("responsible"),
                        form.get("level"), Numbers.decimal(form.get("investment")), form.get("indicator"),
                        form.get("target"), Numbers.date(form.get("startsOn")), Numbers.date(form.get("endsOn")),
                        Numbers.integer(form.get("issueId")))));
    }

    @PostMapping("/agreements/{agreementId}/documents")
    String addDocument(@PathVariable long id, @PathVariable long agreementId, @RequestParam Map<String, String> form,
            @RequestParam(name = "document", required = false) MultipartFile document, Model model) throws IOException {
        byte[] content = document == null ? null : document.getBytes();
        String name = document == null ? null : document.getOriginalFilename();
        return onAgreement(id, agreementId, "document", form, model, () -> agreements.addDocument(agreementId,
                form.get("kind"), Numbers.date(form.get("signedOn")), form.get("signatories"), name, content));
    }

    @GetMapping("/agreements/{agreementId}/documents/{documentId}")
    ResponseEntity<byte[]> document(@PathVariable long id, @PathVariable long agreementId, @PathVariable long documentId) {
        requireOwn(id, agreements.get(agreementId).schemeId());
        FileTypes.Content file = agreements.document(agreementId, documentId);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"acuerdo-" + documentId + ".pdf\"")
                .body(file.content());
    }

    @PostMapping("/agreements/{agreementId}/actions/{actionId}/updates")
    String addUpdate(@PathVariable long id, @PathVariable long agreementId, @PathVariable long actionId,
            @RequestParam Map<String, String> form,
            @RequestParam(name = "evidence", required = false) MultipartFile evidence, Model model) throws IOException {
        byte[] content = evidence == null || evidence.isEmpty() ? null : evidence.getBytes();
        String name = evidence == null ? null : evidence.getOriginalFilename();
        return onAgreement(id, agreementId, "update-" + actionId, form, model, () -> agreements.recordUpdate(actionId,
                Numbers.date(form.get("reportedOn")), Numbers.decimal(form.get("progress")), form.get("note"), name,
                content));
    }

    @PostMapping("/agreements/{agreementId}/observations/{observationId}")
    String moderateObservation(@PathVariable long id, @PathVariable long agreementId, @PathVariable long observationId,
            @RequestParam Map<String, String> form, Model model) {
        return onAgreement(id, agreementId, "observation-" + observationId, form, model,
                () -> agreements.moderateObservation(observationId, "publish".equals(form.get("decision")),
                        form.get("reason")));
    }

    @GetMapping("/actors")
    String actorsPage(@PathVariable long id, @RequestParam(required = false) String unit, Model model) {
        model.addAttribute("scheme", schemes.get(id));
        model.addAttribute("canEdit", scopes.canWriteScheme(id));
        List<Actors.Actor> list = actors.ofScheme(id, unit);
        model.addAttribute("actors", list);
        model.addAttribute("unit", unit);
        model.addAttribute("sociogram", Sociogram.of(list, actors.relations(id)));
        model.addAttribute("sociogramSize", Sociogram.SIZE);
        model.addAttribute("kinds", Actors.Kind.values());
        model.addAttribute("relationKinds", Actors.RelationKind.values());
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", Map.of());
        }
        return "participation/actors";
    }

    @PostMapping("/actors")
    String createActor(@PathVariable long id, @RequestParam Map<String, String> form, Model model) {
        try {
            actors.create(id, new Actors.NewActor(form.get("name"), form.get("kind"), form.get("unitCode"),
                    Numbers.smallInt(form.get("interest")), Numbers.smallInt(form.get("influence")), form.get("notes")));
            return "redirect:/participation/schemes/" + id + "/actors";
        } catch (InvalidInputException e) {
            formErrors.show(model, "actor", e, form);
            return actorsPage(id, null, model);
        }
    }

    @PostMapping("/relations")
    String relate(@PathVariable long id, @RequestParam Map<String, String> form, Model model) {
        try {
            actors.relate(id, Numbers.integer(form.get("fromId")), Numbers.integer(form.get("toId")), form.get("kind"));
            return "redirect:/participation/schemes/" + id + "/actors";
        } catch (InvalidInputException e) {
            formErrors.show(model, "relation", e, form);
            return actorsPage(id, null, model);
        }
    }

    @PostMapping("/events")
    String createEvent(@PathVariable long id, @RequestParam Map<String, String> form, Model model) {
        try {
            long event = events.create(id, new Events.NewEvent(form.get("kind"), form.get("title"),
                    Numbers.date(form.get("heldOn")), form.get("place"), form.get("unitCode"), form.get("agenda"),
                    form.get("minutes"), form.get("agreements")));
            return "redirect:/participation/schemes/" + id + "/events/" + event;
        } catch (InvalidInputException e) {
            formErrors.show(model, "event", e, form);
            return show(id, model);
        }
    }

    @GetMapping("/events/{eventId}")
    String event(@PathVariable long id, @PathVariable long eventId, Model model) {
        var event = events.get(eventId);
        requireOwn(id, event.schemeId());
        model.addAttribute("scheme", schemes.get(id));
        model.addAttribute("event", event);
        model.addAttribute("canEdit", scopes.canWriteScheme(id));
        model.addAttribute("attendees", scopes.canWriteScheme(id) ? events.attendees(eventId) : List.of());
        model.addAttribute("counts", events.disaggregation(eventId));
        model.addAttribute("sexes", Events.Sex.values());
        model.addAttribute("ages", Events.AgeGroup.values());
        model.addAttribute("ethnicGroups", Events.EthnicGroup.values());
        model.addAttribute("zones", Events.Zone.values());
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", Map.of());
        }
        return "participation/event";
    }

    @Audience(Reader.SCHEME_STAFF)
    @PostMapping("/events/{eventId}/attendees")
    String addAttendee(@PathVariable long id, @PathVariable long eventId, @RequestParam Map<String, String> form,
            Model model, RedirectAttributes redirect) {
        requireOwn(id, events.get(eventId).schemeId());
        try {
            events.addAttendees(eventId, List.of(new Events.Attendee(form.get("fullName"), form.get("organisation"),
                    parse(Events.Sex.class, form.get("sex")), parse(Events.AgeGroup.class, form.get("ageGroup")),
                    parse(Events.EthnicGroup.class, form.get("ethnicGroup")), form.containsKey("disability"),
                    parse(Events.Zone.class, form.get("zone")), form.containsKey("delegate"))));
            redirect.addFlashAttribute("saved", true);
            return "redirect:/participation/schemes/" + id + "/events/" + eventId;
        } catch (InvalidInputException e) {
            formErrors.show(model, "attendee", e, form);
            return event(id, eventId, model);
        }
    }

    @Audience(Reader.SCHEME_STAFF)
    @PostMapping("/events/{eventId}/attendance")
    String importAttendance(@PathVariable long id, @PathVariable long eventId,
            @RequestParam(name = "file", required = false) MultipartFile file, Model model,
            RedirectAttributes redirect) throws IOException {
        requireOwn(id, events.get(eventId).schemeId());
        try {
            if (file == null || file.isEmpty()) {
                throw new InvalidInputException("file", "Required", "participation.attendance.file");
            }
            int added = events.addAttendees(eventId, AttendanceSheet.read(file.getInputStream()));
            redirect.addFlashAttribute("imported", added);
            return "redirect:/participation/schemes/" + id + "/events/" + eventId;
        } catch (InvalidInputException e) {
            formErrors.show(model, "attendance", e, Map.of());
            return event(id, eventId, model);
        }
    }

    private String onAgreement(long id, long agreementId, String formName, Map<String, String> form, Model model,
            Runnable change) {
        requireOwn(id, agreements.get(agreementId).schemeId());
        try {
            change.run();
            return "redirect:/participation/schemes/" + id + "/agreements/" + agreementId;
        } catch (InvalidInputException e) {
            formErrors.show(model, formName, e, form);
            return agreement(id, agreementId, model);
        }
    }

    /** A page of one scheme never shows or changes another scheme's records. */
    private static void requireOwn(long schemeId, long ownerId) {
        if (schemeId != ownerId) {
            throw new org.minga.platform.NotFoundException("Registro del esquema", schemeId);
        }
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value) {
        try {
            return value == null || value.isBlank() ? null : Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
