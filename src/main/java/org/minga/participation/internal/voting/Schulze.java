package org.minga.participation.internal.voting;

import java.util.List;
import java.util.stream.IntStream;

/**
 * The Schulze method on ranked ballots. A ballot lists options from most to least preferred;
 * options it leaves out tie last, below every option it ranks.
 *
 * <ol>
 * <li><b>Pairwise preferences</b> {@code d[x][y]}: the voters who put {@code x} above {@code y}.
 * A ballot ranking {@code m} of the {@code n} options costs {@code m(m-1)/2 + m} additions, not
 * {@code n²}: pairs of ranked options are counted directly; "ranked beats unranked" follows from
 * how many voters rank each option ({@code d[x][y] = ranked[x] − above[y][x]}). Large inputs are
 * split among the processors, each with its own matrix, summed at the end. Counts are {@code long}.</li>
 * <li><b>Strongest paths</b> {@code p[x][y]} (widest path, Floyd–Warshall style, {@code O(n³)}),
 * starting from {@code d[x][y]} where {@code d[x][y] > d[y][x]}, otherwise 0.</li>
 * <li><b>Ranking</b>: {@code x} beats {@code y} when {@code p[x][y] > p[y][x]}; the score is the
 * number of options an option beats (the relation is transitive, so this orders them), and equal
 * scores tie. The winners are the options in first position.</li>
 * </ol>
 */
public final class Schulze {

    /** Below this many pair additions one thread is quicker than splitting the work. */
    private static final long PARALLEL_THRESHOLD = 2_000_000;

    private Schulze() {
    }

    public static Result compute(List<String> names, Ballots ballots) {
        int n = names.size();
        long[][] d = preferences(ballots);
        long[][] p = strongestPaths(d);
        long[] beats = new long[n];
        for (int x = 0; x < n; x++) {
            for (int y = 0; y < n; y++) {
                if (x != y && p[x][y] > p[y][x]) {
                    beats[x]++;
                }
            }
        }
        List<Result.Standing> ranking = Rankings.byScore(names, beats);
        List<String> winners = Rankings.first(ranking);
        String explanation = "Método de Schulze: cada papeleta ordena las opciones de la más a la menos preferida; "
                + "las opciones que una papeleta no menciona empatan al final, por debajo de todas las que ordena. "
                + "Para cada par de opciones se cuenta cuántos votantes prefieren una a la otra; luego se busca el "
                + "camino más fuerte entre cada par (la fuerza de un camino es la de su eslabón más débil). "
                + "Una opción vence a otra si su camino más fuerte hacia ella es más fuerte que el inverso; "
                + "la puntuación es el número de opciones que vence, y las opciones con igual puntuación empatan. "
                + "Resultado con " + ballots.voters() + " votos: " + Rankings.describe(ranking, "vencidas") + ". "
                + (winners.size() == 1 ? "Gana " + winners.getFirst() + "." : "Empatan en el primer lugar " + Rankings.list(winners) + ".");
        return new Result(ranking, winners, explanation);
    }

    /** {@code d[x][y]}: the voters who prefer {@code x} to {@code y}. */
    public static long[][] preferences(Ballots ballots) {
        int n = ballots.options();
        int size = ballots.size();
        long work = 0;
        for (int b = 0; b < size && work < PARALLEL_THRESHOLD; b++) {
            long m = ballots.end(b) - ballots.start(b);
            work += m * m / 2 + 1;
        }
        int threads = work < PARALLEL_THRESHOLD ? 1 : Runtime.getRuntime().availableProcessors();
        int chunks = Math.min(size, threads * 4);
        if (chunks <= 1) {
            return finish(n, count(ballots, 0, size));
        }
        Partial total = IntStream.range(0, chunks).parallel()
                .mapToObj(c -> count(ballots, (int) ((long) size * c / chunks), (int) ((long) size * (c + 1) / chunks)))
                .reduce(Partial::add).orElseThrow();
        return finish(n, total);
    }

    /** Ranked-over-ranked counts and how many voters rank each option, for ballots {@code [from, to)}. */
    private static Partial count(Ballots ballots, int from, int to) {
        int n = ballots.options();
        long[][] above = new long[n][n];
        long[] ranked = new long[n];
        short[] items = ballots.items();
        for (int b = from; b < to; b++) {
            long c = ballots.count(b);
            int end = ballots.end(b);
            for (int a = ballots.start(b); a < end; a++) {
                int x = items[a];
                ranked[x] += c;
                long[] row = above[x];
                for (int k = a + 1; k < end; k++) {
                    row[items[k]] += c;
                }
            }
        }
        return new Partial(above, ranked);
    }

    private static long[][] finish(int n, Partial partial) {
        long[][] above = partial.above;
        long[][] d = new long[n][n];
        for (int x = 0; x < n; x++) {
            for (int y = 0; y < n; y++) {
                if (x != y) {
                    // every ballot that ranks x prefers it to y, unless it ranks y above x
                    d[x][y] = partial.ranked[x] - above[y][x];
                }
            }
        }
        return d;
    }

    /** Widest paths: {@code p[x][y]}, the strength of the strongest path from {@code x} to {@code y}. */
    public static long[][] strongestPaths(long[][] d) {
        int n = d.length;
        long[][] p = new long[n][n];
        for (int x = 0; x < n; x++) {
            for (int y = 0; y < n; y++) {
                if (x != y && d[x][y] > d[y][x]) {
                    p[x][y] = d[x][y];
                }
            }
        }
        for (int i = 0; i < n; i++) {
            long[] pi = p[i];
            for (int j = 0; j < n; j++) {
                long ji = p[j][i];
                if (j == i || ji == 0) {
                    continue;
                }
                long[] pj = p[j];
                for (int k = 0; k < n; k++) {
                    if (k != i && k != j) {
                        long via = Math.min(ji, pi[k]);
                        if (via > pj[k]) {
                            pj[k] = via;
                        }
                    }
                }
            }
        }
        return p;
    }

    private record Partial(long[][] above, long[] ranked) {

        Partial add(Partial other) {
            for (int x = 0; x < above.length; x++) {
                ranked[x] += other.ranked[x];
                for (int y = 0; y < above.length; y++) {
                    above[x][y] += other.above[x][y];
                }
            }
            return this;
        }
    }
}
