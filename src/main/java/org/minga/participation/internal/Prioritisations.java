package org.minga.participation.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.minga.participation.internal.voting.Approval;
import org.minga.participation.internal.voting.Ballots;
import org.minga.participation.internal.voting.Borda;
import org.minga.participation.internal.voting.BudgetApproval;
import org.minga.participation.internal.voting.Result;
import org.minga.participation.internal.voting.Schulze;
import org.minga.platform.InvalidInputException;
import org.minga.platform.InvalidInputException.Violation;
import org.springframework.stereotype.Service;

/**
 * Stateless prioritisation: checks a request, turns option names into indices and runs the
 * chosen method. Nothing is stored.
 */
@Service
public class Prioritisations {

    public static final int MAX_OPTIONS = 200;
    /** Distinct ballots per request; identical ballots travel once with their count. */
    public static final int MAX_BALLOTS = 100_000;
    private static final int MAX_VIOLATIONS = 20;

    public enum Method {
        SCHULZE, BORDA, APPROVAL, BUDGET
    }

    /** {@code ranking} for SCHULZE and BORDA, {@code approved} for APPROVAL and BUDGET; count 1 if omitted. */
    public record BallotInput(List<String> ranking, List<String> approved, Long count) {
    }

    public record Request(String method, List<String> options, List<BallotInput> ballots, BigDecimal budget,
            Map<String, BigDecimal> costs) {
    }

    public Result compute(Request request) {
        List<Violation> problems = new ArrayList<>();
        Method method = method(request.method(), problems);
        List<String> options = request.options() == null ? List.of() : request.options();
        Map<String, Integer> index = new HashMap<>();
        if (options.isEmpty()) {
            problems.add(new Violation("options", "NotEmpty", "prioritisation.options.empty"));
        } else if (options.size() > MAX_OPTIONS) {
            problems.add(new Violation("options", "Size", "prioritisation.options.tooMany", MAX_OPTIONS));
        } else {
            for (int i = 0; i < options.size(); i++) {
                String name = options.get(i);
                if (name == null || name.isBlank()) {
                    problems.add(new Violation("options[" + i + "]", "NotBlank", "prioritisation.option.blank"));
                } else if (index.putIfAbsent(name, i) != null) {
                    problems.add(new Violation("options[" + i + "]", "Unique", "prioritisation.option.duplicate", name));
                }
            }
        }
        List<BigDecimal> costs = method == Method.BUDGET ? costs(request, options, problems) : List.of();
        if (!problems.isEmpty() || method == null) {
            throw new InvalidInputException(problems);
        }
        Ballots ballots = ballots(method, request.ballots(), options.size(), index, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return switch (method) {
            case SCHULZE -> Schulze.compute(options, ballots);
            case BORDA -> Borda.compute(options, ballots);
            case APPROVAL -> Approval.compute(options, ballots);
            case BUDGET -> BudgetApproval.compute(options, ballots, request.budget(), costs);
        };
    }

    private static Method method(String name, List<Violation> problems) {
        if (name == null || name.isBlank()) {
            problems.add(new Violation("method", "Required", "prioritisation.method.unknown", ""));
            return null;
        }
        try {
            return Method.valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            problems.add(new Violation("method", "Unknown", "prioritisation.method.unknown", name));
            return null;
        }
    }

    private static List<BigDecimal> costs(Request request, List<String> options, List<Violation> problems) {
        if (request.budget() == null) {
            problems.add(new Violation("budget", "Required", "prioritisation.budget.required"));
        } else if (request.budget().signum() < 0) {
            problems.add(new Violation("budget", "Min", "prioritisation.budget.negative"));
        }
        Map<String, BigDecimal> given = request.costs() == null ? Map.of() : request.costs();
        List<BigDecimal> costs = new ArrayList<>(options.size());
        for (String option : options) {
            BigDecimal cost = given.get(option);
            if (cost == null) {
                problems.add(new Violation("costs." + option, "Required", "prioritisation.cost.required", option));
            } else if (cost.signum() < 0) {
                problems.add(new Violation("costs." + option, "Min", "prioritisation.cost.negative", option));
            }
            costs.add(cost);
        }
        for (String named : given.keySet()) {
            if (!options.contains(named)) {
                problems.add(new Violation("costs." + named, "UnknownOption", "prioritisation.option.unknown", named));
            }
        }
        return costs;
    }

    private static Ballots ballots(Method method, List<BallotInput> inputs, int n, Map<String, Integer> index,
            List<Violation> problems) {
        Ballots ballots = new Ballots(n);
        if (inputs == null) {
            return ballots;
        }
        if (inputs.size() > MAX_BALLOTS) {
            problems.add(new Violation("ballots", "Size", "prioritisation.ballots.tooMany", MAX_BALLOTS));
            return ballots;
        }
        boolean ranked = method == Method.SCHULZE || method == Method.BORDA;
        String part = ranked ? "ranking" : "approved";
        int[] seen = new int[n];
        for (int b = 0; b < inputs.size() && problems.size() < MAX_VIOLATIONS; b++) {
            BallotInput input = inputs.get(b);
            String field = "ballots[" + b + "]";
            if (input == null) {
                problems.add(new Violation(field, "Required", "prioritisation.ballot.required"));
                continue;
            }
            long count = input.count() == null ? 1 : input.count();
            if (count < 1) {
                problems.add(new Violation(field + ".count", "Min", "prioritisation.ballot.count"));
            }
            List<String> names = ranked ? input.ranking() : input.approved();
            if (names == null) {
                problems.add(new Violation(field + "." + part, "Required", "prioritisation.ballot.required"));
                continue;
            }
            int[] ballot = new int[names.size()];
            boolean valid = count >= 1;
            for (int k = 0; k < ballot.length; k++) {
                Integer option = index.get(names.get(k));
                if (option == null) {
                    problems.add(new Violation(field + "." + part, "UnknownOption", "prioritisation.option.unknown",
                            names.get(k)));
                    valid = false;
                    break;
                }
                if (seen[option] == b + 1) {
                    problems.add(new Violation(field + "." + part, "Unique", "prioritisation.ballot.duplicate",
                            names.get(k)));
                    valid = false;
                    break;
                }
                seen[option] = b + 1;
                ballot[k] = option;
            }
            if (valid) {
                ballots.add(ballot, count);
            }
        }
        return ballots;
    }
}
