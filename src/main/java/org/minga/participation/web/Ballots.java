package org.minga.participation.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.minga.participation.internal.PrioritisationExercises.Choice;
import org.minga.participation.internal.PrioritisationExercises.Exercise;
import org.minga.participation.internal.PrioritisationExercises.Option;
import org.minga.platform.InvalidInputException;

/**
 * Reads a ballot from a form, online or from paper alike: for ranked methods a number per option
 * ({@code rank-<id>}: 1 the most preferred, blank for unranked), otherwise a box per approved
 * option ({@code approve-<id>}).
 */
final class Ballots {

    private Ballots() {
    }

    static Choice choice(Exercise exercise, Map<String, String> form) {
        List<Long> chosen = new ArrayList<>();
        if (exercise.ranked()) {
            List<long[]> ranks = new ArrayList<>();
            for (Option option : exercise.options()) {
                String value = form.get("rank-" + option.id());
                if (value == null || value.isBlank()) {
                    continue;
                }
                try {
                    ranks.add(new long[] {Long.parseLong(value.strip()), option.id()});
                } catch (NumberFormatException e) {
                    throw new InvalidInputException("choices", "Rank", "participation.ballot.rank");
                }
            }
            if (ranks.stream().map(r -> r[0]).distinct().count() != ranks.size()
                    || ranks.stream().anyMatch(r -> r[0] < 1)) {
                throw new InvalidInputException("choices", "Rank", "participation.ballot.rank");
            }
            ranks.sort(Comparator.comparingLong(r -> r[0]));
            ranks.forEach(r -> chosen.add(r[1]));
        } else {
            for (Option option : exercise.options()) {
                if (form.containsKey("approve-" + option.id())) {
                    chosen.add(option.id());
                }
            }
        }
        return new Choice(chosen);
    }
}
