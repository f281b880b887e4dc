package org.minga.participation.web;

import org.minga.platform.web.Audience;
import org.minga.platform.web.Reader;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.minga.identity.Citizens;
import org.minga.participation.internal.Agreements;
import org.minga.participation.internal.PrioritisationExercises;
import org.minga.participation.internal.IssueMap;
import org.minga.participation.internal.TerritorialIssues;
import org.minga.participation.internal.TerritorialIssues.Issue;
import org.minga.platform.FileTypes;
import org.minga.platform.InvalidInputException;
import org.minga.platform.Zones;
import org.minga.platform.NotFoundException;
import org.minga.registry.Scheme;
import org.minga.registry.Schemes;
import org.minga.territory.Territory;
import org.minga.territory.Units;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.minga.platform.web.Forms;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The public side of participation, without an account: the issue map, each issue's timeline from
 * report to result, agreements with their progress, prioritisation results, and the sign-up of
 * citizens. Only published issues and observations are ever read here.
 */
@Audience(Reader.PUBLIC)
@Controller
@RequestMapping("/public/participation")
record PublicParticipationController(TerritorialIssues issues, PrioritisationExercises exercises, Agreements agreements,
        Citizens citizens, Schemes schemes, Territory territory, Units units, Zones zones, IssueMap issueMap) {

    @GetMapping("/issues")
    String map(@RequestParam(required = false) Long scheme, Model model) {
        if (scheme != null) {
            model.addAttribute("scheme", schemes.get(scheme));
            model.addAttribute("latest", issues.latestPublished(scheme, 20));
        } else {
            model.addAttribute("latest", issues.latestPublished(null, 20));
        }
        model.addAttribute("schemes", schemes.all());
        model.addAttribute("markersUrl", "/public/participation/issues/markers" + (scheme == null ? "" : "?scheme=" + scheme));
        model.addAttribute("baseUrl", scheme == null ? null : "/public/participation/schemes/" + scheme + "/members.geojson");
        return "participation/public-map";
    }

    /** Markers for the map's viewport: published issues only, clustered on a grid. */
    @GetMapping(value = "/issues/markers", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    ResponseEntity<List<TerritorialIssues.Marker>> markers(@RequestParam double west, @RequestParam double south,
            @RequestParam double east, @RequestParam double north, @RequestParam(required = false) Long scheme) {
        return ResponseEntity.ok().cacheControl(CacheControl.noCache())
                .body(issueMap.map(west, south, east, north, scheme));
    }

    /** The member units' boundaries of a scheme, the base of its issue map (no tile server needed). */
    @GetMapping(value = "/schemes/{id}/members.geojson", produces = "application/geo+json")
    @ResponseBody
    Map<String, Object> members(@PathVariable long id) {
        Scheme scheme = schemes.get(id);
        LocalDate today = zones.today(scheme.getCountry().name());
        return territory.boundaries(scheme.getCountry().name(), schemes.memberUnits(id, today), today, 0.002);
    }

    @GetMapping("/issues/{id}")
    String issue(@PathVariable long id, Model model) {
        Issue issue = issues.published(id).orElseThrow(() -> new NotFoundException("Problemática", id));
        model.addAttribute("issue", issue);
        model.addAttribute("scheme", schemes.get(issue.schemeId()));
        model.addAttribute("timeline", timeline(issue));
        return "participation/public-issue";
    }

    @GetMapping("/issues/{id}/photos/{photoId}")
    ResponseEntity<byte[]> photo(@PathVariable long id, @PathVariable long photoId) {
        FileTypes.Content photo = issues.photo(id, photoId);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(photo.contentType())).body(photo.content());
    }

    @GetMapping("/agreements/{id}")
    String agreement(@PathVariable long id, Model model) {
        Agreements.Agreement agreement = agreements.get(id);
        model.addAttribute("agreement", agreement);
        model.addAttribute("scheme", schemes.get(agreement.schemeId()));
        model.addAttribute("observations", agreement.lines().stream().flatMap(l -> l.actions().stream())
                .collect(java.util.stream.Collectors.toMap(Agreements.Action::id,
                        a -> agreements.publishedObservations(a.id()))));
        model.addAttribute("citizen", citizens.current().isPresent());
        return "participation/public-agreement";
    }

    @GetMapping("/prioritisations/{id}")
    String prioritisation(@PathVariable long id, Model model) {
        var exercise = exercises.get(id);
        model.addAttribute("exercise", exercise);
        model.addAttribute("scheme", schemes.get(exercise.schemeId()));
        model.addAttribute("result", exercises.results(id));
        return "participation/public-prioritisation";
    }

    @GetMapping("/register")
    String registerForm(Model model) {
        ParticipationPage.blank(model, "newCitizen", new Citizens.NewCitizen(null, null, null, null, null));
        return "participation/register";
    }

    /** The client's own address: Minga does not trust forwarded headers, so a proxy's clients share its limit. */
    @PostMapping("/register")
    String register(@ModelAttribute("newCitizen") Citizens.NewCitizen form, BindingResult result,
            HttpServletRequest request, HttpServletResponse response) {
        return Forms.submit(result, () -> {
            // Where the citizen lives, typed by name or code, in either country.
            String unitCode = units.code("unitCode", form.unitCode(), Units.Scope.localUnits(null, zones.today()));
            try {
                citizens.register(new Citizens.NewCitizen(form.username(), form.fullName(), form.email(),
                        form.password(), unitCode), request.getRemoteAddr());
            } catch (Citizens.SignUpLimitReached e) {
                response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
                response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(e.window().toSeconds()));
                throw new InvalidInputException("address", "SignUpLimit", "citizen.signUp.limit");
            }
            return "redirect:/login?registered";
        }, () -> "participation/register");
    }

    /** One step of an issue's public life, in date order. */
    record Step(LocalDate on, int order, String kind, String text, String link) {
    }

    private LocalDate day(java.time.Instant at) {
        return LocalDate.ofInstant(at, zones.installation());
    }

    private List<Step> timeline(Issue issue) {
        List<Step> steps = new ArrayList<>();
        steps.add(new Step(day(issue.reportedAt()), 0, "REPORTED", issue.title(), null));
        if (issue.moderatedAt() != null) {
            steps.add(new Step(day(issue.moderatedAt()), 1, "PUBLISHED", null, null));
        }
        for (var standing : exercises.standings(issue.id())) {
            steps.add(new Step(day(standing.closedAt()), 2, standing.winner() ? "PRIORITISED" : "RANKED",
                    standing.title() + " · " + standing.position() + " / " + standing.options(),
                    "/public/participation/prioritisations/" + standing.exerciseId()));
        }
        for (var linked : agreements.actionsForIssue(issue.id())) {
            steps.add(new Step(day(linked.action().createdAt()), 3, "AGREEMENT", linked.agreementTitle() + " · "
                    + linked.lineName() + " · " + linked.action().title() + " (" + linked.action().responsible() + ")",
                    "/public/participation/agreements/" + linked.agreementId()));
            for (var update : linked.action().updates()) {
                steps.add(new Step(update.reportedOn(), 4, "PROGRESS",
                        update.progress().stripTrailingZeros().toPlainString() + " % · " + update.note(), null));
            }
        }
        steps.sort(Comparator.comparing(Step::on).thenComparingInt(Step::order));
        return steps;
    }
}
