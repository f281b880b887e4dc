package org.minga.evaluation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.minga.planning.Indicators;

/**
 * The health of a scheme as one number from 0 to 100 and its components, each explained; pure, so
 * each component is tested without a database. A component without data is left out of the mean
 * (and says so) rather than counted as zero: no governing body registered, no self-evaluation
 * answered, nothing due. Zero is a finding, not a lack of data: bodies registered with no seat
 * occupied score 0.
 */
public final class HealthIndex {

    /** Projects with a step, report or milestone within this many days are moving. */
    public static final int MOVING_DAYS = 180;

    public enum Band { HEALTHY, ATTENTION, CRITICAL }

    /** One component: a score 0–100 (null without data), its weight, and the message key and arguments explaining it. */
    public record Component(String key, Double score, int weight,
            @org.minga.platform.web.MessageText(args = "args", text = "explanationText") String explanation, List<Object> args) {
    }

    public record Result(Double index, Band band, List<Component> components) {
    }

    private HealthIndex() {
    }

    public static Result of(List<Component> components) {
        double sum = 0;
        int weights = 0;
        for (Component c : components) {
            if (c.score() != null) {
                sum += c.score() * c.weight();
                weights += c.weight();
            }
        }
        Double index = weights == 0 ? null : round(sum / weights);
        Band band = index == null ? null : index >= 70 ? Band.HEALTHY : index >= 40 ? Band.ATTENTION : Band.CRITICAL;
        return new Result(index, band, List.copyOf(components));
    }

    /** Paid over due, per currency, averaged over the currencies with obligations due. */
    public static Component contributions(Map<String, BigDecimal[]> dueAndPaidByCurrency) {
        var withDue = dueAndPaidByCurrency.values().stream().filter(v -> v[0].signum() > 0).toList();
        if (withDue.isEmpty()) {
            return new Component("contributions", null, 1, "evaluation.health.contributions.none", List.of());
        }
        double ratio = withDue.stream().mapToDouble(v -> Math.min(1, v[1].doubleValue() / v[0].doubleValue())).average()
                .orElse(0);
        return new Component("contributions", round(ratio * 100), 1, "evaluation.health.contributions",
                List.of(round(ratio * 100)));
    }

    /** On-track goals count fully, late ones half, off-track ones nothing; pending goals are not yet judged. */
    public static Component goals(Map<Indicators.Status, Integer> counts) {
        int on = counts.getOrDefault(Indicators.Status.ON_TRACK, 0);
        int late = counts.getOrDefault(Indicators.Status.LATE, 0);
        int off = counts.getOrDefault(Indicators.Status.OFF_TRACK, 0);
        int judged = on + late + off;
        if (judged == 0) {
            return new Component("goals", null, 1, "evaluation.health.goals.none", List.of());
        }
        return new Component("goals", round((on + 0.5 * late) * 100 / judged), 1, "evaluation.health.goals",
                List.of(on, late, off));
    }

    /** The share of active projects (neither finished, closed nor discarded) with activity in the last {@link #MOVING_DAYS} days. */
    public static Component projects(List<LocalDate> lastActivityOfActiveProjects, LocalDate at) {
        if (lastActivityOfActiveProjects.isEmpty()) {
            return new Component("projects", null, 1, "evaluation.health.projects.none", List.of());
        }
        long moving = lastActivityOfActiveProjects.stream().filter(Objects::nonNull)
                .filter(d -> ChronoUnit.DAYS.between(d, at) <= MOVING_DAYS).count();
        return new Component("projects", round(100.0 * moving / lastActivityOfActiveProjects.size()), 1,
                "evaluation.health.projects", List.of(moving, lastActivityOfActiveProjects.size(), MOVING_DAYS));
    }

    /** The share of occupied seats still within their term; left out when no body is registered, 0 when none has a seat occupied. */
    public static Component bodies(int bodies, int openSeats, int pastTerm) {
        if (bodies == 0) {
            return new Component("bodies", null, 1, "evaluation.health.bodies.unregistered", List.of());
        }
        if (openSeats == 0) {
            return new Component("bodies", 0.0, 1, "evaluation.health.bodies.none", List.of());
        }
        return new Component("bodies", round(100.0 * (openSeats - pastTerm) / openSeats), 1, "evaluation.health.bodies",
                List.of(openSeats - pastTerm, openSeats));
    }

    /**
     * Sessions held in the last twelve months over those the statutes require (each body's held
     * sessions counted up to its requirement); left out when no statutes set a requirement.
     */
    public static Component bodiesMeeting(int held, int required) {
        if (required == 0) {
            return new Component("bodiesMeeting", null, 1, "evaluation.health.bodiesMeeting.none", List.of());
        }
        return new Component("bodiesMeeting", round(100.0 * Math.min(held, required) / required), 1,
                "evaluation.health.bodiesMeeting", List.of(held, required));
    }

    /** The share of current members that answered the latest self-evaluation; left out while none exists ({@code answering} null). */
    public static Component participation(int members, Integer answering) {
        if (members == 0) {
            return new Component("participation", null, 1, "evaluation.health.participation.none", List.of());
        }
        if (answering == null) {
            return new Component("participation", null, 1, "evaluation.health.participation.noEvaluation", List.of());
        }
        return new Component("participation", round(100.0 * Math.min(answering, members) / members), 1,
                "evaluation.health.participation", List.of(Math.min(answering, members), members));
    }

    /** The equity index among members (0–1) as a score. */
    public static Component equity(BigDecimal index) {
        if (index == null) {
            return new Component("equity", null, 1, "evaluation.health.equity.none", List.of());
        }
        return new Component("equity", round(index.doubleValue() * 100), 1, "evaluation.health.equity",
                List.of(index.toPlainString()));
    }

    /** The latest campaign's mean score (1–5) on 0–100. */
    public static Component selfEvaluation(Double meanScore, String campaign) {
        if (meanScore == null) {
            return new Component("selfEvaluation", null, 1, "evaluation.health.selfEvaluation.none", List.of());
        }
        return new Component("selfEvaluation", round((meanScore - 1) * 25), 1, "evaluation.health.selfEvaluation",
                List.of(campaign, round(meanScore)));
    }

    static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }
}
