package org.minga.participation.internal.voting;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/** Standard competition ranking by descending score; ties keep the options' given order. */
final class Rankings {

    private Rankings() {
    }

    static List<Result.Standing> byScore(List<String> names, long[] scores) {
        int[] order = IntStream.range(0, scores.length).boxed()
                .sorted(Comparator.comparingLong((Integer i) -> -scores[i]).thenComparingInt(i -> i))
                .mapToInt(Integer::intValue).toArray();
        List<Result.Standing> ranking = new ArrayList<>(order.length);
        int position = 0;
        for (int k = 0; k < order.length; k++) {
            if (k == 0 || scores[order[k]] != scores[order[k - 1]]) {
                position = k + 1;
            }
            ranking.add(new Result.Standing(names.get(order[k]), position, scores[order[k]]));
        }
        return ranking;
    }

    static List<String> first(List<Result.Standing> ranking) {
        return ranking.stream().filter(s -> s.position() == 1).map(Result.Standing::option).toList();
    }

    /** "A (3), B (2)" — the ranking for the explanation. */
    static String describe(List<Result.Standing> ranking, String unit) {
        StringBuilder text = new StringBuilder();
        for (Result.Standing s : ranking) {
            if (!text.isEmpty()) {
                text.append("; ");
            }
            text.append(s.position()).append(".º ").append(s.option()).append(" (").append(s.score()).append(' ')
                    .append(unit).append(')');
        }
        return text.toString();
    }

    static String list(List<String> names) {
        if (names.isEmpty()) {
            return "ninguna";
        }
        if (names.size() == 1) {
            return names.getFirst();
        }
        return String.join(", ", names.subList(0, names.size() - 1)) + " y " + names.getLast();
    }
}
