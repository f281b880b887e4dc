package org.minga.participation.internal.voting;

import java.util.List;

/**
 * A prioritisation's outcome: every option with its position (standard competition ranking:
 * tied options share a position and the next one skips, 1, 1, 3) and its score in the method's
 * own unit, the winners, and a plain Spanish explanation.
 */
public record Result(List<Standing> ranking, List<String> winners, String explanation) {

    public record Standing(String option, int position, long score) {
    }
}
