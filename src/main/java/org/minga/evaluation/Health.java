package org.minga.evaluation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.minga.finance.Contributions;
import org.minga.finance.Equity;
import org.minga.governance.Meetings;
import org.minga.planning.Plans;
import org.minga.projects.ProjectDigest;
import org.minga.registry.SchemeFacts;
import org.minga.registry.Schemes;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The health index of a scheme on a date, from live data: contributions paid in the last twelve
 * months, goals on track, projects moving, governing bodies in term and meeting as their statutes say, members answering the latest
 * self-evaluation, equity among members over the last twelve months, and that evaluation's mean score.
 */
@Service
public class Health {

    private final Schemes schemes;
    private final Contributions contributions;
    private final Equity equity;
    private final Plans plans;
    private final ProjectDigest projects;
    private final SchemeFacts facts;
    private final SelfEvaluations evaluations;
    private final Meetings meetings;

    Health(Schemes schemes, Contributions contributions, Equity equity, Plans plans, ProjectDigest projects,
            SchemeFacts facts, SelfEvaluations evaluations, Meetings meetings) {
        this.schemes = schemes;
        this.contributions = contributions;
        this.equity = equity;
        this.plans = plans;
        this.projects = projects;
        this.facts = facts;
        this.evaluations = evaluations;
        this.meetings = meetings;
    }

    /** Read-write only because equity may first rebuild the scheme's stale benefit ledger. */
    @Transactional
    public HealthIndex.Result of(long schemeId, LocalDate at) {
        schemes.get(schemeId);
        LocalDate yearAgo = at.minusYears(1);
        Map<String, BigDecimal[]> money = new TreeMap<>();
        for (var o : contributions.obligations(schemeId, null, at)) {
            if (o.dueOn().isAfter(yearAgo)) {
                BigDecimal[] v = money.computeIfAbsent(o.currency(), c -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
                v[0] = v[0].add(o.amount());
                v[1] = v[1].add(o.paid());
            }
        }
        List<HealthIndex.Component> components = new ArrayList<>();
        components.add(HealthIndex.contributions(money));
        components.add(HealthIndex.goals(plans.dashboard(schemeId, at, 0, 1).counts()));
        components.add(HealthIndex.projects(projects.projects(schemeId, null).stream().filter(ProjectDigest.Project::active)
                .map(ProjectDigest.Project::lastActivity).toList(), at));
        var seats = facts.seats(schemeId, at);
        components.add(HealthIndex.bodies(seats.bodies(), seats.open(), seats.pastTerm()));
        var held = meetings.lastYear(schemeId, at);
        components.add(HealthIndex.bodiesMeeting(held.held(), held.required()));
        var latest = evaluations.latest(schemeId);
        components.add(HealthIndex.participation(facts.members(schemeId, at).size(),
                latest == null ? null : latest.answeringMembers()));
        components.add(HealthIndex.equity(equity.of(schemeId, yearAgo, at).index()));
        components.add(HealthIndex.selfEvaluation(latest == null ? null : latest.mean(),
                latest == null ? null : latest.campaign()));
        return HealthIndex.of(components);
    }
}
