package org.minga.participation.internal.voting;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Participatory budgeting by approval with greedy funding. Options are ranked by approvals (ties
 * share a position). Then, in order of approvals (ties: lower cost first, then name), each option
 * is funded if its cost fits in what is left of the budget; one that does not fit is skipped and
 * the next is tried. The winners are the funded options, in the order they were funded.
 */
public final class BudgetApproval {

    private BudgetApproval() {
    }

    public static Result compute(List<String> names, Ballots ballots, BigDecimal budget, List<BigDecimal> costs) {
        long[] votes = ballots.mentions();
        List<Result.Standing> ranking = Rankings.byScore(names, votes);
        int[] order = IntStream.range(0, names.size()).boxed()
                .sorted(Comparator.comparingLong((Integer i) -> -votes[i]).thenComparing(costs::get).thenComparing(names::get))
                .mapToInt(Integer::intValue).toArray();
        BigDecimal left = budget;
        List<String> funded = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (int i : order) {
            if (costs.get(i).compareTo(left) <= 0) {
                funded.add(names.get(i));
                left = left.subtract(costs.get(i));
            } else {
                skipped.add(names.get(i));
            }
        }
        String explanation = "Presupuesto participativo por aprobación: cada votante aprueba las opciones que apoya; "
                + "las opciones se ordenan por aprobaciones (con igual número empatan). Luego se financian en ese orden "
                + "(a igualdad de aprobaciones, primero la de menor costo y luego por nombre) mientras su costo quepa en lo "
                + "que queda del presupuesto; la que no cabe se salta y se sigue con la siguiente. "
                + "Resultado con " + ballots.voters() + " votos y un presupuesto de " + budget.toPlainString() + ": "
                + Rankings.describe(ranking, "aprobaciones") + ". Se financian " + Rankings.list(funded)
                + " (sobran " + left.toPlainString() + ")"
                + (skipped.isEmpty() ? "." : "; no caben " + Rankings.list(skipped) + ".");
        return new Result(ranking, funded, explanation);
    }
}
