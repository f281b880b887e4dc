package org.minga.participation.web;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.minga.participation.internal.PrioritisationExercises;
import org.minga.participation.internal.PrioritisationExercises.NewExercise;
import org.minga.participation.internal.PrioritisationExercises.Voter;
import org.minga.platform.web.Audience;
import org.minga.platform.web.Forms;
import org.minga.platform.web.Idempotent;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Prioritisation exercises of a scheme: opening one, entering paper ballots, closing it. */
@Audience(Reader.SCHEME)
@Controller
@RequestMapping("/participation/schemes/{id}/prioritisations")
record ExerciseController(PrioritisationExercises exercises, ParticipationPage page) {

    /**
     * The form that opens an exercise: the units as typed ("54498, 54003"), a cost per chosen issue
     * ({@code costs[<issue id>]}) for a budget.
     */
    record ExerciseForm(String title, String method, BigDecimal budget, String eligibility, String units, Long eventId,
            List<Long> issueIds, Map<Long, BigDecimal> costs, List<Long> projectIds) {

        static final ExerciseForm EMPTY = new ExerciseForm(null, null, null, null, null, null, null, null, null);

        NewExercise input() {
            Map<Long, BigDecimal> chosenCosts = new LinkedHashMap<>();
            for (Long issue : issueIds == null ? List.<Long>of() : issueIds) {
                if (costs != null && costs.get(issue) != null) {
                    chosenCosts.put(issue, costs.get(issue));
                }
            }
            return new NewExercise(title, method, budget, eligibility,
                    Arrays.asList((units == null ? "" : units).split("[,;\\s]+")), eventId, issueIds, chosenCosts,
                    projectIds);
        }
    }

    @PostMapping
    String create(@PathVariable long id, @ModelAttribute("exerciseForm") ExerciseForm form, BindingResult result,
            Model model) {
        return Forms.submit(result, () -> "redirect:/participation/schemes/" + id + "/prioritisations/"
                + exercises.create(id, form.input()), () -> page.form("exerciseForm", id, model));
    }

    @GetMapping("/{exerciseId}")
    String exercise(@PathVariable long id, @PathVariable long exerciseId, Model model) {
        var exercise = exercises.get(exerciseId);
        ParticipationPage.requireOwn(id, exercise.schemeId());
        page.header(id, model);
        model.addAttribute("exercise", exercise);
        model.addAttribute("result", exercises.results(exerciseId));
        model.addAttribute("delegateOptions", Option.of(exercises.delegates(exercise),
                PrioritisationExercises.Delegate::attendeeId, PrioritisationExercises.Delegate::name));
        ParticipationPage.blank(model, "voter", new Voter(null, null));
        return "participation/exercise";
    }

    /** A paper ballot: the voter bound as a record, the choice read from the ballot's boxes. */
    @PostMapping("/{exerciseId}/paper")
    @Idempotent
    String paperBallot(@PathVariable long id, @PathVariable long exerciseId, @ModelAttribute("voter") Voter voter,
            BindingResult result, @RequestParam Map<String, String> ballot, Model model, RedirectAttributes redirect) {
        var exercise = exercises.get(exerciseId);
        ParticipationPage.requireOwn(id, exercise.schemeId());
        return Forms.submit(result, () -> {
            exercises.votePaper(exerciseId, voter, Ballots.choice(exercise, ballot));
            return Forms.saved(redirect, "/participation/schemes/" + id + "/prioritisations/" + exerciseId);
        }, () -> {
            String view = exercise(id, exerciseId, model);
            return Forms.fragmentOr("participation/exercise :: paperForm", () -> view);
        });
    }

    @PostMapping("/{exerciseId}/close")
    String close(@PathVariable long id, @PathVariable long exerciseId, Model model, RedirectAttributes redirect) {
        ParticipationPage.requireOwn(id, exercises.get(exerciseId).schemeId());
        String back = "redirect:/participation/schemes/" + id + "/prioritisations/" + exerciseId;
        return Forms.act(model, "closeError", () -> {
            exercises.close(exerciseId);
            redirect.addFlashAttribute("saved", true);
            return back;
        }, () -> {
            redirect.addFlashAttribute("closeError", true);
            return back;
        });
    }
}
