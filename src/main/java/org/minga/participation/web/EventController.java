package org.minga.participation.web;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

import org.minga.participation.internal.AttendanceSheet;
import org.minga.participation.internal.Events;
import org.minga.platform.InvalidInputException;
import org.minga.platform.web.Audience;
import org.minga.platform.web.Forms;
import org.minga.platform.web.Option;
import org.minga.platform.web.Reader;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Events of a scheme (workshops, dialogues, assemblies) and their attendance, typed or imported. */
@Audience(Reader.SCHEME)
@Controller
@RequestMapping("/participation/schemes/{id}/events")
record EventController(Events events, ParticipationPage page) {

    /** One attendee typed in; the boxes not ticked are not sent. */
    record AttendeeForm(String fullName, String organisation, Events.Sex sex, Events.AgeGroup ageGroup,
            Events.EthnicGroup ethnicGroup, Boolean disability, Events.Zone zone, Boolean delegate) {

        Events.Attendee attendee() {
            return new Events.Attendee(fullName, organisation, sex, ageGroup, ethnicGroup, Boolean.TRUE.equals(disability),
                    zone, Boolean.TRUE.equals(delegate));
        }
    }

    /** An attendance sheet (XLSX) to import. */
    record SheetForm(MultipartFile file) {
    }

    private static final String VIEW = "participation/event";

    @PostMapping
    String create(@PathVariable long id, @ModelAttribute("eventForm") Events.NewEvent form, BindingResult result,
            Model model) {
        return Forms.submit(result, () -> "redirect:/participation/schemes/" + id + "/events/" + events.create(id, form),
                () -> page.form("eventForm", id, model));
    }

    @GetMapping("/{eventId}")
    String event(@PathVariable long id, @PathVariable long eventId, Model model) {
        var event = events.get(eventId);
        ParticipationPage.requireOwn(id, event.schemeId());
        boolean canEdit = page.header(id, model);
        model.addAttribute("event", event);
        model.addAttribute("attendees", canEdit ? events.attendees(eventId) : List.of());
        model.addAttribute("counts", events.disaggregation(eventId));
        model.addAttribute("sexes", Option.of(Events.Sex.values()));
        model.addAttribute("ages", Option.of(Events.AgeGroup.values()));
        model.addAttribute("ethnicGroups", Option.of(Events.EthnicGroup.values()));
        model.addAttribute("zones", Option.of(Events.Zone.values()));
        ParticipationPage.blank(model, "attendee", new AttendeeForm(null, null, null, null, null, false, null, false));
        ParticipationPage.blank(model, "sheet", new SheetForm(null));
        return VIEW;
    }

    @Audience(Reader.SCHEME_STAFF)
    @PostMapping("/{eventId}/attendees")
    String addAttendee(@PathVariable long id, @PathVariable long eventId, @ModelAttribute("attendee") AttendeeForm form,
            BindingResult result, Model model, RedirectAttributes redirect) {
        return onEvent(id, eventId, result, model, "attendeeForm", () -> {
            events.addAttendees(eventId, List.of(form.attendee()));
            redirect.addFlashAttribute("saved", true);
        });
    }

    /** The whole sheet or, on any bad row, nothing: every refusal is listed above the form. */
    @Audience(Reader.SCHEME_STAFF)
    @PostMapping("/{eventId}/attendance")
    String importAttendance(@PathVariable long id, @PathVariable long eventId, @ModelAttribute("sheet") SheetForm form,
            BindingResult result, Model model, RedirectAttributes redirect) {
        return onEvent(id, eventId, result, model, "sheetForm", () -> {
            MultipartFile file = form.file();
            if (file == null || file.isEmpty()) {
                throw new InvalidInputException("file", "Required", "participation.attendance.file");
            }
            int added;
            try (InputStream in = file.getInputStream()) {
                added = events.addAttendees(eventId, AttendanceSheet.read(in));
            } catch (IOException e) {
                throw new InvalidInputException("file", "Xlsx", "participation.attendance.file");
            }
            redirect.addFlashAttribute("imported", added);
        });
    }

    /** A change to one event of this scheme: back to the event's page, or the form's fragment on a broken rule. */
    private String onEvent(long id, long eventId, BindingResult result, Model model, String fragment, Runnable change) {
        ParticipationPage.requireOwn(id, events.get(eventId).schemeId());
        return Forms.submit(result, () -> {
            change.run();
            return "redirect:/participation/schemes/" + id + "/events/" + eventId;
        }, () -> fragmentOr(fragment, id, eventId, model));
    }

    private String fragmentOr(String fragment, long id, long eventId, Model model) {
        event(id, eventId, model);
        return Forms.fragmentOr(VIEW + " :: " + fragment, () -> VIEW);
    }
}
