package org.minga.projects.internal;

import java.sql.Date;
import java.time.LocalDate;
import java.util.List;

import jakarta.validation.constraints.Size;

import org.minga.platform.AuditLog.Change;
import org.minga.platform.Checks;
import org.minga.platform.Inputs;
import org.minga.platform.InvalidInputException;
import org.minga.platform.SystemActor;
import org.minga.projects.Stage;
import org.minga.projects.internal.Projects.Project;
import org.minga.projects.internal.Projects.StepView;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The lifecycle of a project: the dated steps from one stage to the next that {@link Stage} allows. */
@Service
public class ProjectSteps {

    /** A step as a form or the API sends it. */
    public record Step(String stage, LocalDate on, @Size(max = 2000) String note) {
    }

    private final Bank bank;
    private final Projects projects;

    ProjectSteps(Bank bank, Projects projects) {
        this.bank = bank;
        this.projects = projects;
    }

    /** Moves the project one allowed step, dated not in the future and not before its previous step. */
    @Transactional
    public Project change(long id, Step step) {
        Project before = projects.writable(id);
        Stage target = Stage.parse(step.stage());
        if (target == null) {
            throw new InvalidInputException("stage", "OneOf", "projects.stage.unknown");
        }
        List<Stage> next = next(before);
        if (!next.contains(target)) {
            String possible = next.isEmpty() ? "ninguno"
                    : String.join(", ", next.stream().map(Stage::label).toList());
            throw new InvalidInputException("stage", "Transition", "projects.stage.transition",
                    before.stage().label(), target.label(), possible);
        }
        LocalDate on = step.on();
        Checks checks = new Checks().valid(step);
        if (on == null) {
            checks.rule(false, "on", "Required", "projects.stage.date.required");
        } else if (on.isAfter(bank.today(before.schemeId()))) {
            checks.rule(false, "on", "PastOrPresent", "projects.stage.date.future");
        } else {
            checks.rule(!on.isBefore(before.stageSince()), "on", "Date", "projects.stage.date.before",
                    before.stageSince().toString());
        }
        checks.orThrow();
        int n = bank.jdbc().sql("""
                update project set stage = :to, stage_since = :on, updated_at = now(), version = version + 1
                where id = :id and stage = :from
                """).param("id", id).param("to", target.name()).param("on", Date.valueOf(on))
                .param("from", before.stage().name()).update();
        if (n == 0) {
            throw new OptimisticLockingFailureException("project " + id);
        }
        bank.jdbc().sql("""
                insert into project_step (project_id, from_stage, to_stage, occurred_on, note, recorded_by)
                values (:p, :from, :to, :on, :note, :by)
                """).param("p", id).param("from", before.stage().name()).param("to", target.name())
                .param("on", Date.valueOf(on)).param("note", Inputs.text(step.note()))
                .param("by", SystemActor.current()).update();
        Project after = projects.get(id);
        bank.audit().record(Change.updated(Projects.ENTITY, id, after.schemeId(), "Proyecto " + after.code() + ": "
                + before.stage().label() + " → " + target.label(), before.auditState(), after.auditState()));
        return after;
    }

    /** The stages the project may move to now; a suspended project resumes where it was. */
    public List<Stage> next(Project p) {
        Stage suspendedFrom = null;
        if (p.stage() == Stage.SUSPENDED) {
            suspendedFrom = bank.jdbc().sql("""
                    select from_stage from project_step where project_id = :p and to_stage = 'SUSPENDED'
                    order by id desc limit 1
                    """).param("p", p.id()).query(String.class).optional().map(Stage::valueOf).orElse(null);
        }
        return p.stage().next(suspendedFrom);
    }

    public List<StepView> of(long id) {
        return bank.jdbc().sql("""
                select id, from_stage, to_stage, occurred_on, note, recorded_by from project_step
                where project_id = :p order by occurred_on, id
                """).param("p", id).query((rs, n) -> new StepView(rs.getLong("id"),
                        rs.getString("from_stage") == null ? null : Stage.valueOf(rs.getString("from_stage")),
                        Stage.valueOf(rs.getString("to_stage")), rs.getDate("occurred_on").toLocalDate(),
                        rs.getString("note"), rs.getString("recorded_by"))).list();
    }
}
