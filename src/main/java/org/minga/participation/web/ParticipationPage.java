package org.minga.participation.web;

import java.util.List;

import org.minga.identity.Scopes;
import org.minga.participation.internal.Agreements;
import org.minga.participation.internal.Events;
import org.minga.participation.internal.PrioritisationExercises;
import org.minga.participation.internal.TerritorialIssues;
import org.minga.participation.internal.TerritorialIssues.Moderation;
import org.minga.platform.NotFoundException;
import org.minga.platform.web.Forms;
import org.minga.platform.web.Option;
import org.minga.projects.ProjectDigest;
import org.minga.registry.SchemeFacts;
import org.minga.registry.Schemes;
import org.minga.platform.Zones;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * The scheme's participation page, which hosts the forms of several aggregates (moderation,
 * exercises, agreements, events): each aggregate's controller renders it, or only its form's
 * fragment for htmx, when a form comes back with errors.
 */
@Component
record ParticipationPage(TerritorialIssues issues, PrioritisationExercises exercises, Agreements agreements,
        Events events, Schemes schemes, ProjectDigest projects, Scopes scopes, SchemeFacts facts, Zones zones) {

    static final String VIEW = "participation/scheme";
    private static final int PAGE = 50;
    /** The methods in the order the form offers them: approval first, the simplest to explain. */
    private static final List<Option> METHODS = Option.of(List.of("APPROVAL", "BORDA", "SCHULZE", "BUDGET"), m -> m,
            m -> m);

    /** What every participation page of a scheme shows: the scheme, and whether the reader may change it. */
    boolean header(long id, Model model) {
        model.addAttribute("scheme", schemes.get(id));
        boolean canEdit = scopes.canWriteScheme(id);
        model.addAttribute("canEdit", canEdit);
        return canEdit;
    }

    /** The scheme's members today by name: forms offer them instead of asking for a code. */
    List<Option> memberOptions(long id) {
        String country = schemes.get(id).getCountry().name();
        return Option.of(facts.members(id, zones.today(country)).stream().filter(m -> m.code() != null).toList(),
                SchemeFacts.Member::code, m -> m.name() + " (" + m.code() + ")");
    }

    String show(long id, Model model) {
        boolean canEdit = header(id, model);
        model.addAttribute("memberOptions", memberOptions(id));
        model.addAttribute("submittedCount", issues.counts(id).get(Moderation.SUBMITTED));
        // Unpublished reports are for the team only.
        model.addAttribute("submitted", canEdit ? issues.ofScheme(id, Moderation.SUBMITTED, 0, PAGE) : List.of());
        model.addAttribute("published", issues.ofScheme(id, Moderation.PUBLISHED, 0, PAGE));
        model.addAttribute("exercises", exercises.ofScheme(id));
        model.addAttribute("projects", projects.open(id, 200));
        model.addAttribute("agreements", agreements.ofScheme(id));
        List<Events.Event> held = events.ofScheme(id);
        model.addAttribute("events", held);
        model.addAttribute("eventOptions", Option.of(held, Events.Event::id, Events.Event::title));
        model.addAttribute("methods", METHODS);
        model.addAttribute("eligibilities", Option.of(PrioritisationExercises.Eligibility.values()));
        model.addAttribute("eventKinds", Option.of(Events.Kind.values()));
        model.addAttribute("noRejection", new IssueController.Rejection(null));
        blank(model, "exerciseForm", ExerciseController.ExerciseForm.EMPTY);
        blank(model, "agreementForm", new AgreementController.AgreementForm(null, null));
        blank(model, "eventForm", new Events.NewEvent(null, null, null, null, null, null, null, null));
        return VIEW;
    }

    /** A few figures of the scheme's participation, for its section of the scheme's page. */
    String summary(long id, Model model) {
        model.addAttribute("schemeId", schemes.get(id).getId());
        var counts = issues.counts(id);
        model.addAttribute("publishedCount", counts.get(Moderation.PUBLISHED));
        model.addAttribute("submittedCount", scopes.canWriteScheme(id) ? counts.get(Moderation.SUBMITTED) : null);
        model.addAttribute("exercises", exercises.ofScheme(id));
        model.addAttribute("agreements", agreements.ofScheme(id));
        model.addAttribute("eventCount", events.ofScheme(id).size());
        return "participation/section :: summary";
    }

    /** A form of this page came back with errors: its fragment for htmx, the whole page otherwise. */
    String form(String fragment, long id, Model model) {
        show(id, model);
        return Forms.fragmentOr(VIEW + " :: " + fragment, () -> VIEW);
    }

    /** An empty form object unless the model holds the one that came back with errors. */
    static void blank(Model model, String name, Object empty) {
        if (!model.containsAttribute(name)) {
            model.addAttribute(name, empty);
        }
    }

    /** A page of one scheme never shows or changes another scheme's records. */
    static void requireOwn(long schemeId, long ownerId) {
        if (schemeId != ownerId) {
            throw new NotFoundException("Registro del esquema", schemeId);
        }
    }
}
