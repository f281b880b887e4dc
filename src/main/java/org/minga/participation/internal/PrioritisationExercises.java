package org.minga.participation.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.minga.identity.Citizens;
import org.minga.participation.internal.Prioritisations.BallotInput;
import org.minga.participation.internal.Prioritisations.Method;
import org.minga.participation.internal.TerritorialIssues.Issue;
import org.minga.participation.internal.TerritorialIssues.Stage;
import org.minga.participation.internal.voting.Result;
import org.minga.platform.AuditLog;
import org.minga.platform.AuditLog.Change;
import org.minga.platform.Checks;
import org.minga.platform.Inputs;
import org.minga.platform.InvalidInputException;
import org.minga.platform.InvalidInputException.Violation;
import org.minga.platform.NotFoundException;
import org.minga.platform.SystemActor;
import org.minga.projects.ProjectDigest;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.support.SqlArrayValue;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Prioritisation exercises over a scheme's published issues: who may vote (registered citizens of
 * given units, or the delegates at an event), ballots cast online by the voter or entered from
 * paper by staff, one per eligible person, and the result by the chosen method.
 */
@Service
public class PrioritisationExercises {

    private static final String ENTITY = "prioritisation";

    public enum Eligibility { UNIT_CITIZENS, EVENT_DELEGATES }

    public enum Channel { ONLINE, PAPER }

    /**
     * Options are published issues of the scheme (with their costs for a budget) and projects of its
     * bank that are still alive (a budget uses the cost recorded in the bank).
     */
    public record NewExercise(@NotBlank @Size(max = 160) String title, String method, BigDecimal budget,
            String eligibility, List<String> units,
            Long eventId, List<Long> issueIds, Map<Long, BigDecimal> costs, List<Long> projectIds) {
    }

    /** One option: an issue or a project. */
    public record Option(long id, Long issueId, Long projectId, String label, BigDecimal cost) {
    }

    public record Exercise(long id, long schemeId, String title, Method method, BigDecimal budget,
            Eligibility eligibility, Long eventId, List<String> units, boolean open, Instant createdAt,
            Instant closedAt, List<Option> options, long online, long paper) {

        public boolean ranked() {
            return method == Method.SCHULZE || method == Method.BORDA;
        }

        public long ballots() {
            return online + paper;
        }
    }

    /** A ballot: option ids in order of preference (ranked methods) or the approved options. */
    public record Choice(List<Long> optionIds) {
    }

    /** Who an exercise's paper ballot is for: a citizen's user name, or an attendee's id. */
    public record Voter(String username, Long attendeeId) {
    }

    private final Desk desk;
    private final TerritorialIssues issues;
    private final Prioritisations prioritisations;
    private final ProjectDigest projects;
    private final BallotBox ballots;

    PrioritisationExercises(Desk desk, TerritorialIssues issues, Prioritisations prioritisations,
            ProjectDigest projects, BallotBox ballots) {
        this.desk = desk;
        this.issues = issues;
        this.prioritisations = prioritisations;
        this.projects = projects;
        this.ballots = ballots;
    }

    @Transactional
    public long create(long schemeId, NewExercise input) {
        desk.scopes().requireSchemeWrite(schemeId);
        Checks checks = new Checks().valid(input);
        Method method = checks.oneOf("method", Method.class, input.method());
        Eligibility eligibility = checks.oneOf("eligibility", Eligibility.class, input.eligibility());
        List<String> units = input.units() == null ? List.of()
                : input.units().stream().map(Inputs::text).filter(java.util.Objects::nonNull).distinct().toList();
        checks.rule(eligibility != Eligibility.UNIT_CITIZENS || !units.isEmpty(), "units", "NotEmpty",
                "participation.exercise.units.required");
        checks.rule(eligibility != Eligibility.EVENT_DELEGATES || (input.eventId() != null && desk.jdbc().sql(
                "select count(*) from participation_event where id = :e and scheme_id = :s").param("e", input.eventId())
                .param("s", schemeId).query(Long.class).single() > 0), "eventId", "Exists",
                "participation.exercise.event.required");
        checks.rule(method != Method.BUDGET || (input.budget() != null && input.budget().signum() >= 0), "budget",
                "Required", "prioritisation.budget.required");
        Choices chosen = choices(checks, schemeId, method, input);
        checks.orThrow();
        String title = Inputs.text(input.title());
        long id = desk.jdbc().sql("""
                insert into prioritisation (scheme_id, title, method, budget, eligibility, event_id, created_by)
                values (:s, :title, :method, :budget, :eligibility, :event, :by) returning id""")
                .param("s", schemeId).param("title", title).param("method", method.name())
                .param("budget", method == Method.BUDGET ? input.budget() : null).param("eligibility", eligibility.name())
                .param("event", eligibility == Eligibility.EVENT_DELEGATES ? input.eventId() : null)
                .param("by", SystemActor.current()).query(Long.class).single();
        if (eligibility == Eligibility.UNIT_CITIZENS) {
            desk.jdbc().sql("insert into prioritisation_unit (prioritisation_id, unit_code) select :p, unnest(:u)")
                    .param("p", id).param("u", new SqlArrayValue("text", units.toArray())).update();
        }
        writeOptions(id, method, chosen, input.costs());
        desk.audit().record(Change.created(ENTITY, id, schemeId, "Priorización abierta: " + title,
                Map.of("method", method.name(), "eligibility", eligibility.name(), "options",
                        chosen.issues().size() + chosen.projects().size(), "units", units)));
        return id;
    }

    /** The options chosen: published issues of the scheme and live projects of its bank. */
    private record Choices(List<Issue> issues, List<ProjectDigest.Summary> projects) {
    }

    /** At least two options, each of the scheme and still open; with a cost when the method is a budget. */
    private Choices choices(Checks checks, long schemeId, Method method, NewExercise input) {
        List<Long> issueIds = input.issueIds() == null ? List.of() : input.issueIds().stream().distinct().toList();
        List<Long> projectIds = input.projectIds() == null ? List.of() : input.projectIds().stream().distinct().toList();
        checks.rule(issueIds.size() + projectIds.size() >= 2, "issueIds", "Size", "participation.exercise.options.min");
        Map<Long, ProjectDigest.Summary> found = projects.summaries(projectIds);
        List<ProjectDigest.Summary> chosenProjects = new ArrayList<>();
        for (Long projectId : projectIds) {
            ProjectDigest.Summary project = found.get(projectId);
            if (project == null || project.schemeId() != schemeId || project.stage().isFinal()) {
                checks.add(new Violation("projectIds", "Open", "participation.exercise.option.project", projectId));
            } else {
                chosenProjects.add(project);
                checks.rule(method != Method.BUDGET || project.cost() != null, "costs", "Required",
                        "prioritisation.cost.required", project.name());
            }
        }
        List<Issue> chosenIssues = new ArrayList<>();
        for (Long issueId : issueIds) {
            Optional<Issue> issue = issues.published(issueId).filter(i -> i.schemeId() == schemeId);
            if (issue.isEmpty()) {
                checks.add(new Violation("issueIds", "Published", "participation.exercise.option.unpublished", issueId));
            } else {
                chosenIssues.add(issue.get());
                BigDecimal cost = input.costs() == null ? null : input.costs().get(issueId);
                checks.rule(method != Method.BUDGET || (cost != null && cost.signum() >= 0), "costs", "Required",
                        "prioritisation.cost.required", issue.get().title());
            }
        }
        return new Choices(chosenIssues, chosenProjects);
    }

    /** Labels name the options in results and in the stateless computation; they must differ. */
    private void writeOptions(long exerciseId, Method method, Choices chosen, Map<Long, BigDecimal> costs) {
        Set<String> labels = new HashSet<>();
        for (Issue issue : chosen.issues()) {
            writeOption(exerciseId, "issue_id", issue.id(), label(labels, issue.title(), issue.id()),
                    method == Method.BUDGET ? costs.get(issue.id()) : null);
        }
        for (ProjectDigest.Summary project : chosen.projects()) {
            writeOption(exerciseId, "project_id", project.id(),
                    label(labels, project.code() + " " + project.name(), project.id()),
                    method == Method.BUDGET ? project.cost() : null);
        }
    }

    private void writeOption(long exerciseId, String column, long id, String label, BigDecimal cost) {
        desk.jdbc().sql("insert into prioritisation_option (prioritisation_id, " + column + ", label, cost) values (:p, :i, :l, :c)")
                .param("p", exerciseId).param("i", id).param("l", label).param("c", cost).update();
    }

    private static String label(Set<String> labels, String name, long id) {
        String label = labels.add(name) ? name : name + " (#" + id + ")";
        labels.add(label);
        return label;
    }

    public Exercise get(long id) {
        Exercise exercise = desk.jdbc().sql("""
                select p.id, p.scheme_id, p.title, p.method, p.budget, p.eligibility, p.event_id, p.status,
                       p.created_at, p.closed_at,
                       (select count(*) from ballot b where b.prioritisation_id = p.id and b.channel = 'ONLINE') as online,
                       (select count(*) from ballot b where b.prioritisation_id = p.id and b.channel = 'PAPER') as paper,
                       array(select unit_code from prioritisation_unit u where u.prioritisation_id = p.id order by 1)
                           as units
                from prioritisation p where p.id = :id""").param("id", id)
                .query((rs, n) -> new Exercise(rs.getLong("id"), rs.getLong("scheme_id"), rs.getString("title"),
                        Method.valueOf(rs.getString("method")), rs.getBigDecimal("budget"),
                        Eligibility.valueOf(rs.getString("eligibility")), rs.getObject("event_id", Long.class),
                        List.of((String[]) rs.getArray("units").getArray()), "OPEN".equals(rs.getString("status")),
                        rs.getTimestamp("created_at").toInstant(),
                        rs.getTimestamp("closed_at") == null ? null : rs.getTimestamp("closed_at").toInstant(),
                        new ArrayList<>(), rs.getLong("online"), rs.getLong("paper")))
                .optional().orElseThrow(() -> new NotFoundException("Priorización", id));
        desk.jdbc().sql("""
                select id, issue_id, project_id, label, cost from prioritisation_option where prioritisation_id = :p
                order by id""").param("p", id).query((rs, n) -> exercise.options().add(new Option(rs.getLong("id"),
                        rs.getObject("issue_id", Long.class), rs.getObject("project_id", Long.class),
                        rs.getString("label"), rs.getBigDecimal("cost")))).list();
        return exercise;
    }

    /** One line of a scheme's list of exercises. */
    public record Summary(long id, String title, Method method, boolean open, long ballots) {
    }

    /** The scheme's latest exercises with their ballot counts, in one query. */
    public List<Summary> ofScheme(long schemeId) {
        return desk.jdbc().sql("""
                select p.id, p.title, p.method, p.status = 'OPEN' as open,
                       (select count(*) from ballot b where b.prioritisation_id = p.id) as ballots
                from prioritisation p where p.scheme_id = :s order by p.id desc limit 100""").param("s", schemeId)
                .query((rs, n) -> new Summary(rs.getLong("id"), rs.getString("title"),
                        Method.valueOf(rs.getString("method")), rs.getBoolean("open"), rs.getLong("ballots"))).list();
    }

    /** The signed-in citizen's own ballot. */
    public void voteOnline(long id, Choice choice) {
        ballots.voteOnline(get(id), choice);
    }

    /** A paper ballot, entered by the scheme's staff for the person who filled it in. */
    public void votePaper(long id, Voter voter, Choice choice) {
        ballots.votePaper(get(id), voter, choice);
    }

    /** The result over every ballot so far: identical ballots are counted together. */
    public Result results(long id) {
        Exercise exercise = get(id);
        Map<List<String>, Long> distinct = new LinkedHashMap<>();
        List<String> current = new ArrayList<>();
        long[] last = {-1};
        desk.jdbc().sql("""
                select b.id as ballot_id, o.label from ballot b join ballot_choice c on c.ballot_id = b.id
                join prioritisation_option o on o.id = c.option_id
                where b.prioritisation_id = :p order by b.id, c.rank, o.id""").param("p", id)
                .query((rs, n) -> {
                    if (rs.getLong("ballot_id") != last[0]) {
                        if (!current.isEmpty()) {
                            distinct.merge(List.copyOf(current), 1L, Long::sum);
                        }
                        current.clear();
                        last[0] = rs.getLong("ballot_id");
                    }
                    current.add(rs.getString("label"));
                    return null;
                }).list();
        if (!current.isEmpty()) {
            distinct.merge(List.copyOf(current), 1L, Long::sum);
        }
        List<BallotInput> ballots = distinct.entrySet().stream()
                .map(e -> exercise.ranked() ? new BallotInput(e.getKey(), null, e.getValue())
                        : new BallotInput(null, e.getKey(), e.getValue())).toList();
        Map<String, BigDecimal> costs = new LinkedHashMap<>();
        exercise.options().forEach(o -> costs.put(o.label(), o.cost()));
        return prioritisations.compute(new Prioritisations.Request(exercise.method().name(),
                exercise.options().stream().map(Option::label).toList(), ballots, exercise.budget(),
                exercise.method() == Method.BUDGET ? costs : null));
    }

    /** Closes the exercise; its winning issues become prioritised. */
    @Transactional
    public Result close(long id) {
        Exercise exercise = get(id);
        desk.scopes().requireSchemeWrite(exercise.schemeId());
        if (!exercise.open()) {
            throw new InvalidInputException(List.of(new Violation("status", "Open", "participation.ballot.closed")));
        }
        Result result = results(id);
        desk.jdbc().sql("update prioritisation set status = 'CLOSED', closed_at = now() where id = :id").param("id", id).update();
        for (Option option : exercise.options()) {
            if (option.issueId() != null && result.winners().contains(option.label())) {
                issues.advance(option.issueId(), Stage.PRIORITISED);
            }
        }
        desk.audit().record(Change.updated(ENTITY, id, exercise.schemeId(), "Priorización cerrada: " + exercise.title(),
                Map.of("status", "OPEN"), Map.of("status", "CLOSED", "winners", result.winners(),
                        "ballots", exercise.ballots())));
        return result;
    }

    /** The closed exercises an issue took part in, with its position, for the public timeline. */
    public record Standing(long exerciseId, String title, Instant closedAt, int position, int options, boolean winner) {
    }

    public List<Standing> standings(long issueId) {
        List<Standing> standings = new ArrayList<>();
        for (Long exerciseId : desk.jdbc().sql("""
                select p.id from prioritisation p join prioritisation_option o on o.prioritisation_id = p.id
                where o.issue_id = :i and p.status = 'CLOSED' order by p.closed_at""").param("i", issueId)
                .query(Long.class).list()) {
            Exercise exercise = get(exerciseId);
            Result result = results(exerciseId);
            String label = exercise.options().stream().filter(o -> Long.valueOf(issueId).equals(o.issueId())).findFirst().orElseThrow().label();
            result.ranking().stream().filter(s -> s.option().equals(label)).findFirst().ifPresent(s -> standings.add(
                    new Standing(exerciseId, exercise.title(), exercise.closedAt(), s.position(),
                            exercise.options().size(), result.winners().contains(label))));
        }
        return standings;
    }

    /** The delegates of the exercise's event, for the paper ballot form. */
    public record Delegate(long attendeeId, String name) {
    }

    public List<Delegate> delegates(Exercise exercise) {
        if (exercise.eventId() == null) {
            return List.of();
        }
        return desk.jdbc().sql("select id, full_name from event_attendee where event_id = :e and delegate order by full_name")
                .param("e", exercise.eventId())
                .query((rs, n) -> new Delegate(rs.getLong("id"), rs.getString("full_name"))).list();
    }
}
