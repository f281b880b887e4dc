package org.minga.participation.internal.voting;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The four methods on published examples, without the application. */
class PrioritisationTests {

    /** Ballots from rankings written as strings of one-letter options: "ACBED". */
    static Ballots letters(List<String> options, Object... rankingsAndCounts) {
        Ballots ballots = new Ballots(options.size());
        for (int i = 0; i < rankingsAndCounts.length; i += 2) {
            String ranking = (String) rankingsAndCounts[i];
            ballots.add(ranking.chars().map(c -> options.indexOf(String.valueOf((char) c))).toArray(),
                    ((Number) rankingsAndCounts[i + 1]).longValue());
        }
        return ballots;
    }

    static List<String> order(Result result) {
        return result.ranking().stream().map(Result.Standing::option).toList();
    }

    static List<Integer> positions(Result result) {
        return result.ranking().stream().map(Result.Standing::position).toList();
    }

    /**
     * Wikipedia, "Schulze method", the example with 45 voters and 5 candidates: the strongest
     * paths give E > A > C > B > D, winner E.
     */
    @Test
    void schulzeWikipediaExample() {
        List<String> options = List.of("A", "B", "C", "D", "E");
        Ballots ballots = letters(options, "ACBED", 5, "ADECB", 5, "BEDAC", 8, "CABED", 3, "CAEBD", 7, "CBADE", 2,
                "DCEBA", 7, "EBADC", 8);
        long[][] d = Schulze.preferences(ballots);
        // published pairwise matrix, rows A..E
        assertThat(d).isEqualTo(new long[][] {
                {0, 20, 26, 30, 22}, {25, 0, 16, 33, 18}, {19, 29, 0, 17, 24}, {15, 12, 28, 0, 14}, {23, 27, 21, 31, 0}});
        // published strongest paths
        assertThat(Schulze.strongestPaths(d)).isEqualTo(new long[][] {
                {0, 28, 28, 30, 24}, {25, 0, 28, 33, 24}, {25, 29, 0, 29, 24}, {25, 28, 28, 0, 24}, {25, 28, 28, 31, 0}});
        Result result = Schulze.compute(options, ballots);
        assertThat(order(result)).containsExactly("E", "A", "C", "B", "D");
        assertThat(positions(result)).containsExactly(1, 2, 3, 4, 5);
        assertThat(result.winners()).containsExactly("E");
        assertThat(result.explanation()).contains("Schulze", "45 votos", "Gana E");
    }

    static final List<String> TENNESSEE = List.of("Memphis", "Nashville", "Chattanooga", "Knoxville");

    /** M, N, C, K = Memphis, Nashville, Chattanooga, Knoxville; per 100 voters. */
    static Ballots tennessee() {
        List<String> letters = List.of("M", "N", "C", "K");
        Ballots abbreviated = letters(letters, "MNCK", 42, "NCKM", 26, "CKNM", 15, "KCNM", 17);
        return abbreviated;
    }

    /**
     * Wikipedia's Tennessee capital example, by hand with 4 options (3, 2, 1, 0 points):
     * Memphis 42·3 = 126; Nashville 42·2 + 26·3 + 15·1 + 17·1 = 194;
     * Chattanooga 42·1 + 26·2 + 15·3 + 17·2 = 173; Knoxville 26·1 + 15·2 + 17·3 = 107.
     */
    @Test
    void bordaTennesseeExample() {
        Result result = Borda.compute(TENNESSEE, tennessee());
        assertThat(result.ranking()).containsExactly(new Result.Standing("Nashville", 1, 194),
                new Result.Standing("Chattanooga", 2, 173), new Result.Standing("Memphis", 3, 126),
                new Result.Standing("Knoxville", 4, 107));
        assertThat(result.winners()).containsExactly("Nashville");
    }

    /** The same example: Nashville is the Condorcet winner, and the pairwise order is N > C > K > M. */
    @Test
    void schulzeTennesseeExample() {
        Result result = Schulze.compute(TENNESSEE, tennessee());
        assertThat(result.ranking()).containsExactly(new Result.Standing("Nashville", 1, 3),
                new Result.Standing("Chattanooga", 2, 2), new Result.Standing("Knoxville", 3, 1),
                new Result.Standing("Memphis", 4, 0));
        assertThat(result.winners()).containsExactly("Nashville");
    }

    /** A ballot ranking only A puts B and C tied below it: 2 × "A" and 1 × "B" make A > B > C. */
    @Test
    void unrankedOptionsTieLast() {
        List<String> options = List.of("A", "B", "C");
        Ballots ballots = letters(options, "A", 2, "B", 1);
        long[][] d = Schulze.preferences(ballots);
        assertThat(d[0]).containsExactly(0, 2, 2);
        assertThat(d[1]).containsExactly(1, 0, 1);
        assertThat(d[2]).containsExactly(0, 0, 0);
        assertThat(order(Schulze.compute(options, ballots))).containsExactly("A", "B", "C");
        // Borda: A 2·2 = 4, B 1·2 = 2, C 0
        assertThat(Borda.compute(options, ballots).ranking().stream().map(Result.Standing::score).toList())
                .containsExactly(4L, 2L, 0L);
        // nobody ranks B against C on "A" ballots and nothing else separates them: a tie
        Result tie = Schulze.compute(options, letters(options, "A", 1));
        assertThat(positions(tie)).containsExactly(1, 2, 2);
        assertThat(tie.winners()).containsExactly("A");
    }

    @Test
    void approvalTiesShareAPosition() {
        List<String> options = List.of("A", "B", "C", "D");
        Result result = Approval.compute(options, letters(options, "AB", 2, "BC", 1, "A", 1, "C", 2, "D", 1));
        // A 3, B 3, C 3, D 1 → 1, 1, 1, 4
        assertThat(result.ranking()).containsExactly(new Result.Standing("A", 1, 3), new Result.Standing("B", 1, 3),
                new Result.Standing("C", 1, 3), new Result.Standing("D", 4, 1));
        assertThat(result.winners()).containsExactly("A", "B", "C");
        assertThat(result.explanation()).contains("Empatan en el primer lugar A, B y C");
    }

    /** Budget 100: A (5 votes, 60) is funded, B (4, 50) does not fit in 40 and is skipped, C (3, 30) fits. */
    @Test
    void budgetSkipsAnOptionThatDoesNotFit() {
        List<String> options = List.of("A", "B", "C", "D");
        Ballots ballots = letters(options, "ABC", 3, "AB", 1, "A", 1, "D", 1);
        List<BigDecimal> costs = List.of(new BigDecimal(60), new BigDecimal(50), new BigDecimal(30), new BigDecimal(20));
        Result result = BudgetApproval.compute(options, ballots, new BigDecimal(100), costs);
        assertThat(result.ranking()).containsExactly(new Result.Standing("A", 1, 5), new Result.Standing("B", 2, 4),
                new Result.Standing("C", 3, 3), new Result.Standing("D", 4, 1));
        assertThat(result.winners()).containsExactly("A", "C");
        assertThat(result.explanation()).contains("Se financian A y C", "no caben B y D", "sobran 10");
    }

    /** Equal votes: the cheaper first, so two cheap options are funded instead of one dear one. */
    @Test
    void budgetBreaksVoteTiesByCostThenName() {
        List<String> options = List.of("Z", "Y", "X");
        Ballots ballots = letters(options, "ZYX", 2);
        List<BigDecimal> costs = List.of(new BigDecimal(10), new BigDecimal(10), new BigDecimal(15));
        Result result = BudgetApproval.compute(options, ballots, new BigDecimal(20), costs);
        assertThat(positions(result)).containsExactly(1, 1, 1);
        assertThat(result.winners()).containsExactly("Y", "Z");
    }

    /** Many ballots take the parallel path; it must agree with the same ballots merged by count. */
    @Test
    void largeInputsAgreeWithCountedBallots() {
        List<String> options = List.of("A", "B", "C", "D", "E");
        Ballots many = new Ballots(5);
        for (int i = 0; i < 500_000; i++) {
            many.add(new int[] {i % 5, (i + 1) % 5, (i + 3) % 5}, 1);
        }
        Ballots counted = new Ballots(5);
        for (int i = 0; i < 5; i++) {
            counted.add(new int[] {i, (i + 1) % 5, (i + 3) % 5}, 100_000);
        }
        assertThat(Schulze.preferences(many)).isEqualTo(Schulze.preferences(counted));
    }
}
