package org.minga.participation.internal.voting;

import java.util.List;

/**
 * Approval voting: each ballot approves any number of options; the score is the number of
 * voters who approve an option, and the winners are the most approved (all of them if tied).
 */
public final class Approval {

    private Approval() {
    }

    public static Result compute(List<String> names, Ballots ballots) {
        List<Result.Standing> ranking = Rankings.byScore(names, ballots.mentions());
        List<String> winners = Rankings.first(ranking);
        String explanation = "Voto por aprobación: cada votante aprueba las opciones que acepta, tantas como quiera; "
                + "la puntuación de una opción es el número de votantes que la aprueban, y las opciones con igual "
                + "número de aprobaciones empatan. Resultado con " + ballots.voters() + " votos: "
                + Rankings.describe(ranking, "aprobaciones") + ". "
                + (winners.size() == 1 ? "Gana " + winners.getFirst() + "." : "Empatan en el primer lugar " + Rankings.list(winners) + ".");
        return new Result(ranking, winners, explanation);
    }
}
