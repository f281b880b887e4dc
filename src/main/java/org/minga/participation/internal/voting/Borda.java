package org.minga.participation.internal.voting;

import java.util.List;

/**
 * The Borda count on ranked ballots. With {@code n} options, the option in position {@code k}
 * (1 = most preferred) gets {@code n − k} points; options a ballot leaves out get 0 points from
 * it (they tie last, and a partial ballot gives nothing to what it does not rank). The score is
 * the total of points; the winners are the options with the most points (all of them if tied).
 */
public final class Borda {

    private Borda() {
    }

    public static Result compute(List<String> names, Ballots ballots) {
        int n = names.size();
        long[] points = new long[n];
        short[] items = ballots.items();
        for (int b = 0; b < ballots.size(); b++) {
            long c = ballots.count(b);
            int start = ballots.start(b);
            for (int a = start; a < ballots.end(b); a++) {
                points[items[a]] += c * (n - 1 - (a - start));
            }
        }
        List<Result.Standing> ranking = Rankings.byScore(names, points);
        List<String> winners = Rankings.first(ranking);
        String explanation = "Conteo de Borda: cada papeleta ordena las opciones; con " + n + " opciones, la primera recibe "
                + (n - 1) + " puntos, la segunda " + Math.max(n - 2, 0) + ", y así hasta 0 (la posición k recibe n − k puntos). "
                + "Las opciones que una papeleta no menciona reciben 0 puntos de ella. La puntuación es la suma de puntos; "
                + "las opciones con los mismos puntos empatan. Resultado con " + ballots.voters() + " votos: "
                + Rankings.describe(ranking, "puntos") + ". "
                + (winners.size() == 1 ? "Gana " + winners.getFirst() + "." : "Empatan en el primer lugar " + Rankings.list(winners) + ".");
        return new Result(ranking, winners, explanation);
    }
}
